using System.Runtime.InteropServices;

namespace LocalFlow.Analytics.Flow;

/// <summary>
/// Dictionary encoding for the activity log's repeated strings (agencies, teams, workers, kinds of assessment...):
/// each distinct string is stored once and columns hold its small integer id. Id 0 is reserved for "none" (null
/// or empty). Lookups by <see cref="ReadOnlySpan{T}"/> of chars do not allocate when the string is known.
/// </summary>
public sealed class StringPool
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _spanIds;
    private readonly List<string?> _values = [null];

    /// <summary>Makes an empty pool holding only id 0 (none).</summary>
    public StringPool()
    {
        _spanIds = _ids.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>How many ids are in use, including 0 (none).</summary>
    public int Count => _values.Count;

    /// <summary>The string for an id (null for 0).</summary>
    public string? this[int id] => _values[id];

    /// <summary>Returns the id of <paramref name="value"/>, adding it when new; null and empty give 0.</summary>
    public int Intern(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return 0;
        }
        ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_ids, value, out var exists);
        if (!exists)
        {
            slot = _values.Count;
            _values.Add(value);
        }
        return slot;
    }

    /// <summary>Returns the id of the characters in <paramref name="value"/>, adding them when new; empty gives 0. Known strings do not allocate.</summary>
    public int Intern(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty)
        {
            return 0;
        }
        if (_spanIds.TryGetValue(value, out var id))
        {
            return id;
        }
        return Intern(value.ToString());
    }

    /// <summary>The id of <paramref name="value"/>, or -1 when the pool does not hold it (0 for null or empty).</summary>
    public int Find(string? value) => string.IsNullOrEmpty(value) ? 0 : _ids.GetValueOrDefault(value, -1);
}
