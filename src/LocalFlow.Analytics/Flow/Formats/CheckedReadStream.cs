namespace LocalFlow.Analytics.Flow.Formats;

/// <summary>
/// A read-only, forward-only stream over another that looks at each block of bytes as it passes
/// (<see cref="Check"/>), so that a reader can be stopped with a clear error before it holds too much. The inner
/// stream is disposed with it. A damaged compressed file (what the decompressor beneath refuses) is refused as a
/// <see cref="FlowFormatException"/> naming the file (<paramref name="what"/>).
/// </summary>
public abstract class CheckedReadStream(Stream inner, string what) : Stream
{
    private long _read;

    /// <summary>The file's name (or "The file"), for errors.</summary>
    protected string What { get; } = what;

    /// <summary>Looks at the bytes just read (<paramref name="block"/>), <paramref name="readSoFar"/> bytes in all; throws to refuse the stream.</summary>
    protected abstract void Check(ReadOnlySpan<byte> block, long readSoFar);

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    /// <inheritdoc />
    public override int Read(Span<byte> buffer)
    {
        int n;
        try
        {
            n = inner.Read(buffer);
        }
        catch (InvalidDataException ex)
        {
            throw new FlowFormatException($"{What} looks compressed (gzip) but is damaged, so it cannot be read: {ex.Message}", ex);
        }
        _read += n;
        Check(buffer[..n], _read);
        return n;
    }

    /// <inheritdoc />
    public override bool CanRead => true;

    /// <inheritdoc />
    public override bool CanSeek => false;

    /// <inheritdoc />
    public override bool CanWrite => false;

    /// <inheritdoc />
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc />
    public override long Position { get => _read; set => throw new NotSupportedException(); }

    /// <inheritdoc />
    public override void Flush()
    {
    }

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }
        base.Dispose(disposing);
    }
}
