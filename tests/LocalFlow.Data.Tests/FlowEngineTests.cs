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
}
