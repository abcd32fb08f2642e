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
    private static async Task<(Guid Person, SourceIdentity Record)> WellKnownPersonAsync(LocalFlowDb ctx)
    {
        var person = await ctx.SourceIdentities.Where(s => s.PersonId != null && s.Surname != null && s.DateOfBirth != null && s.Postcode != null)
            .GroupBy(s => s.PersonId!.Value).Where(g => g.Count() >= 3).OrderBy(g => g.Key).Select(g => g.Key).FirstAsync();
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
}
