using System.Buffers;
using System.Globalization;
using System.Text;

namespace LocalFlow.Analytics.Flow.Formats;

/// <summary>
/// Reads RFC 4180 CSV records from a UTF-8 stream without making a string per field: quoted fields, doubled
/// quotes, delimiters and line breaks inside quotes, CRLF or LF, a byte-order mark. Tracks the line each record starts on.
/// </summary>
internal sealed class CsvTokenizer(Stream stream, byte delimiter, int maxFieldBytes = ReadLimits.DefaultFieldBytes) : IDisposable
{
    // a record may hold this many bytes; a longer one is refused before the buffer grows to hold it
    private readonly int _maxRecordBytes = ReadLimits.RecordBytes(maxFieldBytes);

    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(1 << 20);
    private int _pos;
    private int _end;
    private bool _eof;
    private bool _started;
    private long _nextLine = 1;
    private (int Start, int Length, bool Escaped)[] _fields = new (int, int, bool)[32];
    private char[] _chars = new char[256];

    public int FieldCount { get; private set; }

    /// <summary>The line the current record started on (1-based).</summary>
    public long Line { get; private set; }

    /// <summary>Bytes consumed so far (for progress).</summary>
    public long BytesRead { get; private set; }

    /// <summary>Set when the current record is malformed (text after a closing quote, an unclosed quote).</summary>
    public string? Problem { get; private set; }

    public bool ReadRecord()
    {
        if (!_started)
        {
            _started = true;
            Fill();
            if (_end - _pos >= 3 && _buffer[0] == 0xEF && _buffer[1] == 0xBB && _buffer[2] == 0xBF)
            {
                _pos = 3;
            }
        }
        while (true)
        {
            var result = TryParse();
            if (result >= 0)
            {
                return result == 1;
            }
            Fill();
        }
    }

    // 1 = record, 0 = end of file, -1 = need more bytes
    private int TryParse()
    {
        var buf = _buffer;
        var p = _pos;
        var count = 0;
        long newlines = 0;
        Problem = null;
        if (p >= _end)
        {
            return _eof ? 0 : -1;
        }
        while (true)
        {
            if (count == _fields.Length)
            {
                Array.Resize(ref _fields, count * 2);
            }
            if (p < _end && buf[p] == (byte)'"')
            {
                var start = p + 1;
                var q = start;
                var escaped = false;
                while (true)
                {
                    var idx = buf.AsSpan(q, _end - q).IndexOf((byte)'"');
                    if (idx < 0)
                    {
                        if (!_eof)
                        {
                            return -1;
                        }
                        Problem = "a quoted field is never closed";
                        newlines += buf.AsSpan(start, _end - start).Count((byte)'\n');
                        _fields[count++] = (start, _end - start, escaped);
                        p = _end;
                        return Finish(p, count, newlines);
                    }
                    q += idx;
                    if (q + 1 >= _end && !_eof)
                    {
                        return -1;
                    }
                    if (q + 1 < _end && buf[q + 1] == (byte)'"')
                    {
                        escaped = true;
                        q += 2;
                        continue;
                    }
                    break;
                }
                newlines += buf.AsSpan(start, q - start).Count((byte)'\n');
                _fields[count++] = (start, q - start, escaped);
                p = q + 1;
                if (p >= _end)
                {
                    return Finish(p, count, newlines);
                }
                var c = buf[p];
                if (c == delimiter)
                {
                    p++;
                    continue;
                }
                if (c == (byte)'\r' && p + 1 < _end && buf[p + 1] == (byte)'\n')
                {
                    return Finish(p + 2, count, newlines + 1);
                }
                if (c == (byte)'\n')
                {
                    return Finish(p + 1, count, newlines + 1);
                }
                if (c == (byte)'\r' && p + 1 >= _end && !_eof)
                {
                    return -1;
                }
                Problem = "text follows a closing quote";
                var skip = buf.AsSpan(p, _end - p).IndexOf((byte)'\n');
                if (skip < 0)
                {
                    if (!_eof)
                    {
                        return -1;
                    }
                    return Finish(_end, count, newlines);
                }
                return Finish(p + skip + 1, count, newlines + 1);
            }
            else
            {
                var idx = buf.AsSpan(p, _end - p).IndexOfAny(delimiter, (byte)'\n');
                if (idx < 0)
                {
                    if (!_eof)
                    {
                        return -1;
                    }
                    var len = _end - p;
                    if (len > 0 && buf[_end - 1] == (byte)'\r')
                    {
                        len--;
                    }
                    _fields[count++] = (p, len, false);
                    return Finish(_end, count, newlines);
                }
                var q = p + idx;
                if (buf[q] == delimiter)
                {
                    _fields[count++] = (p, q - p, false);
                    p = q + 1;
                    continue;
                }
                var length = q - p;
                if (length > 0 && buf[q - 1] == (byte)'\r')
                {
                    length--;
                }
                _fields[count++] = (p, length, false);
                return Finish(q + 1, count, newlines + 1);
            }
        }
    }

    private int Finish(int next, int count, long newlines)
    {
        for (var i = 0; i < count; i++)
        {
            if (_fields[i].Length > maxFieldBytes)
            {
                throw new FlowFormatException($"Line {_nextLine.ToString(CultureInfo.InvariantCulture)}, field {(i + 1).ToString(CultureInfo.InvariantCulture)}: the field is longer than {ReadLimits.Words(maxFieldBytes)}, the most one field may hold; the file is refused.");
            }
        }
        BytesRead += next - _pos;
        _pos = next;
        FieldCount = count;
        Line = _nextLine;
        _nextLine += Math.Max(newlines, 1);
        return 1;
    }

    private void Fill()
    {
        if (_eof)
        {
            return;
        }
        if (_pos > 0)
        {
            Buffer.BlockCopy(_buffer, _pos, _buffer, 0, _end - _pos);
            _end -= _pos;
            _pos = 0;
        }
        if (_end == _buffer.Length)
        {
            if (_end >= _maxRecordBytes)
            {
                throw new FlowFormatException($"Line {_nextLine.ToString(CultureInfo.InvariantCulture)}: the row is longer than {ReadLimits.Words(_maxRecordBytes)} (a field may hold at most {ReadLimits.Words(maxFieldBytes)}); the file is refused without reading the rest of it.");
            }
            var bigger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
            Buffer.BlockCopy(_buffer, 0, bigger, 0, _end);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = bigger;
        }
        var read = stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
        {
            _eof = true;
        }
        _end += read;
    }

    /// <summary>True when the record is a blank line.</summary>
    public bool IsBlank => FieldCount == 1 && _fields[0].Length == 0;

    public ReadOnlySpan<byte> RawField(int i) => _buffer.AsSpan(_fields[i].Start, _fields[i].Length);

    /// <summary>The field as characters (valid until the next call), doubled quotes undone and <see cref="CsvFormula.Restore(ReadOnlySpan{char})"/> applied.</summary>
    public ReadOnlySpan<char> Field(int i) => CsvFormula.Restore(Unquoted(i));

    private ReadOnlySpan<char> Unquoted(int i)
    {
        if (i < 0 || i >= FieldCount)
        {
            return default;
        }
        var (start, length, escaped) = _fields[i];
        var bytes = _buffer.AsSpan(start, length);
        if (_chars.Length < length)
        {
            _chars = new char[Math.Max(length, _chars.Length * 2)];
        }
        var n = Encoding.UTF8.GetChars(bytes, _chars);
        var chars = _chars.AsSpan(0, n);
        if (!escaped)
        {
            return chars;
        }
        var w = 0;
        for (var r = 0; r < n; r++)
        {
            chars[w++] = chars[r];
            if (chars[r] == '"' && r + 1 < n && chars[r + 1] == '"')
            {
                r++;
            }
        }
        return chars[..w];
    }

    public string FieldString(int i) => Field(i).ToString();

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }
}
