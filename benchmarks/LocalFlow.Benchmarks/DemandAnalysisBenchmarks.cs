using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using LocalFlow.Data;
using LocalFlow.Data.Demands;
using LocalFlow.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Benchmarks;

/// <summary>The analysis computation alone, in memory, at 100,000 demands.</summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Throughput, launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class DemandAnalysisComputeBenchmarks
{
    private readonly List<DemandFact> _facts = DemandAnalysisBenchmarks.Facts(100_000);
    private readonly Dictionary<int, string> _types = Enumerable.Range(1, 60).ToDictionary(i => i, i => $"Type {i}");
    private readonly Dictionary<int, string> _doors = Enumerable.Range(1, 4).ToDictionary(i => i, i => $"Front door {i}");

    [Benchmark(Description = "Analysis computation, 100,000 demands (in memory)")]
    public DemandAnalysis Compute() => DemandAnalysis.Compute(_facts, _types, _doors, 0.02);
}

/// <summary>
/// The whole analysis as the page runs it (query + computation, SQLite file) and one capture round trip into
/// a study that already holds 100,000 demands. Goals: analysis page under 200 ms, capture p95 under 50 ms.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 2, iterationCount: 15)]
public class DemandAnalysisBenchmarks
{
    private const int Demands = 100_000;

    private List<DemandFact> _facts = [];
    private string _dir = "";
    private DatabaseOptions _options = null!;
    private LocalFlowDb _db = null!;
    private DemandStudy _study = null!;
    private int _door;

    /// <summary>Deterministic demands: 55% failure, four front doors, a long tail of 60 types, one every three minutes.</summary>
    public static List<DemandFact> Facts(int n)
    {
        var random = new Random(20261123);
        var start = new DateTime(2026, 9, 28, 8, 30, 0, DateTimeKind.Utc);
        var facts = new List<DemandFact>(n);
        for (var i = 0; i < n; i++)
        {
            var failure = random.Next(100) < 55;
            facts.Add(new DemandFact(start.AddMinutes(i * 3), 1 + random.Next(4), Channel.Phone, failure ? DemandNature.Failure : DemandNature.Value,
                failure ? FailureKind.ProgressChasing : null, Zipf(random), (TransactionOutcome)(1 + random.Next(5))));
        }
        return facts;
    }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _facts = Facts(Demands);

        // The same demands in a real SQLite file, for the page-level figures.
        _dir = Path.Combine(Path.GetTempPath(), "lf-bench-" + Guid.NewGuid().ToString("N"));
        _options = DatabaseOptions.ForSqliteFile(Path.Combine(_dir, "bench.db"));
        await using (var setup = _options.CreateContext())
        {
            await LocalFlow.Data.Schema.SchemaUpgrader.UpgradeAsync(setup, DatabaseProvider.Sqlite);
            var loc = new Locality { Name = "Bench" };
            setup.Localities.Add(loc);
            var agency = new Agency { Name = "Council", ShortName = "Council", Kind = AgencyKind.Council };
            setup.Agencies.Add(agency);
            await setup.SaveChangesAsync();
            var door = new FrontDoor { LocalityId = loc.Id, AgencyId = agency.Id, Name = "Phone line", Channel = Channel.Phone };
            setup.FrontDoors.Add(door);
            await setup.SaveChangesAsync();
            var service = new DemandStudies(setup);
            var study = await service.CreateStudyAsync(loc.Id, new StudyInput { Service = "Bench", Kind = StudyKind.Transactional, Purpose = "p", StartsOn = new DateOnly(2026, 9, 28), FrontDoorIds = [door.Id] });
            var typeIds = new List<int>();
            for (var t = 1; t <= 60; t++)
            {
                typeIds.Add((await service.CreateTypeAsync(study, $"Type {t}", t % 2 == 0 ? DemandNature.Failure : DemandNature.Value, null)).Id);
            }
            setup.AuditChangesIndividually = false;
            setup.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = 0; i < Demands; i++)
            {
                var f = _facts[i];
                setup.Demands.Add(new Demand
                {
                    LocalityId = loc.Id,
                    StudyId = study.Id,
                    FrontDoorId = door.Id,
                    Channel = Channel.Phone,
                    ReceivedAt = f.ReceivedAt,
                    Verbatim = $"Demand number {i}: my bin was not emptied again and nobody rang back",
                    Nature = f.Nature,
                    FailureKind = f.FailureKind,
                    TypeId = typeIds[f.TypeId!.Value - 1],
                    Outcome = f.Outcome,
                    CapturedBy = "bench",
                    CapturedAt = f.ReceivedAt,
                });
                if ((i + 1) % 10_000 == 0)
                {
                    setup.ChangeTracker.DetectChanges();
                    await setup.SaveChangesAsync();
                    setup.ChangeTracker.Clear();
                }
            }
            _door = door.Id;
        }
        _db = _options.CreateContext();
        _study = (await new DemandStudies(_db).FindStudyAsync(1, [1]))!;
    }

    // A long tail of types, as real demand has: a few types are most of it.
    private static int Zipf(Random random)
    {
        var r = random.NextDouble();
        return Math.Min(60, 1 + (int)(Math.Pow(r, 2.5) * 60));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _db.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Benchmark(Description = "Analysis as the page runs it, 100,000 demands (SQLite query + computation)")]
    public async Task<DemandAnalysis> AnalysePage()
    {
        _db.ChangeTracker.Clear();
        return await new DemandStudies(_db).AnalyseAsync(_study);
    }

    /// <summary>The page's former way of reading the facts (EF Core projection), kept to show what the direct read saves.</summary>
    [Benchmark(Description = "Analysis with the facts read through EF Core (the former page), 100,000 demands")]
    public async Task<DemandAnalysis> AnalyseThroughEf()
    {
        _db.ChangeTracker.Clear();
        var facts = await _db.Demands.AsNoTracking()
            .Where(d => d.LocalityId == _study.LocalityId && d.StudyId == _study.Id)
            .OrderBy(d => d.ReceivedAt).ThenBy(d => d.CapturedAt)
            .Select(d => new DemandFact(d.ReceivedAt, d.FrontDoorId, d.Channel, d.Nature, d.FailureKind, d.TypeId, d.Outcome))
            .ToListAsync();
        var types = await _db.DemandTypes.AsNoTracking().Where(t => t.StudyId == _study.Id).ToDictionaryAsync(t => t.Id, t => t.Name);
        var doors = await _db.FrontDoors.AsNoTracking().ToDictionaryAsync(f => f.Id, f => f.Name);
        return DemandAnalysis.Compute(facts, types, doors, _study.PredictableLevel);
    }

    [Benchmark(Description = "Capture one demand into a study of 100,000 (SQLite)")]
    public async Task<Demand> Capture()
    {
        _db.ChangeTracker.Clear();
        return await new DemandStudies(_db).CaptureAsync(_study, new DemandInput
        {
            FrontDoorId = _door,
            Verbatim = "Where is my bin? 🙄",
            Nature = DemandNature.Failure,
            FailureKind = FailureKind.ProgressChasing,
            TypeId = 1,
            Outcome = TransactionOutcome.AdviceOnly,
        });
    }
}
