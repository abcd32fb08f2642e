using LocalFlow.Data.Demo;
using LocalFlow.Data.Flow;
using LocalFlow.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Data.Tests;

/// <summary>The analytics engine over stored records agrees with the simple counts and finds the case histories' failure demand.</summary>
public class FlowEngineTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task EveryCaseHistory_CountsTheSameInTheEngine_AndRaisesSignals(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await DatabaseStartup.RunAsync(db.Options, createDemo: true, new DemoOptions { Households = 120, Users = false, Today = new DateOnly(2026, 11, 23) });
        await using var ctx = db.Options.CreateContext();
        var localityId = (await ctx.Localities.SingleAsync()).Id;
        var histories = await FlowQueries.CaseHistoriesAsync(ctx);
        histories.Count.ShouldBeGreaterThanOrEqualTo(4);
        var totalSignals = 0;
        foreach (var (story, personId) in histories)
        {
            var records = await FlowQueries.RecordsForAsync(ctx, localityId, personId);
            var simple = FlowQueries.Summarise(records);
            var engine = (await FlowEngine.AnalysePersonAsync(ctx, localityId, personId))!;
            engine.Figures.Records.ShouldBe(simple.Records, story);
            engine.Figures.Assessments.ShouldBe(simple.Assessments, story);
            engine.Figures.Referrals.ShouldBe(simple.Referrals, story);
            engine.Figures.Teams.ShouldBe(simple.Teams, story);
            engine.Signals.ShouldAllBe(s => s.RecordIds.Count > 0 && s.RecordIds.All(id => records.Any(r => r.Id == id)));
            totalSignals += engine.Signals.Count;
        }
        totalSignals.ShouldBeGreaterThan(0);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TheLocalityEngine_GivesEachPersonTheFiguresAndSignalsOfTheirOwnRecords_AndMapsBackToStoredRecords(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await DatabaseStartup.RunAsync(db.Options, createDemo: true, new DemoOptions { Households = 120, Users = false, Today = new DateOnly(2026, 11, 23) });
        await using var ctx = db.Options.CreateContext();
        var localityId = (await ctx.Localities.SingleAsync()).Id;

        var flow = await FlowEngine.AnalyseLocalityAsync(ctx, localityId);

        flow.Records.Count.ShouldBe(await ctx.ActivityRecords.CountAsync(r => r.LocalityId == localityId));
        flow.Log.PersonCount.ShouldBe(await ctx.ActivityRecords.Where(r => r.LocalityId == localityId).Select(r => r.PersonId).Distinct().CountAsync());
        var everyone = flow.Analyzer.AllPeople();
        foreach (var (story, personId) in await FlowQueries.CaseHistoriesAsync(ctx))
        {
            var alone = (await FlowEngine.AnalysePersonAsync(ctx, localityId, personId))!;
            var p = flow.Log.FindPerson(personId.ToString("N"));
            flow.PersonId(p).ShouldBe(personId);
            var figures = everyone[p];
            figures.Records.ShouldBe(alone.Figures.Records, story);
            figures.RepeatedAssessments.ShouldBe(alone.Figures.RepeatedAssessments, story);
            figures.AssessDoReferCycles.ShouldBe(alone.Figures.AssessDoReferCycles, story);
            figures.HospitalDays.ShouldBe(alone.Figures.HospitalDays, story);
            figures.Cost.ShouldBe(alone.Figures.Cost, story);
            var signals = flow.Analyzer.Signals(p);
            signals.Select(s => s.Kind).ShouldBe(alone.Signals.Select(s => s.Kind), story);
            signals.Select(s => s.Events.Select(i => flow.Record(i).Id).ToList()).ShouldBe(alone.Signals.Select(s => s.RecordIds.ToList()), story);
        }

        // A cohort's log holds exactly its people's records.
        var stories = (await FlowQueries.CaseHistoriesAsync(ctx)).Select(s => s.PersonId).ToHashSet();
        var cohort = flow.ForPeople(stories);
        cohort.Log.PersonCount.ShouldBe(stories.Count);
        cohort.Log.Count.ShouldBe(flow.Records.Count(r => stories.Contains(r.PersonId)));
    }
}
