namespace LocalFlow.Analytics.Flow;

/// <summary>
/// A columnar, in-memory activity log: one array per field, records sorted by person (ordinal order of the id),
/// then start time, then the order they were read in. Repeated strings are dictionary-encoded in
/// <see cref="Strings"/> (id 0 means none); people are numbered 0..<see cref="PersonCount"/>-1 and each person's
/// records are the contiguous range <see cref="EventsOf"/>. Build one with <see cref="ActivityLogBuilder"/>.
/// Columns that no record filled are empty spans. The log is immutable and safe to read from several threads.
/// </summary>
public sealed class ActivityLog
{
    private readonly string[] _personIds;
    private readonly int[] _personStarts;
    private readonly int[] _uniqueEnds;
    private readonly int[] _personOf;
    private readonly int[] _fileOrder;
    private readonly int[] _agency;
    private readonly byte[] _kind;
    private readonly long[] _start;
    private readonly short[]? _startOffset;
    private readonly int[]? _household;
    private readonly int[]? _team;
    private readonly int[]? _worker;
    private readonly int[]? _subtype;
    private readonly int[]? _referredAgency;
    private readonly int[]? _referredTeam;
    private readonly long[]? _end;
    private readonly short[]? _endOffset;
    private readonly int[]? _sourceSystem;
    private readonly long[]? _cost;
    private readonly sbyte[]? _helped;
    private readonly int[]? _helpedReason;
    private readonly int[]? _activity;
    private readonly Utf8Column? _sourceRecordId;
    private readonly Utf8Column? _text;
    private Dictionary<string, int>? _personIndex;

    internal ActivityLog(int count, StringPool strings, string[] personIds, int[] personStarts, int[] uniqueEnds, int duplicates, int[] personOf, int[] fileOrder,
        int[] agency, byte[] kind, long[] start, short[]? startOffset, int[]? household, int[]? team, int[]? worker, int[]? subtype,
        int[]? referredAgency, int[]? referredTeam, long[]? end, short[]? endOffset, int[]? sourceSystem, long[]? cost,
        sbyte[]? helped, int[]? helpedReason, int[]? activity, Utf8Column? sourceRecordId, Utf8Column? text)
    {
        Count = count;
        Strings = strings;
        _personIds = personIds;
        _personStarts = personStarts;
        _uniqueEnds = uniqueEnds;
        DuplicateCount = duplicates;
        _personOf = personOf;
        _fileOrder = fileOrder;
        _agency = agency;
        _kind = kind;
        _start = start;
        _startOffset = startOffset;
        _household = household;
        _team = team;
        _worker = worker;
        _subtype = subtype;
        _referredAgency = referredAgency;
        _referredTeam = referredTeam;
        _end = end;
        _endOffset = endOffset;
        _sourceSystem = sourceSystem;
        _cost = cost;
        _helped = helped;
        _helpedReason = helpedReason;
        _activity = activity;
        _sourceRecordId = sourceRecordId;
        _text = text;
    }

    /// <summary>How many records the log holds.</summary>
    public int Count { get; }

    /// <summary>How many distinct people the records are about.</summary>
    public int PersonCount => _personIds.Length;

    /// <summary>The dictionary of agencies, teams, workers, subtypes and other repeated strings (id 0 = none).</summary>
    public StringPool Strings { get; }

    /// <summary>The id of person number <paramref name="person"/> (0-based, in ordinal order of ids).</summary>
    public string PersonId(int person) => _personIds[person];

    /// <summary>The number of the person with id <paramref name="personId"/>, or -1 when the log has no records for them.</summary>
    public int FindPerson(string personId)
    {
        _personIndex ??= BuildPersonIndex();
        return _personIndex.GetValueOrDefault(personId, -1);
    }

    private Dictionary<string, int> BuildPersonIndex()
    {
        var index = new Dictionary<string, int>(_personIds.Length, StringComparer.Ordinal);
        for (var p = 0; p < _personIds.Length; p++)
        {
            index[_personIds[p]] = p;
        }
        return index;
    }

    /// <summary>
    /// The records of person <paramref name="person"/> that every figure and signal counts: indices <c>Start</c>
    /// (inclusive) to <c>End</c> (exclusive), in time order, exact duplicates left out (see <see cref="DuplicatesOf"/>).
    /// </summary>
    public (int Start, int End) EventsOf(int person) => (_personStarts[person], _uniqueEnds[person]);

    /// <summary>
    /// The exact duplicates among person <paramref name="person"/>'s records, kept for audit and exports but never
    /// counted: records with the same start, agency, kind, subtype, worker and source activity name as an earlier
    /// record of the person, both with a source record id (a second record id for the same thing). They follow the
    /// person's counted records, in time order. Events without a record id (XES, OCEL) are never duplicates.
    /// </summary>
    public (int Start, int End) DuplicatesOf(int person) => (_uniqueEnds[person], _personStarts[person + 1]);

    /// <summary>Every record of person <paramref name="person"/>: the counted ones (<see cref="EventsOf"/>), then the exact duplicates.</summary>
    public (int Start, int End) RecordsOf(int person) => (_personStarts[person], _personStarts[person + 1]);

    /// <summary>How many records are exact duplicates of another (<see cref="DuplicatesOf"/>): kept, never counted.</summary>
    public int DuplicateCount { get; }

    /// <summary>For each record, the number of its person.</summary>
    public ReadOnlySpan<int> Persons => _personOf;

    /// <summary>For each record, its position in the order it was read (0-based across all files added).</summary>
    public ReadOnlySpan<int> FileOrder => _fileOrder;

    /// <summary>For each record, the agency's string id.</summary>
    public ReadOnlySpan<int> Agencies => _agency.AsSpan(0, Count);

    /// <summary>For each record, its <see cref="ActivityKind"/> as a byte.</summary>
    public ReadOnlySpan<byte> KindCodes => _kind.AsSpan(0, Count);

    /// <summary>For each record, its start as UTC ticks.</summary>
    public ReadOnlySpan<long> StartUtcTicks => _start.AsSpan(0, Count);

    /// <summary>For each record, its end as UTC ticks, <see cref="long.MinValue"/> when none; empty when no record has an end.</summary>
    public ReadOnlySpan<long> EndUtcTicks => _end;

    /// <summary>For each record, the team's string id; empty when no record has a team.</summary>
    public ReadOnlySpan<int> Teams => _team;

    /// <summary>For each record, the worker's string id; empty when no record has a worker.</summary>
    public ReadOnlySpan<int> Workers => _worker;

    /// <summary>For each record, the subtype's string id; empty when no record has a subtype.</summary>
    public ReadOnlySpan<int> Subtypes => _subtype;

    /// <summary>For each record, the household's string id; empty when no record has a household.</summary>
    public ReadOnlySpan<int> Households => _household;

    /// <summary>For each referral, the agency referred to (string id); empty when no record has one.</summary>
    public ReadOnlySpan<int> ReferredToAgencies => _referredAgency;

    /// <summary>For each referral, the team referred to (string id); empty when no record has one.</summary>
    public ReadOnlySpan<int> ReferredToTeams => _referredTeam;

    /// <summary>For each record, the source's activity name (string id); empty when no record has one.</summary>
    public ReadOnlySpan<int> Activities => _activity;

    /// <summary>For each record, whether it helped: 1 yes, 0 no, -1 not judged; empty when no record was judged.</summary>
    public ReadOnlySpan<sbyte> HelpedCodes => _helped;

    /// <summary>The columns as stored (null when never filled), for <see cref="ActivityLogBuilder.Reopen"/>.</summary>
    internal (short[]? StartOffset, int[]? Household, int[]? Team, int[]? Worker, int[]? Subtype, int[]? ReferredAgency, int[]? ReferredTeam, long[]? End,
        short[]? EndOffset, int[]? SourceSystem, long[]? Cost, sbyte[]? Helped, int[]? HelpedReason, int[]? Activity, Utf8Column? SourceRecordId, Utf8Column? Text) Columns
        => (_startOffset, _household, _team, _worker, _subtype, _referredAgency, _referredTeam, _end, _endOffset, _sourceSystem, _cost, _helped, _helpedReason, _activity,
            _sourceRecordId, _text);

    /// <summary>The kind of record <paramref name="i"/>.</summary>
    public ActivityKind Kind(int i) => (ActivityKind)_kind[i];

    /// <summary>The agency of record <paramref name="i"/>.</summary>
    public string Agency(int i) => Strings[_agency[i]]!;

    /// <summary>The team of record <paramref name="i"/>, if any.</summary>
    public string? Team(int i) => _team is null ? null : Strings[_team[i]];

    /// <summary>The worker of record <paramref name="i"/>, if any.</summary>
    public string? Worker(int i) => _worker is null ? null : Strings[_worker[i]];

    /// <summary>The subtype of record <paramref name="i"/>, if any.</summary>
    public string? Subtype(int i) => _subtype is null ? null : Strings[_subtype[i]];

    /// <summary>The start of record <paramref name="i"/>, with the offset the source gave.</summary>
    public DateTimeOffset Start(int i) => ToOffset(_start[i], _startOffset is null ? (short)0 : _startOffset[i]);

    /// <summary>The end of record <paramref name="i"/>, if it has one.</summary>
    public DateTimeOffset? End(int i) => _end is null || _end[i] == ActivityLogBuilder.NoTicks ? null : ToOffset(_end[i], _endOffset is null ? (short)0 : _endOffset[i]);

    /// <summary>The cost the record itself gives, if any (unit costs are applied by the analysis, not stored).</summary>
    public decimal? Cost(int i) => _cost is null || _cost[i] == ActivityLogBuilder.NoCost ? null : ActivityLogBuilder.DecodeCost(_cost[i]);

    /// <summary>Whether record <paramref name="i"/> helped the person, if judged.</summary>
    public bool? Helped(int i) => _helped is null || _helped[i] < 0 ? null : _helped[i] == 1;

    /// <summary>The activity name the source gave record <paramref name="i"/>, if any.</summary>
    public string? Activity(int i) => _activity is null ? null : Strings[_activity[i]];

    /// <summary>The whole of record <paramref name="i"/>.</summary>
    public ActivityEvent this[int i] => new(
        _personIds[_personOf[i]],
        _household is null ? null : Strings[_household[i]],
        Agency(i), Team(i), Worker(i), Kind(i), Subtype(i),
        _referredAgency is null ? null : Strings[_referredAgency[i]],
        _referredTeam is null ? null : Strings[_referredTeam[i]],
        Start(i), End(i),
        _sourceSystem is null ? null : Strings[_sourceSystem[i]],
        _sourceRecordId?.Get(i), Cost(i), Helped(i),
        _helpedReason is null ? null : Strings[_helpedReason[i]],
        _text?.Get(i), Activity(i));

    /// <summary>Makes an empty log.</summary>
    public static ActivityLog Empty() => new ActivityLogBuilder(16).Build();

    private static DateTimeOffset ToOffset(long utcTicks, short offsetMinutes)
    {
        var offset = TimeSpan.FromMinutes(offsetMinutes);
        return new DateTimeOffset(utcTicks + offset.Ticks, offset);
    }
}
