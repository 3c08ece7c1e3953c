using System.Text.Json;
using SentinelContent.Core.Values;

namespace SentinelContent.Kql.Data.Loading.Streaming;

/// <summary>
/// Reads rows (one JSON object each) of one chunk into its columns with a <see cref="Utf8JsonReader"/>: each
/// property's value goes straight into its column, every column gets exactly one value a row (null when the row
/// does not name it). Columns are found by predicting that a row names them in the order the previous row did,
/// which exports do, so the usual lookup is one byte comparison.
/// </summary>
internal sealed class JsonRowReader(TableLayout layout, ChunkColumn?[] columns, List<LoadProblem> problems, JsonReaderOptions options)
{
    /// <summary>The problems a chunk keeps at most (a file's first ones are shown, see <see cref="TableLoader"/>).</summary>
    public const int MaxProblems = 20;

    private readonly bool[] _filled = new bool[layout.Columns.Count];
    private int[] _order = new int[Math.Max(layout.Columns.Count, 1)];

    public int Rows { get; private set; }

    /// <summary>False when a fatal problem ends the chunk.</summary>
    public bool Read(ReadOnlySpan<byte> json, long line)
    {
        var reader = new Utf8JsonReader(json, options);
        var appended = 0;
        try
        {
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                var kind = Kind(reader.TokenType);
                reader.Skip();
                while (reader.Read()) { }
                return Fatal(LoadProblem.Fail(line, 1, DataDiagnostics.RowNotAnObject, kind));
            }
            Array.Clear(_filled);
            var position = 0;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var column = Find(ref reader, position);
                if (column < 0)
                {
                    var name = reader.GetString()!;
                    Add(LoadProblem.Report(line, DataDiagnostics.UnknownColumn, layout.Name, name, Similarity.DidYouMean(name,
                        layout.SchemaNames)));
                    reader.Read();
                    reader.Skip();
                    position++;
                    continue;
                }
                if (_filled[column])
                {
                    // A key written twice: which value is meant is unclear, so say so (as the row-by-row reader does).
                    return Fatal(LoadProblem.Fail(line, 1, DataDiagnostics.InvalidSampleFile,
                        $"the row names the column '{layout.Columns[column].Name}' twice; keep one"));
                }
                if (position < _order.Length) _order[position] = column;
                position++;
                reader.Read();
                var target = columns[column] ??= layout.NewExtra(column, Rows);
                if (!target.TryAppend(ref reader, json, out var error))
                {
                    Add(LoadProblem.Report(line, DataDiagnostics.WrongValueType, layout.Name, layout.Columns[column].Name, error));
                    target.AppendNull();
                }
                _filled[column] = true;
                appended++;
            }
            // Nothing may follow the row's object on its line.
            while (reader.Read()) { }
        }
        catch (JsonException e)
        {
            return Fatal(LoadProblem.Fail(line, (int)(e.BytePositionInLine ?? 0) + 1, DataDiagnostics.InvalidSampleFile, Clean(e)));
        }
        catch (InvalidOperationException)
        {
            return Fatal(LoadProblem.Fail(line, 1, DataDiagnostics.InvalidSampleFile,
                "the row holds a string that is not valid text (a lone surrogate escape such as \\ud800?)"));
        }
        for (var i = 0; i < _filled.Length; i++)
        {
            if (!_filled[i]) columns[i]?.AppendNull();
        }
        Rows++;
        return true;
    }

    /// <summary>One more than is shown, so the report knows there are more.</summary>
    public bool Full => problems.Count > MaxProblems;

    private int Find(ref Utf8JsonReader reader, int position)
    {
        if (position < _order.Length)
        {
            var predicted = _order[position];
            if (predicted < _filled.Length && !_filled[predicted] && reader.ValueTextEquals(layout.Utf8Names[predicted])) return predicted;
        }
        else
        {
            Array.Resize(ref _order, position * 2);
        }
        return layout.Index.TryGetValue(reader.GetString()!, out var column) ? column : -1;
    }

    private bool Fatal(LoadProblem problem)
    {
        problems.Add(problem);
        return false;
    }

    private void Add(LoadProblem problem)
    {
        if (problems.Count <= MaxProblems) problems.Add(problem);
    }

    private static string Kind(JsonTokenType token) => token switch
    {
        JsonTokenType.StartArray => "array",
        JsonTokenType.String => "string",
        JsonTokenType.Number => "number",
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        _ => "null",
    };

    /// <summary>A reader's message without its internal path and position (the diagnostic gives the position).</summary>
    public static string Clean(JsonException e)
    {
        var message = e.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut < 0) cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
