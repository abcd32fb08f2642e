using LocalFlow.Analytics.Flow;
using LocalFlow.Data;
using LocalFlow.Data.Demo;
using LocalFlow.Data.Entities;
using LocalFlow.Data.Flow;
using LocalFlow.Data.LocalityWork;
using Microsoft.EntityFrameworkCore;
using Stopwatch = System.Diagnostics.Stopwatch;

namespace LocalFlow.Benchmarks.Flow;

/// <summary>
/// Builds the database the locality-wide page benchmark reads (benchmarks/engine-pages.sh): the demo locality with
/// its sign-ins and <c>households</c> households, then activity records stored in bulk over its people until the
/// locality holds <c>records</c> records. The extra records are shaped like agencies' extracts: every kind, typed
/// assessments and referrals (so repeats, cycles and signals occur), named workers per agency, costs on a quarter
/// of them, and 2% exact duplicates under new record ids. Deterministic for its seed.
/// </summary>
public static class EngineSetup
{
    private static readonly string[] AssessmentTypes = ["Core assessment", "Carer's assessment", "Falls risk assessment", "Care Act assessment", "Housing needs assessment", "Mental health assessment"];
    private static readonly string[] Outcomes = ["NFA", "Advice only", "Signposted", "Screened out", "Case closed"];

    public static async Task<int> RunAsync(string[] args)
    {
        var path = Path.GetFullPath(args[1]);
        var households = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 20_000;
        var total = args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 2_000_000;
        var options = DatabaseOptions.ForSqliteFile(path);
        var watch = Stopwatch.StartNew();
        await DatabaseStartup.RunAsync(options, createDemo: true, new DemoOptions { Households = households });
        Console.WriteLine($"demo with {households:N0} households: {watch.Elapsed.TotalSeconds:N1} s");
        await using var db = options.CreateContext();
        db.AuditChangesIndividually = false;
        var locality = await db.Localities.Select(l => l.Id).SingleAsync();
        var (people, agencies, workersOf) = await ShapeAsync(db, locality);
        var stored = await db.ActivityRecords.CountAsync(r => r.LocalityId == locality);
        var extra = Math.Max(0, total - stored);
        watch.Restart();
        await FlowStore.BulkInsertAsync(db, Records(locality, people, agencies, workersOf, extra));
        Console.WriteLine($"{extra:N0} records stored in bulk over {people.Count:N0} people: {watch.Elapsed.TotalSeconds:N1} s; {await db.ActivityRecords.CountAsync():N0} records in all");
        return 0;
    }

    /// <summary>
    /// PostgreSQL import speed (binary COPY): the demo locality with <c>households</c> households in the database of
    /// <c>CONNECTION</c> (which must be empty), then three files of <c>records</c> records shaped as for the page
    /// benchmark, each stored as the flow import stores a checked file (<see cref="FlowStore.ImportAsync"/>: the import
    /// row, every record stamped with it and its person's household, the audit entry and the data-version stamp, in one
    /// transaction); prints records a second, wall and CPU, and the load average for each.
    /// </summary>
    public static async Task<int> PostgresImportAsync(string connection, int households, int records)
    {
        var options = DatabaseOptions.FromConnectionString(connection);
        await DatabaseStartup.RunAsync(options, createDemo: true, new DemoOptions { Households = households, Users = false });
        var process = System.Diagnostics.Process.GetCurrentProcess();
        for (var run = 1; run <= 3; run++)
        {
            await using var db = options.CreateContext();
            db.AuditChangesIndividually = false;
            var locality = await db.Localities.Select(l => l.Id).SingleAsync();
            var (people, agencies, workersOf) = await ShapeAsync(db, locality);
            // made before the clock starts, with run-specific record ids (source record ids are unique per system)
            var batch = Records(locality, people, agencies, workersOf, records).Select(r => { r.SourceRecordId = $"run{run}-{r.SourceRecordId}"; return r; }).ToList();
            var import = new FlowImport { LocalityId = locality, FileName = $"bench-{run}.csv", SourceSystem = "Bench", AgencyId = agencies[0], ImportedBy = "benchmark" };
            var cpu = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            var stored = (await FlowStore.ImportAsync(db, import, batch)).RecordCount;
            watch.Stop();
            var used = process.TotalProcessorTime - cpu;
            Console.WriteLine($"run {run}: {stored:N0} records in {watch.Elapsed.TotalSeconds:N2} s wall ({stored / watch.Elapsed.TotalSeconds:N0} a second), {used.TotalSeconds:N2} s CPU in .NET (load {File.ReadAllText("/proc/loadavg").Trim()})");
        }
        return 0;
    }

    /// <summary>
    /// Builds the locality's engine from <c>FILE</c> three times (each a first view after a data change), then
    /// everyone's figures and every signal, printing wall and CPU time and the load average for each.
    /// </summary>
    public static async Task<int> TimeBuildAsync(string path)
    {
        var options = DatabaseOptions.ForSqliteFile(Path.GetFullPath(path));
        var process = System.Diagnostics.Process.GetCurrentProcess();
        for (var run = 1; run <= 3; run++)
        {
            await using var db = options.CreateContext();
            var locality = await db.Localities.Select(l => l.Id).SingleAsync();
            var cpu = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            var engine = await new FlowEngines().ForLocalityAsync(db, locality);
            var read = (watch.Elapsed, process.TotalProcessorTime - cpu);
            var people = engine.Everyone.Length;
            var figures = (watch.Elapsed, process.TotalProcessorTime - cpu);
            var signals = engine.Signals.Count;
            var all = (watch.Elapsed, process.TotalProcessorTime - cpu);
            process.Refresh();
            Console.WriteLine($"run {run}: {engine.Log.Count:N0} records ({engine.Log.DuplicateCount:N0} exact duplicates), {people:N0} people, {signals:N0} signals; "
                + $"read + build {read.Item1.TotalSeconds:N2} s wall / {read.Item2.TotalSeconds:N2} s CPU; + figures {figures.Item1.TotalSeconds:N2} / {figures.Item2.TotalSeconds:N2}; "
                + $"+ signals {all.Item1.TotalSeconds:N2} / {all.Item2.TotalSeconds:N2}; load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        }
        return 0;
    }

    /// <summary>
    /// The engine brought up to date after an import that only adds records (issue 11): builds the locality's engine
    /// from <c>FILE</c> with everyone's figures and every signal (as the warmer does), then three times stores an
    /// import of <c>records</c> records shaped as <see cref="RunAsync"/>'s (<see cref="ImportAsync"/>) and times the
    /// next build, which reads only the import's records, with figures and signals. Each run adds to the database.
    /// </summary>
    public static async Task<int> TimeAppendAsync(string path, int records)
    {
        var options = DatabaseOptions.ForSqliteFile(Path.GetFullPath(path));
        var process = System.Diagnostics.Process.GetCurrentProcess();
        var engines = new FlowEngines();
        int locality;
        await using (var db = options.CreateContext())
        {
            locality = await db.Localities.Select(l => l.Id).SingleAsync();
            var watch = Stopwatch.StartNew();
            var engine = await engines.ForLocalityAsync(db, locality);
            Console.WriteLine($"full build: {engine.Log.Count:N0} records, {engine.Everyone.Length:N0} people, {engine.Signals.Count:N0} signals: {watch.Elapsed.TotalSeconds:N2} s wall");
        }
        for (var run = 1; run <= 3; run++)
        {
            var stored = Stopwatch.StartNew();
            await ImportAsync(options, records, $"append-{DateTime.UtcNow:yyyyMMddHHmmss}-{run}");
            stored.Stop();
            await using var db = options.CreateContext();
            var cpu = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            var engine = await engines.ForLocalityAsync(db, locality);
            var read = (watch.Elapsed, process.TotalProcessorTime - cpu);
            var people = engine.Everyone.Length;
            var signals = engine.Signals.Count;
            var all = (watch.Elapsed, process.TotalProcessorTime - cpu);
            Console.WriteLine($"run {run}: import of {records:N0} stored in {stored.Elapsed.TotalSeconds:N2} s; engine brought up to date reading {engine.RecordsRead:N0} records "
                + $"({engine.Log.Count:N0} in all, {people:N0} people, {signals:N0} signals): read + build {read.Item1.TotalSeconds:N2} s wall / {read.Item2.TotalSeconds:N2} s CPU; "
                + $"with figures and signals {all.Item1.TotalSeconds:N2} / {all.Item2.TotalSeconds:N2}; load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        }
        return 0;
    }

    /// <summary>
    /// Stores one import of <paramref name="records"/> records over the locality's people, shaped as the page
    /// benchmark's (a seed of its own each time, source record ids starting <paramref name="tag"/>), as the flow import
    /// stores a checked file (<see cref="FlowStore.ImportAsync"/>: the import, its records, the audit entry and the
    /// stamp that says only this import changed the data).
    /// </summary>
    public static async Task ImportAsync(DatabaseOptions options, int records, string tag)
    {
        ArgumentNullException.ThrowIfNull(options);
        await using var db = options.CreateContext();
        db.AuditChangesIndividually = false;
        var locality = await db.Localities.Select(l => l.Id).SingleAsync();
        var (people, agencies, workersOf) = await ShapeAsync(db, locality);
        var batch = Records(locality, people, agencies, workersOf, records, seed: tag.Aggregate(17, (h, c) => unchecked((h * 31) + c)))
            .Select(r => { r.SourceRecordId = $"{tag}-{r.SourceRecordId}"; return r; }).ToList();
        await FlowStore.ImportAsync(db, new FlowImport { LocalityId = locality, FileName = tag + ".csv", SourceSystem = "Bench", AgencyId = agencies[0], ImportedBy = "benchmark" }, batch);
    }

    /// <summary>
    /// Times <see cref="LocalityPicture.LoadAsync(LocalFlowDb, int, IReadOnlySet{Guid}, DateOnly, int, LocalFlow.Data.LocalityWork.Viewer?, CancellationToken)"/>
    /// as at today, for every record (as analysts see it): reading the records of the last two years and a quarter and
    /// flagging them. Three runs; the first includes JIT compilation.
    /// </summary>
    public static async Task<int> TimePictureAsync(string path, string? userName = null)
    {
        var options = DatabaseOptions.ForSqliteFile(Path.GetFullPath(path));
        var process = System.Diagnostics.Process.GetCurrentProcess();
        for (var run = 1; run <= 3; run++)
        {
            await using var db = options.CreateContext();
            var locality = await db.Localities.Select(l => l.Id).SingleAsync();
            // With a user's name: the picture as that user sees it through the sharing rule (the locality team's picture).
            Viewer? viewer = null;
            if (userName is not null)
            {
                var user = await db.Users.Include(u => u.Agencies).SingleAsync(u => u.UserName == userName);
                viewer = new Viewer([locality], user.MaySeeRestricted, null) { AgencyIds = [.. user.Agencies.Select(a => a.AgencyId)], Purposes = LocalFlow.Data.Trust.Sharing.PurposesOf(user.Roles) };
            }
            var cpu = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            var picture = await LocalityPicture.LoadAsync(db, locality, new HashSet<Guid>(), DateOnly.FromDateTime(DateTime.UtcNow), sharedWith: viewer);
            process.Refresh();
            Console.WriteLine($"run {run}: {picture.Households.Count:N0} households, {picture.Flags.Sum(f => f.Records):N0} records in the picture; "
                + $"{watch.Elapsed.TotalSeconds:N2} s wall / {(process.TotalProcessorTime - cpu).TotalSeconds:N2} s CPU; load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        }
        return 0;
    }

    /// <summary>What the made-up records are drawn from: the locality's people, the agencies and each agency's workers.</summary>
    private static async Task<(List<(Guid Id, Guid? Household)> People, List<int> Agencies, Dictionary<int, int[]> WorkersOf)> ShapeAsync(LocalFlowDb db, int locality)
    {
        var people = await PeopleAsync(db, locality);
        var agencies = await db.Agencies.Select(a => a.Id).ToListAsync();
        var workers = await db.Workers.Select(w => new { w.Id, w.AgencyId }).ToListAsync();
        return (people, agencies, agencies.ToDictionary(a => a, a => workers.Where(w => w.AgencyId == a).Select(w => w.Id).ToArray()));
    }

    /// <summary>The locality's people with their households (a record carries its person's household, as the importer sets it).</summary>
    private static async Task<List<(Guid Id, Guid? Household)>> PeopleAsync(LocalFlowDb db, int locality)
        => [.. (await db.People.Where(p => p.LocalityId == locality).OrderBy(p => p.Id).Select(p => new { p.Id, p.HouseholdId }).ToListAsync()).Select(p => (p.Id, p.HouseholdId))];

    private static IEnumerable<ActivityRecord> Records(int locality, List<(Guid Id, Guid? Household)> people, List<int> agencies, Dictionary<int, int[]> workersOf, int count,
        int seed = 20261206)
    {
        var random = new Random(seed);
        var start = new DateTime(2010, 1, 1, 8, 0, 0, DateTimeKind.Utc);
        ActivityRecord? previous = null;
        for (var i = 0; i < count; i++)
        {
            if (previous is not null && random.Next(50) == 0)
            {
                // an exact duplicate: the same thing under a new record id
                previous = new ActivityRecord
                {
                    LocalityId = locality,
                    PersonId = previous.PersonId,
                    HouseholdId = previous.HouseholdId,
                    AgencyId = previous.AgencyId,
                    WorkerId = previous.WorkerId,
                    Kind = previous.Kind,
                    Subtype = previous.Subtype,
                    StartUtc = previous.StartUtc,
                    SourceSystem = "Bench",
                    SourceRecordId = "B" + i,
                    Cost = previous.Cost,
                };
                yield return previous;
                continue;
            }
            var agency = agencies[random.Next(agencies.Count)];
            var kind = (ActivityKind)(1 + random.Next(11));
            var staff = workersOf[agency];
            var person = people[random.Next(people.Count)];
            previous = new ActivityRecord
            {
                LocalityId = locality,
                PersonId = person.Id,
                HouseholdId = person.Household,
                AgencyId = agency,
                WorkerId = staff.Length > 0 && random.Next(3) > 0 ? staff[random.Next(staff.Length)] : null,
                Kind = kind,
                Subtype = kind switch
                {
                    ActivityKind.Assessment => AssessmentTypes[random.Next(AssessmentTypes.Length)],
                    ActivityKind.Closure => Outcomes[random.Next(Outcomes.Length)],
                    _ => null,
                },
                ReferredToAgencyId = kind == ActivityKind.Referral ? agencies[random.Next(agencies.Count)] : null,
                StartUtc = start.AddMinutes(random.Next(16 * 365 * 24 * 60)),
                SourceSystem = "Bench",
                SourceRecordId = "B" + i,
                Cost = random.Next(4) == 0 ? 40m + random.Next(400) : null,
            };
            yield return previous;
        }
    }
}
