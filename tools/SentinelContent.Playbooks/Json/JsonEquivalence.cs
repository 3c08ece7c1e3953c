using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SentinelContent.Playbooks.Json;

/// <summary>
/// Compares two JSON values as Logic Apps reads them: property order and number spelling (1 and 1.0) do
/// not matter; everything else does. Returns the path of the first difference, for failure reasons.
/// </summary>
public static class JsonEquivalence
{
    public static string? FirstDifference(JsonNode? expected, JsonNode? actual, string path = "$")
    {
        switch (expected, actual)
        {
            case (null, null):
                return null;
            case (JsonObject a, JsonObject b):
                foreach (var (key, value) in a)
                {
                    if (!b.TryGetPropertyValue(key, out var other)) return $"{path}.{key} is missing";
                    if (FirstDifference(value, other, $"{path}.{key}") is { } difference) return difference;
                }
                foreach (var (key, _) in b)
                {
                    if (!a.ContainsKey(key)) return $"{path}.{key} is extra";
                }
                return null;
            case (JsonArray a, JsonArray b):
                if (a.Count != b.Count) return $"{path} has {b.Count} items instead of {a.Count}";
                for (var i = 0; i < a.Count; i++)
                {
                    if (FirstDifference(a[i], b[i], $"{path}[{i}]") is { } difference) return difference;
                }
                return null;
            case (JsonValue a, JsonValue b):
                return SameValue(a, b) ? null : $"{path}: {Short(b)} instead of {Short(a)}";
            default:
                return $"{path}: {Short(actual)} instead of {Short(expected)}";
        }
    }

    private static bool SameValue(JsonValue a, JsonValue b)
    {
        var kindA = a.GetValueKind();
        var kindB = b.GetValueKind();
        if (kindA == JsonValueKind.Number && kindB == JsonValueKind.Number)
        {
            return decimal.TryParse(a.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var x)
                && decimal.TryParse(b.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var y)
                ? x == y
                : a.ToJsonString() == b.ToJsonString();
        }
        if (kindA != kindB) return false;
        return kindA == JsonValueKind.String ? a.GetValue<string>() == b.GetValue<string>() : a.ToJsonString() == b.ToJsonString();
    }

    private static string Short(JsonNode? node)
    {
        var text = node?.ToJsonString() ?? "null";
        return text.Length > 80 ? text[..77] + "..." : text;
    }
}
