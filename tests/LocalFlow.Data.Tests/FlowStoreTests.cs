using LocalFlow.Analytics.Flow;
using LocalFlow.Data.Audit;
using LocalFlow.Data.Entities;
using LocalFlow.Data.Flow;
using LocalFlow.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace LocalFlow.Data.Tests;

public class FlowStoreTests(ITestOutputHelper output)
{
    private sealed record Actor(int? UserId, string UserName, string Source) : IAuditActor;

    private sealed record World(int LocalityId, int CouncilId, int PoliceId, int TeamId, int WorkerId, Guid HouseholdId, Guid[] People);

    /// <summary>A locality with two agencies, a worker and one household of <paramref name="people"/> people; <paramref name="like"/> gives the people and household the ids of another database's.</summary>
    private static async Task<World> SeedAsync(LocalFlowDb ctx, int people = 3, World? like = null)
    {
        var loc = new Locality { Name = "Northfield" };
        ctx.Localities.Add(loc);
        var council = new Agency { Name = "Northfield Borough Council", ShortName = "Council", Kind = AgencyKind.Council };
        council.Teams.Add(new Team { Name = "Adult social care duty team" });
        var police = new Agency { Name = "Northshire Police", ShortName = "Police", Kind = AgencyKind.Police };
        ctx.Agencies.AddRange(council, police);
        await ctx.SaveChangesAsync();
        var worker = new Worker { AgencyId = council.Id, TeamId = council.Teams[0].Id, Name = "Pat Jones", JobTitle = "Social worker" };
        ctx.Workers.Add(worker);
        var household = new Household { LocalityId = loc.Id, AddressLine = "4 Mill Lane", Postcode = "NF1 2AB" };
        if (like is not null)
        {
            household.Id = like.HouseholdId;
        }
        ctx.Households.Add(household);
        var ids = new Guid[people];
        for (var i = 0; i < people; i++)
        {
            var p = new Person { LocalityId = loc.Id, HouseholdId = household.Id, GivenName = "Person" + i, FamilyName = "Smith" };
            if (like is not null)
            {
                p.Id = like.People[i];
            }
            ctx.People.Add(p);
            ids[i] = p.Id;
        }
        await ctx.SaveChangesAsync();
        return new World(loc.Id, council.Id, police.Id, council.Teams[0].Id, worker.Id, household.Id, ids);
    }

    private static IEnumerable<ActivityRecord> Records(World w, int count, string prefix = "R")
    {
        var start = new DateTime(2024, 3, 31, 0, 30, 0, DateTimeKind.Utc);
        for (var i = 0; i < count; i++)
        {
            yield return new ActivityRecord
            {
                LocalityId = w.LocalityId,
                PersonId = w.People[i % w.People.Length],
                HouseholdId = i % 2 == 0 ? w.HouseholdId : null,
                AgencyId = i % 3 == 0 ? w.PoliceId : w.CouncilId,
                TeamId = i % 3 == 0 ? null : w.TeamId,
                WorkerId = i % 3 == 0 ? null : w.WorkerId,
                Kind = (ActivityKind)(1 + (i % 11)),
                Subtype = i % 5 == 0 ? "Falls risk assessment" : null,
                ReferredToAgencyId = i % 7 == 0 ? w.PoliceId : null,
                StartUtc = start.AddMinutes(i * 17),
                EndUtc = i % 4 == 0 ? start.AddMinutes((i * 17) + 45) : null,
                SourceOffsetMinutes = i % 2 == 0 ? 60 : null,
                SourceSystem = "Mosaic",
                SourceRecordId = $"{prefix}{i}",
                Text = (i % 6) switch { 0 => "Rang: \"can't get upstairs\" — advised, NFA", 3 => "Seen at home.\nSaid: \"I'm fine 👍\"\tthen cried", _ => null },
                Cost = i % 2 == 0 ? 450.25m + i : null,
                CostFromCatalogue = i % 4 == 0,
                Helped = i % 3 == 0 ? false : null,
                HelpedReason = i % 3 == 0 ? ActivityServed.Targets : null,
                HelpedNote = i % 3 == 0 ? "CQUIN form filed" : null,
                PriceYear = i % 5 == 0 ? 2009 : null,
            };
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_StoresEveryValue_AsEfReadsIt_AndAuditsOnce(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateUpgradedAsync(provider);
        await using var ctx = db.Options.CreateContext(new Actor(3, "sam", "cli flow import"));
        var w = await SeedAsync(ctx);
        var expected = Records(w, 40).ToList();
        var import = await FlowStore.ImportAsync(ctx, new FlowImport { LocalityId = w.LocalityId, FileName = "mosaic.csv", SourceSystem = "Mosaic", AgencyId = w.CouncilId, ImportedBy = "" }, expected);
        import.RecordCount.ShouldBe(40);

        await using var check = db.Options.CreateContext();
        var stored = await check.ActivityRecords.Where(r => r.LocalityId == w.LocalityId).ToListAsync();
        stored.Count.ShouldBe(40);
        foreach (var e in expected)
        {
            var s = stored.Single(x => x.Id == e.Id);
            s.PersonId.ShouldBe(e.PersonId);
            s.HouseholdId.ShouldBe(e.HouseholdId);
            (s.AgencyId, s.TeamId, s.WorkerId, s.Kind, s.Subtype, s.ReferredToAgencyId).ShouldBe((e.AgencyId, e.TeamId, e.WorkerId, e.Kind, e.Subtype, e.ReferredToAgencyId));
            s.StartUtc.ShouldBe(e.StartUtc);
            s.StartUtc.Kind.ShouldBe(DateTimeKind.Utc);
            s.EndUtc.ShouldBe(e.EndUtc);
            (s.SourceOffsetMinutes, s.SourceSystem, s.SourceRecordId, s.Text).ShouldBe((e.SourceOffsetMinutes, e.SourceSystem, e.SourceRecordId, e.Text));
            (s.Cost, s.CostFromCatalogue, s.Helped, s.HelpedReason, s.HelpedNote).ShouldBe((e.Cost, e.CostFromCatalogue, e.Helped, e.HelpedReason, e.HelpedNote));
            s.ImportId.ShouldBe(import.Id);
        }
        // EF queries on the bulk-written columns find them (GUID and date formats agree).
        (await check.ActivityRecords.CountAsync(r => r.PersonId == w.People[1] && r.StartUtc >= new DateTime(2024, 3, 31, 1, 0, 0, DateTimeKind.Utc))).ShouldBe(12);
        var saved = await check.FlowImports.SingleAsync();
        (saved.ImportedBy, saved.ImportedByUserId, saved.Status, saved.RecordCount).ShouldBe(("sam", (int?)3, FlowImportStatus.Completed, 40));
        var audit = await check.AuditEvents.Where(a => a.EventType == AuditEventType.FlowImported).ToListAsync();
        audit.Count.ShouldBe(1, "one audit entry for the import, not one per row");
        audit[0].Detail!.ShouldContain("40 activity records from mosaic.csv");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_StoresTheSameRows_AsTheSqlitePath(DatabaseProvider provider)
    {
        // The same file stored through SQLite's path (one prepared INSERT) and through the provider's (binary COPY on
        // PostgreSQL): every mapped column of every row reads back the same, and as it was given.
        await using var sqlite = await TestDatabase.CreateUpgradedAsync(DatabaseProvider.Sqlite);
        await using var other = await TestDatabase.CreateUpgradedAsync(provider);
        await using var sqliteCtx = sqlite.Options.CreateContext();
        await using var otherCtx = other.Options.CreateContext();
        var w = await SeedAsync(sqliteCtx);
        var v = await SeedAsync(otherCtx, like: w);
        (v.LocalityId, v.CouncilId, v.PoliceId, v.TeamId, v.WorkerId).ShouldBe((w.LocalityId, w.CouncilId, w.PoliceId, w.TeamId, w.WorkerId));
        var given = Records(w, 60).ToList();
        var again = Records(w, 60).ToList();
        for (var i = 0; i < given.Count; i++)
        {
            again[i].Id = given[i].Id;
        }
        var importId = Guid.CreateVersion7();
        FlowImport File() => new() { Id = importId, LocalityId = w.LocalityId, FileName = "mosaic.csv", SourceSystem = "Mosaic", AgencyId = w.CouncilId, ImportedBy = "" };
        await FlowStore.ImportAsync(sqliteCtx, File(), given);
        await FlowStore.ImportAsync(otherCtx, File(), again);

        var columns = sqliteCtx.Model.FindEntityType(typeof(ActivityRecord))!.GetProperties().Where(p => p.PropertyInfo is not null).Select(p => p.PropertyInfo!).ToList();
        columns.Count.ShouldBeGreaterThanOrEqualTo(24, "every stored column is compared");
        async Task<List<ActivityRecord>> ReadAsync(TestDatabase db)
        {
            await using var ctx = db.Options.CreateContext();
            return [.. (await ctx.ActivityRecords.AsNoTracking().ToListAsync()).OrderBy(r => r.SourceRecordId, StringComparer.Ordinal)];
        }
        var fromSqlite = await ReadAsync(sqlite);
        var fromOther = await ReadAsync(other);
        fromOther.Count.ShouldBe(given.Count);
        fromSqlite.Count.ShouldBe(given.Count);
        var byId = given.ToDictionary(r => r.Id);
        for (var i = 0; i < given.Count; i++)
        {
            var (s, o, g) = (fromSqlite[i], fromOther[i], byId[fromSqlite[i].Id]);
            foreach (var column in columns)
            {
                column.GetValue(o).ShouldBe(column.GetValue(s), $"{column.Name} of {s.SourceRecordId}: {provider} against SQLite");
                column.GetValue(s).ShouldBe(column.GetValue(g), $"{column.Name} of {s.SourceRecordId}: stored against given");
                if (column.GetValue(o) is DateTime instant)
                {
                    instant.Kind.ShouldBe(DateTimeKind.Utc, $"{column.Name} of {s.SourceRecordId}");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RejectedFile_ChangesNothing(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateUpgradedAsync(provider);
        await using var ctx = db.Options.CreateContext();
        var w = await SeedAsync(ctx);
        await FlowStore.ImportAsync(ctx, new FlowImport { LocalityId = w.LocalityId, FileName = "first.csv", SourceSystem = "Mosaic", ImportedBy = "" }, Records(w, 10));
        // The second file repeats a record id already stored: the whole file is refused.
        var second = Records(w, 30, "S").ToList();
        second[25].SourceRecordId = "R3";
        await Should.ThrowAsync<Exception>(() => FlowStore.ImportAsync(ctx, new FlowImport { LocalityId = w.LocalityId, FileName = "second.csv", SourceSystem = "Mosaic", ImportedBy = "" }, second));
        // And a record for a person who does not exist.
        var third = Records(w, 5, "T").ToList();
        third[4].PersonId = Guid.NewGuid();
        await Should.ThrowAsync<Exception>(() => FlowStore.ImportAsync(ctx, new FlowImport { LocalityId = w.LocalityId, FileName = "third.csv", SourceSystem = "Mosaic", ImportedBy = "" }, third));

        await using var check = db.Options.CreateContext();
        (await check.ActivityRecords.CountAsync()).ShouldBe(10);
        (await check.FlowImports.Select(i => i.FileName).ToListAsync()).ShouldBe(["first.csv"]);
        (await check.AuditEvents.CountAsync(a => a.EventType == AuditEventType.FlowImported)).ShouldBe(1);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task UndoImport_RemovesExactlyThatImport_AsOneUnit(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateUpgradedAsync(provider);
        await using var ctx = db.Options.CreateContext(new Actor(5, "dee", "POST /Flow/Imports"));
        var w = await SeedAsync(ctx);
        var keep = await FlowStore.ImportAsync(ctx, new FlowImport { LocalityId = w.LocalityId, FileName = "police.csv", SourceSystem = "Niche", ImportedBy = "" }, Records(w, 25, "P"));
        var undo = await FlowStore.ImportAsync(ctx, new FlowImport { LocalityId = w.LocalityId, FileName = "mosaic.csv", SourceSystem = "Mosaic", ImportedBy = "" }, Records(w, 35, "M"));
        // A record entered by hand (no import) is never touched by undo.
        ctx.ActivityRecords.Add(new ActivityRecord { LocalityId = w.LocalityId, PersonId = w.People[0], AgencyId = w.CouncilId, Kind = ActivityKind.Contact, StartUtc = DateTime.UtcNow, SourceSystem = "manual", SourceRecordId = "1" });
        await ctx.SaveChangesAsync();

        (await FlowStore.UndoImportAsync(ctx, w.LocalityId, undo.Id)).ShouldBe(35);
        await Should.ThrowAsync<InvalidOperationException>(() => FlowStore.UndoImportAsync(ctx, w.LocalityId, undo.Id));

        await using var check = db.Options.CreateContext();
        (await check.ActivityRecords.CountAsync(r => r.ImportId == keep.Id)).ShouldBe(25);
        (await check.ActivityRecords.CountAsync(r => r.ImportId == undo.Id)).ShouldBe(0);
        (await check.ActivityRecords.CountAsync(r => r.ImportId == null)).ShouldBe(1);
        var undone = await check.FlowImports.SingleAsync(i => i.Id == undo.Id);
        (undone.Status, undone.UndoneBy).ShouldBe((FlowImportStatus.Undone, "dee"));
        (await check.AuditEvents.CountAsync(a => a.EntityId == undo.Id.ToString() && a.Operation == AuditOperation.Delete)).ShouldBe(1);
        // The hand-made record was audited as a flow record change.
        (await check.AuditEvents.CountAsync(a => a.EventType == AuditEventType.FlowRecordChanged)).ShouldBe(1);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task BulkInsert_StoresAHundredThousandRecords(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateUpgradedAsync(provider);
        await using var ctx = db.Options.CreateContext();
        var w = await SeedAsync(ctx, people: 500);
        var records = Records(w, 100_000).ToList();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        (await FlowStore.BulkInsertAsync(ctx, records)).ShouldBe(100_000);
        clock.Stop();
        // Speed is measured by the benchmark, not asserted here; the figure is printed for the curious.
        output.WriteLine($"{provider}: 100,000 records in {clock.ElapsedMilliseconds} ms ({100_000 / clock.Elapsed.TotalSeconds:N0} records/s)");
        await using var check = db.Options.CreateContext();
        (await check.ActivityRecords.CountAsync()).ShouldBe(100_000);
    }

    [Fact]
    public async Task BulkInsert_OnSqlite_GivesTheConnectionItsOwnPageCacheBack()
    {
        await using var db = await TestDatabase.CreateUpgradedAsync(DatabaseProvider.Sqlite);
        await using var ctx = db.Options.CreateContext();
        var w = await SeedAsync(ctx);
        await ctx.Database.OpenConnectionAsync();
        long CacheSize()
        {
            using var cmd = ctx.Database.GetDbConnection().CreateCommand();
            cmd.CommandText = "PRAGMA cache_size";
            return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }
        var before = CacheSize();
        (await FlowStore.BulkInsertAsync(ctx, Records(w, 50))).ShouldBe(50);
        CacheSize().ShouldBe(before, "the larger cache is for the insert only");
        // A rejected insert gives it back too.
        var bad = Records(w, 5, "X").ToList();
        bad[3].PersonId = Guid.NewGuid();
        await Should.ThrowAsync<Exception>(() => FlowStore.BulkInsertAsync(ctx, bad));
        CacheSize().ShouldBe(before);
    }
}
