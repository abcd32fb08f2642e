namespace LocalFlow.Analytics.Flow;

/// <summary>
/// Collects activity records in any order (as files are read) and builds an <see cref="ActivityLog"/> sorted by
/// person, then time. Records with equal start times for the same person keep the order they were added in (as
/// pm4py keeps file order), so variant counts agree with other process-mining tools. Strings are
/// dictionary-encoded as they arrive and columns that are never filled are never allocated: ten million
/// records cost roughly 60–90 bytes each, with no object per record.
/// </summary>
public sealed class ActivityLogBuilder
{
    internal const long NoTicks = long.MinValue;
    internal const long NoCost = long.MinValue;

    private readonly StringPool _people = new();
    private readonly StringPool _strings = new();
    private int _count;
    private int _capacity;
    private int[] _person;
    private int[] _agency;
    private byte[] _kind;
    private long[] _start;
    private readonly LazyColumn<short> _startOffset = new(0);
    private readonly LazyColumn<int> _household = new(0);
    private readonly LazyColumn<int> _team = new(0);
    private readonly LazyColumn<int> _worker = new(0);
    private readonly LazyColumn<int> _subtype = new(0);
    private readonly LazyColumn<int> _referredAgency = new(0);
    private readonly LazyColumn<int> _referredTeam = new(0);
    private readonly LazyColumn<long> _end = new(NoTicks);
    private readonly LazyColumn<short> _endOffset = new(0);
    private readonly LazyColumn<int> _sourceSystem = new(0);
    private readonly LazyColumn<long> _cost = new(NoCost);
    private readonly LazyColumn<sbyte> _helped = new(-1);
    private readonly LazyColumn<int> _helpedReason = new(0);
    private readonly LazyColumn<int> _activity = new(0);
    private readonly Utf8Column _sourceRecordId = new();
    private readonly Utf8Column _text = new();

    /// <summary>Starts an empty builder; <paramref name="capacity"/> is a hint of how many records will come.</summary>
    public ActivityLogBuilder(int capacity = 1024)
    {
        _capacity = Math.Max(16, capacity);
        _person = new int[_capacity];
        _agency = new int[_capacity];
        _kind = new byte[_capacity];
        _start = new long[_capacity];
    }

    /// <summary>
    /// A builder holding every record of <paramref name="log"/>, in the log's order, with a copy of its strings under
    /// the same ids: adding more records and building gives the log that one builder would have built from all of them
    /// (the flow engine brought up to date when an import only adds records), but for <see cref="ActivityLog.FileOrder"/>,
    /// which then counts the log's records in the log's order, the ones added after them. The people no record is
    /// added to keep their records as they are in <paramref name="log"/>, unsorted again. <paramref name="more"/> is a
    /// hint of how many will be added; <paramref name="everyRecordHasAnId"/> as <see cref="EveryRecordHasAnId"/> was
    /// for the log. The log is not changed.
    /// </summary>
    public static ActivityLogBuilder Reopen(ActivityLog log, int more, bool everyRecordHasAnId)
    {
        ArgumentNullException.ThrowIfNull(log);
        var n = log.Count;
        var b = new ActivityLogBuilder(n + Math.Max(0, more)) { EveryRecordHasAnId = everyRecordHasAnId };
        for (var id = 1; id < log.Strings.Count; id++)
        {
            b._strings.Intern(log.Strings[id]);
        }
        // the pool holds the log's people in person order, from id 1, with how many of their records count
        b._reopenedCounted = new int[log.PersonCount + 1];
        for (var p = 0; p < log.PersonCount; p++)
        {
            b._people.Intern(log.PersonId(p));
            var (from, to) = log.EventsOf(p);
            b._reopenedCounted[p + 1] = to - from;
        }
        b._reopened = n;
        var persons = log.Persons;
        for (var i = 0; i < n; i++)
        {
            b._person[i] = persons[i] + 1;
        }
        log.Agencies.CopyTo(b._agency);
        log.KindCodes.CopyTo(b._kind);
        log.StartUtcTicks.CopyTo(b._start);
        var c = log.Columns;
        b._startOffset.CopyFrom(c.StartOffset, b._capacity);
        b._household.CopyFrom(c.Household, b._capacity);
        b._team.CopyFrom(c.Team, b._capacity);
        b._worker.CopyFrom(c.Worker, b._capacity);
        b._subtype.CopyFrom(c.Subtype, b._capacity);
        b._referredAgency.CopyFrom(c.ReferredAgency, b._capacity);
        b._referredTeam.CopyFrom(c.ReferredTeam, b._capacity);
        b._end.CopyFrom(c.End, b._capacity);
        b._endOffset.CopyFrom(c.EndOffset, b._capacity);
        b._sourceSystem.CopyFrom(c.SourceSystem, b._capacity);
        b._cost.CopyFrom(c.Cost, b._capacity);
        b._helped.CopyFrom(c.Helped, b._capacity);
        b._helpedReason.CopyFrom(c.HelpedReason, b._capacity);
        b._activity.CopyFrom(c.Activity, b._capacity);
        if (c.SourceRecordId is not null || c.Text is not null)
        {
            for (var i = 0; i < n; i++)
            {
                b._sourceRecordId.Set(i, c.SourceRecordId?.Get(i), b._capacity);
                b._text.Set(i, c.Text?.Get(i), b._capacity);
            }
        }
        b._count = n;
        return b;
    }

    /// <summary>With <see cref="Reopen"/>: how many of the builder's first records are a built log's, in its order.</summary>
    private int _reopened;

    /// <summary>With <see cref="Reopen"/>: for each of the log's people (by pool id), how many of their records count.</summary>
    private int[] _reopenedCounted = [];

    /// <summary>How many records have been added.</summary>
    public int Count => _count;

    /// <summary>
    /// True when every record added has a source record id even if none is given (records read back from storage,
    /// where the id is required): exact duplicates are then looked for among all of them (see <see cref="Build"/>).
    /// </summary>
    public bool EveryRecordHasAnId { get; init; }

    /// <summary>The shared string pool (agencies, teams, workers, subtypes...); readers may intern into it directly.</summary>
    public StringPool Strings => _strings;

    /// <summary>Adds one record.</summary>
    public void Add(in ActivityEvent e)
    {
        var row = Reserve();
        _person[row] = _people.Intern(e.PersonId ?? throw new ArgumentException("A record needs a person id.", nameof(e)));
        _agency[row] = _strings.Intern(e.Agency);
        _kind[row] = (byte)e.Kind;
        _start[row] = e.Start.UtcTicks;
        _startOffset.Set(row, (short)e.Start.Offset.TotalMinutes, _capacity);
        _household.Set(row, _strings.Intern(e.HouseholdId), _capacity);
        _team.Set(row, _strings.Intern(e.Team), _capacity);
        _worker.Set(row, _strings.Intern(e.Worker), _capacity);
        _subtype.Set(row, _strings.Intern(e.Subtype), _capacity);
        _referredAgency.Set(row, _strings.Intern(e.ReferredToAgency), _capacity);
        _referredTeam.Set(row, _strings.Intern(e.ReferredToTeam), _capacity);
        _end.Set(row, e.End?.UtcTicks ?? NoTicks, _capacity);
        _endOffset.Set(row, (short)(e.End?.Offset.TotalMinutes ?? 0), _capacity);
        _sourceSystem.Set(row, _strings.Intern(e.SourceSystem), _capacity);
        _cost.Set(row, e.Cost is { } c ? EncodeCost(c) : NoCost, _capacity);
        _helped.Set(row, e.Helped is { } h ? (sbyte)(h ? 1 : 0) : (sbyte)-1, _capacity);
        _helpedReason.Set(row, _strings.Intern(e.HelpedReason), _capacity);
        _activity.Set(row, _strings.Intern(e.Activity), _capacity);
        _sourceRecordId.Set(row, e.SourceRecordId, _capacity);
        _text.Set(row, e.Text, _capacity);
        _count++;
    }

    /// <summary>
    /// The reference of person <paramref name="personId"/> for the fast <see cref="Add(int, int, ActivityKind, long, short, int, int, int, int, int, int, long, short, int, decimal?, bool?, int, int, ReadOnlySpan{char}, ReadOnlySpan{char})"/>;
    /// does not allocate when the person is already known. People with no records are left out of the log.
    /// </summary>
    public int InternPerson(ReadOnlySpan<char> personId)
    {
        if (personId.IsEmpty)
        {
            throw new ArgumentException("A record needs a person id.", nameof(personId));
        }
        return _people.Intern(personId);
    }

    /// <summary>
    /// Adds one record from already-encoded parts (the fast path used by the file readers): string ids must come
    /// from <see cref="Strings"/> and <paramref name="person"/> from <see cref="InternPerson"/>.
    /// </summary>
    public void Add(int person, int agency, ActivityKind kind, long startUtcTicks, short startOffsetMinutes,
        int household = 0, int team = 0, int worker = 0, int subtype = 0, int referredToAgency = 0, int referredToTeam = 0,
        long endUtcTicks = NoTicks, short endOffsetMinutes = 0, int sourceSystem = 0, decimal? cost = null, bool? helped = null,
        int helpedReason = 0, int activity = 0, ReadOnlySpan<char> sourceRecordId = default, ReadOnlySpan<char> text = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(person, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(person, _people.Count);
        var row = Reserve();
        _person[row] = person;
        _agency[row] = agency;
        _kind[row] = (byte)kind;
        _start[row] = startUtcTicks;
        _startOffset.Set(row, startOffsetMinutes, _capacity);
        _household.Set(row, household, _capacity);
        _team.Set(row, team, _capacity);
        _worker.Set(row, worker, _capacity);
        _subtype.Set(row, subtype, _capacity);
        _referredAgency.Set(row, referredToAgency, _capacity);
        _referredTeam.Set(row, referredToTeam, _capacity);
        _end.Set(row, endUtcTicks, _capacity);
        _endOffset.Set(row, endOffsetMinutes, _capacity);
        _sourceSystem.Set(row, sourceSystem, _capacity);
        _cost.Set(row, cost is { } c ? EncodeCost(c) : NoCost, _capacity);
        _helped.Set(row, helped is { } h ? (sbyte)(h ? 1 : 0) : (sbyte)-1, _capacity);
        _helpedReason.Set(row, helpedReason, _capacity);
        _activity.Set(row, activity, _capacity);
        _sourceRecordId.Set(row, sourceRecordId, _capacity);
        _text.Set(row, text, _capacity);
        _count++;
    }

    /// <summary>Sets the end of record number <paramref name="row"/> (0-based in the order added), for a lifecycle "complete" that pairs with its "start".</summary>
    public void SetEnd(int row, DateTimeOffset end)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, _count);
        _end.Set(row, end.UtcTicks, _capacity);
        _endOffset.Set(row, (short)end.Offset.TotalMinutes, _capacity);
    }

    /// <summary>Forgets every record added after <see cref="Count"/> was <paramref name="count"/>: a rejected file changes nothing.</summary>
    public void Truncate(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, _count);
        _count = count;
        if (count < _reopened)
        {
            // the reopened log's people are no longer as they were: every person is sorted again
            _reopened = 0;
            _reopenedCounted = [];
        }
        _sourceRecordId.Truncate(count);
        _text.Truncate(count);
    }

    /// <summary>
    /// Builds the log: records sorted by person (ordinal order of the id), then start time, then the order they were
    /// added. The builder is emptied (its memory moves into the log) and cannot be used again.
    /// </summary>
    public ActivityLog Build()
    {
        var n = _count;
        // people named by a rejected row have no records and are left out
        var used = new bool[_people.Count];
        for (var i = 0; i < n; i++)
        {
            used[_person[i]] = true;
        }
        var poolIds = new List<int>(_people.Count);
        for (var id = 1; id < used.Length; id++)
        {
            if (used[id])
            {
                poolIds.Add(id);
            }
        }
        var people = poolIds.Count;
        // rank people by their id so that the log's order does not depend on which file came first
        var ids = new string[people];
        var byId = new int[people];
        for (var p = 0; p < people; p++)
        {
            ids[p] = _people[poolIds[p]]!;
            byId[p] = poolIds[p];
        }
        Array.Sort(ids, byId, StringComparer.Ordinal);
        var rank = new int[_people.Count];
        for (var r = 0; r < people; r++)
        {
            rank[byId[r]] = r;
        }
        // counting sort by person keeps the order added within each person (stable)
        var starts = new int[people + 1];
        for (var i = 0; i < n; i++)
        {
            starts[rank[_person[i]] + 1]++;
        }
        for (var p = 0; p < people; p++)
        {
            starts[p + 1] += starts[p];
        }
        var next = (int[])starts.Clone();
        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            order[next[rank[_person[i]]]++] = i;
        }
        next = null;
        // then by time within each person (people are independent, so both cores share the work)
        var start = _start;
        var uniqueEnds = new int[people];
        var duplicates = 0;
        // a reopened log's people with no record added are already in order (Reopen)
        var added = new bool[_people.Count];
        for (var i = _reopened; i < n; i++)
        {
            added[_person[i]] = true;
        }
        Parallel.For(0, (people + 4095) / 4096, block =>
        {
            var last = Math.Min(people, (block + 1) * 4096);
            var found = 0;
            for (var p = block * 4096; p < last; p++)
            {
                var pool = byId[p];
                if (pool < _reopenedCounted.Length && !added[pool])
                {
                    uniqueEnds[p] = starts[p] + _reopenedCounted[pool];
                    found += starts[p + 1] - uniqueEnds[p];
                    continue;
                }
                SortByTime(order, starts[p], starts[p + 1], start);
                uniqueEnds[p] = MoveDuplicatesLast(order, starts[p], starts[p + 1]);
                found += starts[p + 1] - uniqueEnds[p];
            }
            Interlocked.Add(ref duplicates, found);
        });
        var personOf = new int[n];
        for (var p = 0; p < people; p++)
        {
            personOf.AsSpan(starts[p], starts[p + 1] - starts[p]).Fill(p);
        }
        _person = [];
        // gather every column into log order; columns are independent, so they are gathered in parallel
        int[] agency = [];
        byte[] kind = [];
        long[] startTicks = [];
        short[]? startOffset = null, endOffset = null;
        int[]? household = null, team = null, worker = null, subtype = null, referredAgency = null, referredTeam = null, sourceSystem = null, helpedReason = null, activity = null;
        long[]? end = null, cost = null;
        sbyte[]? helped = null;
        Utf8Column? sourceRecordId = null, text = null;
        Parallel.Invoke(
            () => agency = Permute(ref _agency, order),
            () => kind = Permute(ref _kind, order),
            () => startTicks = Permute(ref _start, order),
            () => startOffset = _startOffset.Permute(order),
            () => household = _household.Permute(order),
            () => team = _team.Permute(order),
            () => worker = _worker.Permute(order),
            () => subtype = _subtype.Permute(order),
            () => referredAgency = _referredAgency.Permute(order),
            () => referredTeam = _referredTeam.Permute(order),
            () => end = _end.Permute(order),
            () => endOffset = _endOffset.Permute(order),
            () => sourceSystem = _sourceSystem.Permute(order),
            () => cost = _cost.Permute(order),
            () => helped = _helped.Permute(order),
            () => helpedReason = _helpedReason.Permute(order),
            () => activity = _activity.Permute(order),
            () => sourceRecordId = _sourceRecordId.Permute(order, n),
            () => text = _text.Permute(order, n));
        var log = new ActivityLog(n, _strings, ids, starts, uniqueEnds, duplicates, personOf, order, agency, kind, startTicks, startOffset, household, team, worker,
            subtype, referredAgency, referredTeam, end, endOffset, sourceSystem, cost, helped, helpedReason, activity, sourceRecordId, text);
        _count = 0;
        return log;
    }

    /// <summary>
    /// Moves every record of <paramref name="part"/> to the end of this builder (in its order), re-encoding its strings
    /// and people; <paramref name="part"/> is emptied. Readers fill one builder per file in parallel and append them in
    /// file order, so the result does not depend on which thread finished first.
    /// </summary>
    public void Append(ActivityLogBuilder part)
    {
        ArgumentNullException.ThrowIfNull(part);
        if (ReferenceEquals(part, this))
        {
            throw new ArgumentException("A builder cannot be appended to itself.", nameof(part));
        }
        var n = part._count;
        var strings = new int[part._strings.Count];
        for (var id = 1; id < strings.Length; id++)
        {
            strings[id] = _strings.Intern(part._strings[id]);
        }
        var people = new int[part._people.Count];
        for (var id = 1; id < people.Length; id++)
        {
            people[id] = _people.Intern(part._people[id]);
        }
        var at = _count;
        EnsureCapacity(at + n);
        for (var i = 0; i < n; i++)
        {
            _person[at + i] = people[part._person[i]];
            _agency[at + i] = strings[part._agency[i]];
        }
        Array.Copy(part._kind, 0, _kind, at, n);
        Array.Copy(part._start, 0, _start, at, n);
        part._person = [];
        part._agency = [];
        part._kind = [];
        part._start = [];
        _startOffset.AppendFrom(part._startOffset, at, n, null, _capacity);
        _household.AppendFrom(part._household, at, n, strings, _capacity);
        _team.AppendFrom(part._team, at, n, strings, _capacity);
        _worker.AppendFrom(part._worker, at, n, strings, _capacity);
        _subtype.AppendFrom(part._subtype, at, n, strings, _capacity);
        _referredAgency.AppendFrom(part._referredAgency, at, n, strings, _capacity);
        _referredTeam.AppendFrom(part._referredTeam, at, n, strings, _capacity);
        _end.AppendFrom(part._end, at, n, null, _capacity);
        _endOffset.AppendFrom(part._endOffset, at, n, null, _capacity);
        _sourceSystem.AppendFrom(part._sourceSystem, at, n, strings, _capacity);
        _cost.AppendFrom(part._cost, at, n, null, _capacity);
        _helped.AppendFrom(part._helped, at, n, null, _capacity);
        _helpedReason.AppendFrom(part._helpedReason, at, n, strings, _capacity);
        _activity.AppendFrom(part._activity, at, n, strings, _capacity);
        for (var i = 0; i < n; i++)
        {
            if (part._sourceRecordId.HasValues)
            {
                _sourceRecordId.Set(at + i, part._sourceRecordId.Get(i), _capacity);
            }
            if (part._text.HasValues)
            {
                _text.Set(at + i, part._text.Get(i), _capacity);
            }
        }
        _count = at + n;
        part._count = 0;
    }

    private void EnsureCapacity(int needed)
    {
        while (_capacity < needed)
        {
            Grow(needed);
        }
    }

    internal static long EncodeCost(decimal pounds) => decimal.ToInt64(decimal.Round(pounds * 10_000m, MidpointRounding.AwayFromZero));

    internal static decimal DecodeCost(long tenThousandths) => tenThousandths / 10_000m;

    private static T[] Permute<T>(ref T[] column, int[] order)
    {
        var src = column;
        column = [];
        var dst = new T[order.Length];
        for (var i = 0; i < order.Length; i++)
        {
            dst[i] = src[order[i]];
        }
        return dst;
    }

    /// <summary>
    /// Moves the exact duplicates among one person's records (already in time order) to the end of their range,
    /// keeping both parts in order, and returns where the duplicates start. A record is an exact duplicate when an
    /// earlier record of the same person has the same start, agency, kind, subtype, worker and source activity name,
    /// and both carry a source record id: the same thing recorded twice under another record id, as real extracts
    /// do. Events without a record id (an XES or OCEL event log) are never duplicates: a log may hold the same
    /// event twice, and process-mining tools count both.
    /// </summary>
    private int MoveDuplicatesLast(int[] order, int from, int to)
    {
        var subtype = _subtype.Data;
        var worker = _worker.Data;
        var activity = _activity.Data;
        List<int>? moved = null;
        var write = from;
        var run = from;
        if (!_sourceRecordId.HasValues && !EveryRecordHasAnId)
        {
            return to;
        }
        for (var i = from; i < to; i++)
        {
            var row = order[i];
            if (i > from && _start[row] != _start[order[i - 1]])
            {
                // order[i - 1] is still the previous record read: writes never pass the read position
                run = write;
            }
            var duplicate = false;
            // only the kept records of the same instant can be what this one repeats; without a record id a row is
            // an event of a log (XES, OCEL), not a record that can be repeated under another id
            for (var j = run; j < write && !duplicate && HasId(row); j++)
            {
                var other = order[j];
                duplicate = _start[other] == _start[row] && _agency[other] == _agency[row] && HasId(other) && _kind[other] == _kind[row]
                    && (subtype is null || subtype[other] == subtype[row]) && (worker is null || worker[other] == worker[row])
                    && (activity is null || activity[other] == activity[row]);
            }
            if (duplicate)
            {
                (moved ??= []).Add(row);
            }
            else
            {
                order[write++] = row;
            }
        }
        if (moved is not null)
        {
            moved.CopyTo(order, write);
        }
        return write;
    }

    private bool HasId(int row) => EveryRecordHasAnId || _sourceRecordId.HasValue(row);

    private static void SortByTime(int[] order, int from, int to, long[] ticks)
    {
        var sorted = true;
        for (var i = from + 1; i < to; i++)
        {
            if (ticks[order[i]] < ticks[order[i - 1]])
            {
                sorted = false;
                break;
            }
        }
        if (sorted)
        {
            return;
        }
        if (to - from <= 32)
        {
            // insertion sort is stable: equal times keep the order added
            for (var i = from + 1; i < to; i++)
            {
                var item = order[i];
                var key = ticks[item];
                var j = i - 1;
                while (j >= from && ticks[order[j]] > key)
                {
                    order[j + 1] = order[j];
                    j--;
                }
                order[j + 1] = item;
            }
            return;
        }
        var keys = new (long Ticks, int Row)[to - from];
        for (var i = from; i < to; i++)
        {
            keys[i - from] = (ticks[order[i]], order[i]);
        }
        // the row number breaks ties, so the unstable sort gives the stable order
        Array.Sort(keys);
        for (var i = from; i < to; i++)
        {
            order[i] = keys[i - from].Row;
        }
    }

    private int Reserve()
    {
        if (_count == _capacity)
        {
            Grow(_count + 1);
        }
        return _count;
    }

    private void Grow(int needed)
    {
        {
            var capacity = (int)Math.Min(Array.MaxLength, Math.Max(needed, _capacity * 2L));
            if (capacity == _capacity)
            {
                throw new InvalidOperationException("The activity log is full.");
            }
            Array.Resize(ref _person, capacity);
            Array.Resize(ref _agency, capacity);
            Array.Resize(ref _kind, capacity);
            Array.Resize(ref _start, capacity);
            _startOffset.Grow(capacity);
            _household.Grow(capacity);
            _team.Grow(capacity);
            _worker.Grow(capacity);
            _subtype.Grow(capacity);
            _referredAgency.Grow(capacity);
            _referredTeam.Grow(capacity);
            _end.Grow(capacity);
            _endOffset.Grow(capacity);
            _sourceSystem.Grow(capacity);
            _cost.Grow(capacity);
            _helped.Grow(capacity);
            _helpedReason.Grow(capacity);
            _activity.Grow(capacity);
            _sourceRecordId.Grow(capacity);
            _text.Grow(capacity);
            _capacity = capacity;
        }
    }
}
