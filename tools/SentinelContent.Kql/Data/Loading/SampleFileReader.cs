using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SentinelContent.Core.Diagnostics;
using SentinelContent.Core.Input;
using SentinelContent.Core.Text;
using Sylvan.Data.Csv;

namespace SentinelContent.Kql.Data.Loading;

/// <summary>Reads sample rows from JSON (an array of objects), JSON lines or CSV, keeping each row's line.</summary>
public static class SampleFileReader
{
    public const long MaxBytes = 256L * 1024 * 1024;
    public const int MaxRows = 1_000_000;

    private static readonly JsonDocumentOptions JsonOptions = new() { MaxDepth = 64 };

    public static IReadOnlyList<SampleRow>? Read(string path, IList<Diagnostic> diagnostics)
    {
        var source = SourceFileReader.Read(path, diagnostics, MaxBytes);
        if (source is null) return null;
        var extension = Path.GetExtension(path).ToLowerInvariant();
        try
        {
            return extension switch
            {
                ".csv" => ReadCsv(source, diagnostics),
                ".jsonl" or ".ndjson" => ReadJsonLines(source, diagnostics),
                _ => source.Content.TrimStart().StartsWith('[') ? ReadJsonArray(source, diagnostics) : ReadJsonLines(source, diagnostics),
            };
        }
        catch (Exception e) when (e is CsvFormatException or CsvMissingHeadersException or CsvRecordTooLargeException)
        {
            diagnostics.Add(Diagnostic.Create(DataDiagnostics.InvalidSampleFile, SourceLocation.FileOnly(path) with { Source = source }, e.Message));
            return null;
        }
    }

    private static IReadOnlyList<SampleRow>? ReadJsonLines(SourceText source, IList<Diagnostic> diagnostics)
    {
        var rows = new List<SampleRow>();
        for (var line = 1; line <= source.LineCount; line++)
        {
            var text = source.GetLineText(line);
            if (string.IsNullOrWhiteSpace(text)) continue;
            var location = new SourceLocation(source, new LinePosition(line, 1), new LinePosition(line, text.Length + 1));
            JsonNode? node;
            try
            {
                node = JsonNode.Parse(text, documentOptions: JsonOptions);
            }
            catch (JsonException e)
            {
                var column = (int)(e.BytePositionInLine ?? 0) + 1;
                diagnostics.Add(Diagnostic.Create(DataDiagnostics.InvalidSampleFile, location with { Start = new LinePosition(line, column), End = new LinePosition(line, column) }, Clean(e)));
                return null;
            }
            if (!AddRow(rows, node, location, diagnostics)) return null;
        }
        return rows;
    }

    private static IReadOnlyList<SampleRow>? ReadJsonArray(SourceText source, IList<Diagnostic> diagnostics)
    {
        var bytes = Encoding.UTF8.GetBytes(source.Content);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = 64, CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var rows = new List<SampleRow>();
        var lines = new ByteLineCounter(bytes);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
                throw new JsonException("a JSON sample file holds an array of rows: [ {...}, {...} ]");
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var line = lines.LineAt(reader.TokenStartIndex);
                var location = new SourceLocation(source, new LinePosition(line, 1), new LinePosition(line, 1));
                var node = JsonNode.Parse(ref reader);
                if (!AddRow(rows, node, location, diagnostics)) return null;
            }
        }
        catch (JsonException e)
        {
            var line = lines.LineAt(reader.TokenStartIndex);
            var at = new LinePosition(line, 1);
            diagnostics.Add(Diagnostic.Create(DataDiagnostics.InvalidSampleFile, new SourceLocation(source, at, at), Clean(e)));
            return null;
        }
        return rows;
    }

    private static IReadOnlyList<SampleRow>? ReadCsv(SourceText source, IList<Diagnostic> diagnostics)
    {
        var options = new CsvDataReaderOptions { Delimiter = ',', HasHeaders = true };
        using var reader = CsvDataReader.Create(new StringReader(source.Content), options);
        var names = Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetName(i).Trim()).ToArray();
        // A repeated header would make one column silently shadow the other.
        if (names.GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } repeated)
        {
            diagnostics.Add(Diagnostic.Create(DataDiagnostics.InvalidSampleFile, new SourceLocation(source, new LinePosition(1, 1), new LinePosition(1, 1)), $"the header names the column '{repeated.Key}' twice; keep one"));
            return null;
        }
        var rows = new List<SampleRow>();
        while (reader.Read())
        {
            if (rows.Count >= MaxRows)
            {
                diagnostics.Add(Diagnostic.Create(DataDiagnostics.TooManyRows, SourceLocation.FileOnly(source.Path) with { Source = source }, MaxRows));
                return null;
            }
            var fields = new List<SampleField>(names.Length);
            for (var i = 0; i < names.Length && i < reader.RowFieldCount; i++) fields.Add(new SampleField(names[i], null, reader.GetString(i)));
            var line = new LinePosition(reader.RowNumber, 1);
            rows.Add(new SampleRow(fields, new SourceLocation(source, line, line)));
        }
        return rows;
    }

    private static bool AddRow(List<SampleRow> rows, JsonNode? node, SourceLocation location, IList<Diagnostic> diagnostics)
    {
        if (rows.Count >= MaxRows)
        {
            diagnostics.Add(Diagnostic.Create(DataDiagnostics.TooManyRows, location, MaxRows));
            return false;
        }
        if (node is not JsonObject row)
        {
            diagnostics.Add(Diagnostic.Create(DataDiagnostics.RowNotAnObject, location, node?.GetValueKind().ToString().ToLowerInvariant() ?? "null"));
            return false;
        }
        List<SampleField> fields;
        try
        {
            fields = [.. row.Select(p => new SampleField(p.Key, p.Value))];
        }
        catch (ArgumentException)
        {
            // JsonObject builds its dictionary on first read: a key written twice surfaces here. Which value is meant is unclear, so say so.
            var duplicate = Duplicate(node);
            diagnostics.Add(Diagnostic.Create(DataDiagnostics.InvalidSampleFile, location, $"the row names the column '{duplicate}' twice; keep one"));
            return false;
        }
        rows.Add(new SampleRow(fields, location));
        return true;
    }

    /// <summary>The first key that appears twice in one object of <paramref name="json"/>.</summary>
    private static string Duplicate(JsonNode node)
    {
        byte[] json;
        try
        {
            json = Encoding.UTF8.GetBytes(node.ToJsonString());
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return "?";
        }
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 64 });
        var scopes = new Stack<HashSet<string>>();
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject: scopes.Push(new HashSet<string>(StringComparer.Ordinal)); break;
                case JsonTokenType.EndObject: scopes.Pop(); break;
                case JsonTokenType.PropertyName when scopes.Count == 1:
                    var name = reader.GetString()!;
                    if (!scopes.Peek().Add(name)) return name;
                    break;
            }
        }
        return "?";
    }

    private static string Clean(JsonException e)
    {
        var message = e.Message;
        // The reader's own position and path: the diagnostic's location says where.
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut < 0) cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }

    /// <summary>Counts line breaks up to a byte offset, moving forward only (rows come in order).</summary>
    private sealed class ByteLineCounter(byte[] bytes)
    {
        private long _offset;
        private int _line = 1;

        public int LineAt(long offset)
        {
            for (; _offset < offset && _offset < bytes.Length; _offset++)
            {
                if (bytes[_offset] == (byte)'\n') _line++;
            }
            return _line;
        }
    }
}
