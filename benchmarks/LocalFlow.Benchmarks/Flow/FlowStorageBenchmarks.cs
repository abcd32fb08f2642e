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

    /// <summary>100,000 records in one transaction through FlowStore (native statement API; the time per record is reported).</summary>
    [Benchmark(OperationsPerInvoke = Count)]
    public long SqliteBulkInsert()
    {
        using var db = _options.CreateContext();
        return FlowStore.BulkInsertAsync(db, _records).GetAwaiter().GetResult();
    }

    /// <summary>
    /// The former way (kept here for comparison only): Microsoft.Data.Sqlite's parameterised command, one
    /// SqliteParameter per column whose value is boxed and converted for every row.
    /// </summary>
    [Benchmark(OperationsPerInvoke = Count)]
    public long SqliteParameterisedCommand()
    {
        using var db = _options.CreateContext();
        db.Database.OpenConnection();
        using var tx = db.Database.BeginTransaction();
        var conn = (Microsoft.Data.Sqlite.SqliteConnection)db.Database.GetDbConnection();
        using var cmd = conn.CreateCommand();
        string[] columns = ["id", "locality_id", "person_id", "agency_id", "team_id", "kind", "subtype", "start_utc", "source_offset_minutes", "source_system", "source_record_id", "text", "cost", "cost_from_catalogue"];
        cmd.CommandText = $"INSERT INTO activity_records ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))})";
        var p = columns.Select((_, i) => cmd.Parameters.Add(new Microsoft.Data.Sqlite.SqliteParameter("$p" + i, null))).ToArray();
        cmd.Prepare();
        long n = 0;
        foreach (var r in _records)
        {
            p[0].Value = r.Id.ToString("D").ToUpperInvariant();
            p[1].Value = r.LocalityId;
            p[2].Value = r.PersonId.ToString("D").ToUpperInvariant();
            p[3].Value = r.AgencyId;
            p[4].Value = (object?)r.TeamId ?? DBNull.Value;
            p[5].Value = (int)r.Kind;
            p[6].Value = (object?)r.Subtype ?? DBNull.Value;
            p[7].Value = r.StartUtc;
            p[8].Value = (object?)r.SourceOffsetMinutes ?? DBNull.Value;
            p[9].Value = r.SourceSystem;
            p[10].Value = r.SourceRecordId;
            p[11].Value = (object?)r.Text ?? DBNull.Value;
            p[12].Value = (object?)r.Cost ?? DBNull.Value;
            p[13].Value = r.CostFromCatalogue;
            cmd.ExecuteNonQuery();
            n++;
        }
        tx.Commit();
        return n;
    }

    /// <summary>Removes the database file.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }
}
