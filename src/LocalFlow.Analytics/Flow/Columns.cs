using System.Text;

namespace LocalFlow.Analytics.Flow;

/// <summary>A growable column that is only allocated once a row gives it a value other than its default.</summary>
internal sealed class LazyColumn<T>(T empty)
    where T : struct
{
    public T[]? Data;
    public readonly T Empty = empty;

    public void Set(int row, T value, int capacity)
    {
        if (Data is null)
        {
            if (EqualityComparer<T>.Default.Equals(value, Empty))
            {
                return;
            }
            Data = new T[capacity];
            if (!EqualityComparer<T>.Default.Equals(Empty, default))
            {
                Array.Fill(Data, Empty);
            }
        }
        Data[row] = value;
    }

    public void Grow(int capacity)
    {
        if (Data is not null)
        {
            var bigger = new T[capacity];
            Array.Copy(Data, bigger, Data.Length);
            if (!EqualityComparer<T>.Default.Equals(Empty, default))
            {
                Array.Fill(bigger, Empty, Data.Length, capacity - Data.Length);
            }
            Data = bigger;
        }
    }

    /// <summary>Copies <paramref name="n"/> values of another builder's column to rows <paramref name="at"/>..; int string ids are re-encoded through <paramref name="remap"/>.</summary>
    public void AppendFrom(LazyColumn<T> other, int at, int n, int[]? remap, int capacity)
    {
        if (other.Data is null)
        {
            if (Data is not null)
            {
                Array.Fill(Data, Empty, at, n);
            }
            return;
        }
        if (Data is null)
        {
            Data = new T[capacity];
            if (!EqualityComparer<T>.Default.Equals(Empty, default))
            {
                Array.Fill(Data, Empty);
            }
        }
        if (remap is not null && typeof(T) == typeof(int))
        {
            var src = (int[])(object)other.Data;
            var dst = (int[])(object)Data;
            for (var i = 0; i < n; i++)
            {
                dst[at + i] = remap[src[i]];
            }
        }
        else
        {
            Array.Copy(other.Data, 0, Data, at, n);
        }
        other.Data = null;
    }

    /// <summary>Fills the column's first rows with a log's column (nothing when the log has none).</summary>
    public void CopyFrom(T[]? values, int capacity)
    {
        if (values is null)
        {
            return;
        }
        Data = new T[capacity];
        if (!EqualityComparer<T>.Default.Equals(Empty, default))
        {
            Array.Fill(Data, Empty, values.Length, capacity - values.Length);
        }
        values.CopyTo(Data, 0);
    }

    public T[]? Permute(int[] order)
    {
        if (Data is null)
        {
            return null;
        }
        var src = Data;
        Data = null;
        var dst = new T[order.Length];
        for (var i = 0; i < order.Length; i++)
        {
            dst[i] = src[order[i]];
        }
        return dst;
    }
}

/// <summary>
/// A column of mostly distinct strings (source record ids, free text) kept as UTF-8 bytes in one buffer with
/// offsets, so ten million values cost ten million offsets and their bytes, not ten million string objects.
/// </summary>
internal sealed class Utf8Column
{
    private byte[] _bytes = [];
    private int _length;
    private int[]? _ends;

    public bool HasValues => _ends is not null;

    public void Set(int row, ReadOnlySpan<char> value, int capacity)
    {
        if (_ends is null)
        {
            if (value.IsEmpty)
            {
                return;
            }
            _ends = new int[capacity];
        }
        // rows before this one that were never set keep the previous end (an empty value)
        var max = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (_length + max > _bytes.Length)
        {
            var size = Math.Max(_bytes.Length * 2L, _length + (long)max + 1024);
            if (size > Array.MaxLength)
            {
                size = Array.MaxLength;
            }
            if (_length + max > size)
            {
                throw new InvalidOperationException("The text column holds more than 2 GB; import the file in parts or without free text.");
            }
            Array.Resize(ref _bytes, (int)size);
        }
        _length += Encoding.UTF8.GetBytes(value, _bytes.AsSpan(_length));
        _ends[row] = _length;
        FillGapBefore(row);
    }

    private int _lastRow = -1;

    private void FillGapBefore(int row)
    {
        var previousEnd = _lastRow >= 0 ? _ends![_lastRow] : 0;
        for (var r = _lastRow + 1; r < row; r++)
        {
            _ends![r] = previousEnd;
        }
        _lastRow = row;
    }

    public void Grow(int capacity)
    {
        if (_ends is not null)
        {
            Array.Resize(ref _ends, capacity);
        }
    }

    /// <summary>Truncates to <paramref name="count"/> rows (used to undo a rejected file).</summary>
    public void Truncate(int count)
    {
        if (_ends is null || _lastRow < count)
        {
            return;
        }
        _lastRow = count - 1;
        _length = count == 0 ? 0 : _ends[count - 1];
    }

    public string? Get(int row)
    {
        if (_ends is null)
        {
            return null;
        }
        var start = row == 0 ? 0 : End(row - 1);
        var end = End(row);
        return end == start ? null : Encoding.UTF8.GetString(_bytes, start, end - start);
    }

    /// <summary>Whether row <paramref name="row"/> holds a value (not empty).</summary>
    public bool HasValue(int row) => _ends is not null && End(row) > (row == 0 ? 0 : End(row - 1));

    private int End(int row) => row <= _lastRow ? _ends![row] : (_lastRow >= 0 ? _ends![_lastRow] : 0);

    public Utf8Column? Permute(int[] order, int count)
    {
        if (_ends is null)
        {
            return null;
        }
        var result = new Utf8Column { _bytes = new byte[_length], _ends = new int[order.Length], _lastRow = order.Length - 1 };
        var at = 0;
        for (var i = 0; i < order.Length; i++)
        {
            var r = order[i];
            var start = r == 0 ? 0 : End(r - 1);
            var end = End(r);
            _bytes.AsSpan(start, end - start).CopyTo(result._bytes.AsSpan(at));
            at += end - start;
            result._ends[i] = at;
        }
        result._length = at;
        _bytes = [];
        _ends = null;
        return result;
    }
}
