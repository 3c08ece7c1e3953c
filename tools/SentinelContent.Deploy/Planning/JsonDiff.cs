using System.Text.Json.Nodes;
using SentinelContent.Deploy.Desired;

namespace SentinelContent.Deploy.Planning;

/// <summary>Field-level differences between two JSON bodies (absent and null are the same thing).</summary>
public static class JsonDiff
{
    public static IReadOnlyList<FieldChange> Compare(JsonNode? before, JsonNode? after)
    {
        var changes = new List<FieldChange>();
        Walk(string.Empty, JsonCanonical.Normalize(before), JsonCanonical.Normalize(after), changes);
        return changes;
    }

    private static void Walk(string path, JsonNode? before, JsonNode? after, List<FieldChange> changes)
    {
        if (JsonCanonical.Equal(before, after)) return;
        switch (before, after)
        {
            case (JsonObject b, JsonObject a):
                foreach (var key in b.Select(p => p.Key).Union(a.Select(p => p.Key)).Order(StringComparer.Ordinal))
                    Walk(path.Length == 0 ? key : $"{path}.{key}", b[key], a[key], changes);
                break;
            case (JsonArray b, JsonArray a) when b.Count == a.Count:
                for (var i = 0; i < b.Count; i++) Walk($"{path}[{i}]", b[i], a[i], changes);
                break;
            default:
                changes.Add(new FieldChange(path, before?.DeepClone(), after?.DeepClone()));
                break;
        }
    }
}
