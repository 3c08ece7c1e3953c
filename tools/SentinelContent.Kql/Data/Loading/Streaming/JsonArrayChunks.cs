using System.Buffers;
using System.Text.Json;

namespace SentinelContent.Kql.Data.Loading.Streaming;

/// <summary>
/// Reads a JSON array of rows from a stream as chunks of whole rows, without holding the whole file: a
/// <see cref="Utf8JsonReader"/> fed block by block finds where each row starts and ends (and its line), and the rows'
/// bytes are copied into chunk buffers that workers parse in parallel. Comments and trailing commas are allowed, as
/// in the row-by-row reader.
/// </summary>
internal sealed class JsonArrayChunks(Stream stream, int chunkSize = LineChunks.ChunkSize) : IDisposable
{
    public static readonly JsonReaderOptions Options = new() { MaxDepth = JsonText.MaxDepth, CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true };

    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(1024 * 1024);
    private int _filled;
    private bool _final;
    private JsonReaderState _state = new(Options);
    private bool _started;
    private bool _done;
    private long _line = 1;     // the line at _buffer[_counted]
    private int _counted;
    private int _index;

    /// <summary>The chunks; a reading or syntax error ends them and goes to <paramref name="failed"/> with its line and column.</summary>
    public static IEnumerable<Chunk> Read(Stream stream, Action<Exception, long, int> failed, Func<bool> stopped)
    {
        using var chunks = new JsonArrayChunks(stream);
        while (!stopped() && chunks.Next(failed) is { } chunk) yield return chunk;
    }

    /// <summary>The next chunk, or null at the end (or after an error, reported to <paramref name="failed"/>).</summary>
    public Chunk? Next(Action<Exception, long, int> failed)
    {
        byte[]? output = null;
        var written = 0;
        List<(int, int, long)>? rows = null;
        try
        {
            while (!_done)
            {
                if (_filled == _buffer.Length)
                {
                    // One row is larger than the buffer.
                    var larger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
                    _buffer.AsSpan(0, _filled).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(_buffer);
                    _buffer = larger;
                }
                var n = stream.Read(_buffer, _filled, _buffer.Length - _filled);
                if (n == 0) _final = true;
                _filled += n;

                var reader = new Utf8JsonReader(_buffer.AsSpan(0, _filled), _final, _state);
                var consumed = 0;
                while (true)
                {
                    var before = reader.CurrentState;
                    if (!reader.Read()) break;
                    if (!_started)
                    {
                        if (reader.TokenType != JsonTokenType.StartArray)
                            throw new JsonException("a JSON sample file holds an array of rows: [ {...}, {...} ]");
                        _started = true;
                    }
                    else if (reader.TokenType == JsonTokenType.EndArray && reader.CurrentDepth == 0)
                    {
                        _done = true;
                        consumed = (int)reader.BytesConsumed;
                        break;
                    }
                    else
                    {
                        var start = (int)reader.TokenStartIndex;
                        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && !reader.TrySkip())
                        {
                            // The row goes on past the buffer: read it again once more is read.
                            _state = before;
                            break;
                        }
                        var end = (int)reader.BytesConsumed;
                        _line += _buffer.AsSpan(_counted, start - _counted).Count((byte)'\n');
                        _counted = start;
                        output ??= ArrayPool<byte>.Shared.Rent(Math.Max(chunkSize, end - start));
                        if (output.Length - written < end - start)
                        {
                            var larger = ArrayPool<byte>.Shared.Rent(written + end - start);
                            output.AsSpan(0, written).CopyTo(larger);
                            ArrayPool<byte>.Shared.Return(output);
                            output = larger;
                        }
                        _buffer.AsSpan(start, end - start).CopyTo(output.AsSpan(written));
                        (rows ??= []).Add((written, end - start, _line));
                        written += end - start;
                    }
                    consumed = (int)reader.BytesConsumed;
                    _state = reader.CurrentState;
                }
                if (!_done && _final) throw new JsonException("the file ends before the array of rows is closed with ]");

                // Keep what is not read yet.
                _line += _buffer.AsSpan(_counted, consumed - _counted).Count((byte)'\n');
                _counted = 0;
                _buffer.AsSpan(consumed, _filled - consumed).CopyTo(_buffer);
                _filled -= consumed;

                if (output is not null && (written >= chunkSize || _done)) break;
            }
            if (output is null) return null;
            var chunk = new Chunk(_index++, output, written) { Rows = rows };
            output = null;
            return chunk;
        }
        catch (JsonException e)
        {
            _done = true;
            failed(e, e.LineNumber is { } l ? l + 1 : _line, (int)(e.BytePositionInLine ?? 0) + 1);
            return null;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException or Core.Input.InputFileException)
        {
            _done = true;
            failed(e, _line, 1);
            return null;
        }
        finally
        {
            if (output is not null) ArrayPool<byte>.Shared.Return(output);
        }
    }

    public void Dispose() => ArrayPool<byte>.Shared.Return(_buffer);
}
