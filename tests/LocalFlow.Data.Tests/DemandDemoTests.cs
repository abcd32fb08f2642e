using LocalFlow.Data.Demands;
using LocalFlow.Data.Demo;
using LocalFlow.Data.Entities;
using LocalFlow.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Data.Tests;

public class DemandDemoTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Demo_HasAFinishedStudy_AndOneInProgress_WithFiguresComputedByTheEngine(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await DatabaseStartup.RunAsync(db.Options, createDemo: true, new DemoOptions { Households = 40, Users = false, Today = Today });
        await using var ctx = db.Options.CreateContext();
        var studies = await ctx.DemandStudies.Include(s => s.FrontDoors).OrderBy(s => s.StartsOn).ToListAsync();
        studies.Count.ShouldBe(2);
        var finished = studies[0];
        finished.Kind.ShouldBe(StudyKind.PeopleCentred);
        finished.FrontDoors.Count.ShouldBe(4);
        finished.EndsOn.ShouldNotBeNull();
        finished.EndsOn!.Value.ShouldBeLessThan(Today);
        studies[1].EndsOn!.Value.ShouldBeGreaterThan(Today, "the second study is still running");

        var analysis = await new DemandStudies(ctx).AnalyseAsync(finished);
        analysis.Total.ShouldBeInRange(1300, 1700);
        analysis.FailureShare.ShouldBeInRange(0.40, 0.70);
        analysis.ByFrontDoor.Count.ShouldBe(4);
        analysis.Days.Count.ShouldBe(15);
        analysis.FailurePareto.Count.ShouldBeGreaterThan(8);
        analysis.ValuePareto.Count.ShouldBeGreaterThan(15);
        analysis.Predictability.NewTypeChance.ShouldBeLessThan(0.02, "three weeks of listening makes the demand predictable");
        analysis.DemandsPerDay!.Points.Count.ShouldBe(15);
        (await ctx.Demands.Where(d => d.StudyId == finished.Id).Select(d => d.Verbatim).Distinct().CountAsync()).ShouldBeGreaterThan(500, "verbatims vary like real speech");
        (await ctx.Demands.CountAsync(d => d.StudyId == finished.Id && d.LifeContext != null)).ShouldBeGreaterThan(500);

        var running = await new DemandStudies(ctx).AnalyseAsync(studies[1]);
        running.Total.ShouldBeGreaterThan(50);
    }

    [Fact]
    public async Task Demo_DemandStudy_IsTheSameForTheSameSeed()
    {
        async Task<List<string>> DemandsFor()
        {
            await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
            await DatabaseStartup.RunAsync(db.Options, createDemo: true, new DemoOptions { Households = 20, Users = false, Today = Today });
            await using var ctx = db.Options.CreateContext();
            return await ctx.Demands.OrderBy(d => d.ReceivedAt).ThenBy(d => d.Id).Select(d => $"{d.Id} {d.ReceivedAt:O} {d.Verbatim} {d.TypeId} {d.Outcome}").ToListAsync();
        }
        (await DemandsFor()).ShouldBe(await DemandsFor());
    }
}
