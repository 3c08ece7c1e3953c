using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Unicode;
using SentinelContent.Core.Diagnostics;
using SentinelContent.Core.Text;
using SentinelContent.Core.Values;
using SentinelContent.Kql.Evaluation;
using SentinelContent.Kql.Schema;

namespace SentinelContent.Kql.Data.Loading.Streaming;

/// <summary>
/// Loads data files into tables at the speed of the disk: each file is read as a stream, cut into chunks of whole
/// rows (<see cref="LineChunks"/>, <see cref="JsonArrayChunks"/>; a CSV file is one piece), and the chunks of all
/// files are parsed on every core straight into typed column chunks (<see cref="ChunkColumn"/>), which are joined in
/// file order at the end. No file is read whole and no row becomes an object. What loading keeps is charged to the
/// memory budget (`--max-memory`), which stops the load with SC0707 instead of exhausting the machine.
/// </summary>
internal static class TableLoader
{
    private static readonly JsonReaderOptions JsonLinesOptions = new() { MaxDepth = JsonText.MaxDepth };

    public static Dictionary<string, DataTable>? Load(IReadOnlyList<(string Path, string Table)> files, SchemaCatalog catalog,
        IList<Diagnostic> diagnostics, MemoryBudget? budget)
    {
        catalog = catalog.ForSampleData();
        var jobs = new List<FileJob>();
        var order = new List<string>();
        foreach (var (file, table) in files)
        {
            if (catalog.Find(table) is null && Similarity.ClosestMatch(table, catalog.TableNames) is { } match)
                diagnostics.Add(Diagnostic.Create(DataDiagnostics.UnknownTableFile, SourceLocation.FileOnly(file), Path.GetFileName(file),
                    table, match));
            var format = DataFiles.Format(file, out var gzip) ?? DataFileFormat.Json;
            jobs.Add(new FileJob(file, table, format, gzip));
            if (!order.Contains(table)) order.Add(table);
        }
        var state = new LoadState(budget);
        try
        {
            // Tables the catalog does not know take their schema from their rows: a first pass reads only names and types.
            var unknown = jobs.Where(j => catalog.Find(j.Table) is null).ToList();
            if (unknown.Count > 0) Run(unknown, state, Infer, InferWhole);
            foreach (var group in jobs.GroupBy(j => j.Table))
            {
                var schema = catalog.Find(group.Key);
                var known = schema is not null;
                if (schema is null)
                {
                    var inference = new SchemaInference();
                    foreach (var job in group)
                        foreach (var result in job.Results.OrderBy(r => r.Index)) inference.Add(result.Inference!);
                    schema = inference.Schema(group.Key);
                }
                var layout = new TableLayout(schema, standardColumns: known);
                foreach (var job in group) job.Layout = layout;
            }

            var ok = Report(jobs, diagnostics);
            var readable = jobs.Where(j => j.Problems.Count == 0 && j.Results.All(r => r.Problems.Count == 0)).ToList();
            foreach (var job in readable) job.Results.Clear();
            Run(readable, state, Parse, ParseWhole);
            if (state.Exceeded is var (path, exceeded))
            {
                diagnostics.Add(Diagnostic.Create(DataDiagnostics.OverMemoryBudget, SourceLocation.FileOnly(path),
                    MemoryBudgetExceededException.Size(exceeded.Used), MemoryBudgetExceededException.Size(exceeded.Limit)));
                return null;
            }
            ok &= Report(readable, diagnostics);
            if (!ok) return null;

            var tables = new Dictionary<string, DataTable>(StringComparer.Ordinal);
            foreach (var name in order)
            {
                var group = jobs.Where(j => j.Table == name).ToList();
                var chunks = group.SelectMany(j => j.Results.OrderBy(r => r.Index)).Select(r => (r.Columns!, r.Rows)).ToList();
                if (chunks.Sum(c => (long)c.Rows) > Array.MaxLength)
                {
                    diagnostics.Add(Diagnostic.Create(DataDiagnostics.TooManyRows, SourceLocation.FileOnly(group[0].Path),
                        Array.MaxLength));
                    return null;
                }
                tables[name] = group[0].Layout!.Build(chunks);
            }
            return tables;
        }
        finally
        {
            budget?.Release(state.Charged);
        }
    }

    /// <summary>Writes each file's problems in line order (the first few; only the first if it ends the file's reading); false when there
    /// were any.</summary>
    private static bool Report(IEnumerable<FileJob> jobs, IList<Diagnostic> diagnostics)
    {
        var ok = true;
        foreach (var job in jobs)
        {
            var problems = new List<LoadProblem>(job.Problems);
            long lineBase = 0;
            foreach (var result in job.Results.OrderBy(r => r.Index))
            {
                foreach (var problem in result.Problems)
                    problems.Add(result.RelativeLines ? problem with { Line = problem.Line + lineBase } : problem);
                lineBase += result.Lines;
            }
            if (problems.Count == 0) continue;
            ok = false;
            // A row that cannot be read ends the file's reading before any value is typed: that one problem is the file's.
            var sorted = problems.OrderBy(p => p.Line).ToList();
            if (sorted.FirstOrDefault(p => p.Fatal) is { } fatal) sorted = [fatal];
            foreach (var problem in sorted.Take(JsonRowReader.MaxProblems))
            {
                var at = new LinePosition((int)Math.Min(problem.Line, int.MaxValue), problem.Column);
                var location = new SourceLocation(job.Path, at, at);
                diagnostics.Add(problem.Message is { } message
                    ? new Diagnostic(problem.Descriptor, problem.Descriptor.DefaultSeverity, message, location)
                    : Diagnostic.Create(problem.Descriptor, location, problem.Arguments));
            }
            if (sorted.Count > JsonRowReader.MaxProblems)
                diagnostics.Add(Diagnostic.Create(DataDiagnostics.MoreProblems, SourceLocation.FileOnly(job.Path),
                    JsonRowReader.MaxProblems));
        }
        return ok;
    }

    private delegate ChunkResult ChunkWork(FileJob job, Chunk chunk);

    private delegate ChunkResult WholeFileWork(FileJob job, Stream stream, LoadState state);

    /// <summary>Parses the chunks of every file on every core; a whole-file format (CSV) is one piece of work.</summary>
    private static void Run(IReadOnlyList<FileJob> jobs, LoadState state, ChunkWork chunkWork, WholeFileWork wholeWork)
    {
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount) };
        Parallel.ForEach(Partitioner.Create(Pieces(jobs, state), EnumerablePartitionerOptions.NoBuffering), options, piece =>
        {
            var (job, chunk) = piece;
            try
            {
                if (state.Stopped) return;
                ChunkResult result;
                if (chunk is null)
                {
                    // Parquet is read from the file itself (it seeks); CSV as a stream, decompressed if need be.
                    using var stream = job.Format == DataFileFormat.Parquet ? Stream.Null : job.Open();
                    if (stream is null) return;
                    try
                    {
                        result = wholeWork(job, stream, state);
                    }
                    catch (Exception e) when (
                        e is IOException or InvalidDataException or UnauthorizedAccessException or Core.Input.InputFileException
                        or Sylvan.Data.Csv.CsvFormatException or Sylvan.Data.Csv.CsvMissingHeadersException
                        or Sylvan.Data.Csv.CsvRecordTooLargeException
                        or Parquet.ParquetException or Parquet.Meta.Proto.ThriftProtocolException or NotSupportedException
                        or System.Text.DecoderFallbackException)
                    {
                        job.Fail(e is System.Text.DecoderFallbackException ? new InvalidDataException("the file is not UTF-8 text") : e);
                        return;
                    }
                }
                else
                {
                    result = chunkWork(job, chunk);
                }
                job.Results.Add(result);
                state.Charge(job.Path, result.Bytes);
            }
            finally
            {
                chunk?.Return();
            }
        });
    }

    /// <summary>The pieces of work, file after file, read as the workers ask for them (so only a few chunks are in memory at
    /// once).</summary>
    private static IEnumerable<(FileJob Job, Chunk? Chunk)> Pieces(IReadOnlyList<FileJob> jobs, LoadState state)
    {
        foreach (var job in jobs)
        {
            if (state.Stopped) yield break;
            if (job.Format is DataFileFormat.Csv or DataFileFormat.Parquet)
            {
                yield return (job, null);
                continue;
            }
            if (job.Format == DataFileFormat.Json)
            {
                using var peek = job.Open();
                if (peek is null) continue;
                job.IsArray = FirstByte(peek) == (byte)'[';
            }
            using var stream = job.Open();
            if (stream is null) continue;
            var chunks = job.IsArray
                ? JsonArrayChunks.Read(stream, (e, line, column) => job.Fail(e, line, column), () => state.Stopped)
                : LineChunks.Read(stream, e => job.Fail(e), () => state.Stopped);
            foreach (var chunk in chunks) yield return (job, chunk);
        }
    }

    private static int FirstByte(Stream stream)
    {
        Span<byte> one = stackalloc byte[1];
        try
        {
            while (stream.Read(one) == 1)
            {
                if (one[0] is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')) return one[0];
            }
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            // The reading pass reports it.
        }
        return -1;
    }

    private static ChunkResult Parse(FileJob job, Chunk chunk)
    {
        var layout = job.Layout!;
        var result = new ChunkResult(chunk.Index) { Columns = layout.NewColumns(), RelativeLines = chunk.Rows is null };
        var reader = new JsonRowReader(layout, result.Columns, result.Problems,
            chunk.Rows is null ? JsonLinesOptions : JsonArrayChunks.Options);
        ForEachRow(chunk, result, (row, line) => reader.Read(row, line) && !reader.Full);
        result.Rows = reader.Rows;
        return result;
    }

    private static ChunkResult Infer(FileJob job, Chunk chunk)
    {
        var inference = new SchemaInference();
        var result = new ChunkResult(chunk.Index) { Inference = inference, RelativeLines = chunk.Rows is null };
        var options = chunk.Rows is null ? JsonLinesOptions : JsonArrayChunks.Options;
        ForEachRow(chunk, result, (row, line) => inference.Read(row, line, options, result.Problems));
        return result;
    }

    private delegate bool RowWork(ReadOnlySpan<byte> row, long line);

    /// <summary>Calls <paramref name="work"/> for each row of the chunk (each non-blank line of JSON lines) until it returns
    /// false.</summary>
    private static void ForEachRow(Chunk chunk, ChunkResult result, RowWork work)
    {
        var bytes = chunk.Bytes;
        if (chunk.Rows is { } rows)
        {
            foreach (var (start, length, line) in rows)
            {
                var row = bytes.Slice(start, length);
                if (!Utf8.IsValid(row))
                {
                    result.Problems.Add(LoadProblem.Fail(line, 1, InputDiagnostics.NotText, "invalid UTF-8 in this row"));
                    return;
                }
                if (!work(row, line)) return;
            }
            return;
        }
        result.Lines = bytes.Count((byte)'\n');
        var valid = Utf8.IsValid(bytes);
        long number = 0;
        var position = 0;
        while (position < bytes.Length)
        {
            var rest = bytes[position..];
            var end = rest.IndexOf((byte)'\n');
            var text = end < 0 ? rest : rest[..end];
            position += end < 0 ? rest.Length : end + 1;
            number++;
            if (text.IsEmpty || text.IndexOfAnyExcept(" \t\r\f\v"u8) < 0) continue;
            if (!valid && !Utf8.IsValid(text))
            {
                result.Problems.Add(LoadProblem.Fail(number, 1, InputDiagnostics.NotText, "invalid UTF-8 in this line"));
                return;
            }
            if (!work(text, number)) return;
        }
    }

    private static ChunkResult ParseWhole(FileJob job, Stream stream, LoadState state)
    {
        var layout = job.Layout!;
        var result = new ChunkResult(0) { Columns = layout.NewColumns() };
        result.Rows = job.Format == DataFileFormat.Parquet
            ? ParquetTableReader.Read(job.Path, layout, result.Columns, result.Problems, () => state.Stopped)
            : CsvTableReader.Read(stream, layout, result.Columns, result.Problems, () => state.Stopped);
        return result;
    }

    private static ChunkResult InferWhole(FileJob job, Stream stream, LoadState state)
    {
        var result = new ChunkResult(0) { Inference = new SchemaInference() };
        if (job.Format == DataFileFormat.Parquet) ParquetTableReader.Infer(job.Path, result.Inference, result.Problems);
        else CsvTableReader.Infer(stream, result.Inference, result.Problems);
        return result;
    }

    /// <summary>The memory charged for a load, and why it stopped (the budget ran out).</summary>
    private sealed class LoadState(MemoryBudget? budget)
    {
        private long _charged;
        private volatile bool _stopped;

        public bool Stopped => _stopped;

        public long Charged => Interlocked.Read(ref _charged);

        public (string Path, MemoryBudgetExceededException Exception)? Exceeded { get; private set; }

        public void Charge(string path, long bytes)
        {
            if (budget is null) return;
            Interlocked.Add(ref _charged, bytes);
            try
            {
                budget.Charge(bytes);
            }
            catch (MemoryBudgetExceededException e)
            {
                lock (this) Exceeded ??= (path, e);
                _stopped = true;
            }
        }
    }
}
