using System.IO.Compression;

namespace LocalFlow.Analytics.Flow.Formats;

/// <summary>
/// A read-only stream that refuses to give more than a set number of bytes: wrapped round a decompressor it stops
/// "zip bombs" (a few kilobytes that inflate to gigabytes) with a clear error instead of filling memory or disk.
/// </summary>
public sealed class LimitedStream(Stream inner, long limit, string what) : CheckedReadStream(inner, what)
{

    /// <summary>Opens a file for reading, decompressing it when it is gzip (by its first bytes, not its name) with at most <paramref name="maxDecompressedBytes"/>.</summary>
    public static Stream OpenMaybeGzip(string path, long maxDecompressedBytes)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        return WrapMaybeGzip(file, maxDecompressedBytes, Path.GetFileName(path));
    }

    /// <summary>Wraps a seekable stream, decompressing it when it starts with the gzip magic bytes.</summary>
    public static Stream WrapMaybeGzip(Stream stream, long maxDecompressedBytes, string name)
    {
        if (!stream.CanSeek)
        {
            throw new NotSupportedException("The stream must be seekable to tell whether it is compressed.");
        }
        Span<byte> magic = stackalloc byte[2];
        var n = stream.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
        stream.Seek(-n, SeekOrigin.Current);
        if (n == 2 && magic[0] == 0x1F && magic[1] == 0x8B)
        {
            return new LimitedStream(new GZipStream(stream, CompressionMode.Decompress), maxDecompressedBytes, name);
        }
        return stream;
    }

    /// <inheritdoc />
    protected override void Check(ReadOnlySpan<byte> block, long readSoFar)
    {
        if (readSoFar > limit)
        {
            throw new FlowFormatException($"{What} decompresses to more than {limit:N0} bytes; refused as a possible compression bomb (raise the limit if the file is genuine).");
        }
    }
}
