using System.Buffers.Text;
using LocalFlow.Analytics.Flow;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SQLitePCL;

namespace LocalFlow.Data.Flow;

/// <summary>One failure-demand signal found in a person's stored records, with the records that raised it.</summary>
public sealed record StoredSignal(FlowSignalKind Kind, string Description, IReadOnlyList<Guid> RecordIds);

/// <summary>The engine's figures and signals for one person's stored records.</summary>
public sealed record PersonAnalysis(PersonFigures Figures, IReadOnlyList<StoredSignal> Signals);

/// <summary>
/// The flow engine of one locality: every stored activity record read straight from SQL into the analytics
/// engine's columns (<see cref="ActivityLog"/>, figures and signals by <see cref="FlowAnalyzer"/> with the
/// locality's windows), and the way back from the log's people and records to the stored ones. Built by
/// <see cref="FlowEngines"/> on first use and kept until the data change (<see cref="FlowDataVersion"/>); every
/// flow page, the API and the conditions' reach read their figures from it. Immutable and safe to share.
/// </summary>
public sealed class FlowEngine
{
    private readonly Guid[] _people;
    private readonly Dictionary<Guid, int> _personNumbers;
    private readonly Guid[] _recordIds;
    private readonly Dictionary<int, int> _agencyOfString;
    private PersonFigures[]? _everyone;
    private IReadOnlyList<FlowSignal>? _signals;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<FlowLevel, (HandOffGraph, IReadOnlyList<FlowPath>)> _handOffs = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<object>> _kept = new(StringComparer.Ordinal);

    private FlowEngine(int localityId, string version, ActivityLog log, FlowOptions options, Guid[] peopleInPoolOrder, Guid[] recordIds, Dictionary<int, int> agencyOfString,
        bool holdsTheVersion = false)
    {
        HoldsTheVersion = holdsTheVersion;
        LocalityId = localityId;
        Version = version;
        Log = log;
        Analyzer = new FlowAnalyzer(log, options);
        _recordIds = recordIds;
        _agencyOfString = agencyOfString;
        _people = new Guid[log.PersonCount];
        _personNumbers = new Dictionary<Guid, int>(log.PersonCount);
        var byText = new Dictionary<string, Guid>(peopleInPoolOrder.Length, StringComparer.Ordinal);
        foreach (var g in peopleInPoolOrder)
        {
            byText[g.ToString("N")] = g;
        }
        for (var p = 0; p < log.PersonCount; p++)
        {
            _people[p] = byText[log.PersonId(p)];
            _personNumbers[_people[p]] = p;
        }
        var made = new HashSet<int>();
        foreach (var a in log.Agencies)
        {
            made.Add(a);
        }
        AgencyIds = made.Select(a => agencyOfString[a]).ToHashSet();
    }

    /// <summary>
    /// True when the engine holds exactly the records stored under <see cref="Version"/>: the stamp read before the
    /// records was still the stored one after them, so no change was saved meanwhile. Only such an engine is brought
    /// up to date in place when an import adds records (<see cref="ExtendAsync"/>); any other is read again in full.
    /// </summary>
    public bool HoldsTheVersion { get; }

    /// <summary>How many stored records the build read: every record of the locality, or only an import's when the engine was brought up to date from the one before.</summary>
    public int RecordsRead { get; private init; }

    /// <summary>The locality analysed.</summary>
    public int LocalityId { get; }

    /// <summary>The <see cref="FlowDataVersion"/> stamp the engine was built under.</summary>
    public string Version { get; }

    /// <summary>Every stored record of the locality as the engine's log (people ordered by id, then time; agencies by short name).</summary>
    public ActivityLog Log { get; }

    /// <summary>Figures and signals over <see cref="Log"/>, with the locality's windows.</summary>
    public FlowAnalyzer Analyzer { get; }

    /// <summary>The stored ids of the agencies that made a record.</summary>
    public IReadOnlySet<int> AgencyIds { get; }

    /// <summary>Every person's figures, in person order (computed once, on first use).</summary>
    public PersonFigures[] Everyone => LazyInitializer.EnsureInitialized(ref _everyone, Analyzer.AllPeople);

    /// <summary>Every failure-demand signal, in person then time order (found once, on first use).</summary>
    public IReadOnlyList<FlowSignal> Signals => LazyInitializer.EnsureInitialized(ref _signals, Analyzer.AllSignals);

    /// <summary>
    /// Everyone's hand-offs at <paramref name="level"/> and the <paramref name="paths"/> most common paths (made once
    /// per level, on first use). A cohort's are made from <see cref="HandOffs"/> with its people.
    /// </summary>
    public (HandOffGraph Graph, IReadOnlyList<FlowPath> Paths) HandOffsOf(FlowLevel level, int paths)
        => _handOffs.GetOrAdd(level, l => (HandOffs.Graph(Log, l), HandOffs.MostCommonPaths(Log, l, paths)));

    /// <summary>
    /// Something a page or report derives from the engine alone (a sorted list, a total over everyone), made once on
    /// first use and kept as long as the engine, so it is dropped when the data change. <paramref name="key"/> names
    /// what <paramref name="make"/> makes; the same key must always make the same type.
    /// </summary>
    public T Kept<T>(string key, Func<FlowEngine, T> make)
        where T : class
        => (T)_kept.GetOrAdd(key, _ => new Lazy<object>(() => make(this))).Value;

    /// <summary>
    /// Keeps <paramref name="value"/> under <paramref name="key"/> unless something is kept there already, and returns what
    /// is kept: for what is made from the engine and the database together (read after the engine was built, so never
    /// older than it). <see cref="TryKept"/> finds it on later views.
    /// </summary>
    public T Keep<T>(string key, T value)
        where T : class
        => Kept(key, _ => value);

    /// <summary>What is kept under <paramref name="key"/>, if anything is (see <see cref="Kept"/>, <see cref="Keep"/>).</summary>
    public bool TryKept<T>(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out T? value)
        where T : class
    {
        value = _kept.TryGetValue(key, out var kept) ? (T)kept.Value : null;
        return value is not null;
    }

    /// <summary>The stored person behind the log's person number.</summary>
    public Guid PersonId(int person) => _people[person];

    /// <summary>The log's number for a stored person, or -1 when they have no records.</summary>
    public int PersonNumber(Guid personId) => _personNumbers.GetValueOrDefault(personId, -1);

    /// <summary>The stored id of the log's record <paramref name="index"/>.</summary>
    public Guid RecordId(int index) => _recordIds[Log.FileOrder[index]];

    /// <summary>The stored agency id of the log's record <paramref name="index"/>.</summary>
    public int AgencyId(int index) => _agencyOfString[Log.Agencies[index]];

    /// <summary>The numbers of the people with a counted record from agency <paramref name="agencyId"/>.</summary>
    public IReadOnlySet<int> PeopleSeenBy(int agencyId)
    {
        var people = new HashSet<int>();
        for (var p = 0; p < Log.PersonCount; p++)
        {
            var (from, to) = Log.EventsOf(p);
            for (var i = from; i < to; i++)
            {
                if (AgencyId(i) == agencyId)
                {
                    people.Add(p);
                    break;
                }
            }
        }
        return people;
    }

    /// <summary>One person's figures and signals (with the stored ids of the records behind each), or null when they have no records.</summary>
    public PersonAnalysis? Person(Guid personId)
    {
        var p = PersonNumber(personId);
        if (p < 0)
        {
            return null;
        }
        var signals = Analyzer.Signals(p).Select(s => new StoredSignal(s.Kind, s.Describe(Log), [.. s.Events.Select(RecordId)])).ToList();
        return new PersonAnalysis(Everyone[p], signals);
    }

    /// <summary>
    /// Reads every stored record of the locality straight from SQL into the engine's columns: integer agency, team and
    /// worker ids are turned into the log's string ids once each, not once a record; no entities are made or tracked.
    /// </summary>
    internal static async Task<FlowEngine> LoadAsync(LocalFlowDb db, int localityId, string version, CancellationToken ct)
    {
        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.ShortName, ct);
        var teams = await db.Teams.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        var settings = await db.FlowSettings.AsNoTracking().SingleOrDefaultAsync(s => s.LocalityId == localityId, ct);
        var count = await db.ActivityRecords.CountAsync(r => r.LocalityId == localityId, ct);
        var rows = new RowSink(new ActivityLogBuilder(Math.Max(16, count)) { EveryRecordHasAnId = true }, agencies, teams, count);
        var held = await ReadAsync(db, localityId, null, count, rows, version, ct);
        var log = rows.Builder.Build();
        return new FlowEngine(localityId, version, log, settings?.ToOptions() ?? new FlowOptions(), [.. rows.People.Keys], [.. rows.RecordIds], rows.AgencyOfString, held)
        {
            RecordsRead = log.Count,
        };
    }

    /// <summary>
    /// The engine of <paramref name="version"/>, which says that import <paramref name="importId"/> only added records
    /// to the data <paramref name="before"/> holds (<see cref="FlowDataVersion.AppendOf"/>): reads only the import's
    /// rows and adds them to a new log after <paramref name="before"/>'s records, so the log is the one a full read
    /// gives (the import's records are the table's last); only the people the import added records to are sorted again. Everyone's figures and every signal, when
    /// <paramref name="before"/> has them, are worked out again only for the people the import added records to; the
    /// others' are carried over (their records are the same, only moved in the log). Everything else made from the
    /// engine (hand-offs, what pages keep with <see cref="Kept"/>) is made afresh on first use, as after a full read.
    /// <paramref name="before"/> is not changed: views still using it go on.
    /// </summary>
    internal static async Task<FlowEngine> ExtendAsync(LocalFlowDb db, FlowEngine before, Guid importId, string version, CancellationToken ct)
    {
        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.ShortName, ct);
        var teams = await db.Teams.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        var count = await db.ActivityRecords.CountAsync(r => r.LocalityId == before.LocalityId && r.ImportId == importId, ct);
        var builder = ActivityLogBuilder.Reopen(before.Log, count, everyRecordHasAnId: true);
        var rows = new RowSink(builder, agencies, teams, before._recordIds.Length + count, before, added: []);
        var held = await ReadAsync(db, before.LocalityId, importId, count, rows, version, ct);
        var engine = new FlowEngine(before.LocalityId, version, rows.Builder.Build(), before.Analyzer.Options, [.. rows.People.Keys], [.. rows.RecordIds], rows.AgencyOfString, held)
        {
            RecordsRead = rows.RecordIds.Count - before._recordIds.Length,
        };
        engine.CarryOver(before, rows.Added!);
        return engine;
    }

    /// <summary>
    /// Takes <paramref name="before"/>'s figures and signals of everyone whose records did not change (not in
    /// <paramref name="changed"/>), renumbered to this log, and works out the others'. Only what
    /// <paramref name="before"/> had already made is carried; the rest is made on first use as usual.
    /// </summary>
    private void CarryOver(FlowEngine before, HashSet<Guid> changed)
    {
        var n = Log.PersonCount;
        var was = new int[n];
        for (var p = 0; p < n; p++)
        {
            was[p] = changed.Contains(_people[p]) ? -1 : before.PersonNumber(_people[p]);
        }
        if (Volatile.Read(ref before._everyone) is { } everyone)
        {
            var figures = new PersonFigures[n];
            Parallel.For(0, n, p => figures[p] = was[p] < 0 ? Analyzer.Person(p) : was[p] == p ? everyone[p] : everyone[was[p]] with { Person = p });
            _everyone = figures;
        }
        if (Volatile.Read(ref before._signals) is { } signals)
        {
            // where each of before's people's signals start in its list (person order)
            var first = new int[before.Log.PersonCount + 1];
            foreach (var s in signals)
            {
                first[s.Person + 1]++;
            }
            for (var q = 0; q < before.Log.PersonCount; q++)
            {
                first[q + 1] += first[q];
            }
            var fresh = new IReadOnlyList<FlowSignal>?[n];
            Parallel.For(0, n, p => fresh[p] = was[p] < 0 ? Analyzer.Signals(p) : null);
            var all = new List<FlowSignal>(signals.Count + 16);
            for (var p = 0; p < n; p++)
            {
                if (fresh[p] is { } found)
                {
                    all.AddRange(found);
                    continue;
                }
                var q = was[p];
                var moved = Log.RecordsOf(p).Start - before.Log.RecordsOf(q).Start;
                for (var k = first[q]; k < first[q + 1]; k++)
                {
                    var s = signals[k];
                    all.Add(moved == 0 && p == q ? s : new FlowSignal(s.Kind, p, [.. s.Events.Select(i => i + moved)]));
                }
            }
            _signals = all;
        }
    }

    /// <summary>
    /// Reads the locality's records (only import <paramref name="importId"/>'s when given) into <paramref name="rows"/>,
    /// and says whether the stored stamp is still <paramref name="version"/> after the read (see <see cref="HoldsTheVersion"/>).
    /// </summary>
    private static async Task<bool> ReadAsync(LocalFlowDb db, int localityId, Guid? importId, int count, RowSink rows, string version, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            switch (db.Database.GetDbConnection())
            {
                case SqliteConnection sqlite:
                    ReadSqlite(sqlite, localityId, importId, count, rows, ct);
                    break;
                case NpgsqlConnection npgsql:
                    await ReadPostgresAsync(npgsql, localityId, importId, rows, ct);
                    break;
                default:
                    throw new NotSupportedException($"The flow engine cannot read {db.Database.GetDbConnection().GetType().Name}.");
            }
            return await FlowDataVersion.ReadAsync(db, localityId, ct) == version;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// An engine over some stored records only: one person's records as a viewer may see them by data sharing agreement
    /// (<see cref="FlowEngines.ForPersonAsync"/>), so that the figures shown beside the records count no record the
    /// viewer may not see. The same arithmetic and windows as the locality's engine; not kept.
    /// </summary>
    internal static async Task<FlowEngine> OfRecordsAsync(LocalFlowDb db, int localityId, IReadOnlyList<Entities.ActivityRecord> records, CancellationToken ct)
    {
        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.ShortName, ct);
        var teams = await db.Teams.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        var settings = await db.FlowSettings.AsNoTracking().SingleOrDefaultAsync(s => s.LocalityId == localityId, ct);
        var rows = new RowSink(new ActivityLogBuilder(Math.Max(16, records.Count)) { EveryRecordHasAnId = true }, agencies, teams, records.Count);
        foreach (var r in records)
        {
            rows.Add(r.Id, r.PersonId, r.AgencyId, r.TeamId, r.WorkerId, r.Kind, r.Subtype is null ? 0 : rows.Builder.Strings.Intern(r.Subtype), r.ReferredToAgencyId, r.ReferredToTeamId,
                r.StartUtc.Ticks, r.EndUtc?.Ticks, r.Cost, r.Helped);
        }
        return new FlowEngine(localityId, "shared", rows.Builder.Build(), settings?.ToOptions() ?? new FlowOptions(), [.. rows.People.Keys], [.. rows.RecordIds], rows.AgencyOfString);
    }

    private const string Select = "SELECT id, person_id, agency_id, team_id, worker_id, kind, subtype, referred_to_agency_id, referred_to_team_id, start_utc, end_utc, cost, helped FROM activity_records WHERE locality_id = ";

    /// <summary>
    /// Reads the locality's <paramref name="count"/> records, in the table's own order when <see cref="RecordsInTableOrder"/>
    /// says that is faster (the locality holds at least half of the table).
    /// Two threads share the work: one steps through SQLite and parses each row's text (ids, instants, costs) into
    /// chunks of plain values, while this one adds the chunks to the log in the order read. At 2 million records
    /// each half took about 1 s of the 2.4 s one thread took (benchmarks/results/amd-epyc-2core/EnginePages.md).
    /// </summary>
    private static void ReadSqlite(SqliteConnection connection, int localityId, Guid? importId, int count, RowSink rows, CancellationToken ct)
    {
        const int Row = 100;
        var handle = connection.Handle ?? throw new InvalidOperationException("The SQLite connection is not open.");
        long rowids = 0;
        if (raw.sqlite3_prepare_v2(handle, "SELECT coalesce(max(rowid), 0) FROM activity_records", out var last) == 0)
        {
            using (last)
            {
                rowids = raw.sqlite3_step(last) == Row ? raw.sqlite3_column_int64(last, 0) : 0;
            }
        }
        var select = importId is not null ? Select + "? AND import_id = ?"
            : RecordsInTableOrder.IsFaster(count, rowids) ? Select.Replace("FROM activity_records", "FROM activity_records NOT INDEXED", StringComparison.Ordinal) + "?"
            : Select + "?";
        if (raw.sqlite3_prepare_v2(handle, select, out var stmt) != 0)
        {
            throw new SqliteException(raw.sqlite3_errmsg(handle).utf8_to_string(), raw.sqlite3_errcode(handle));
        }
        using (stmt)
        {
            raw.sqlite3_bind_int(stmt, 1, localityId);
            if (importId is { } import)
            {
                // as EF Core and the bulk writer store a Guid on SQLite: upper-case text
                raw.sqlite3_bind_text(stmt, 2, import.ToString().ToUpperInvariant());
            }
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            using var chunks = new System.Collections.Concurrent.BlockingCollection<StoredRows>(boundedCapacity: 4);
            var size = ReadChunk(count);
            var reader = Task.Factory.StartNew(() => ParseRows(stmt, handle, size, chunks, stop.Token), stop.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            try
            {
                foreach (var chunk in chunks.GetConsumingEnumerable(stop.Token))
                {
                    for (var i = 0; i < chunk.Count; i++)
                    {
                        ref readonly var r = ref chunk.Rows[i];
                        rows.Add(r.Id, r.Person, r.Agency, NullIfNone(r.Team), NullIfNone(r.Worker), r.Kind, rows.Builder.Strings.Intern(r.Subtype),
                            NullIfNone(r.ReferredAgency), NullIfNone(r.ReferredTeam), r.Start, r.End == long.MinValue ? null : r.End,
                            r.HasCost ? r.Cost : null, r.Helped < 0 ? null : r.Helped != 0);
                    }
                }
            }
            catch
            {
                // the reader must be done with the statement before it is finalised; this failure is the one thrown
                stop.Cancel();
                try
                {
                    reader.Wait(CancellationToken.None);
                }
                catch (AggregateException)
                {
                }
                throw;
            }
            // the reader's own failure (a SQLite error) is thrown here
            reader.GetAwaiter().GetResult();
        }
    }

    /// <summary>How many rows the reading thread hands on at a time: an eighth of the read, 256 to 16,384.</summary>
    internal static int ReadChunk(int count) => Math.Clamp(count / 8, 256, 16_384);

    private const int None = int.MinValue;

    private static int? NullIfNone(int id) => id == None ? null : id;

    /// <summary>One stored record's columns, parsed (ints are <see cref="None"/> when NULL; <see cref="End"/> long.MinValue).</summary>
    private struct StoredRow
    {
        public Guid Id;
        public Guid Person;
        public long Start;
        public long End;
        public decimal Cost;
        public string? Subtype;
        public int Agency;
        public int Team;
        public int Worker;
        public int ReferredAgency;
        public int ReferredTeam;
        public ActivityKind Kind;
        public bool HasCost;
        public sbyte Helped;
    }

    private sealed class StoredRows(int size)
    {
        public readonly StoredRow[] Rows = new StoredRow[size];
        public int Count;
    }

    /// <summary>The reading thread: steps through the statement, parses each row and hands on chunks of <paramref name="size"/> rows.</summary>
    private static void ParseRows(sqlite3_stmt stmt, sqlite3 handle, int size, System.Collections.Concurrent.BlockingCollection<StoredRows> chunks, CancellationToken ct)
    {
        try
        {
            using var row = new SqliteRows(stmt);
            var subtypes = new StringPool();
            Span<char> chars = stackalloc char[256];
            var chunk = new StoredRows(size);
            int error;
            while (row.Next(out error))
            {
                ref var r = ref chunk.Rows[chunk.Count];
                r.Id = Guid.Parse(row.Bytes(0));
                r.Person = Guid.Parse(row.Bytes(1));
                r.Agency = row.Int(2);
                r.Team = row.NullableInt(3) ?? None;
                r.Worker = row.NullableInt(4) ?? None;
                r.Kind = (ActivityKind)row.Int(5);
                var subtype = row.Bytes(6);
                r.Subtype = subtype.IsEmpty ? null
                    : subtypes[subtype.Length <= chars.Length
                        ? subtypes.Intern(chars[..System.Text.Encoding.UTF8.GetChars(subtype, chars)])
                        : subtypes.Intern(System.Text.Encoding.UTF8.GetString(subtype))];
                r.ReferredAgency = row.NullableInt(7) ?? None;
                r.ReferredTeam = row.NullableInt(8) ?? None;
                r.Start = SqliteTicks(row.Bytes(9));
                var end = row.Bytes(10);
                r.End = end.IsEmpty ? long.MinValue : SqliteTicks(end);
                r.HasCost = !row.IsNull(11);
                if (r.HasCost)
                {
                    var cost = row.Bytes(11);
                    r.Cost = Utf8Parser.TryParse(cost, out decimal c, out var used) && used == cost.Length ? c
                        : decimal.Parse(System.Text.Encoding.UTF8.GetString(cost), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture);
                }
                r.Helped = row.NullableInt(12) is { } helped ? (sbyte)(helped != 0 ? 1 : 0) : (sbyte)-1;
                if (++chunk.Count == size)
                {
                    chunks.Add(chunk, ct);
                    chunk = new StoredRows(size);
                }
            }
            if (error != 0)
            {
                throw new SqliteException(raw.sqlite3_errmsg(handle).utf8_to_string(), error);
            }
            if (chunk.Count > 0)
            {
                chunks.Add(chunk, ct);
            }
        }
        finally
        {
            chunks.CompleteAdding();
        }
    }

    /// <summary>UTC ticks of an instant as SQLite holds it ("yyyy-MM-dd HH:mm:ss.FFFFFFF", as EF Core and the bulk writer store it).</summary>
    internal static long SqliteTicks(ReadOnlySpan<byte> text)
    {
        static int Digits(ReadOnlySpan<byte> s, int at, int n)
        {
            var v = 0;
            for (var i = at; i < at + n; i++)
            {
                var d = s[i] - (byte)'0';
                if ((uint)d > 9)
                {
                    return -1;
                }
                v = (v * 10) + d;
            }
            return v;
        }
        if (text.Length >= 19 && text[4] == '-' && text[7] == '-' && (text[10] == ' ' || text[10] == 'T') && text[13] == ':' && text[16] == ':')
        {
            int year = Digits(text, 0, 4), month = Digits(text, 5, 2), day = Digits(text, 8, 2);
            int hour = Digits(text, 11, 2), minute = Digits(text, 14, 2), second = Digits(text, 17, 2);
            long fraction = 0;
            var end = 19;
            if (text.Length > 20 && text[19] == '.')
            {
                var scale = 1_000_000L;
                for (end = 20; end < text.Length && text[end] is >= (byte)'0' and <= (byte)'9'; end++)
                {
                    fraction += (text[end] - '0') * scale;
                    scale /= 10;
                }
            }
            if (end == text.Length && year > 0 && month > 0 && day > 0 && hour >= 0 && minute >= 0 && second >= 0)
            {
                return new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).Ticks + fraction;
            }
        }
        return DateTime.Parse(System.Text.Encoding.UTF8.GetString(text), System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal).Ticks;
    }

    private static async Task ReadPostgresAsync(NpgsqlConnection connection, int localityId, Guid? importId, RowSink rows, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(Select + "@locality" + (importId is null ? "" : " AND import_id = @import"), connection);
        cmd.Parameters.AddWithValue("locality", localityId);
        if (importId is { } import)
        {
            cmd.Parameters.AddWithValue("import", import);
        }
        await using var reader = await cmd.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, ct);
        int? Int(int column) => reader.IsDBNull(column) ? null : reader.GetInt32(column);
        while (await reader.ReadAsync(ct))
        {
            var id = reader.GetGuid(0);
            var person = reader.GetGuid(1);
            var agency = reader.GetInt32(2);
            int? team = Int(3), worker = Int(4);
            var kind = (ActivityKind)reader.GetInt32(5);
            var subtype = reader.IsDBNull(6) ? 0 : rows.Builder.Strings.Intern(reader.GetString(6));
            int? referredAgency = Int(7), referredTeam = Int(8);
            var start = reader.GetFieldValue<DateTime>(9).Ticks;
            long? end = reader.IsDBNull(10) ? null : reader.GetFieldValue<DateTime>(10).Ticks;
            decimal? cost = reader.IsDBNull(11) ? null : reader.GetDecimal(11);
            bool? helped = reader.IsDBNull(12) ? null : reader.GetBoolean(12);
            rows.Add(id, person, agency, team, worker, kind, subtype, referredAgency, referredTeam, start, end, cost, helped);
        }
    }

    /// <summary>Turns stored rows into builder rows: each agency, team, worker and person is named in the log once.</summary>
    /// <remarks>
    /// With <paramref name="before"/>, the builder is <paramref name="before"/>'s log reopened
    /// (<see cref="ActivityLogBuilder.Reopen"/>: its records in log order, person p the pool's p + 1) and the rows go on after them;
    /// the people of the rows added are noted in <paramref name="added"/>.
    /// </remarks>
    private sealed class RowSink(ActivityLogBuilder builder, Dictionary<int, string> agencies, Dictionary<int, string> teams, int capacity, FlowEngine? before = null,
        HashSet<Guid>? added = null)
    {
        public readonly ActivityLogBuilder Builder = builder;
        public readonly Dictionary<Guid, int> People = before is null ? [] : before._people.Select((g, p) => (g, p)).ToDictionary(x => x.g, x => x.p + 1);
        public readonly List<Guid> RecordIds = before is null ? new(capacity) : RecordIdsInLogOrder(before, capacity);
        public readonly Dictionary<int, int> AgencyOfString = before is null ? [] : new(before._agencyOfString);
        public readonly HashSet<Guid>? Added = added;
        private readonly Dictionary<int, int> _agencies = [];
        private readonly Dictionary<int, int> _teams = [];
        private readonly Dictionary<int, int> _workers = [];

        private static List<Guid> RecordIdsInLogOrder(FlowEngine engine, int capacity)
        {
            var ids = new List<Guid>(capacity);
            for (var i = 0; i < engine.Log.Count; i++)
            {
                ids.Add(engine.RecordId(i));
            }
            return ids;
        }

        public void Add(Guid id, Guid person, int agency, int? team, int? worker, ActivityKind kind, int subtype, int? referredAgency, int? referredTeam,
            long startTicks, long? endTicks, decimal? cost, bool? helped)
        {
            if (!People.TryGetValue(person, out var p))
            {
                p = People[person] = Builder.InternPerson(person.ToString("N"));
            }
            Added?.Add(person);
            RecordIds.Add(id);
            Builder.Add(p, Agency(agency), kind, startTicks, 0, team: Team(team), worker: Worker(worker), subtype: subtype,
                referredToAgency: referredAgency is { } ra ? Agency(ra) : 0, referredToTeam: Team(referredTeam),
                endUtcTicks: endTicks ?? long.MinValue, cost: cost, helped: helped);
        }

        private int Agency(int id)
        {
            if (!_agencies.TryGetValue(id, out var s))
            {
                s = _agencies[id] = Builder.Strings.Intern(agencies.GetValueOrDefault(id, id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                AgencyOfString[s] = id;
            }
            return s;
        }

        private int Team(int? id)
        {
            if (id is not { } t)
            {
                return 0;
            }
            if (!_teams.TryGetValue(t, out var s))
            {
                s = _teams[t] = Builder.Strings.Intern(teams.GetValueOrDefault(t));
            }
            return s;
        }

        private int Worker(int? id)
        {
            if (id is not { } w)
            {
                return 0;
            }
            if (!_workers.TryGetValue(w, out var s))
            {
                s = _workers[w] = Builder.Strings.Intern(w.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            return s;
        }
    }
}
