using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SentinelContent.Deploy.Desired;

/// <summary>JSON with its keys sorted and nulls dropped: what "equal content" means to the planner, and its hash.</summary>
public static class JsonCanonical
{
    public static JsonNode? Normalize(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.Where(p => p.Value is not null).OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, Normalize(p.Value)))),
        JsonArray array => new JsonArray([.. array.Select(Normalize)]),
        null => null,
        _ => node.DeepClone(),
    };

    public static string Serialize(JsonNode? node) => Normalize(node)?.ToJsonString() ?? "null";

    public static bool Equal(JsonNode? a, JsonNode? b) => Serialize(a) == Serialize(b);

    /// <summary>The content hash recorded in the ownership metadata, to tell repository changes from drift.</summary>
    public static string Hash(JsonNode? node) => HashOf(Serialize(node));

    /// <summary>The hash of text already in canonical form (saves normalizing twice on the planner's hot path).</summary>
    public static string HashOf(string canonical) =>
        "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));

    /// <summary>Copies the named properties of an object (those present and not null).</summary>
    public static JsonObject Pick(JsonObject source, IEnumerable<string> names)
    {
        var result = new JsonObject();
        foreach (var name in names)
        {
            if (source[name] is { } value && value.GetValueKind() != JsonValueKind.Null) result[name] = value.DeepClone();
        }
        return result;
    }
}
