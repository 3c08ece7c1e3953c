using System.Text.Json.Nodes;

namespace SentinelContent.Kql.Evaluation.Values;

/// <summary>Property and index access on dynamic values: a missing property, an index out of range or a non-object gives null.</summary>
public static class DynamicAccess
{
    public static JsonNode? Property(object? value, string name) => Resolve(value) is JsonObject obj && obj.TryGetPropertyValue(name, out var node) ? node : null;

    public static JsonNode? Element(object? value, object? key)
    {
        var node = Resolve(value);
        key = KqlValue.Unwrap(key);
        if (node is JsonArray array && KqlValue.ToLong(key) is { } index && key is not string)
        {
            if (index < 0) index += array.Count;
            return index >= 0 && index < array.Count ? array[(int)index] : null;
        }

        return node is JsonObject obj && key is string name && obj.TryGetPropertyValue(name, out var property) ? property : null;
    }

    /// <summary>A dynamic value, or text holding JSON (KQL accepts a string where it reads a bag only through parse_json, but samples often carry text).</summary>
    private static JsonNode? Resolve(object? value) => value switch
    {
        JsonNode node => node,
        _ => null,
    };

    /// <summary>parse_json/todynamic: JSON text becomes its value; text that is not JSON stays a string; a dynamic value is itself.</summary>
    public static JsonNode? Parse(object? value)
    {
        switch (value)
        {
            case null: return null;
            case JsonValue json when json.TryGetValue<string>(out var inner): return Parse(inner);
            case JsonNode node: return node;
            case string text:
                var trimmed = text.Trim();
                if (trimmed.Length == 0) return null; // parse_json('') is null, as the reference says
                try
                {
                    return Data.JsonText.Parse(trimmed);
                }
                catch (System.Text.Json.JsonException)
                {
                    return JsonValue.Create(text);
                }

            default: return KqlValue.ToDynamic(value);
        }
    }
}
