using LocalFlow.Data.Conditions;
using LocalFlow.Data.Demo;
using LocalFlow.Data.Entities;
using LocalFlow.Data.Flow;
using LocalFlow.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace LocalFlow.Data.Tests;

/// <summary>The demo's system conditions: linked to evidence found in the demo's own data, their reach computed by the engine.</summary>
public class ConditionsDemoTests(ITestOutputHelper output)
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    /// <summary>The demo's conditions report: on the run's shared demo, or on a demo made afresh (to compare two makings).</summary>
    private async Task<ConditionsReport> DemoReportAsync(DatabaseProvider provider, int seed = 20261123, int households = 150, bool fresh = false)
    {
        var demo = new DemoOptions { Households = households, Seed = seed, Users = false, Today = Today };
        await using var db = fresh ? await TestDatabase.CreateAsync(provider) : await TestDatabase.CreateDemoAsync(provider, demo);
        if (fresh)
        {
            await DatabaseStartup.RunAsync(db.Options, createDemo: true, demo);
        }
        await using var ctx = db.Options.CreateContext();
        var locality = await ctx.Localities.SingleAsync();
        var report = await ConditionReachCalculator.ForLocalityAsync(ctx, new FlowEngines(), locality.Id);
        foreach (var c in report.Conditions)
        {
            output.WriteLine($"{SystemConditions.CategoryName(c.Condition)}: {c.Condition.Title} — {c.Reach.Demands} demands ({c.Reach.DemandShare:P0}), {c.Reach.People} people, {c.Reach.Records} records, £{c.Reach.Cost:N0}");
        }
        output.WriteLine($"All: {report.All.Demands} demands, {report.All.People} people, £{report.All.Cost:N0}");
        return report;
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Demo_RecordsTheSeedsConditions_EachWithEvidenceThatReachesSomething(DatabaseProvider provider)
    {
        var report = await DemoReportAsync(provider);
        report.Conditions.Select(c => c.Condition.Category).ShouldBe([
            ConditionCategory.Specialisation, ConditionCategory.BudgetManagement, ConditionCategory.StandardisationAndCommissioning,
            ConditionCategory.ActivityMeasuresAndTargets, ConditionCategory.LackOfContinuity, ConditionCategory.ThresholdsAndCriteria,
            ConditionCategory.RiskManagement,
        ]);
        foreach (var c in report.Conditions)
        {
            c.Evidence.ShouldAllBe(e => !e.Missing);
            (c.Reach.Demands + c.Reach.People).ShouldBeGreaterThan(0, c.Condition.Title);
        }
        var thresholds = report.Conditions.Single(c => c.Condition.Category == ConditionCategory.ThresholdsAndCriteria);
        thresholds.Evidence.Single(e => e.Evidence.SignalKind == Analytics.Flow.FlowSignalKind.RepeatedAssessment).Reach.People.ShouldBeGreaterThan(0);
        thresholds.Reach.Cost.ShouldBeGreaterThan(0m);
        var budget = report.Conditions.Single(c => c.Condition.Category == ConditionCategory.BudgetManagement);
        budget.Reach.Demands.ShouldBeGreaterThan(0);
        budget.Reach.DemandShare!.Value.ShouldBeInRange(0.01, 0.5);
        var continuity = report.Conditions.Single(c => c.Condition.Category == ConditionCategory.LackOfContinuity);
        continuity.Reach.People.ShouldBeGreaterThanOrEqualTo(2, "Ruth and Melvyn at least");
        continuity.Reach.Cost.ShouldBeGreaterThan(100_000m, "Ruth's history alone cost over £100,000");
        report.All.People.ShouldBeLessThanOrEqualTo(report.Conditions.Sum(c => c.Reach.People));
    }

    [Fact]
    public async Task Demo_IsTheSame_OnEveryRun()
    {
        var a = await DemoReportAsync(DatabaseProvider.Sqlite, seed: 7, households: 60, fresh: true);
        var b = await DemoReportAsync(DatabaseProvider.Sqlite, seed: 7, households: 60, fresh: true);
        a.Conditions.Select(c => (c.Condition.Id, c.Condition.Title, c.Reach)).ShouldBe(b.Conditions.Select(c => (c.Condition.Id, c.Condition.Title, c.Reach)));
        a.Conditions.SelectMany(c => c.Evidence).Select(e => e.Evidence.Id).ShouldBe(b.Conditions.SelectMany(c => c.Evidence).Select(e => e.Evidence.Id));
    }
}
