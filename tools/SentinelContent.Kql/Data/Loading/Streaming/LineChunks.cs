using System.Buffers;

namespace SentinelContent.Kql.Data.Loading.Streaming;

/// <summary>A piece of a data file for one worker: whole lines (JSON lines), or whole rows of a JSON array with their lines.</summary>
internal sealed class Chunk(int index, byte[] buffer, int length)
{
    public int Index { get; } = index;

    /// <summary>Pooled; given back once the chunk is parsed.</summary>
    public byte[] Buffer { get; } = buffer;

    public int Length { get; } = length;

    public ReadOnlySpan<byte> Bytes => Buffer.AsSpan(0, Length);

    /// <summary>For a JSON array: each row's start, length and line in the file. Null for JSON lines (the worker splits at line
    /// breaks).</summary>
    public List<(int Start, int Length, long Line)>? Rows { get; init; }

    public void Return() => ArrayPool<byte>.Shared.Return(Buffer);
}

/// <summary>
/// Reads a stream as chunks of whole lines of about <see cref="ChunkSize"/> bytes, without ever holding the whole
/// file: a chunk ends after its last line break (the rest starts the next chunk); a line longer than a chunk makes
/// that chunk larger. Reading errors end the chunks and are handed to <paramref name="failed"/>.
/// </summary>
internal sealed class LineChunks(Stream stream, int chunkSize = LineChunks.ChunkSize)
{
    public const int ChunkSize = 8 * 1024 * 1024;

    private byte[] _carry = [];
    private int _carried;
    private int _index;
    private bool _done;

    public static IEnumerable<Chunk> Read(Stream stream, Action<Exception> failed, Func<bool> stopped)
    {
        var chunks = new LineChunks(stream);
        while (!stopped() && chunks.Next(failed) is { } chunk) yield return chunk;
        chunks.Release();
    }

    /// <summary>The next chunk, or null at the end (or after a reading error, reported to <paramref name="failed"/>).</summary>
    public Chunk? Next(Action<Exception> failed)
    {
        var size = chunkSize;
        while (!_done)
        {
            var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(size, _carried + 1));
            _carry.AsSpan(0, _carried).CopyTo(buffer);
            Release();
            var filled = _carried;
            _carried = 0;
            try
            {
                while (filled < buffer.Length)
                {
                    var n = stream.Read(buffer, filled, buffer.Length - filled);
                    if (n == 0)
                    {
                        _done = true;
                        break;
                    }
                    filled += n;
                }
            }
            catch (Exception e) when (
                e is IOException or InvalidDataException or UnauthorizedAccessException or Core.Input.InputFileException)
            {
                ArrayPool<byte>.Shared.Return(buffer);
                _done = true;
                failed(e);
                return null;
            }
            if (_done)
            {
                if (filled > 0) return new Chunk(_index++, buffer, filled);
                ArrayPool<byte>.Shared.Return(buffer);
                return null;
            }
            var lastBreak = buffer.AsSpan(0, filled).LastIndexOf((byte)'\n');
            if (lastBreak < 0)
            {
                // One line fills the buffer: read on with a larger one.
                _carry = buffer;
                _carried = filled;
                size = buffer.Length * 2;
                continue;
            }
            _carried = filled - lastBreak - 1;
            _carry = _carried == 0 ? [] : ArrayPool<byte>.Shared.Rent(_carried);
            buffer.AsSpan(lastBreak + 1, _carried).CopyTo(_carry);
            return new Chunk(_index++, buffer, lastBreak + 1);
        }
        return null;
    }

    private void Release()
    {
        if (_carry.Length > 0) ArrayPool<byte>.Shared.Return(_carry);
        _carry = [];
    }
}
