using System.Text.Json.Nodes;

namespace SentinelContent.Kql.Data;

/// <summary>
/// Estimates of what column values take in memory, for `query --stats`: the object layout of the 64-bit runtime
/// (a string is a 20-byte header plus two bytes a character, rounded up to 8; a reference is 8 bytes). Shared
/// string objects (a repeated value read once, the empty string) are counted once.
/// </summary>
internal static class ColumnSizes
{
    public static long OfString(string value) => (20L + 2L * value.Length + 7) & ~7L;

    public static long OfStrings(string[] values, bool distinctOnly)
    {
        var seen = new HashSet<string>(ReferenceEqualityComparer.Instance);
        var size = distinctOnly ? 0L : 8L * values.Length;
        foreach (var value in values)
            if (seen.Add(value)) size += OfString(value);
        return size;
    }

    /// <summary>Parsed JSON: about 48 bytes a node and a property, plus the text of its strings and numbers.</summary>
    public static long OfNodes(JsonNode?[] values)
    {
        var seen = new HashSet<JsonNode>(ReferenceEqualityComparer.Instance);
        var size = 0L;
        foreach (var value in values)
            if (value is not null && seen.Add(value)) size += OfNode(value, 0);
        return size;
    }

    private static long OfNode(JsonNode node, int depth)
    {
        if (depth > 64) return 0;
        return node switch
        {
            JsonObject bag => 48 + bag.Sum(p => 48 + OfString(p.Key) + (p.Value is null ? 0 : OfNode(p.Value, depth + 1))),
            JsonArray array => 48 + array.Sum(e => 8 + (e is null ? 0 : OfNode(e, depth + 1))),
            _ => 48 + 2L * node.ToJsonString().Length,
        };
    }
}
