using LocalFlow.Analytics.Redesign;
using LocalFlow.Data.Audit;
using LocalFlow.Data.Entities;
using LocalFlow.Data.Redesign;
using LocalFlow.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Data.Tests.Redesign;

public class RedesignTests
{
    private sealed record Actor(int? UserId, string UserName, string Source) : IAuditActor;

    private static async Task<(int Locality, int Group)> SeedAsync(LocalFlowDb ctx)
    {
        var loc = new Locality { Name = "Northfield" };
        ctx.Localities.Add(loc);
        await ctx.SaveChangesAsync();
        var group = new CommissioningGroup { LocalityId = loc.Id, Name = "Early help", Remit = "Families with young children" };
        group.Members.Add(new GroupMember { Name = "Priya", Kind = MemberKind.Citizen });
        ctx.CommissioningGroups.Add(group);
        await ctx.SaveChangesAsync();
        return (loc.Id, group.Id);
    }

    private static QuestionInput Words(int? group = null) => new() { Title = "Could one worker stay with a family?", Outcome = "Families tell their story once", Measure = "Hand-offs per family", GroupId = group };

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SecondSaver_IsRefused_AndSeesTheFirstSaversWords(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateUpgradedAsync(provider);
        Guid id;
        int locality;
        await using (var ctx = db.Options.CreateContext(new Actor(1, "sam", "test")))
        {
            (locality, var group) = await SeedAsync(ctx);
            id = (await Questions.RaiseAsync(ctx, locality, Words(group), QuestionOrigin.None, "sam")).Id;
        }
        await using var first = db.Options.CreateContext(new Actor(1, "sam", "test"));
        await using var second = db.Options.CreateContext(new Actor(2, "pat", "test"));
        var read = QuestionInput.From((await Questions.FindAsync(first, locality, id))!);

        var a = await Questions.SaveAsync(first, locality, id, new QuestionInput { Title = read.Title, Outcome = "Sam's outcome", Version = read.Version }, "sam");
        var b = await Questions.SaveAsync(second, locality, id, new QuestionInput { Title = read.Title, Outcome = "Pat's outcome", Version = read.Version }, "pat");

        Assert.True(a!.Saved);
        Assert.False(b!.Saved);
        Assert.Equal("Sam's outcome", b.Current.Outcome);
        await using var check = db.Options.CreateContext();
        Assert.Equal("Sam's outcome", (await Questions.FindAsync(check, locality, id))!.Outcome);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Question_GoesThroughEveryGateway_WithReasonsKept(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateUpgradedAsync(provider);
        await using var ctx = db.Options.CreateContext(new Actor(1, "steer", "test"));
        var (locality, group) = await SeedAsync(ctx);
        var q = await Questions.RaiseAsync(ctx, locality, Words(group), QuestionOrigin.None, "sam");

        await Assert.ThrowsAsync<RedesignInputException>(() => Gateways.DecideAsync(ctx, locality, q.Id, GatewayDecision.Stop, " ", q.Version, "steer"));
        var r = await Gateways.DecideAsync(ctx, locality, q.Id, GatewayDecision.Go, "Worth studying", q.Version, "steer");
        Assert.Equal(QuestionStage.Feasibility, r!.Current.Stage);
        var ex = await Assert.ThrowsAsync<RedesignInputException>(() => Gateways.DecideAsync(ctx, locality, q.Id, GatewayDecision.Go, "Go on", r.Current.Version, "steer"));
        Assert.Contains("feasibility", ex.Errors["Decision"], StringComparison.Ordinal);

        var input = QuestionInput.From(r.Current);
        input.Feasibility = "Three teams could share one worker.";
        r = await Questions.SaveAsync(ctx, locality, q.Id, input, "sam");
        r = await Gateways.DecideAsync(ctx, locality, q.Id, GatewayDecision.Go, "Feasible", r!.Current.Version, "steer");
        Assert.Equal(QuestionStage.CostBenefit, r!.Current.Stage);

        var bad = new CostBenefitInput { Rows = [new() { Year = -1, Cost = 5 }], RatePercent = 25, Currency = "", PriceYear = null, Version = r.Current.Version };
        var cbErr = await Assert.ThrowsAsync<RedesignInputException>(() => CostBenefitCases.SaveAsync(ctx, locality, q.Id, bad, "sam"));
        Assert.Equal(["Currency", "PriceYear", "RatePercent", "Rows[0].Year"], cbErr.Errors.Keys.Order(StringComparer.Ordinal));

        var good = new CostBenefitInput { Rows = [new() { Year = 0, Cost = 1000 }, new(), new() { Year = 1, Benefit = 600 }, new() { Year = 2, Benefit = 600 }], RatePercent = 10, Currency = "gbp", PriceYear = 2025, Version = r.Current.Version };
        r = await CostBenefitCases.SaveAsync(ctx, locality, q.Id, good, "sam");
        Assert.Equal(41.32m, CostBenefitCases.WorkedOf(r!.Current)!.NetPresentValue);
        r = await Gateways.DecideAsync(ctx, locality, q.Id, GatewayDecision.Hold, "Waiting for the NHS figures", r.Current.Version, "steer");
        Assert.Equal(QuestionStatus.OnHold, r!.Current.Status);
        r = await Gateways.DecideAsync(ctx, locality, q.Id, GatewayDecision.Stop, "The NHS will not take part", r.Current.Version, "steer");
        Assert.Equal(QuestionStatus.Stopped, r!.Current.Status);

        await using var check = db.Options.CreateContext();
        var stored = await check.GatewayRecords.Where(g => g.QuestionId == q.Id).OrderBy(g => g.Id).Select(g => g.Reason).ToListAsync();
        Assert.Equal(["Worth studying", "Feasible", "Waiting for the NHS figures", "The NHS will not take part"], stored);
        Assert.Equal([0, 1, 2], await check.QuestionYears.Where(y => y.QuestionId == q.Id).OrderBy(y => y.Year).Select(y => y.Year).ToListAsync());
        Assert.Equal("GBP", (await Questions.FindAsync(check, locality, q.Id))!.Currency);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Portfolio_FiltersTotalsAndPages(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateUpgradedAsync(provider);
        await using var ctx = db.Options.CreateContext(new Actor(1, "sam", "test"));
        var (locality, group) = await SeedAsync(ctx);
        for (var i = 1; i <= 120; i++)
        {
            ctx.CommissioningQuestions.Add(new CommissioningQuestion
            {
                LocalityId = locality,
                Number = i,
                Title = $"Question {i}",
                RaisedBy = "sam",
                RaisedUtc = DateTime.UtcNow,
                GroupId = i % 2 == 0 ? group : null,
                Stage = (QuestionStage)(1 + (i % 5)),
                Status = i % 10 == 0 ? QuestionStatus.Stopped : QuestionStatus.Open,
            });
        }
        await ctx.SaveChangesAsync();

        var all = await Portfolio.ListAsync(ctx, locality, new PortfolioFilter(), page: 3);
        var mine = await Portfolio.ListAsync(ctx, locality, new PortfolioFilter(GroupId: group), page: 1);

        Assert.Equal(120, all.Matching);
        Assert.Equal(3, all.Pages);
        Assert.Equal(Enumerable.Range(101, 20), all.Rows.Select(r => r.Number));
        Assert.Equal(12, all.Stopped);
        Assert.Equal(108, all.ByStage.Values.Sum());
        Assert.Equal(60, mine.Matching);
        Assert.All(mine.Rows, r => Assert.Equal("Early help", r.Group));
    }
}
