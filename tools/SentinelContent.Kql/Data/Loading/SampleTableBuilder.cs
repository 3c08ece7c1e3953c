using SentinelContent.Core.Diagnostics;
using SentinelContent.Core.Values;
using SentinelContent.Kql.Schema;

namespace SentinelContent.Kql.Data.Loading;

/// <summary>
/// Turns sample rows into a typed table. A table in the catalog is typed by its schema (missing columns are
/// null, unknown columns are an error); a table not in the catalog takes its schema from the sample itself.
/// </summary>
public static class SampleTableBuilder
{
    public static DataTable? Build(string tableName, IReadOnlyList<SampleRow> rows, SchemaCatalog catalog, IList<Diagnostic> diagnostics)
    {
        var schema = catalog.ForSampleData().Find(tableName) ?? InferSchema(tableName, rows);
        var builders = schema.Columns.Select(c => ColumnBuilder.For(c.Type)).ToArray();
        var index = schema.Columns.Select((c, i) => (c.Name, i)).ToDictionary(p => p.Name, p => p.i, StringComparer.Ordinal);
        var failed = false;
        var filled = new bool[builders.Length];

        foreach (var row in rows)
        {
            Array.Clear(filled);
            foreach (var field in row.Fields)
            {
                if (!index.TryGetValue(field.Name, out var column))
                {
                    diagnostics.Add(Diagnostic.Create(DataDiagnostics.UnknownColumn, row.Location, tableName, field.Name, Similarity.DidYouMean(field.Name, index.Keys)));
                    failed = true;
                    continue;
                }
                if (filled[column]) continue;
                var builder = builders[column];
                var ok = field.IsText ? builder.TryAppendText(field.Text!, out var error) : builder.TryAppend(field.Value, out error);
                if (!ok)
                {
                    diagnostics.Add(Diagnostic.Create(DataDiagnostics.WrongValueType, row.Location, tableName, field.Name, error));
                    builder.AppendNull();
                    failed = true;
                }
                filled[column] = true;
            }
            for (var i = 0; i < builders.Length; i++)
            {
                if (!filled[i]) builders[i].AppendNull();
            }
        }
        return failed ? null : new DataTable(schema, [.. builders.Select(b => b.Build())]);
    }

    /// <summary>Columns in order of first appearance, each typed by merging the types of its values.</summary>
    private static TableSchema InferSchema(string tableName, IReadOnlyList<SampleRow> rows)
    {
        var types = new Dictionary<string, ScalarType>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var field in rows.SelectMany(r => r.Fields))
        {
            var type = field.IsText ? (field.Text!.Length == 0 ? ScalarType.Unknown : ScalarType.String) : ValueConversion.Infer(field.Value);
            if (!types.TryGetValue(field.Name, out var known))
            {
                order.Add(field.Name);
                types[field.Name] = type;
            }
            else
            {
                types[field.Name] = ValueConversion.Merge(known, type);
            }
        }
        return new TableSchema(tableName, [.. order.Select(name => new ColumnSchema(name, types[name] == ScalarType.Unknown ? ScalarType.String : types[name]))]);
    }
}
