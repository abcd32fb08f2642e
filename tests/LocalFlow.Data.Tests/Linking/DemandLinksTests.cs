using LocalFlow.Analytics.Linking;
using LocalFlow.Data.Audit;
using LocalFlow.Data.Demands;
using LocalFlow.Data.Demo;
using LocalFlow.Data.Entities;
using LocalFlow.Data.Linking;
using LocalFlow.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Data.Tests.Linking;

/// <summary>Demand-study records linked to people: by a linking run on the details the front door took, and by hand; remembered, audited, and leaving the demand study's figures as they were.</summary>
public class DemandLinksTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static async Task<TestDatabase> DemoAsync(DatabaseProvider provider)
    {
        var db = await TestDatabase.CreateDemoAsync(provider, new DemoOptions { Households = 60, Users = false, Today = Today });
        return db;
    }

    private static async Task<LinkRun> RunAsync(LocalFlowDb ctx)
    {
        var run = await LinkingService.StartAsync(ctx, (await ctx.Localities.SingleAsync()).Id, "tester", null);
        var done = await LinkingService.RunAsync(ctx, run.Id);
        done.Status.ShouldBe(LinkRunStatus.Finished, done.Error);
        return done;
    }

    /// <summary>A person with at least two agencies' records (so that linking knows them well), and one of those records.</summary>
    private static async Task<(Guid Person, SourceIdentity Record)> WellKnownPersonAsync(LocalFlowDb ctx, int skip = 0)
    {
        var person = await ctx.SourceIdentities.Where(s => s.PersonId != null && s.Surname != null && s.DateOfBirth != null && s.Postcode != null)
            .GroupBy(s => s.PersonId!.Value).Where(g => g.Count() >= 3).OrderBy(g => g.Key).Select(g => g.Key).Skip(skip).FirstAsync();
        var record = await ctx.SourceIdentities.Where(s => s.PersonId == person && s.Surname != null && s.DateOfBirth != null && s.Postcode != null)
            .OrderBy(s => s.Source).ThenBy(s => s.SourceRecordId).FirstAsync();
        return (person, record);
    }

    private static async Task<List<DemandFact>> FactsAsync(LocalFlowDb ctx, Demand demand)
        => await DemandFacts.ReadAsync(ctx, demand.LocalityId, demand.StudyId, CancellationToken.None);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ARun_LinksADemandByTheDetailsTheFrontDoorTook_AndTheStudysFiguresStayTheSame(DatabaseProvider provider)
    {
        await using var db = await DemoAsync(provider);
        await using var ctx = db.Options.CreateContext(new SystemActor("test", "tester"));
        var demand = await ctx.Demands.OrderBy(d => d.ReceivedAt).ThenBy(d => d.Id).FirstAsync();
        var facts = await FactsAsync(ctx, demand);
        var (person, record) = await WellKnownPersonAsync(ctx);

        // The caller gave a nickname-free first name, the surname in capitals and a postcode without its space.
        var identity = await DemandLinks.SetDetailsAsync(ctx, demand, new DemandDetails(record.GivenNames, record.Surname!.ToUpperInvariant(),
            DateOnly.ParseExact(record.DateOfBirth!, "yyyy-MM-dd"), record.Postcode!.Replace(" ", "", StringComparison.Ordinal), null));
        identity.PersonId.ShouldBeNull();
        (await ctx.AuditEvents.AnyAsync(e => e.EntityType == nameof(SourceIdentity) && e.EntityId == identity.Id.ToString() && e.UserName == "tester")).ShouldBeTrue();

        await RunAsync(ctx);
        ctx.ChangeTracker.Clear();
        (await ctx.SourceIdentities.SingleAsync(s => s.Id == identity.Id)).PersonId.ShouldBe(person);
        (await DemandLinks.DemandsOfAsync(ctx, demand.LocalityId, person)).ShouldBe([demand.Id]);
        (await FactsAsync(ctx, demand)).ShouldBe(facts);
        (await ctx.Demands.SingleAsync(d => d.Id == demand.Id)).Version.ShouldBe(demand.Version);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task LinkingByHand_IsRememberedByLaterRuns_AndUnlinkingKeepsItApart(DatabaseProvider provider)
    {
        await using var db = await DemoAsync(provider);
        await using var ctx = db.Options.CreateContext(new SystemActor("test", "tester"));
        var demand = await ctx.Demands.OrderByDescending(d => d.ReceivedAt).ThenBy(d => d.Id).FirstAsync();
        var (person, record) = await WellKnownPersonAsync(ctx);

        // No details taken: linked by hand, kept by the next run although there is nothing to compare.
        await DemandLinks.LinkAsync(ctx, demand, person, "tester", null, "Rang about her own care package");
        var identity = (await DemandLinks.IdentityAsync(ctx, demand.LocalityId, demand.Id))!;
        identity.PersonId.ShouldBe(person);
        (await ctx.LinkDecisions.AnyAsync(d => d.IdentityBId == identity.Id && d.IsMatch && d.Origin == "manual link" && d.Note == "Rang about her own care package")).ShouldBeTrue();
        await Should.ThrowAsync<LinkingException>(() => DemandLinks.LinkAsync(ctx, demand, person, "tester", null, "again"));
        var never = await ctx.Demands.OrderBy(d => d.ReceivedAt).ThenBy(d => d.Id).FirstAsync();
        await Should.ThrowAsync<LinkingException>(() => DemandLinks.UnlinkAsync(ctx, never, "tester", null, "never linked"));
        await RunAsync(ctx);
        ctx.ChangeTracker.Clear();
        (await ctx.SourceIdentities.SingleAsync(s => s.Id == identity.Id)).PersonId.ShouldBe(person);

        // Unlinked: no one's record, and even with the person's own details taken later, the next run keeps it apart.
        await DemandLinks.UnlinkAsync(ctx, demand, "tester", null, "It was her neighbour ringing");
        (await ctx.SourceIdentities.SingleAsync(s => s.Id == identity.Id)).PersonId.ShouldBeNull();
        (await ctx.LinkDecisions.CountAsync(d => d.IdentityAId == identity.Id && !d.IsMatch && d.Origin == "manual unlink")).ShouldBeGreaterThanOrEqualTo(3);
        (await ctx.AuditEvents.AnyAsync(e => e.EventType == AuditEventType.LinkChanged && e.EntityId == identity.Id.ToString() && e.Detail!.Contains("unlinked by hand"))).ShouldBeTrue();
        await DemandLinks.SetDetailsAsync(ctx, demand, new DemandDetails(record.GivenNames, record.Surname, DateOnly.ParseExact(record.DateOfBirth!, "yyyy-MM-dd"), record.Postcode, null));
        await RunAsync(ctx);
        ctx.ChangeTracker.Clear();
        (await ctx.SourceIdentities.SingleAsync(s => s.Id == identity.Id)).PersonId.ShouldNotBe(person);
    }

    private static DemandDetails DetailsOf(SourceIdentity record)
        => new(record.GivenNames, record.Surname, DateOnly.ParseExact(record.DateOfBirth!, "yyyy-MM-dd"), record.Postcode, record.Phone);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ABulkLink_LinksAStudysIdentifiableDemands_LeavesTheRest_AndIsRefusedWhileARunIsRunning(DatabaseProvider provider)
    {
        await using var db = await DemoAsync(provider);
        await using var ctx = db.Options.CreateContext(new SystemActor("test", "tester"));
        var studyId = await ctx.Demands.GroupBy(d => d.StudyId).Where(g => g.Count() >= 4).OrderBy(g => g.Key).Select(g => g.Key).FirstAsync();
        var demands = await ctx.Demands.Where(d => d.StudyId == studyId).OrderBy(d => d.ReceivedAt).ThenBy(d => d.Id).Take(4).ToListAsync();
        var facts = await FactsAsync(ctx, demands[0]);
        var (first, firstRecord) = await WellKnownPersonAsync(ctx);
        var skip = 1;
        var (second, secondRecord) = await WellKnownPersonAsync(ctx, skip);
        while (secondRecord.Surname == firstRecord.Surname)
        {
            (second, secondRecord) = await WellKnownPersonAsync(ctx, ++skip);
        }
        await DemandLinks.SetDetailsAsync(ctx, demands[0], DetailsOf(firstRecord));
        await DemandLinks.SetDetailsAsync(ctx, demands[1], DetailsOf(secondRecord) with { Surname = secondRecord.Surname!.ToUpperInvariant() });
        // Someone no agency holds.
        await DemandLinks.SetDetailsAsync(ctx, demands[2], new DemandDetails("Zebedee", "Quarrington-Vask", new DateOnly(1931, 2, 3), "NF99 9QQ", null));
        // Linked by hand before: left as it is.
        await DemandLinks.SetDetailsAsync(ctx, demands[3], DetailsOf(firstRecord) with { Phone = null });
        await DemandLinks.LinkAsync(ctx, demands[3], first, "tester", null, "She rang for her mother");
        var localityId = demands[0].LocalityId;

        // While a run is running nothing changes.
        var running = await LinkingService.StartAsync(ctx, localityId, "tester", null);
        await Should.ThrowAsync<LinkingException>(() => DemandLinks.LinkStudyAsync(ctx, localityId, studyId));
        (await DemandLinks.IdentityAsync(ctx, localityId, demands[0].Id))!.PersonId.ShouldBeNull();
        running.Status = LinkRunStatus.Failed;
        await ctx.SaveChangesAsync();
        await Should.ThrowAsync<LinkingException>(() => DemandLinks.LinkStudyAsync(ctx, localityId, 987654));

        var report = await DemandLinks.LinkStudyAsync(ctx, localityId, studyId);
        report.WithDetails.ShouldBe(4);
        report.AlreadyLinked.ShouldBe(1);
        report.Lines.Count.ShouldBe(3);
        report.Lines.Single(l => l.DemandId == demands[0].Id).ShouldSatisfyAllConditions(l => l.Outcome.ShouldBe(AttachmentOutcome.Linked), l => l.PersonId.ShouldBe(first));
        report.Lines.Single(l => l.DemandId == demands[1].Id).ShouldSatisfyAllConditions(l => l.Outcome.ShouldBe(AttachmentOutcome.Linked), l => l.PersonId.ShouldBe(second));
        report.Lines.Single(l => l.DemandId == demands[2].Id).Outcome.ShouldBe(AttachmentOutcome.NoMatch);
        ctx.ChangeTracker.Clear();
        (await DemandLinks.DemandsOfAsync(ctx, localityId, first)).Order().ShouldBe(new[] { demands[0].Id, demands[3].Id }.Order());
        (await DemandLinks.DemandsOfAsync(ctx, localityId, second)).ShouldBe([demands[1].Id]);
        (await DemandLinks.IdentityAsync(ctx, localityId, demands[2].Id))!.PersonId.ShouldBeNull();
        (await ctx.AuditEvents.AnyAsync(e => e.EntityType == nameof(DemandStudy) && e.EntityId == studyId.ToString() && e.Detail!.StartsWith("Linked study") && e.Detail.Contains("2 linked"))).ShouldBeTrue();
        var identity = (await DemandLinks.IdentityAsync(ctx, localityId, demands[1].Id))!;
        (await ctx.AuditEvents.AnyAsync(e => e.EventType == AuditEventType.LinkChanged && e.EntityId == identity.Id.ToString() && e.Detail!.Contains("in bulk"))).ShouldBeTrue();
        (await FactsAsync(ctx, demands[0])).ShouldBe(facts);

        // Again: only the demand nobody matched is tried, and it stays unlinked.
        var again = await DemandLinks.LinkStudyAsync(ctx, localityId, studyId);
        again.AlreadyLinked.ShouldBe(3);
        again.Lines.Select(l => l.DemandId).ShouldBe([demands[2].Id]);
        again.Count(AttachmentOutcome.Linked).ShouldBe(0);
    }
}
