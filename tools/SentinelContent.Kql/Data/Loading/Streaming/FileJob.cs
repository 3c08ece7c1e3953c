using System.Collections.Concurrent;
using System.IO.Compression;
using SentinelContent.Core.Input;

namespace SentinelContent.Kql.Data.Loading.Streaming;

/// <summary>One data file being loaded: where it is, how it is written, and what its chunks gave.</summary>
internal sealed class FileJob(string path, string table, DataFileFormat format, bool gzip)
{
    private readonly List<LoadProblem> _problems = [];

    public string Path { get; } = path;

    public string Table { get; } = table;

    public DataFileFormat Format { get; } = format;

    public bool Gzip { get; } = gzip;

    /// <summary>For .json: whether the file is an array of rows (else JSON lines); known once the file is opened.</summary>
    public bool IsArray { get; set; }

    public TableLayout? Layout { get; set; }

    public ConcurrentBag<ChunkResult> Results { get; } = [];

    /// <summary>Problems of the file as a whole (it cannot be opened, a syntax error between rows), with their lines.</summary>
    public IReadOnlyList<LoadProblem> Problems
    {
        get
        {
            lock (_problems) return [.. _problems];
        }
    }

    public void Fail(LoadProblem problem)
    {
        lock (_problems) _problems.Add(problem);
    }

    public void Fail(Exception e, long line = 1, int column = 1)
    {
        if (e is InputFileException refused)
        {
            // Missing, not a regular file (a FIFO, /dev/zero): the input layer's own diagnostic.
            var diagnostic = Core.Diagnostics.InputDiagnostics.For(refused, Core.Text.SourceLocation.FileOnly(Path));
            Fail(LoadProblem.Fail(line, column, diagnostic.Descriptor) with { Message = diagnostic.Message });
            return;
        }
        Fail(LoadProblem.Fail(line, column,
            e is UnauthorizedAccessException ? Core.Diagnostics.InputDiagnostics.FileUnreadable : DataDiagnostics.InvalidSampleFile,
            e is System.Text.Json.JsonException json ? JsonRowReader.Clean(json) : e.Message));
    }

    /// <summary>The file's bytes (decompressed), past a UTF-8 byte order mark; null when it cannot be opened (reported).</summary>
    public Stream? Open()
    {
        Stream? stream = null;
        try
        {
            // Data files have no size limit: the memory budget bounds what loading keeps.
            stream = RegularFile.OpenRead(Path, long.MaxValue / 2);
            if (Gzip) stream = new GZipStream(stream, CompressionMode.Decompress);
            var start = new byte[3];
            var read = stream.ReadAtLeast(start, 3, throwOnEndOfStream: false);
            if (read == 3 && start is [0xEF, 0xBB, 0xBF]) return stream;
            return new PrefixedStream(start.AsMemory(0, read), stream);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException or InputFileException)
        {
            stream?.Dispose();
            Fail(e);
            return null;
        }
    }

    /// <summary>A few bytes already read, then the rest of the stream.</summary>
    private sealed class PrefixedStream(ReadOnlyMemory<byte> prefix, Stream rest) : Stream
    {
        private ReadOnlyMemory<byte> _prefix = prefix;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (_prefix.IsEmpty) return rest.Read(buffer);
            var n = Math.Min(buffer.Length, _prefix.Length);
            _prefix.Span[..n].CopyTo(buffer);
            _prefix = _prefix[n..];
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) rest.Dispose();
            base.Dispose(disposing);
        }
    }
}

/// <summary>What one chunk (or one whole CSV file) gave: its columns or schema, its rows and lines, its problems.</summary>
internal sealed class ChunkResult(int index)
{
    public int Index { get; } = index;

    public ChunkColumn?[]? Columns { get; init; }

    public SchemaInference? Inference { get; init; }

    public int Rows { get; set; }

    /// <summary>The line breaks in the chunk: where the next chunk's lines start (JSON lines only).</summary>
    public long Lines { get; set; }

    /// <summary>Whether the problems' lines count from the chunk's start (JSON lines) rather than the file's.</summary>
    public bool RelativeLines { get; init; }

    public List<LoadProblem> Problems { get; } = [];

    public long Bytes => Columns?.Sum(c => c?.Bytes ?? 0) ?? 0;
}
