using System.Text.Json.Nodes;

namespace SentinelContent.Kql.Evaluation.Values;

/// <summary>
/// The JSONPath subset the reference supports (jsonpath.md): `$`, `.name`, `['name']` or `["name"]`, and `[n]`.
/// Steps are property names (string) or array indexes (int); a path outside the subset does not parse.
/// </summary>
internal static class JsonPath
{
    public static List<object>? Parse(string path)
    {
        var text = path.Trim();
        if (!text.StartsWith('$')) return null;
        var steps = new List<object>();
        var i = 1;
        while (i < text.Length)
        {
            if (text[i] == '.')
            {
                var end = i + 1;
                while (end < text.Length && text[end] is not ('.' or '[')) end++;
                if (end == i + 1) return null;
                steps.Add(text[(i + 1)..end]);
                i = end;
            }
            else if (text[i] == '[' && i + 1 < text.Length && text[i + 1] is '\'' or '"')
            {
                var quote = text[i + 1];
                var end = text.IndexOf(quote, i + 2);
                if (end < 0 || end + 1 >= text.Length || text[end + 1] != ']') return null;
                steps.Add(text[(i + 2)..end]);
                i = end + 2;
            }
            else if (text[i] == '[')
            {
                var end = text.IndexOf(']', i);
                if (end < 0 || !int.TryParse(text[(i + 1)..end], out var index)) return null;
                steps.Add(index);
                i = end + 1;
            }
            else
            {
                return null;
            }
        }

        return steps;
    }

    /// <summary>The node the steps lead to, or null when a step does not exist.</summary>
    public static JsonNode? Select(JsonNode? node, IReadOnlyList<object> steps)
    {
        foreach (var step in steps)
        {
            node = (step, node) switch
            {
                (string name, JsonObject bag) => bag.TryGetPropertyValue(name, out var child) ? child : null,
                (int index, JsonArray array) => index >= 0 && index < array.Count ? array[index] : index < 0 && -index <= array.Count ? array[array.Count + index] : null,
                _ => null,
            };
            if (node is null) return null;
        }

        return node;
    }
}
