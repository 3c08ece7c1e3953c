using System.Text.Json;
using System.Text.Json.Nodes;

namespace SentinelContent.Playbooks.Json;

/// <summary>Small typed reads of JSON values that never throw.</summary>
public static class JsonRead
{
    /// <summary>
    /// A property of an object, or null when the node is missing or is not an object. System.Text.Json's indexer
    /// throws on arrays and values; playbook JSON comes from users, so navigation must never throw.
    /// </summary>
    public static JsonNode? Get(this JsonNode? node, string name) =>
        node is JsonObject obj && obj.TryGetPropertyValue(name, out var value) ? value : null;

    public static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    public static long? Integer(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.Number && decimal.TryParse(value.ToJsonString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var number) && number == decimal.Truncate(number) && Math.Abs(number) < long.MaxValue
            ? (long)number
            : null;
}
