using System.Text;
using System.Text.Json.Nodes;
using SentinelContent.Kql.Data;
using SentinelContent.Kql.Evaluation.Values;
using SentinelContent.Kql.Schema;

namespace SentinelContent.Kql.Evaluation.Functions;

/// <summary>Property bags built or changed: bag_set_key, bag_zip, bag_pack_columns; dynamic_to_json; estimate_data_size.</summary>
internal static class BagFunctions
{
    public static void Register(Dictionary<string, ScalarImplementation> f)
    {
        f["bag_set_key"] = Implement.Values(ScalarType.Dynamic, SetKey);
        f["bag_zip"] = Implement.Values(ScalarType.Dynamic, Zip);
        f["bag_pack_columns"] = PackColumns;
        f["dynamic_to_json"] = Implement.Values(ScalarType.String, a => DynamicJson.Of(a.Length > 0 ? a[0] : null));
        f["estimate_data_size"] = EstimateDataSize;
    }

    /// <summary>
    /// bag_set_key(bag, key, value): a copy with the key set; a JSONPath key ($.a.b) sets a nested property, creating
    /// the bags on the way; a non-bag input gives null (bag-set-key-function.md).
    /// </summary>
    private static object? SetKey(object?[] a)
    {
        if (a.Arg(0) is not JsonObject bag) return null;
        var key = a.Text(1);
        var path = key.StartsWith('$') ? DynamicFunctions.JsonPathSteps(key) : [key];
        if (path is null || path.Count == 0) return null;
        var result = (JsonObject)bag.DeepClone();
        var parent = result;
        foreach (var step in path.Take(path.Count - 1))
        {
            if (parent[step] is not JsonObject child)
            {
                child = [];
                parent[step] = child;
            }

            parent = child;
        }

        parent[path[^1]] = DynamicFunctions.Clone(a.Length > 2 ? a[2] : null);
        return result;
    }

    /// <summary>
    /// bag_zip(keys, values): a bag of the string keys with the values at the same positions (null past the values'
    /// end, or when the values are not an array); keys that are not strings are left out; non-array keys give null.
    /// </summary>
    private static object? Zip(object?[] a)
    {
        if (a.Arg(0) is not JsonArray keys) return null;
        var values = a.Arg(1) as JsonArray;
        var bag = new JsonObject();
        for (var i = 0; i < keys.Count; i++)
        {
            if (KqlValue.Unwrap(keys[i]) is not string key) continue;
            bag[key] = values is not null && i < values.Count ? values[i]?.DeepClone() : null;
        }

        return bag;
    }

    /// <summary>bag_pack_columns(c1, c2, ...): a bag keyed by the columns' names (bag-pack-columns-function.md).</summary>
    private static Planning.ScalarEval PackColumns(CallSite site) => (input, context) =>
    {
        var names = site.ArgumentNames.Select((name, i) => name ?? throw site.Error($"bag_pack_columns needs column names; argument {i + 1} is not one")).ToArray();
        var columns = site.Evaluate(input, context);
        var bags = new JsonNode?[input.RowCount];
        for (var row = 0; row < bags.Length; row++)
        {
            var bag = new JsonObject();
            for (var c = 0; c < columns.Length; c++) bag[names[c]] = DynamicFunctions.Clone(KqlValue.Get(columns[c], row));
            bags[row] = bag;
        }

        return new DynamicColumn(bags);
    };

    /// <summary>
    /// estimate_data_size(columns or *): the bytes of the row's values. The page's model (estimate-data-size-function.md:
    /// a long is 8, a string its length) extended with each type's storage size: bool 1, int 4, long/real/datetime/timespan
    /// 8, decimal and guid 16, a string its UTF-8 length, a dynamic value the UTF-8 length of its JSON text; null is 0.
    /// </summary>
    private static Planning.ScalarEval EstimateDataSize(CallSite site) => (input, context) =>
    {
        var columns = site.Arguments.Any(p => p.IsStar) ? [.. input.Columns] : site.Evaluate(input, context);
        var sizes = new long[input.RowCount];
        foreach (var column in columns)
            for (var row = 0; row < sizes.Length; row++) sizes[row] += Size(column, row);
        return new ValueColumn<long>(ScalarType.Long, sizes, new System.Collections.BitArray(sizes.Length));
    };

    private static long Size(Column column, int row)
    {
        if (column.IsNull(row)) return 0;
        return column.Type switch
        {
            ScalarType.Bool => 1,
            ScalarType.Int => 4,
            ScalarType.Long or ScalarType.Real or ScalarType.DateTime or ScalarType.TimeSpan => 8,
            ScalarType.Decimal or ScalarType.Guid => 16,
            ScalarType.String => Encoding.UTF8.GetByteCount(ValueText.Of(column, row)),
            _ => Encoding.UTF8.GetByteCount(DynamicJson.Of(column.GetValue(row))),
        };
    }
}
