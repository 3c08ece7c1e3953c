using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SentinelContent.Kql.Evaluation.Values;

/// <summary>
/// dynamic_to_json's canonical text (dynamic-to-json-function.md): arrays as written, property bags with their
/// properties sorted by name (ordinal), at every depth; a scalar is its JSON text. Two bags with the same properties
/// in another order have the same canonical text, which is also how set functions compare elements.
/// </summary>
internal static class DynamicJson
{
    public static string Canonical(JsonNode? node)
    {
        var builder = new StringBuilder();
        Write(node, builder);
        return builder.ToString();
    }

    private static void Write(JsonNode? node, StringBuilder builder)
    {
        switch (node)
        {
            case null:
                builder.Append("null");
                break;
            case JsonObject bag:
                builder.Append('{');
                var first = true;
                foreach (var (key, value) in bag.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    if (!first) builder.Append(',');
                    first = false;
                    builder.Append(JsonSerializer.Serialize(key)).Append(':');
                    Write(value, builder);
                }

                builder.Append('}');
                break;
            case JsonArray array:
                builder.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    if (i > 0) builder.Append(',');
                    Write(array[i], builder);
                }

                builder.Append(']');
                break;
            default:
                builder.Append(node.ToJsonString());
                break;
        }
    }

    /// <summary>dynamic_to_json of any value: a dynamic value's canonical text; another value (or null) as tostring() writes it.</summary>
    public static string Of(object? value) => value is JsonNode node ? Canonical(node) : KqlValue.ToText(value);
}
