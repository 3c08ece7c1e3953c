namespace SentinelContent.Core.Input;

/// <summary>
/// A read-only view of a stream that fails once more than a limit has been read: the size limit holds while
/// reading, whatever the file's length said when it was opened (a growing log, a file replaced mid-read).
/// </summary>
public sealed class BoundedReadStream(Stream inner, long limit) : Stream
{
    private long _read;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    /// <summary>The length the file had when it was opened.</summary>
    public override long Length => inner.Length;

    public override long Position
    {
        get => _read;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        // Ask for one byte past the limit at most, so a file of exactly the limit reads whole and one byte more is caught.
        var room = (int)Math.Min(buffer.Length, limit - _read + 1);
        if (room <= 0) throw RegularFile.TooLarge(null, limit);
        var n = inner.Read(buffer[..room]);
        return Count(n);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var room = (int)Math.Min(buffer.Length, limit - _read + 1);
        if (room <= 0) throw RegularFile.TooLarge(null, limit);
        var n = await inner.ReadAsync(buffer[..room], cancellationToken).ConfigureAwait(false);
        return Count(n);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private int Count(int n)
    {
        _read += n;
        if (_read > limit) throw RegularFile.TooLarge(null, limit);
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
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}
