using LocalFlow.Data.Audit;
using LocalFlow.Data.Demo;
using LocalFlow.Data.Entities;
using LocalFlow.Data.Linking;
using LocalFlow.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Data.Tests.Linking;

/// <summary>Linking kept in the database, on SQLite and PostgreSQL: runs, stable person ids, decisions remembered, manual link and unlink.</summary>
public class LinkingServiceTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static async Task<TestDatabase> DemoAsync(DatabaseProvider provider)
    {
        var db = await TestDatabase.CreateDemoAsync(provider, new DemoOptions { Households = 200, Users = false, Today = Today });
        return db;
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TheDemo_LinksMostRecordsToTheirTruePerson(DatabaseProvider provider)
    {
        await using var db = await DemoAsync(provider);
        await using var ctx = db.Options.CreateContext();
        var run = await ctx.LinkRuns.SingleAsync();
        run.Status.ShouldBe(LinkRunStatus.Finished);
        run.Records.ShouldBeGreaterThan(100);
        var identities = await ctx.SourceIdentities.Include(s => s.Person).ToListAsync();
        identities.ShouldAllBe(s => s.PersonId != null);
        // Records that were linked before the run were generated from their person, so a person whose
        // records now sit with a different person is a linkage error; allow the odd one, no more.
        var people = identities.GroupBy(s => s.PersonId).Count();
        people.ShouldBeLessThanOrEqualTo(run.People);
        run.NewPeople.ShouldBeLessThan(Math.Max(5, run.Records / 50));
        LinkingService.Report(run)!.EstimatedPrecision.ShouldBeGreaterThan(0.9);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RunningAgain_KeepsEveryPersonId(DatabaseProvider provider)
    {
        await using var db = await DemoAsync(provider);
        Dictionary<Guid, Guid?> before;
        await using (var ctx = db.Options.CreateContext())
        {
            before = await ctx.SourceIdentities.ToDictionaryAsync(s => s.Id, s => s.PersonId);
        }
        await using (var ctx = db.Options.CreateContext(new SystemActor("test", "tester")))
        {
            var run = await LinkingService.StartAsync(ctx, (await ctx.Localities.SingleAsync()).Id, "tester", null);
            (await LinkingService.RunAsync(ctx, run.Id)).Status.ShouldBe(LinkRunStatus.Finished);
        }
        await using (var ctx = db.Options.CreateContext())
        {
            var after = await ctx.SourceIdentities.ToDictionaryAsync(s => s.Id, s => s.PersonId);
            after.ShouldBe(before);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task APrivacyPreservingRun_LinksOnBloomFilters_AndKeepsAlmostEveryPerson(DatabaseProvider provider)
    {
        await using var db = await DemoAsync(provider);
        Dictionary<Guid, Guid?> before;
        await using (var ctx = db.Options.CreateContext())
        {
            before = await ctx.SourceIdentities.ToDictionaryAsync(s => s.Id, s => s.PersonId);
        }
        await using (var ctx = db.Options.CreateContext(new SystemActor("test", "tester")))
        {
            var run = await LinkingService.StartAsync(ctx, (await ctx.Localities.SingleAsync()).Id, "tester", null, privacyPreserving: true);
            var done = await LinkingService.RunAsync(ctx, run.Id);
            done.Status.ShouldBe(LinkRunStatus.Finished, done.Error);
            done.PrivacyPreserving.ShouldBeTrue();
            // The stored model is the Bloom-filter one: its comparisons are cut by Dice coefficients.
            done.ModelJson!.ShouldContain("Dice");
        }
        await using (var check = db.Options.CreateContext())
        {
            var after = await check.SourceIdentities.ToDictionaryAsync(s => s.Id, s => s.PersonId);
            // Person ids carry over; records the encodings cannot place with their person become people of their own.
            after.Count(kv => kv.Value != before[kv.Key]).ShouldBeLessThan(before.Count / 10);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ManualUnlink_MakesAPersonOfItsOwn_AndTheNextRunKeepsThemApart(DatabaseProvider provider)
    {
        await using var db = await DemoAsync(provider);
        Guid moved, formerPerson;
        int localityId;
        await using (var ctx = db.Options.CreateContext(new SystemActor("test", "tester")))
        {
            localityId = (await ctx.Localities.SingleAsync()).Id;
            var shared = await ctx.SourceIdentities.GroupBy(s => s.PersonId).Where(g => g.Count() >= 3).Select(g => g.Key).FirstAsync();
            var identity = await ctx.SourceIdentities.Where(s => s.PersonId == shared).OrderBy(s => s.Source).FirstAsync();
            moved = identity.Id;
            formerPerson = shared!.Value;
            await LinkingService.UnlinkAsync(ctx, localityId, moved, "tester", null, "Different date of birth on the GP record");
        }
        await using (var ctx = db.Options.CreateContext(new SystemActor("test", "tester")))
        {
            (await ctx.SourceIdentities.SingleAsync(s => s.Id == moved)).PersonId.ShouldNotBe(formerPerson);
            (await ctx.LinkDecisions.CountAsync(d => d.IdentityAId == moved && !d.IsMatch && d.Origin == "manual unlink")).ShouldBeGreaterThanOrEqualTo(2);
            (await ctx.AuditEvents.AnyAsync(e => e.EntityType == nameof(LinkDecision) && e.UserName == "tester")).ShouldBeTrue();
            var run = await LinkingService.StartAsync(ctx, localityId, "tester", null);
            (await LinkingService.RunAsync(ctx, run.Id)).Status.ShouldBe(LinkRunStatus.Finished);
        }
        await using (var ctx = db.Options.CreateContext())
        {
            (await ctx.SourceIdentities.SingleAsync(s => s.Id == moved)).PersonId.ShouldNotBe(formerPerson);
        }
        // Unlinking the only record of a person is refused clearly.
        await using (var ctx = db.Options.CreateContext(new SystemActor("test", "tester")))
        {
            var ex = await Should.ThrowAsync<LinkingException>(() => LinkingService.UnlinkAsync(ctx, localityId, moved, "tester", null, null));
            ex.Message.ShouldContain("only one");
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Unlinking_MovesItsAgencysActivityRecords_ToThePersonItNowBelongsTo(DatabaseProvider provider)
    {
        await using var db = await DemoAsync(provider);
        int localityId;
        Guid moved, formerPerson;
        int agency, expected;
        string stampBefore;
        await using (var ctx = db.Options.CreateContext(new SystemActor("test", "tester")))
        {
            localityId = (await ctx.Localities.SingleAsync()).Id;
            stampBefore = await LocalFlow.Data.Flow.FlowDataVersion.ReadAsync(ctx, localityId);
            // A person with activity records of an agency of which they hold exactly one source record, and other records too.
            var identities = await ctx.SourceIdentities.Where(s => s.PersonId != null && s.AgencyId != null).ToListAsync();
            var activity = await ctx.ActivityRecords.GroupBy(r => new { r.PersonId, r.AgencyId }).Select(g => new { g.Key.PersonId, g.Key.AgencyId, Count = g.Count() }).ToListAsync();
            var pick = identities.GroupBy(s => s.PersonId!.Value).Where(g => g.Count() >= 2)
                .SelectMany(g => g.Where(s => g.Count(o => o.AgencyId == s.AgencyId) == 1))
                .Select(s => (Identity: s, Activity: activity.FirstOrDefault(a => a.PersonId == s.PersonId && a.AgencyId == s.AgencyId)))
                .First(x => x.Activity is not null);
            moved = pick.Identity.Id;
            formerPerson = pick.Identity.PersonId!.Value;
            agency = pick.Identity.AgencyId!.Value;
            expected = pick.Activity!.Count;
            (await LinkingService.UnlinkAsync(ctx, localityId, moved, "tester", null, "Another person of the same name")).ShouldBe(expected);
        }
        await using (var ctx = db.Options.CreateContext())
        {
            var now = (await ctx.SourceIdentities.SingleAsync(s => s.Id == moved)).PersonId!.Value;
            now.ShouldNotBe(formerPerson);
            (await ctx.ActivityRecords.CountAsync(r => r.PersonId == now && r.AgencyId == agency)).ShouldBe(expected);
            (await ctx.ActivityRecords.CountAsync(r => r.PersonId == formerPerson && r.AgencyId == agency)).ShouldBe(0);
            (await ctx.AuditEvents.AnyAsync(e => e.EntityType == nameof(ActivityRecord) && e.UserName == "tester" && e.Detail!.Contains("moved"))).ShouldBeTrue();
            (await LocalFlow.Data.Flow.FlowDataVersion.ReadAsync(ctx, localityId)).ShouldNotBe(stampBefore);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ManualLink_JoinsTwoPeople_AndIsRemembered(DatabaseProvider provider)
    {
        await using var db = await DemoAsync(provider);
        await using var ctx = db.Options.CreateContext(new SystemActor("test", "tester"));
        var localityId = (await ctx.Localities.SingleAsync()).Id;
        var two = await ctx.SourceIdentities.GroupBy(s => s.PersonId).Select(g => g.OrderBy(s => s.Id).First().Id).Take(2).ToListAsync();
        await LinkingService.LinkManuallyAsync(ctx, localityId, two[0], two[1], "tester", null, "Same NHS number on paper");
        await using var check = db.Options.CreateContext();
        var a = await check.SourceIdentities.SingleAsync(s => s.Id == two[0]);
        var b = await check.SourceIdentities.SingleAsync(s => s.Id == two[1]);
        b.PersonId.ShouldBe(a.PersonId);
        (await check.LinkDecisions.AnyAsync(d => d.IsMatch && d.Origin == "manual link" && d.Note == "Same NHS number on paper")).ShouldBeTrue();
        await Should.ThrowAsync<LinkingException>(() => LinkingService.LinkManuallyAsync(ctx, localityId, two[0], two[0], "tester", null, null));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ARunWithNothingToLink_FailsClearly_AndChangesNothing(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateDemoAsync(provider, new DemoOptions { Households = 20, Users = false, Today = Today });
        await using var ctx = db.Options.CreateContext(new SystemActor("test", "tester"));
        await ctx.LinkReviews.ExecuteDeleteAsync();
        await ctx.SourceIdentities.ExecuteDeleteAsync();
        var localityId = (await ctx.Localities.SingleAsync()).Id;
        var people = await ctx.People.CountAsync();
        var run = await LinkingService.StartAsync(ctx, localityId, "tester", null);
        var done = await LinkingService.RunAsync(ctx, run.Id);
        done.Status.ShouldBe(LinkRunStatus.Failed);
        done.Error!.ShouldContain("fewer than two source records");
        (await ctx.People.CountAsync()).ShouldBe(people);
    }
}
