using System.Text;
using SentinelContent.Core.Values;
using SentinelContent.Kql.Schema;
using Sylvan.Data.Csv;

namespace SentinelContent.Kql.Data.Loading.Streaming;

/// <summary>
/// Reads a CSV file with a header row (Sylvan, streaming) straight into a table's columns. CSV cannot be split at
/// arbitrary line breaks (a quoted field may hold one), so one worker reads a whole file; files load side by side.
/// </summary>
internal static class CsvTableReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static CsvDataReader Open(Stream stream) =>
        CsvDataReader.Create(new StreamReader(stream, StrictUtf8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16),
            new CsvDataReaderOptions { Delimiter = ',', HasHeaders = true, BufferSize = 1 << 16 });

    /// <summary>The header's names; a problem when one is repeated (it would silently shadow the other).</summary>
    private static string[]? Header(CsvDataReader reader, List<LoadProblem> problems)
    {
        var names = Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetName(i).Trim()).ToArray();
        if (names.GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } repeated)
        {
            problems.Add(LoadProblem.Fail(1, 1, DataDiagnostics.InvalidSampleFile,
                $"the header names the column '{repeated.Key}' twice; keep one"));
            return null;
        }
        return names;
    }

    /// <summary>Reads every row into <paramref name="columns"/>; the row count, or -1 after a fatal problem.</summary>
    public static int Read(Stream stream, TableLayout layout, ChunkColumn?[] columns, List<LoadProblem> problems, Func<bool> stopped)
    {
        using var reader = Open(stream);
        var names = Header(reader, problems);
        if (names is null) return -1;
        var targets = names.Select(n => layout.Index.TryGetValue(n, out var i) ? i : -1).ToArray();
        var filled = new bool[layout.Columns.Count];
        var rows = 0;
        while (reader.Read())
        {
            if ((rows & 0xFFF) == 0 && stopped()) return -1;
            Array.Clear(filled);
            var line = reader.RowNumber;
            for (var i = 0; i < names.Length && i < reader.RowFieldCount; i++)
            {
                var column = targets[i];
                if (column < 0)
                {
                    if (problems.Count <= JsonRowReader.MaxProblems)
                        problems.Add(LoadProblem.Report(line, DataDiagnostics.UnknownColumn, layout.Name, names[i],
                            Similarity.DidYouMean(names[i], layout.SchemaNames)));
                    continue;
                }
                var target = columns[column] ??= layout.NewExtra(column, rows);
                if (!target.TryAppendText(reader.GetFieldSpan(i), out var error))
                {
                    if (problems.Count <= JsonRowReader.MaxProblems)
                        problems.Add(LoadProblem.Report(line, DataDiagnostics.WrongValueType, layout.Name, names[i], error));
                    target.AppendNull();
                }
                filled[column] = true;
            }
            for (var i = 0; i < filled.Length; i++)
            {
                if (!filled[i]) columns[i]?.AppendNull();
            }
            rows++;
        }
        return rows;
    }

    /// <summary>The schema of a table the catalog does not know: its header, each column text (a CSV value has no other type).</summary>
    public static bool Infer(Stream stream, SchemaInference inference, List<LoadProblem> problems)
    {
        using var reader = Open(stream);
        var names = Header(reader, problems);
        if (names is null) return false;
        var seen = new bool[names.Length];
        var types = new ScalarType[names.Length];
        while (reader.Read())
        {
            for (var i = 0; i < names.Length && i < reader.RowFieldCount; i++)
            {
                var type = reader.GetFieldSpan(i).Length == 0 ? ScalarType.Unknown : ScalarType.String;
                types[i] = seen[i] ? ValueConversion.Merge(types[i], type) : type;
                seen[i] = true;
            }
        }
        for (var i = 0; i < names.Length; i++)
        {
            if (seen[i]) inference.Add(names[i], types[i]);
        }
        return true;
    }
}
