using SentinelContent.Kql.Data;
using SentinelContent.Kql.Evaluation.Values;

namespace SentinelContent.Kql.Evaluation.Operators;

/// <summary>One sort key: its values, the direction, and where nulls go.</summary>
public readonly record struct SortKey(Column Values, bool Descending, bool NullsFirst);

/// <summary>sort and top: a stable ordering of row indexes by several keys.</summary>
public static class Sorting
{
    public static int[] Order(int rowCount, IReadOnlyList<SortKey> keys)
    {
        var rows = Enumerable.Range(0, rowCount).ToArray();
        var values = keys.Select(k => k.Values.ToValues().Select(KqlValue.Unwrap).ToArray()).ToArray();
        var comparison = Comparer<int>.Create((a, b) =>
        {
            for (var k = 0; k < keys.Count; k++)
            {
                var x = values[k][a];
                var y = values[k][b];
                int result;
                if (x is null || y is null)
                {
                    if (x is null && y is null) continue;
                    result = (x is null) == keys[k].NullsFirst ? -1 : 1;
                    return result;
                }

                result = ValueComparer.Instance.Compare(x, y);
                if (result != 0) return keys[k].Descending ? -result : result;
            }

            return a.CompareTo(b); // stable
        });
        Array.Sort(rows, comparison);
        return rows;
    }
}
