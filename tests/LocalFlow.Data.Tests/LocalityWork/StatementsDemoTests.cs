using LocalFlow.Data.Demo;
using LocalFlow.Data.Flow;
using LocalFlow.Data.LocalityWork;
using LocalFlow.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Data.Tests.LocalityWork;

/// <summary>The demo's I statements: Melvyn's five over four conversations, a carer's own, and others over three.</summary>
public class StatementsDemoTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Demo_ScoresMelvynsFiveStatements_ACarersOwn_AndOthersOverSeveralConversations(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateDemoAsync(provider, new DemoOptions { Households = 150, Users = false, Today = new DateOnly(2026, 11, 23) });
        await using var ctx = db.Options.CreateContext();

        var melvynId = (await FlowQueries.CaseHistoriesAsync(ctx)).Single(c => c.Story == "Melvyn").PersonId;
        var melvyn = await ctx.People.SingleAsync(p => p.Id == melvynId);
        var (statements, series) = await IStatements.SeriesAsync(ctx, melvyn);
        statements.Select(s => s.Words).ShouldBe(NorthfieldStatements.Melvyn);
        series.Dates.Count.ShouldBe(4);
        series.Lines.ShouldAllBe(l => l.Points.Count == 4 && l.Points.All(p => p.Score >= 0 && p.Score <= 10));

        var carerId = Guid.Parse(await ctx.Settings.Where(s => s.Key == NorthfieldStatements.CarerSettingKey).Select(s => s.Value).SingleAsync());
        var carer = await ctx.People.SingleAsync(p => p.Id == carerId);
        (await IStatements.SeriesAsync(ctx, carer)).Statements.Select(s => s.Words).ShouldBe(NorthfieldStatements.Carer);

        var people = await ctx.PersonStatements.Select(s => s.PersonId).Distinct().CountAsync();
        people.ShouldBeGreaterThanOrEqualTo(10);
        (await ctx.StatementScores.Select(s => s.ScoredOn).Distinct().CountAsync()).ShouldBeGreaterThan(4);
    }
}
