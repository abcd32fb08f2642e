using LocalFlow.Analytics.Economics;
using LocalFlow.Data.Demo;
using LocalFlow.Data.Economics;
using LocalFlow.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Data.Tests.LocalityWork;

/// <summary>
/// The demo gives the locality team's households a history before the team, so that the economics engine finds a
/// saving in them: nothing in the demo states the saving, and nothing is dated after today.
/// </summary>
public class CohortHistoryDemoTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Fact]
    public async Task Demo_CohortCostsLessUnderLocalityWorking_WithTheSchoolInEducation()
    {
        await using var db = await TestDatabase.CreateDemoAsync(DatabaseProvider.Sqlite, new DemoOptions { Households = 150, Users = false, Today = Today });
        await using var ctx = db.Options.CreateContext();
        var locality = await ctx.Localities.SingleAsync();
        var cohort = await CohortCosts.LoadAsync(ctx, locality.Id, new HashSet<Guid>());
        var index = cohort.Index;
        var comparison = CohortEconomics.Compare(cohort.Activities, cohort.TakenOn, Today.AddDays(1), index, 2023);

        comparison.Households.ShouldBeGreaterThan(30);
        comparison.CostBefore.ShouldBeGreaterThan(comparison.CostAfter);
        comparison.SavingPerYear.ShouldBeGreaterThan(0);
        comparison.TransactionsBefore.ShouldBeGreaterThan(comparison.TransactionsAfter);
        comparison.Groups.Single(g => g.Group == CostGroup.Education).CostBefore.ShouldBeGreaterThan(0);
        comparison.Groups.Single(g => g.Group == CostGroup.Police).TransactionsBefore.ShouldBeGreaterThan(0);
        comparison.Groups.Single(g => g.Group == CostGroup.LocalityTeam).CostAfter.ShouldBeGreaterThan(0);
        (await ctx.ActivityRecords.MaxAsync(r => r.StartUtc)).ShouldBeLessThan(Today.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
    }
}
