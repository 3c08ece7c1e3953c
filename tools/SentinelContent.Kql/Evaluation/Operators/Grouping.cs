using SentinelContent.Kql.Data;
using SentinelContent.Kql.Evaluation.Values;

namespace SentinelContent.Kql.Evaluation.Operators;

/// <summary>Hash grouping of rows by key columns (summarize by, distinct, join keys). Nulls group together.</summary>
public static class Grouping
{
    /// <summary>Each row's group number, and the first row of each group (groups numbered in order of first appearance).</summary>
    public static (int[] GroupOfRow, List<int> FirstRows) Group(IReadOnlyList<Column> keys, int rowCount)
    {
        var groupOfRow = new int[rowCount];
        var firstRows = new List<int>();
        if (keys.Count == 0)
        {
            if (rowCount > 0) firstRows.Add(0);
            return (groupOfRow, firstRows);
        }

        // Null keys group together (summarize by a null value gives one group for it): give null its own code.
        var codes = KeyEncoder.GroupCodes(keys, rowCount);
        if (Array.IndexOf(codes, KeyEncoder.Null) < 0)
        {
            // Codes are dense in order of first appearance: they are the group numbers.
            for (var row = 0; row < rowCount; row++)
                if (codes[row] == firstRows.Count) firstRows.Add(row);
            return (codes, firstRows);
        }

        var groupOfCode = new Dictionary<int, int>();
        Dictionary<RowKey, int>? groupOfNullKey = null; // rows with a null in some key, grouped by their full key
        for (var row = 0; row < rowCount; row++)
        {
            int group;
            var found = codes[row] == KeyEncoder.Null
                ? (groupOfNullKey ??= []).TryGetValue(RowKey.Of(keys, row), out group)
                : groupOfCode.TryGetValue(codes[row], out group);
            if (!found)
            {
                group = firstRows.Count;
                if (codes[row] == KeyEncoder.Null) groupOfNullKey![RowKey.Of(keys, row)] = group;
                else groupOfCode[codes[row]] = group;
                firstRows.Add(row);
            }

            groupOfRow[row] = group;
        }

        return (groupOfRow, firstRows);
    }

    /// <summary>
    /// Rows side by side by their dense codes (group numbers, a join's key codes): the rows of code c are
    /// Rows[Offsets[c] .. Offsets[c + 1]) in input order. A counting sort, linear in the rows, with no list per
    /// code; rows with a negative code (a null key) are left out.
    /// </summary>
    public static (int[] Offsets, int[] Rows) RowsByCode(int[] codes, int distinct)
    {
        var offsets = new int[distinct + 1];
        foreach (var code in codes)
            if (code >= 0) offsets[code + 1]++;
        for (var c = 0; c < distinct; c++) offsets[c + 1] += offsets[c];
        var next = offsets[..distinct];
        var rows = new int[offsets[distinct]];
        for (var r = 0; r < codes.Length; r++)
            if (codes[r] >= 0) rows[next[codes[r]]++] = r;
        return (offsets, rows);
    }

    /// <summary>distinct *: the first row of each distinct combination of all columns.</summary>
    public static DataTable Distinct(DataTable table)
    {
        var (_, firstRows) = Group(table.Columns, table.RowCount);
        return firstRows.Count == table.RowCount ? table : table.Select(firstRows);
    }
}

/// <summary>The values of several key columns in one row, compared with KQL's value equality.</summary>
public readonly struct RowKey : IEquatable<RowKey>
{
    private readonly object?[] _values;
    private readonly int _hash;

    private RowKey(object?[] values)
    {
        _values = values;
        var hash = new HashCode();
        foreach (var value in values) hash.Add(ValueComparer.Instance.GetHashCode(value));
        _hash = hash.ToHashCode();
    }

    public static RowKey Of(IReadOnlyList<Column> columns, int row)
    {
        var values = new object?[columns.Count];
        for (var i = 0; i < values.Length; i++) values[i] = KqlValue.Unwrap(KqlValue.Get(columns[i], row));
        return new RowKey(values);
    }

    public bool Equals(RowKey other)
    {
        if (_values.Length != other._values.Length) return false;
        for (var i = 0; i < _values.Length; i++)
            if (!ValueComparer.Instance.Equals(_values[i], other._values[i])) return false;
        return true;
    }

    public override bool Equals(object? obj) => obj is RowKey other && Equals(other);

    public override int GetHashCode() => _hash;
}
