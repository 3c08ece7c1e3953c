using System.Text.Json.Nodes;
using SentinelContent.Kql.Evaluation.Values;
using SentinelContent.Kql.Schema;

namespace SentinelContent.Kql.Evaluation.Functions;

/// <summary>Arrays and property bags: lengths, keys, packing, sorting, and the set functions (which keep first-seen order and drop duplicates).</summary>
internal static class DynamicFunctions
{
    public static void Register(Dictionary<string, ScalarImplementation> f)
    {
        f["array_length"] = Implement.Values(ScalarType.Long, a => a.Arg(0) is JsonArray array ? array.Count : null);
        f["bag_keys"] = Implement.Values(ScalarType.Dynamic, a => a.Arg(0) is JsonObject bag ? new JsonArray([.. bag.Select(p => (JsonNode?)JsonValue.Create(p.Key))]) : null);
        f["bag_has_key"] = Implement.Values(ScalarType.Bool, a => a.Arg(0) is JsonObject bag && HasKey(bag, a.Text(1)));
        f["bag_pack"] = Implement.Values(ScalarType.Dynamic, Pack);
        f["pack_all"] = PackAll;
        f["pack_array"] = Implement.Values(ScalarType.Dynamic, a => new JsonArray([.. a.Select(Clone)]));
        f["bag_merge"] = Implement.Values(ScalarType.Dynamic, Merge);
        f["bag_remove_keys"] = Implement.Values(ScalarType.Dynamic, RemoveKeys);
        f["array_concat"] = Implement.Values(ScalarType.Dynamic, a => new JsonArray([.. a.SelectMany(x => KqlValue.Unwrap(x) is JsonArray arr ? arr.Select(e => e?.DeepClone()) : [])]));
        f["array_reverse"] = Implement.Values(ScalarType.Dynamic, a => a.Arg(0) is JsonArray arr ? new JsonArray([.. arr.Reverse().Select(e => e?.DeepClone())]) : null);
        f["array_slice"] = Implement.Values(ScalarType.Dynamic, Slice);
        f["array_index_of"] = Implement.Values(ScalarType.Long, IndexOf);
        f["array_sum"] = Implement.Values(ScalarType.Real, a => a.Arg(0) is JsonArray arr ? arr.Sum(e => KqlValue.ToReal(KqlValue.Unwrap(e)) ?? 0) : null);
        f["set_has_element"] = Implement.Values(ScalarType.Bool, a => a.Arg(0) is JsonArray arr ? arr.Any(e => ValueComparer.Instance.Equals(KqlValue.Unwrap(e), a.Arg(1))) : null);
        f["set_union"] = Implement.Values(ScalarType.Dynamic, a => Distinct(a.SelectMany(Elements)));
        f["set_intersect"] = Implement.Values(ScalarType.Dynamic, a => Distinct(Elements(a[0]).Where(e => a.Skip(1).All(other => Elements(other).Any(o => SameElement(o, e))))));
        f["set_difference"] = Implement.Values(ScalarType.Dynamic, a => Distinct(Elements(a[0]).Where(e => a.Skip(1).All(other => !Elements(other).Any(o => SameElement(o, e))))));
        f["zip"] = Implement.Values(ScalarType.Dynamic, Zip);
        f["treepath"] = Implement.Values(ScalarType.Dynamic, a => a.Arg(0) is JsonObject bag ? new JsonArray([.. bag.Select(p => (JsonNode?)JsonValue.Create("$['" + p.Key + "']"))]) : null);
    }

    /// <summary>pack_all([ignore_null_empty]): a bag of every column of the row.</summary>
    private static Planning.ScalarEval PackAll(CallSite site) => (input, context) =>
    {
        var skipEmpty = site.Arguments.Count > 0 && KqlValue.ToBool(site.Arguments[0].Single(context)) == true;
        var bags = new JsonNode?[input.RowCount];
        for (var row = 0; row < bags.Length; row++)
        {
            var bag = new JsonObject();
            for (var c = 0; c < input.Columns.Count; c++)
            {
                var value = KqlValue.Get(input.Columns[c], row);
                if (skipEmpty && KqlValue.IsEmpty(value)) continue;
                bag[input.Schema.Columns[c].Name] = Clone(value);
            }

            bags[row] = bag;
        }

        return new Data.DynamicColumn(bags);
    };

    internal static JsonNode? Clone(object? value) => value is JsonNode node ? node.DeepClone() : KqlValue.ToDynamic(value);

    /// <summary>bag_pack("k1", v1, "k2", v2...): null values are kept (as JSON null), as Kusto does.</summary>
    private static object? Pack(object?[] a)
    {
        var bag = new JsonObject();
        for (var i = 0; i + 1 < a.Length; i += 2) bag[KqlValue.ToText(a[i])] = Clone(a[i + 1]);
        return bag;
    }

    private static object? Merge(object?[] a)
    {
        var bag = new JsonObject();
        foreach (var value in a)
            if (KqlValue.Unwrap(value) is JsonObject obj)
                foreach (var (key, node) in obj)
                    if (!bag.ContainsKey(key)) bag[key] = node?.DeepClone();
        return bag;
    }

    /// <summary>bag_remove_keys(bag, keys): keys are top-level names or JSONPath ($.a.b, $['a']['b']) reaching into nested bags.</summary>
    private static object? RemoveKeys(object?[] a)
    {
        if (a.Arg(0) is not JsonObject bag) return null;
        var result = (JsonObject)bag.DeepClone();
        foreach (var key in Elements(a[1]).Select(KqlValue.ToText))
        {
            var path = key.StartsWith('$') ? JsonPathSteps(key) : [key];
            if (path is null || path.Count == 0) continue;
            JsonNode? parent = result;
            foreach (var step in path.Take(path.Count - 1)) parent = (parent as JsonObject)?[step];
            (parent as JsonObject)?.Remove(path[^1]);
        }
        return result;
    }

    /// <summary>bag_has_key(bag, key): a top-level key, or a JSONPath ($.a.b) into nested bags (bag-has-key-function.md).</summary>
    private static bool HasKey(JsonObject bag, string key)
    {
        var path = key.StartsWith('$') ? JsonPathSteps(key) : [key];
        if (path is null || path.Count == 0) return false;
        JsonNode? node = bag;
        foreach (var step in path)
        {
            if (node is not JsonObject obj || !obj.TryGetPropertyValue(step, out node)) return false;
        }

        return true;
    }

    /// <summary>The property names of a JSONPath of member steps ($.a.b or $['a']['b']); null for other paths.</summary>
    internal static List<string>? JsonPathSteps(string path)
    {
        var steps = new List<string>();
        var i = 1;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                var end = i + 1;
                while (end < path.Length && path[end] is not ('.' or '[')) end++;
                if (end == i + 1) return null;
                steps.Add(path[(i + 1)..end]);
                i = end;
            }
            else if (path[i] == '[' && i + 1 < path.Length && path[i + 1] is '\'' or '"')
            {
                var quote = path[i + 1];
                var end = path.IndexOf(quote, i + 2);
                if (end < 0 || end + 1 >= path.Length || path[end + 1] != ']') return null;
                steps.Add(path[(i + 2)..end]);
                i = end + 2;
            }
            else
            {
                return null;
            }
        }
        return steps;
    }

    internal static IEnumerable<object?> Elements(object? value) => KqlValue.Unwrap(value) is JsonArray arr ? arr.Select(e => KqlValue.Unwrap(e) ?? (object?)e) : [];

    private static bool SameElement(object? a, object? b) => ValueComparer.Instance.Equals(a, b);

    internal static JsonArray Distinct(IEnumerable<object?> values)
    {
        var seen = new HashSet<object?>(ValueComparer.Instance);
        var result = new JsonArray();
        foreach (var value in values)
            if (seen.Add(value)) result.Add(Clone(value));
        return result;
    }

    private static object? Slice(object?[] a)
    {
        if (a.Arg(0) is not JsonArray arr) return null;
        long start = KqlValue.ToLong(a.Arg(1)) ?? 0, end = KqlValue.ToLong(a.Arg(2)) ?? arr.Count - 1;
        if (start < 0) start += arr.Count;
        if (end < 0) end += arr.Count;
        start = Math.Max(0, start);
        end = Math.Min(arr.Count - 1, end);
        var result = new JsonArray();
        for (var i = start; i <= end; i++) result.Add(arr[(int)i]?.DeepClone());
        return result;
    }

    private static object? IndexOf(object?[] a)
    {
        if (a.Arg(0) is not JsonArray arr) return null;
        var target = a.Arg(1);
        return SearchWindow.Find(a, 2, arr.Count, (from, count) =>
        {
            for (var i = from; i < from + count; i++)
                if (ValueComparer.Instance.Equals(KqlValue.Unwrap(arr[i]), target)) return i;
            return -1;
        });
    }

    private static object? Zip(object?[] a)
    {
        var arrays = a.Select(x => KqlValue.Unwrap(x) as JsonArray).ToArray();
        if (arrays.Any(x => x is null)) return null;
        var length = arrays.Max(x => x!.Count);
        var result = new JsonArray();
        for (var i = 0; i < length; i++) result.Add(new JsonArray([.. arrays.Select(x => i < x!.Count ? x[i]?.DeepClone() : null)]));
        return result;
    }
}
