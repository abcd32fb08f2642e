using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using LocalFlow.Analytics.Flow;
using LocalFlow.Data;
using LocalFlow.Data.Demo;
using LocalFlow.Data.Entities;
using LocalFlow.Data.Flow;
using LocalFlow.Data.LocalityWork;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Benchmarks.Flow;

/// <summary>
/// A person's timeline page with two million activity records stored (issue 4: under 100 ms). The database is
/// the demo locality (SQLite file) plus 2,000,000 more records spread over the other demo people; the measured
/// work is everything the Flow/Person page asks of the database and the engine for Ruth (179 records): the
/// person, the case-history list, her records, agencies, teams, workers, what mattered, the engine's
/// figures and signals (the locality's engine, kept between views as the web app keeps it) and the cost curve. Razor rendering of the page is not included.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 3, iterationCount: 20)]
public class TimelineBenchmarks
{
    private const int Extra = 2_000_000;
    private string _dir = "";
    private DatabaseOptions _options = null!;
    private Guid _ruth;
    private int _locality;
    private readonly FlowEngines _engines = new();

    [GlobalSetup]
    public void Setup()
    {
        _dir = Path.Combine(Path.GetTempPath(), "lf-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dir);
        _options = DatabaseOptions.ForSqliteFile(Path.Combine(_dir, "timeline.db"));
        DatabaseStartup.RunAsync(_options, createDemo: true, new DemoOptions { Users = false }).GetAwaiter().GetResult();
        using var db = _options.CreateContext();
        _ruth = FlowQueries.CaseHistoriesAsync(db).GetAwaiter().GetResult().First().PersonId;
        _locality = db.People.Where(p => p.Id == _ruth).Select(p => p.LocalityId).Single();
        var others = db.People.Where(p => p.LocalityId == _locality && p.Id != _ruth).Select(p => p.Id).ToList();
        var agencies = db.Agencies.Select(a => a.Id).ToList();
        var random = new Random(20261123);
        var start = new DateTime(2012, 1, 1, 8, 0, 0, DateTimeKind.Utc);
        var records = Enumerable.Range(0, Extra).Select(i => new ActivityRecord
        {
            LocalityId = _locality,
            PersonId = others[random.Next(others.Count)],
            AgencyId = agencies[random.Next(agencies.Count)],
            Kind = (ActivityKind)(1 + random.Next(11)),
            StartUtc = start.AddMinutes(random.Next(14 * 365 * 24 * 60)),
            SourceSystem = "Bench",
            SourceRecordId = "B" + i,
            Cost = random.Next(4) == 0 ? 40m + random.Next(400) : null,
        });
        FlowStore.BulkInsertAsync(db, records).GetAwaiter().GetResult();
        Console.WriteLine($"// {db.ActivityRecords.Count():N0} activity records stored; Ruth has {db.ActivityRecords.Count(r => r.PersonId == _ruth)}");
    }

    /// <summary>What the Flow/Person page asks for Ruth, in the order it asks.</summary>
    [Benchmark]
    public async Task<int> RuthsTimelinePageData()
    {
        await using var db = _options.CreateContext();
        var person = await db.People.AsNoTracking().Include(p => p.Household).SingleAsync(p => p.Id == _ruth && p.LocalityId == _locality);
        var story = (await FlowQueries.CaseHistoriesAsync(db)).Count;
        var all = await FlowQueries.RecordsForAsync(db, new Viewer([person.LocalityId], true, null), person.LocalityId, _ruth);
        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.ShortName);
        var teamIds = all.Where(r => r.TeamId is not null).Select(r => r.TeamId!.Value).Distinct().ToList();
        var teams = await db.Teams.AsNoTracking().Where(t => teamIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Name);
        var workerIds = all.Where(r => r.WorkerId is not null).Select(r => r.WorkerId!.Value).Distinct().ToList();
        var workers = await db.Workers.AsNoTracking().Where(w => workerIds.Contains(w.Id)).ToDictionaryAsync(w => w.Id, w => w.Name);
        var mattered = await db.WhatMattered.AsNoTracking().Where(w => w.LocalityId == person.LocalityId && w.PersonId == _ruth).ToListAsync();
        var flow = await _engines.ForLocalityAsync(db, person.LocalityId);
        var engine = flow.Person(_ruth);
        var costs = CostCurve.For(flow.Analyzer, engine!.Figures.Person, [.. mattered.Select(m => new WhatMatteredItem(m.Item, m.Cost, m.AskedOn))]);
        return all.Count + story + agencies.Count + teams.Count + workers.Count + mattered.Count + costs.Done.Count + engine.Signals.Count + engine.Figures.GetHashCode();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }
}
