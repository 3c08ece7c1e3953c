using SentinelContent.Kql.Data;
using SentinelContent.Kql.Evaluation.Values;
using SentinelContent.Kql.Schema;

namespace SentinelContent.Kql.Evaluation.Runtime;

/// <summary>Building result tables from named columns.</summary>
public static class Tables
{
    public static DataTable Empty(TableSchema schema) =>
        new(schema, [.. schema.Columns.Select(c => ColumnFactory.Empty(c.Type))]);

    /// <param name="rowCount">The row count when there are no columns (a projection of nothing keeps its rows).</param>
    public static DataTable From(IReadOnlyList<(string Name, Column Column)> columns, string name = "", int rowCount = 0)
    {
        var schema = new TableSchema(name, [.. columns.Select(c => new ColumnSchema(c.Name, c.Column.Type))]);
        return new DataTable(schema, [.. columns.Select(c => c.Column)], rowCount);
    }

    public static IEnumerable<(string Name, Column Column)> Named(this DataTable table)
    {
        for (var i = 0; i < table.Columns.Count; i++) yield return (table.Schema.Columns[i].Name, table.Columns[i]);
    }

    /// <summary>The rows of several tables of the same column names and types, one after the other.</summary>
    public static DataTable Concat(IReadOnlyList<DataTable> parts, DataTable shape)
    {
        if (parts.Count == 1) return parts[0];
        var columns = new List<(string, Column)>();
        for (var c = 0; c < shape.Columns.Count; c++)
        {
            var values = new List<object?>();
            foreach (var part in parts)
                for (var r = 0; r < part.RowCount; r++) values.Add(KqlValue.Get(part.Columns[c], r));
            columns.Add((shape.Schema.Columns[c].Name, ColumnFactory.FromValues(shape.Columns[c].Type, values)));
        }

        return From(columns);
    }

    /// <summary>extend's rule on a column list: a new name appends, an existing one is replaced where it stands.</summary>
    public static void AddOrReplace(this List<(string Name, Column Column)> columns, string name, Column column)
    {
        var at = columns.FindIndex(c => c.Name == name);
        if (at >= 0) columns[at] = (name, column);
        else columns.Add((name, column));
    }

    /// <summary>A table of one row and no columns: the row context of print and of scalars outside any table.</summary>
    public static DataTable SingleRow { get; } = new(new TableSchema("", []), [], rowCount: 1);
}
