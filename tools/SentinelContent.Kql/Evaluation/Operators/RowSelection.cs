using SentinelContent.Kql.Data;
using SentinelContent.Kql.Evaluation.Values;

namespace SentinelContent.Kql.Evaluation.Operators;

/// <summary>where and take: which rows go on.</summary>
public static class RowSelection
{
    /// <summary>The rows whose predicate is true (null and false drop the row); a table is returned as is when every row passes.</summary>
    public static DataTable Where(DataTable table, Column predicate) => Where(table, TrueRows(predicate));

    /// <summary>The given rows of <paramref name="table"/>; the table itself when they are all of its rows.</summary>
    public static DataTable Where(DataTable table, List<int> rows) => rows.Count == table.RowCount ? table : table.Select(rows);

    /// <summary>The row numbers where a boolean column is true (not false, not null).</summary>
    public static List<int> TrueRows(Column predicate)
    {
        var rows = new List<int>();
        if (predicate is ValueColumn<bool> bools)
        {
            // The usual case, as a plain loop over the typed values.
            var values = bools.Values;
            var nulls = bools.Nulls;
            for (var i = 0; i < values.Length; i++)
                if (values[i] && !nulls[i]) rows.Add(i);
        }
        else
        {
            for (var i = 0; i < predicate.Count; i++)
                if (predicate.IsTrue(i)) rows.Add(i);
        }

        return rows;
    }

    public static DataTable Take(DataTable table, long count)
    {
        if (count >= table.RowCount) return table;
        return table.Select(Enumerable.Range(0, (int)Math.Max(0, count)).ToArray());
    }
}
