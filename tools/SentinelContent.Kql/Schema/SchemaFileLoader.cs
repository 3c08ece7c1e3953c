using System.Globalization;
using System.Text.Json;
using Sylvan.Data.Csv;
using SentinelContent.Core.Diagnostics;
using SentinelContent.Core.Input;
using SentinelContent.Core.Text;

namespace SentinelContent.Kql.Schema;

/// <summary>
/// Loads table schemas from a file: the CSV a workspace export gives (table_name, column_name, column_type,
/// description), the compact JSON {"Table": {"Column": "type"}}, or the catalog JSON this tool ships.
/// </summary>
public static class SchemaFileLoader
{
    /// <summary>Schema exports of a whole workspace run to a few megabytes; this bounds what is read.</summary>
    public const long MaxBytes = 64L * 1024 * 1024;

    public static SchemaCatalog Load(string path, IList<Diagnostic> diagnostics)
    {
        var source = SourceFileReader.Read(path, diagnostics, MaxBytes);
        return source is null ? SchemaCatalog.Empty : LoadText(source, diagnostics);
    }

    public static SchemaCatalog LoadText(SourceText source, IList<Diagnostic> diagnostics)
    {
        try
        {
            var text = source.Content.TrimStart();
            return text.StartsWith('{') ? LoadJson(source, diagnostics) : LoadCsv(source, diagnostics);
        }
        catch (Exception e) when (e is JsonException or CsvFormatException or CsvMissingHeadersException or InvalidOperationException or KeyNotFoundException or IndexOutOfRangeException)
        {
            diagnostics.Add(Diagnostic.Create(SchemaDiagnostics.InvalidSchemaFile, Where(source, e), e.Message));
            return SchemaCatalog.Empty;
        }
    }

    private static SourceLocation Where(SourceText source, Exception e)
    {
        var line = e switch
        {
            JsonException { LineNumber: { } n } => (int)n + 1,
            _ => 1,
        };
        var position = new LinePosition(Math.Max(1, line), 1);
        return new SourceLocation(source, position, position);
    }

    private static SchemaCatalog LoadCsv(SourceText source, IList<Diagnostic> diagnostics)
    {
        var options = new CsvDataReaderOptions { Delimiter = ',', HasHeaders = true, HeaderComparer = StringComparer.OrdinalIgnoreCase };
        using var reader = CsvDataReader.Create(new StringReader(source.Content), options);
        int Column(string name) => Enumerable.Range(0, reader.FieldCount).FirstOrDefault(i => reader.GetName(i).Trim().Equals(name, StringComparison.OrdinalIgnoreCase), -1);
        var (table, column, type, description) = (Column("table_name"), Column("column_name"), Column("column_type"), Column("description"));
        if (table < 0 || column < 0 || type < 0)
            throw new InvalidOperationException("the CSV header must name table_name, column_name and column_type");
        var builder = new Builder(source, diagnostics);
        while (reader.Read())
        {
            builder.Add(reader.GetString(table), reader.GetString(column), reader.GetString(type),
                description >= 0 && description < reader.RowFieldCount ? reader.GetString(description) : null, reader.RowNumber);
        }
        return builder.Build();
    }

    private static SchemaCatalog LoadJson(SourceText source, IList<Diagnostic> diagnostics)
    {
        using var document = JsonDocument.Parse(source.Content, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 16 });
        var root = document.RootElement;
        var builder = new Builder(source, diagnostics);
        if (root.TryGetProperty("tables", out var tables) && tables.ValueKind == JsonValueKind.Array)
        {
            foreach (var table in tables.EnumerateArray())
            {
                var name = table.GetProperty("name").GetString()!;
                var description = table.TryGetProperty("description", out var d) ? d.GetString() : null;
                builder.Describe(name, description);
                foreach (var column in table.GetProperty("columns").EnumerateArray())
                {
                    builder.Add(name, column.GetProperty("name").GetString()!, column.GetProperty("type").GetString()!,
                        column.TryGetProperty("description", out var cd) ? cd.GetString() : null, line: 1);
                }
            }
            return builder.Build();
        }
        foreach (var table in root.EnumerateObject())
        {
            if (table.Value.ValueKind != JsonValueKind.Object)
                throw new InvalidOperationException($"'{table.Name}' must map column names to types");
            foreach (var column in table.Value.EnumerateObject())
                builder.Add(table.Name, column.Name, column.Value.GetString() ?? string.Empty, null, line: 1);
        }
        return builder.Build();
    }

    /// <summary>Collects columns per table in file order, reporting bad types and repeated columns.</summary>
    private sealed class Builder(SourceText source, IList<Diagnostic> diagnostics)
    {
        private readonly Dictionary<string, List<ColumnSchema>> _columns = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string?> _descriptions = new(StringComparer.Ordinal);

        public void Describe(string table, string? description) => _descriptions[table] = description;

        public void Add(string table, string column, string type, string? description, int line)
        {
            table = table.Trim();
            column = column.Trim();
            var at = new LinePosition(Math.Max(1, line), 1);
            var location = new SourceLocation(source, at, at);
            if (!ScalarTypes.TryParse(type, out var scalar))
            {
                diagnostics.Add(Diagnostic.Create(SchemaDiagnostics.UnknownColumnType, location, table, column, type));
                return;
            }
            if (!_columns.TryGetValue(table, out var columns)) _columns[table] = columns = [];
            if (columns.Exists(c => c.Name == column))
            {
                diagnostics.Add(Diagnostic.Create(SchemaDiagnostics.DuplicateColumn, location, table, column));
                return;
            }
            columns.Add(new ColumnSchema(column, scalar, string.IsNullOrWhiteSpace(description) ? null : description));
        }

        public SchemaCatalog Build() =>
            new(_columns.Select(p => new TableSchema(p.Key, p.Value, _descriptions.GetValueOrDefault(p.Key))));
    }
}
