using LocalFlow.Analytics.Flow;
using LocalFlow.Data.Demo;
using LocalFlow.Data.Entities;
using LocalFlow.Data.Flow;
using LocalFlow.Data.LocalityWork;
using LocalFlow.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace LocalFlow.Data.Tests;

/// <summary>
/// The demo's case histories were written record by record from the seeds' stories; counting the records
/// must land on (or close to) the seeds' own figures. Nothing in the demo states these counts.
/// </summary>
public class FlowDemoTests(ITestOutputHelper output)
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private sealed record Story(Person Person, List<ActivityRecord> Records, PersonFigures Summary);

    private static async Task<Dictionary<string, Story>> StoriesAsync(LocalFlowDb ctx)
    {
        var result = new Dictionary<string, Story>(StringComparer.Ordinal);
        var engines = new FlowEngines();
        foreach (var (key, id) in await FlowQueries.CaseHistoriesAsync(ctx))
        {
            var person = await ctx.People.SingleAsync(p => p.Id == id);
            var records = await FlowQueries.RecordsForAsync(ctx, new Viewer([person.LocalityId], true, null), person.LocalityId, id);
            var flow = await engines.ForLocalityAsync(ctx, person.LocalityId);
            result[key] = new Story(person, records, flow.Person(id)!.Figures);
        }
        return result;
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task CaseHistories_CountOutAsTheSeedsCountedThem(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateDemoAsync(provider, new DemoOptions { Households = 150, Users = false, Today = Today });
        await using var ctx = db.Options.CreateContext();
        await AssertStoriesAsync(ctx);
    }

    [Theory]
    [InlineData(7)]
    [InlineData(4242)]
    public async Task CaseHistories_CountTheSame_WhateverTheSeed(int seed)
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await DatabaseStartup.RunAsync(db.Options, createDemo: true, new DemoOptions { Households = 120, Seed = seed, Users = false, Today = Today });
        await using var ctx = db.Options.CreateContext();
        await AssertStoriesAsync(ctx);
    }

    private async Task AssertStoriesAsync(LocalFlowDb ctx)
    {
        var stories = await StoriesAsync(ctx);
        stories.Keys.ShouldBe(["Ruth", "Melvyn", "ChildA", "Jake", "Paul"]);
        foreach (var (key, s) in stories)
        {
            output.WriteLine($"{key} ({s.Person.DisplayName}): {s.Summary.Describe()} Cost £{s.Summary.Cost:N0}; agencies {s.Summary.Agencies}.");
        }

        // Ruth: 129 interactions, 30 referrals, 16 assessments, 36 teams, eight social workers; £106,777 since 2008; £20,760 of what mattered.
        var ruth = stories["Ruth"];
        ruth.Person.GivenName.ShouldBe("Ruth");
        ruth.Summary.Records.ShouldBe(129);
        ruth.Summary.Referrals.ShouldBe(30);
        ruth.Summary.Assessments.ShouldBe(16);
        ruth.Summary.Teams.ShouldBe(36);
        var workers = await ctx.Workers.ToDictionaryAsync(w => w.Id);
        var ruthWorkers = ruth.Records.Where(r => r.WorkerId is not null).Select(r => workers[r.WorkerId!.Value]).Distinct().ToList();
        ruthWorkers.Count(w => w.JobTitle == "Social worker").ShouldBe(8);
        var since2008 = ruth.Records.Where(r => r.StartUtc.Year >= 2008).Sum(r => r.Cost ?? 0);
        output.WriteLine($"Ruth: cost since 2008 £{since2008:N0}");
        since2008.ShouldBeInRange(106_777m * 0.95m, 106_777m * 1.05m);
        // "Based on costs as at 2009": each record's cost restated from its own price year to 2009's prices.
        var index = await LocalFlow.Data.Economics.CohortCosts.IndexAsync(ctx);
        var at2009 = index.Total(ruth.Records.Where(r => r.StartUtc.Year >= 2008 && r.Cost is not null).Select(r => (r.Cost!.Value, r.PriceYear ?? r.StartUtc.Year)), 2009);
        output.WriteLine($"Ruth: cost since 2008 at 2009 prices £{at2009:N2}");
        decimal.Round(at2009, 0, MidpointRounding.AwayFromZero).ShouldBe(106_777m);
        (await ctx.WhatMattered.Where(w => w.PersonId == ruth.Person.Id).SumAsync(w => w.Cost)).ShouldBe(20_760m);

        // Melvyn: 162 days in hospital, 72 after medically fit; seven agencies; 74 assessments, two thirds repeats;
        // 869 telecare calls, 24 ambulances, 61 responders; at least £38,000 in the last twelve months.
        var melvyn = stories["Melvyn"];
        melvyn.Summary.HospitalDays.ShouldBe(162);
        melvyn.Summary.DaysAfterMedicallyFit.ShouldBe(72);
        melvyn.Summary.Agencies.ShouldBe(7);
        melvyn.Summary.Assessments.ShouldBe(74);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var repeats = melvyn.Records.Where(r => r.Kind == ActivityKind.Assessment).Count(r => !seen.Add(r.Subtype!));
        output.WriteLine($"Melvyn: {seen.Count} kinds of assessment, {repeats} repeats ({100.0 * repeats / 74:N0}%)");
        seen.Count.ShouldBe(25);
        ((double)repeats / 74).ShouldBeInRange(0.64, 0.68);
        var agencies = await ctx.Agencies.ToDictionaryAsync(a => a.Id, a => a.ShortName);
        melvyn.Records.Count(r => agencies[r.AgencyId] == "Telecare" && r.Kind == ActivityKind.Contact).ShouldBe(869);
        melvyn.Records.Count(r => agencies[r.AgencyId] == "Ambulance").ShouldBe(24);
        melvyn.Records.Count(r => agencies[r.AgencyId] == "Telecare" && r.Kind == ActivityKind.EmergencyResponse).ShouldBe(61);
        var lastYear = melvyn.Records.Where(r => r.StartUtc > melvyn.Summary.Last.UtcDateTime.AddYears(-1)).Sum(r => r.Cost ?? 0);
        output.WriteLine($"Melvyn: cost in the last twelve months £{lastYear:N0}");
        lastYear.ShouldBeInRange(38_000m, 55_000m);

        // Child A: about £130,000; four NFAs in 1997; six home visits.
        var childA = stories["ChildA"];
        childA.Summary.Cost.ShouldBeInRange(130_000m * 0.9m, 130_000m * 1.1m);
        childA.Records.Count(r => r.StartUtc.Year == 1997 && r.Kind == ActivityKind.Closure).ShouldBe(4);
        childA.Records.Count(r => r.Kind == ActivityKind.HomeVisit).ShouldBe(6);

        // Jake: opened and closed again and again before anything was done.
        stories["Jake"].Records.Count(r => r.Kind == ActivityKind.Closure).ShouldBeGreaterThanOrEqualTo(5);

        // Paul: 179 records, 91 staff, 20 teams, 12 assessments, 11 referrals, six admissions totalling 81 days, seven support plans.
        var paul = stories["Paul"].Summary;
        (paul.Records, paul.Teams, paul.Assessments, paul.Referrals, paul.HospitalAdmissions, paul.HospitalDays).ShouldBe((179, 20, 12, 11, 6, 81));
        paul.Workers.ShouldBeInRange(86, 91);
        stories["Paul"].Records.Count(r => r.Subtype == "Support plan").ShouldBe(7);
        ((paul.Last - paul.First).TotalDays / 30.4).ShouldBeInRange(9.5, 10.5);
    }

    [Fact]
    public async Task Demo_GivesAboutOneHouseholdInTwenty_MultiAgencyRecords_OverTenYearsOrMore()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await DatabaseStartup.RunAsync(db.Options, createDemo: true, new DemoOptions { Households = 1000, Users = false, Today = Today });
        await using var ctx = db.Options.CreateContext();
        var stories = (await FlowQueries.CaseHistoriesAsync(ctx)).Select(s => s.PersonId).ToHashSet();
        // The flow demo's generated history: not the case histories, not the locality team's own recent work, and not
        // the history of the households the team took on (NorthfieldCohortHistory gives them theirs).
        var cohort = (await ctx.Supports.Where(s => s.RemovedUtc == null).Select(s => new { s.PersonId, s.HouseholdId }).ToListAsync())
            .SelectMany(s => new[] { s.PersonId, s.HouseholdId }).OfType<Guid>().ToHashSet();
        var generated = (await ctx.ActivityRecords.Where(r => !stories.Contains(r.PersonId) && r.SourceSystem != LocalFlow.Data.LocalityWork.Supports.SourceSystem).ToListAsync())
            .Where(r => !cohort.Contains(r.PersonId) && !(r.HouseholdId is Guid h && cohort.Contains(h))).ToList();
        var households = generated.Select(r => r.HouseholdId).Distinct().Count();
        output.WriteLine($"{generated.Count:N0} generated records for {households} households");
        households.ShouldBeInRange(30, 75);
        generated.GroupBy(r => r.PersonId).Average(g => g.Select(r => r.AgencyId).Distinct().Count()).ShouldBeGreaterThan(2);
        (generated.Max(r => r.StartUtc) - generated.Min(r => r.StartUtc)).TotalDays.ShouldBeGreaterThan(365 * 10);
        generated.ShouldAllBe(r => r.StartUtc < new DateTime(2026, 11, 23, 0, 0, 0, DateTimeKind.Utc));
        (await ctx.FlowSettings.SingleAsync()).ReentryDays.ShouldBe(FlowSettings.DefaultReentryDays);
    }
}
