using SentinelContent.Kql.Schema;

namespace SentinelContent.Kql.Data;

/// <summary>A table of typed columns, all of the same length, in the order of its schema.</summary>
public sealed class DataTable
{
    public DataTable(TableSchema schema, IReadOnlyList<Column> columns)
    {
        if (schema.Columns.Count != columns.Count) throw new ArgumentException("one column per schema column is needed", nameof(columns));
        var rows = columns.Count == 0 ? 0 : columns[0].Count;
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

    public Column? Find(string name)
    {
        for (var i = 0; i < Schema.Columns.Count; i++)
        {
            if (Schema.Columns[i].Name == name) return Columns[i];
        }
        return null;
    }
}
