using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SentinelContent.Playbooks.Simulator;

/// <summary>Conversions and comparisons of run-time values (JSON nodes; null is JSON null) with WDL's loose semantics.</summary>
public static class Values
{
    public static JsonNode? Clone(JsonNode? node) => node?.DeepClone();

    public static string? AsString(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    public static bool IsNumber(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.Number;

    public static decimal? AsNumber(JsonNode? node) =>
        IsNumber(node) && decimal.TryParse(node!.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;

    public static JsonNode Number(decimal value) =>
        value == decimal.Truncate(value) && Math.Abs(value) < long.MaxValue ? JsonValue.Create((long)value) : JsonValue.Create(value);

    /// <summary>How a value reads inside text (interpolation, concat): strings as they are, null as "", the rest as JSON.</summary>
    public static string ToText(JsonNode? node) => node switch
    {
        null => string.Empty,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when v.GetValueKind() == JsonValueKind.True => "True",
        JsonValue v when v.GetValueKind() == JsonValueKind.False => "False",
        _ => node.ToJsonString(),
    };

    public static bool Truthy(JsonNode? node) => node switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.True => true,
        JsonValue v when v.GetValueKind() == JsonValueKind.False => false,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => string.Equals(v.GetValue<string>(), "true", StringComparison.OrdinalIgnoreCase),
        _ when AsNumber(node) is { } n => n != 0,
        _ => throw new ExpressionRuntimeException($"expected a boolean, got {Describe(node)}"),
    };

    /// <summary>equals(): loose (fact sheet §2.2): null compares as "", true equals 1, numbers by value, strings exactly.</summary>
    public static bool LooseEquals(JsonNode? a, JsonNode? b)
    {
        a ??= JsonValue.Create(string.Empty);
        b ??= JsonValue.Create(string.Empty);
        if (AsBoolLike(a) is { } x && AsBoolLike(b) is { } y && (IsBool(a) || IsBool(b))) return x == y;
        if (AsNumber(a) is { } m && AsNumber(b) is { } n) return m == n;
        if (AsString(a) is { } s && AsString(b) is { } t) return string.Equals(s, t, StringComparison.Ordinal);
        return JsonNode.DeepEquals(a, b);
    }

    public static int Compare(JsonNode? a, JsonNode? b)
    {
        if (AsNumber(a) is { } m && AsNumber(b) is { } n) return m.CompareTo(n);
        if (AsString(a) is { } s && AsString(b) is { } t) return string.CompareOrdinal(s, t);
        throw new ExpressionRuntimeException($"cannot compare {Describe(a)} with {Describe(b)}");
    }

    public static string Describe(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "an object",
        JsonArray => "an array",
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => $"the text '{Short(v.GetValue<string>())}'",
            JsonValueKind.Number => $"the number {v.ToJsonString()}",
            _ => v.ToJsonString(),
        },
        _ => "a value",
    };

    private static string Short(string text) => text.Length > 40 ? text[..37] + "..." : text;

    private static bool IsBool(JsonNode? node) => node is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False;

    private static bool? AsBoolLike(JsonNode? node) => node switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.True => true,
        JsonValue v when v.GetValueKind() == JsonValueKind.False => false,
        _ when AsNumber(node) is { } n => n != 0,
        _ => null,
    };

    /// <summary>Property lookup as Logic Apps does it: case-insensitive keys.</summary>
    public static bool TryGetProperty(JsonObject obj, string name, out JsonNode? value)
    {
        if (obj.TryGetPropertyValue(name, out value)) return true;
        foreach (var (key, child) in obj)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase)) { value = child; return true; }
        }
        value = null;
        return false;
    }
}
