using SentinelContent.Kql.Schema;

namespace SentinelContent.Kql.Data;

/// <summary>A table of typed columns, all of the same length, in the order of its schema.</summary>
public sealed class DataTable
{
    /// <param name="rowCount">The number of rows of a table without columns (print's row context); otherwise the columns' length.</param>
    public DataTable(TableSchema schema, IReadOnlyList<Column> columns, int rowCount = 0)
    {
        if (schema.Columns.Count != columns.Count) throw new ArgumentException("one column per schema column is needed", nameof(columns));
        var rows = columns.Count == 0 ? rowCount : columns[0].Count;
        for (var i = 0; i < columns.Count; i++)
        {
            if (columns[i].Count != rows) throw new ArgumentException($"column {schema.Columns[i].Name} has {columns[i].Count} rows, not {rows}", nameof(columns));
            if (columns[i].Type != schema.Columns[i].Type) throw new ArgumentException($"column {schema.Columns[i].Name} is {columns[i].Type}, not {schema.Columns[i].Type}", nameof(columns));
        }
        Schema = schema;
        Columns = columns;
        RowCount = rows;
    }

    public TableSchema Schema { get; }

    public IReadOnlyList<Column> Columns { get; }

    public int RowCount { get; }

    /// <summary>A table of the same schema holding the given rows.</summary>
    public DataTable Select(IReadOnlyList<int> rows)
    {
        // One copy of the row numbers, shared by every column (each gathers its values only when read).
        var shared = RowIndexes.ToArray(rows);
        var composed = new Dictionary<int[], int[]>(ReferenceEqualityComparer.Instance);
        return new(Schema, [.. Columns.Select(c => c.Select(shared, composed))], shared.Length);
    }

    /// <summary>The rows whose datetime column <paramref name="column"/> lies in [start, end); a table without that column is returned whole.</summary>
    public DataTable WithinTime(string column, DateTime start, DateTime end)
    {
        if (Find(column) is not ValueColumn<DateTime> times) return this;
        var rows = new List<int>();
        for (var i = 0; i < RowCount; i++)
        {
            if (!times.Nulls[i] && times.Values[i] >= start && times.Values[i] < end) rows.Add(i);
        }
        return rows.Count == RowCount ? this : Select(rows);
    }

    public Column? Find(string name)
    {
        for (var i = 0; i < Schema.Columns.Count; i++)
        {
            if (Schema.Columns[i].Name == name) return Columns[i];
        }
        return null;
    }
}
