using SentinelContent.Kql.Data;
using SentinelContent.Kql.Evaluation.Runtime;
using SentinelContent.Kql.Evaluation.Values;
using SentinelContent.Kql.Schema;

namespace SentinelContent.Kql.Evaluation.Operators;

/// <summary>
/// union: outer (all columns, in order of first appearance, nulls where a table lacks one) or inner (the columns
/// every table has). A name with different types becomes one column per type, named Name_type, as Kusto does.
/// </summary>
public static class Unioner
{
    public static DataTable Union(IReadOnlyList<(string Source, DataTable Table)> parts, bool inner, string? sourceColumn)
    {
        var typesByName = new Dictionary<string, List<ScalarType>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var (_, table) in parts)
            foreach (var column in table.Schema.Columns)
            {
                if (!typesByName.TryGetValue(column.Name, out var types)) { typesByName[column.Name] = types = []; order.Add(column.Name); }
                if (!types.Contains(column.Type)) types.Add(column.Type);
            }

        var output = new List<(string Name, string Source, ScalarType Type)>();
        foreach (var name in order)
        {
            if (inner && parts.Any(p => p.Table.Schema.Find(name) is null)) continue;
            var types = typesByName[name];
            if (types.Count == 1) output.Add((name, name, types[0]));
            else foreach (var type in types) output.Add((name + "_" + type.Name(), name, type));
        }

        var columns = new List<(string, Column)>();
        if (sourceColumn is not null)
            columns.Add((sourceColumn, ColumnFactory.FromValues(ScalarType.String, parts.SelectMany(p => Enumerable.Repeat<object?>(p.Source, p.Table.RowCount)).ToArray())));
        foreach (var (name, source, type) in output)
        {
            var values = new List<object?>();
            foreach (var (_, table) in parts)
            {
                var column = table.Find(source);
                for (var r = 0; r < table.RowCount; r++) values.Add(column is not null && column.Type == type ? KqlValue.Get(column, r) : null);
            }

            columns.Add((name, ColumnFactory.FromValues(type, values)));
        }

        return Tables.From(columns, rowCount: parts.Sum(p => p.Table.RowCount));
    }
}
