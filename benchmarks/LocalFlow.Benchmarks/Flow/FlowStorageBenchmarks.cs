using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using LocalFlow.Analytics.Flow;
using LocalFlow.Data;
using LocalFlow.Data.Entities;
using LocalFlow.Data.Flow;
using LocalFlow.Data.Schema;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Benchmarks.Flow;

/// <summary>
/// Storing an import's activity records in SQLite (the issue's goal: 100,000 records a second or more).
/// Each iteration inserts 100,000 records into an empty table of a real, upgraded database file.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class FlowStorageBenchmarks
{
    private const int Count = 100_000;
    private string _dir = "";
    private DatabaseOptions _options = null!;
    private List<ActivityRecord> _records = [];

    /// <summary>A database with one locality, two agencies and 500 people, and the records to store.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _dir = Path.Combine(Path.GetTempPath(), "lf-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dir);
        _options = DatabaseOptions.ForSqliteFile(Path.Combine(_dir, "bench.db"));
        using var db = _options.CreateContext();
        SchemaUpgrader.UpgradeAsync(db, DatabaseProvider.Sqlite).GetAwaiter().GetResult();
        var loc = new Locality { Name = "Bench" };
        db.Localities.Add(loc);
        var council = new Agency { Name = "Council", ShortName = "Council", Kind = AgencyKind.Council };
        council.Teams.Add(new Team { Name = "Duty" });
        db.Agencies.Add(council);
        db.SaveChanges();
        var people = Enumerable.Range(0, 500).Select(i => new Person { LocalityId = loc.Id, GivenName = "P" + i, FamilyName = "Bench" }).ToList();
        db.People.AddRange(people);
        db.SaveChanges();
        var start = new DateTime(2015, 1, 1, 9, 0, 0, DateTimeKind.Utc);
        _records = Enumerable.Range(0, Count).Select(i => new ActivityRecord
        {
            LocalityId = loc.Id,
            PersonId = people[i % people.Count].Id,
            AgencyId = council.Id,
            TeamId = council.Teams[0].Id,
            Kind = (ActivityKind)(1 + (i % 11)),
            Subtype = i % 5 == 0 ? "Needs assessment" : null,
            StartUtc = start.AddMinutes(i * 7),
            SourceOffsetMinutes = 0,
            SourceSystem = "Mosaic",
            SourceRecordId = "R" + i,
            Text = i % 3 == 0 ? "Rang about the stairs" : null,
            Cost = i % 2 == 0 ? 35m : null,
        }).ToList();
    }

    /// <summary>Empties the table before each iteration.</summary>
    [IterationSetup]
    public void Empty()
    {
        using var db = _options.CreateContext();
        db.Database.ExecuteSqlRaw("DELETE FROM activity_records");
    }

    /// <summary>100,000 records in one transaction with one prepared INSERT (the time per record is reported).</summary>
    [Benchmark(OperationsPerInvoke = Count)]
    public long SqliteBulkInsert()
    {
        using var db = _options.CreateContext();
        return FlowStore.BulkInsertAsync(db, _records).GetAwaiter().GetResult();
    }

    /// <summary>Removes the database file.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }
}
