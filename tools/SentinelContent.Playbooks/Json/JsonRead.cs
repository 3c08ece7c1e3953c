using System.Text.Json;
using System.Text.Json.Nodes;

namespace SentinelContent.Playbooks.Json;

/// <summary>Small typed reads of JSON values that never throw.</summary>
public static class JsonRead
{
    public static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    public static long? Integer(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.Number && decimal.TryParse(value.ToJsonString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var number) && number == decimal.Truncate(number) && Math.Abs(number) < long.MaxValue
            ? (long)number
            : null;
}
