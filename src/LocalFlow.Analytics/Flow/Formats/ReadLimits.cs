using System.Globalization;

namespace LocalFlow.Analytics.Flow.Formats;

/// <summary>
/// How much one piece of an imported file may hold, so that no upload of any shape makes a reader hold more than a
/// little of it at once: one field, attribute or text (default 64 KB), and one record (a CSV row, an XML element with
/// what follows it, a JSON object or event) of <see cref="RecordFactor"/> fields at the limit. A file that breaks a
/// limit is refused with an error naming the line (or element), read only as far as the limit: the long value is
/// never held whole. The web app sets <see cref="FieldBytes"/> from <c>Import:MaxFieldBytes</c>, the CLI from the
/// environment variable <c>LOCALFLOW_MAX_FIELD_BYTES</c> (docs/flow-import.md).
/// </summary>
public static class ReadLimits
{
    /// <summary>The default most bytes one field, attribute or text may hold: 64 KB.</summary>
    public const int DefaultFieldBytes = 64 * 1024;

    /// <summary>A record may hold this many fields at the limit.</summary>
    public const int RecordFactor = 16;

    /// <summary>The environment variable the CLI reads <see cref="FieldBytes"/> from.</summary>
    public const string EnvironmentVariable = "LOCALFLOW_MAX_FIELD_BYTES";

    private static int _fieldBytes = DefaultFieldBytes;

    /// <summary>The most bytes one field may hold in this process (set once at start-up; readers' options may lower it for one read).</summary>
    public static int FieldBytes
    {
        get => _fieldBytes;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1024);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 64 << 20);
            _fieldBytes = value;
        }
    }

    /// <summary>The most bytes one record may hold when a field may hold <paramref name="fieldBytes"/>.</summary>
    public static int RecordBytes(int fieldBytes) => checked(fieldBytes * RecordFactor);

    /// <summary>Reads <see cref="FieldBytes"/> from a setting (a whole number of bytes); null or empty keeps the default. Returns an error for a bad value.</summary>
    public static string? Configure(string? setting)
    {
        if (string.IsNullOrWhiteSpace(setting))
        {
            return null;
        }
        if (!int.TryParse(setting, NumberStyles.None, CultureInfo.InvariantCulture, out var bytes) || bytes < 1024 || bytes > 64 << 20)
        {
            return $"The most bytes a field may hold must be a whole number from 1024 to {64 << 20}, not \"{setting}\".";
        }
        FieldBytes = bytes;
        return null;
    }

    /// <summary>"64 KB", "1 MB": a limit in words.</summary>
    public static string Words(long bytes) => bytes >= 1 << 20 && bytes % (1 << 20) == 0
        ? $"{(bytes >> 20).ToString(CultureInfo.InvariantCulture)} MB"
        : bytes % 1024 == 0 ? $"{(bytes >> 10).ToString(CultureInfo.InvariantCulture)} KB" : $"{bytes.ToString("N0", CultureInfo.InvariantCulture)} bytes";
}

/// <summary>
/// A read-only stream over XML that refuses an element holding more than a set number of bytes: it counts the bytes
/// since the last <c>&lt;</c> (a tag with its attributes, and the text after it) and the lines, and stops with the
/// line and element name as soon as the count passes the limit (with room for the element's name and key), so that
/// the XML reader never holds the long value.
/// </summary>
public sealed class MarkupLimitedStream(Stream inner, int limit, string what) : CheckedReadStream(inner, what)
{
    private const int Slack = 1024;

    private long _run;
    private long _line = 1;
    private readonly byte[] _name = new byte[64];
    private int _nameLength = -1; // -1: not in a name

    /// <inheritdoc />
    protected override void Check(ReadOnlySpan<byte> block, long readSoFar)
    {
        foreach (var b in block)
        {
            if (b == (byte)'<')
            {
                _run = 0;
                _nameLength = 0;
                continue;
            }
            if (b == (byte)'\n')
            {
                _line++;
            }
            if (_nameLength >= 0)
            {
                if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or (byte)'>' or (byte)'/' || _nameLength == _name.Length)
                {
                    _nameLength = -_nameLength - 2; // keep the name, stop adding to it
                }
                else
                {
                    _name[_nameLength++] = b;
                }
            }
            if (++_run > limit + Slack)
            {
                var length = _nameLength >= 0 ? _nameLength : Math.Max(-_nameLength - 2, 0);
                var name = System.Text.Encoding.UTF8.GetString(_name, 0, length);
                throw new FlowFormatException($"{What}, line {_line.ToString(CultureInfo.InvariantCulture)}: one attribute or text of the <{name}> element is longer than {ReadLimits.Words(limit)}, the most one may hold; the file is refused without reading the rest of it.");
            }
        }
    }
}
