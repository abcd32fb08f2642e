using LocalFlow.Analytics.Flow;
using LocalFlow.Data.Demo;
using LocalFlow.Data.Entities;
using LocalFlow.Data.Flow;
using LocalFlow.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Data.Tests;

/// <summary>
/// The locality's flow engine reads stored records straight into the analytics engine, agrees with an engine built
/// from the same rows by hand, is kept between views and is rebuilt as soon as the data change.
/// </summary>
public class FlowEngineTests
{
    private static async Task<(TestDatabase Db, int Locality)> DemoAsync(DatabaseProvider provider)
    {
        var db = await TestDatabase.CreateDemoAsync(provider, new DemoOptions { Households = 120, Users = false, Today = new DateOnly(2026, 11, 23) });
        await using var ctx = db.Options.CreateContext();
        return (db, (await ctx.Localities.SingleAsync()).Id);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TheEngine_ReadFromSql_MatchesALogBuiltFromTheEntities_PersonByPerson(DatabaseProvider provider)
    {
        var (db, localityId) = await DemoAsync(provider);
        await using var _ = db;
        await using var ctx = db.Options.CreateContext();
        var flow = await new FlowEngines().ForLocalityAsync(ctx, localityId);

        // The same rows through EF and the builder's ordinary path, as an independent reading.
        var records = await ctx.ActivityRecords.AsNoTracking().Where(r => r.LocalityId == localityId).ToListAsync();
        var agencies = await ctx.Agencies.ToDictionaryAsync(a => a.Id, a => a.ShortName);
        var teams = await ctx.Teams.ToDictionaryAsync(t => t.Id, t => t.Name);
        var builder = new ActivityLogBuilder();
        foreach (var r in records)
        {
            builder.Add(new ActivityEvent(r.PersonId.ToString("N"), null, agencies[r.AgencyId], r.TeamId is { } t ? teams[t] : null,
                r.WorkerId?.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Kind, r.Subtype,
                r.ReferredToAgencyId is { } ra ? agencies[ra] : null, r.ReferredToTeamId is { } rt ? teams[rt] : null,
                new DateTimeOffset(r.StartUtc, TimeSpan.Zero), r.EndUtc is { } e ? new DateTimeOffset(e, TimeSpan.Zero) : null, Cost: r.Cost, Helped: r.Helped));
        }
        var settings = await ctx.FlowSettings.SingleOrDefaultAsync(s => s.LocalityId == localityId);
        var expected = new FlowAnalyzer(builder.Build(), settings?.ToOptions() ?? new FlowOptions());

        flow.Log.Count.ShouldBe(records.Count);
        flow.Log.PersonCount.ShouldBe(records.Select(r => r.PersonId).Distinct().Count());
        flow.AgencyIds.ShouldBe(records.Select(r => r.AgencyId).ToHashSet(), ignoreOrder: true);
        var byId = records.ToDictionary(r => r.Id);
        var everyone = expected.AllPeople();
        for (var p = 0; p < everyone.Length; p++)
        {
            var mine = flow.Everyone[p];
            mine.PersonId.ShouldBe(everyone[p].PersonId);
            mine.ShouldBe(everyone[p]);
            flow.PersonNumber(flow.PersonId(p)).ShouldBe(p);
            var (from, to) = flow.Log.EventsOf(p);
            for (var i = from; i < to; i++)
            {
                var stored = byId[flow.RecordId(i)];
                stored.PersonId.ShouldBe(flow.PersonId(p));
                stored.AgencyId.ShouldBe(flow.AgencyId(i));
                stored.StartUtc.ShouldBe(flow.Log.Start(i).UtcDateTime);
                stored.Kind.ShouldBe(flow.Log.Kind(i));
            }
        }
        flow.Signals.Select(s => (s.Kind, s.Person, string.Join(',', s.Events))).ShouldBe(expected.AllSignals().Select(s => (s.Kind, s.Person, string.Join(',', s.Events))));
        flow.Signals.Count.ShouldBeGreaterThan(0);
        foreach (var (story, personId) in await FlowQueries.CaseHistoriesAsync(ctx))
        {
            var analysis = flow.Person(personId)!;
            analysis.Figures.Records.ShouldBe(records.Count(r => r.PersonId == personId), story);
            analysis.Signals.ShouldAllBe(s => s.RecordIds.Count > 0 && s.RecordIds.All(id => byId[id].PersonId == personId));
        }
    }

    [Fact]
    public async Task OnSqlite_TheTwoThreadRead_SpansSeveralChunks_AndARowItCannotRead_FailsTheBuildAndKeepsNothing()
    {
        var (db, localityId) = await DemoAsync(DatabaseProvider.Sqlite);
        await using var _ = db;
        var engines = new FlowEngines();
        int count;
        await using (var ctx = db.Options.CreateContext())
        {
            count = await ctx.ActivityRecords.CountAsync(r => r.LocalityId == localityId);
            count.ShouldBeGreaterThan(FlowEngine.ReadChunk(count) * 4, "the demo's records fill several of the reading thread's chunks");
            (await engines.ForLocalityAsync(ctx, localityId)).Log.Count.ShouldBe(count);

            // A start time no reader can make sense of, in the last chunk: the reading thread's failure reaches the
            // caller (no hang, no half-built engine) and the next view, after the row is mended, builds afresh.
            (await ctx.Database.ExecuteSqlRawAsync("UPDATE activity_records SET start_utc = 'not a time' WHERE rowid = (SELECT max(rowid) FROM activity_records)")).ShouldBe(1);
            await FlowDataVersion.ChangedAsync(ctx, localityId);
        }
        await using (var ctx = db.Options.CreateContext())
        {
            await Should.ThrowAsync<FormatException>(() => engines.ForLocalityAsync(ctx, localityId));
            await Should.ThrowAsync<FormatException>(() => engines.ForLocalityAsync(ctx, localityId));
            await ctx.Database.ExecuteSqlRawAsync("UPDATE activity_records SET start_utc = '2015-03-02 09:00:00' WHERE start_utc = 'not a time'");
            await FlowDataVersion.ChangedAsync(ctx, localityId);
        }
        await using (var ctx = db.Options.CreateContext())
        {
            (await engines.ForLocalityAsync(ctx, localityId)).Log.Count.ShouldBe(count);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TheEngine_IsKeptBetweenViews_AndAChangeIsSeenAtOnce(DatabaseProvider provider)
    {
        var (db, localityId) = await DemoAsync(provider);
        await using var _ = db;
        var engines = new FlowEngines();
        var ruth = Guid.Empty;
        FlowEngine first;
        await using (var ctx = db.Options.CreateContext())
        {
            first = await engines.ForLocalityAsync(ctx, localityId);
            ruth = (await FlowQueries.CaseHistoriesAsync(ctx)).First().PersonId;
        }
        await using (var ctx = db.Options.CreateContext())
        {
            (await engines.ForLocalityAsync(ctx, localityId)).ShouldBeSameAs(first, "nothing changed: the same engine");
        }
        var before = first.Person(ruth)!.Figures;

        // A record changed through EF (a new assessment for Ruth): seen on the next view.
        await using (var ctx = db.Options.CreateContext())
        {
            var agency = await ctx.Agencies.Select(a => a.Id).FirstAsync();
            ctx.ActivityRecords.Add(new ActivityRecord
            {
                LocalityId = localityId,
                PersonId = ruth,
                AgencyId = agency,
                Kind = ActivityKind.Assessment,
                Subtype = "Carer's assessment",
                StartUtc = new DateTime(2013, 5, 1, 10, 0, 0, DateTimeKind.Utc),
                SourceSystem = "test",
                SourceRecordId = "change-1",
                Cost = 100m,
            });
            await ctx.SaveChangesAsync();
        }
        FlowEngine second;
        await using (var ctx = db.Options.CreateContext())
        {
            second = await engines.ForLocalityAsync(ctx, localityId);
        }
        second.ShouldNotBeSameAs(first);
        var after = second.Person(ruth)!.Figures;
        after.Records.ShouldBe(before.Records + 1);
        after.Assessments.ShouldBe(before.Assessments + 1);
        after.Cost.ShouldBe(before.Cost + 100m);

        // An import stored in bulk, then undone: each seen at once.
        Guid importId;
        await using (var ctx = db.Options.CreateContext())
        {
            var agency = await ctx.Agencies.Select(a => a.Id).FirstAsync();
            var import = await FlowStore.ImportAsync(ctx, new FlowImport { LocalityId = localityId, FileName = "more.csv", SourceSystem = "test", ImportedBy = "test" },
                Enumerable.Range(0, 3).Select(i => new ActivityRecord
                {
                    LocalityId = localityId,
                    PersonId = ruth,
                    AgencyId = agency,
                    Kind = ActivityKind.Contact,
                    StartUtc = new DateTime(2014, 1, 1 + i, 9, 0, 0, DateTimeKind.Utc),
                    SourceSystem = "test",
                    SourceRecordId = "import-" + i,
                }));
            importId = import.Id;
            (await engines.ForLocalityAsync(ctx, localityId)).Person(ruth)!.Figures.Records.ShouldBe(after.Records + 3);
        }
        await using (var ctx = db.Options.CreateContext())
        {
            await FlowStore.UndoImportAsync(ctx, localityId, importId);
            (await engines.ForLocalityAsync(ctx, localityId)).Person(ruth)!.Figures.Records.ShouldBe(after.Records);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AChangeInOneLocality_KeepsTheOthersEngines_ASharedChangeRebuildsEvery(DatabaseProvider provider)
    {
        var (db, localityId) = await DemoAsync(provider);
        await using var _ = db;
        var engines = new FlowEngines();
        int other;
        await using (var ctx = db.Options.CreateContext())
        {
            var second = new Locality { Name = "Southfield" };
            ctx.Localities.Add(second);
            await ctx.SaveChangesAsync();
            other = second.Id;
        }
        FlowEngine demo, south;
        await using (var ctx = db.Options.CreateContext())
        {
            demo = await engines.ForLocalityAsync(ctx, localityId);
            south = await engines.ForLocalityAsync(ctx, other);
        }
        demo.Log.Count.ShouldBeGreaterThan(0);
        south.Log.Count.ShouldBe(0);

        // A record added in the demo locality: its engine is rebuilt, the other locality's is kept.
        await using (var ctx = db.Options.CreateContext())
        {
            var person = await ctx.People.Where(p => p.LocalityId == localityId).Select(p => p.Id).FirstAsync();
            ctx.ActivityRecords.Add(new ActivityRecord
            {
                LocalityId = localityId,
                PersonId = person,
                AgencyId = await ctx.Agencies.Select(a => a.Id).FirstAsync(),
                Kind = ActivityKind.Contact,
                StartUtc = new DateTime(2013, 5, 1, 10, 0, 0, DateTimeKind.Utc),
                SourceSystem = "test",
                SourceRecordId = "one-locality",
            });
            await ctx.SaveChangesAsync();
        }
        await using (var ctx = db.Options.CreateContext())
        {
            var rebuilt = await engines.ForLocalityAsync(ctx, localityId);
            rebuilt.ShouldNotBeSameAs(demo);
            rebuilt.Log.Count.ShouldBe(demo.Log.Count + 1);
            (await engines.ForLocalityAsync(ctx, other)).ShouldBeSameAs(south, "nothing changed in the other locality");
            demo = rebuilt;
        }

        // An agency renamed: every locality shares the agencies, so every engine is rebuilt.
        await using (var ctx = db.Options.CreateContext())
        {
            var agency = await ctx.Agencies.FirstAsync();
            agency.ShortName += " (renamed)";
            await ctx.SaveChangesAsync();
        }
        await using (var ctx = db.Options.CreateContext())
        {
            (await engines.ForLocalityAsync(ctx, localityId)).ShouldNotBeSameAs(demo);
            (await engines.ForLocalityAsync(ctx, other)).ShouldNotBeSameAs(south);
        }
    }
}
