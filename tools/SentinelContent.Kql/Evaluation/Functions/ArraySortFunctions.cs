using System.Text.Json;
using System.Text.Json.Nodes;
using SentinelContent.Kql.Data;
using SentinelContent.Kql.Evaluation.Values;
using SentinelContent.Kql.Schema;

namespace SentinelContent.Kql.Evaluation.Functions;

/// <summary>
/// array_sort_asc / array_sort_desc (array-sort-asc-function.md): sorts the first array, reorders the others by the
/// same permutation (an array of another length gives null), nulls last unless the trailing bool says false. Mixed
/// types sort numbers first, then strings, then everything else; the sort is stable. With several arrays the result
/// is a tuple (one column per array); where a single value is wanted (array_sort_asc(a, b)[1]) it is the array of
/// the sorted arrays, so an index picks one.
/// </summary>
internal static class ArraySortFunctions
{
    public static void Register(Dictionary<string, ScalarImplementation> f)
    {
        f["array_sort_asc"] = site => Scalar(site, descending: false);
        f["array_sort_desc"] = site => Scalar(site, descending: true);
    }

    public static void RegisterTuples(Dictionary<string, TupleImplementation> f)
    {
        f["array_sort_asc"] = site => Tuple(site, descending: false);
        f["array_sort_desc"] = site => Tuple(site, descending: true);
    }

    private static Planning.ScalarEval Scalar(CallSite site, bool descending)
    {
        var tuple = Tuple(site, descending);
        return (input, context) =>
        {
            var columns = tuple(input, context);
            if (columns.Count == 1) return columns[0];
            var rows = new JsonNode?[input.RowCount];
            for (var row = 0; row < rows.Length; row++) rows[row] = new JsonArray([.. columns.Select(c => KqlValue.ToDynamic(c.GetValue(row)))]);
            return new DynamicColumn(rows);
        };
    }

    private static Functions.TupleEval Tuple(CallSite site, bool descending) => (input, context) =>
    {
        var arguments = site.Evaluate(input, context);
        var arrayCount = arguments.Length > 1 && arguments[^1].Type == ScalarType.Bool ? arguments.Length - 1 : arguments.Length;
        var nullsLastColumn = arrayCount < arguments.Length ? arguments[^1] : null;
        var results = new JsonNode?[arrayCount][];
        for (var a = 0; a < arrayCount; a++) results[a] = new JsonNode?[input.RowCount];
        for (var row = 0; row < input.RowCount; row++)
        {
            if (arguments[0].GetValue(row) is not JsonArray first) continue;
            var nullsLast = nullsLastColumn is null || KqlValue.ToBool(nullsLastColumn.GetValue(row)) != false;
            var order = Permutation(first, descending, nullsLast);
            for (var a = 0; a < arrayCount; a++)
            {
                if (arguments[a].GetValue(row) is not JsonArray array || array.Count != first.Count) continue;
                results[a][row] = new JsonArray([.. order.Select(i => array[i]?.DeepClone())]);
            }
        }

        return [.. results.Select(values => (Column)new DynamicColumn(values))];
    };

    /// <summary>The positions of the elements in sorted order (stable), nulls first or last.</summary>
    private static int[] Permutation(JsonArray array, bool descending, bool nullsLast)
    {
        var positions = Enumerable.Range(0, array.Count).ToArray();
        var keys = array.Select(KqlValue.Unwrap).ToArray();
        Comparison<int> compare = (x, y) =>
        {
            var (kx, ky) = (keys[x], keys[y]);
            if (kx is null || ky is null)
            {
                if (kx is null && ky is null) return x.CompareTo(y);
                return (kx is null) == nullsLast ? 1 : -1;
            }

            var byClass = TypeClass(array[x]).CompareTo(TypeClass(array[y]));
            var result = byClass != 0 ? byClass : ValueComparer.Instance.Compare(kx, ky);
            if (descending) result = -result;
            return result != 0 ? result : x.CompareTo(y);
        };
        Array.Sort(positions, compare);
        return positions;
    }

    /// <summary>Numbers (and datetimes, timespans) first, then strings, then anything else (bools, bags, arrays).</summary>
    private static int TypeClass(JsonNode? node) => node is JsonValue value ? value.GetValueKind() switch
    {
        JsonValueKind.Number => 0,
        JsonValueKind.String => 1,
        _ => 3,
    } : 3;
}
