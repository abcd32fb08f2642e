using LocalFlow.Analytics.Flow;
using LocalFlow.Analytics.Redesign;
using LocalFlow.Data.Entities;
using LocalFlow.Data.Flow;
using LocalFlow.Data.LocalityWork;
using LocalFlow.Data.Redesign;
using LocalFlow.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Data.Tests.Redesign;

/// <summary>The pathway drawn from stored records through the visibility rule, and commissioning strategies kept from approved questions only.</summary>
public class PathwayAndStrategiesTests
{
    private static readonly DateOnly Today = new(2026, 12, 1);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Pathway_CountsOnlyThisLocalitysPeopleInView_AndLeavesOutPlaceholderBirths(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateUpgradedAsync(provider);
        await using var ctx = db.Options.CreateContext();
        var here = new Locality { Name = "Northfield" };
        var there = new Locality { Name = "Eastfield" };
        var children = new Agency { Name = "Children's services", ShortName = "Children", Kind = AgencyKind.Council };
        var adults = new Agency { Name = "Adult social care", ShortName = "Adults", Kind = AgencyKind.Council };
        ctx.AddRange(here, there, children, adults);
        await ctx.SaveChangesAsync();
        var born = new DateOnly(2008, 6, 15);
        Person P(Locality l, DateOnly? dob, bool restricted = false) => new() { LocalityId = l.Id, GivenName = "A", FamilyName = "B", DateOfBirth = dob, Restricted = restricted };
        var young = P(here, born);
        var placeholder = P(here, new DateOnly(1900, 1, 1));
        var restricted = P(here, born, restricted: true);
        var elsewhere = P(there, born);
        ctx.People.AddRange(young, placeholder, restricted, elsewhere);
        var n = 0;
        void R(Person p, Agency a, DateOnly on) => ctx.ActivityRecords.Add(new ActivityRecord
        {
            LocalityId = p.LocalityId,
            PersonId = p.Id,
            AgencyId = a.Id,
            Kind = ActivityKind.Contact,
            StartUtc = on.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc),
            SourceSystem = "test",
            SourceRecordId = $"r{++n}",
        });
        // At 17 children's and adults' services; at 18 adults' alone: one overlap, one hand-off.
        R(young, adults, new DateOnly(2025, 8, 1));
        R(young, children, new DateOnly(2026, 2, 1));
        R(young, adults, new DateOnly(2026, 7, 1));
        R(placeholder, adults, new DateOnly(2026, 7, 1));
        R(restricted, children, new DateOnly(2026, 2, 1));
        R(restricted, adults, new DateOnly(2026, 7, 1));
        R(elsewhere, children, new DateOnly(2026, 2, 1));
        R(elsewhere, adults, new DateOnly(2026, 7, 1));
        ctx.Needs.Add(new Need { LocalityId = here.Id, Title = "Young people leaving care", RecordedBy = "t", FirstStage = LifeStage.Transition, LastStage = LifeStage.YoungAdult });
        await ctx.SaveChangesAsync();

        var viewer = new Viewer([here.Id], false, null);
        var view = await Pathways.LoadAsync(ctx, new FlowEngines(), viewer, here.Id, Today);

        var f = view.Figures;
        Assert.Equal(1, f.People);
        Assert.Equal(1, f.PlaceholderBirth);
        Assert.Equal(1, f.RecordsLeftOut);
        var transition = f.Stages.Single(s => s.Stage == LifeStage.Transition);
        Assert.Equal(1, transition.Overlapping);
        Assert.Equal(2, transition.Records);
        Assert.Equal(new StageHandOff(LifeStage.Transition, LifeStage.YoungAdult, children.Id, adults.Id, 1), Assert.Single(f.HandOffs));
        Assert.Equal("Children's services", view.Agencies[children.Id]);
        // The need is placed on two stages with no service or building there: both are gaps.
        var need = Assert.Single(view.Placed);
        Assert.Equal((LifeStage.Transition, LifeStage.YoungAdult), (need.First, need.Last));
        Assert.Contains((LifeStage.Transition, PathwayGap.NeedsWithoutService), view.Gaps);

        // Someone allowed to see restricted records counts the restricted person too; Eastfield's person never.
        var all = await Pathways.LoadAsync(ctx, new FlowEngines(), new Viewer([here.Id], true, null), here.Id, Today);
        Assert.Equal(2, all.Figures.People);
        // A viewer of Eastfield only sees nothing of Northfield.
        var outsider = await Pathways.LoadAsync(ctx, new FlowEngines(), new Viewer([there.Id], true, null), here.Id, Today);
        Assert.Equal(0, outsider.Figures.People);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Strategy_TakesApprovedQuestionsOnly_AddsTheirBenefits_AndRefusesAStaleSave(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateUpgradedAsync(provider);
        await using var ctx = db.Options.CreateContext();
        var here = new Locality { Name = "Northfield" };
        ctx.Localities.Add(here);
        await ctx.SaveChangesAsync();
        var group = new CommissioningGroup { LocalityId = here.Id, Name = "Living well" };
        ctx.CommissioningGroups.Add(group);
        CommissioningQuestion Q(int number, QuestionStage stage, QuestionStatus status = QuestionStatus.Open)
        {
            var q = new CommissioningQuestion { LocalityId = here.Id, Number = number, Title = $"Q{number}", RaisedBy = "t", Stage = stage, Status = status, Currency = "GBP", PriceYear = 2025, DiscountRate = 0m };
            q.Years.Add(new QuestionYear { LocalityId = here.Id, QuestionId = q.Id, Year = 0, Cost = 100m * number, Benefit = 300m * number });
            return q;
        }
        ctx.CommissioningQuestions.AddRange(Q(1, QuestionStage.Approved), Q(2, QuestionStage.Approved), Q(3, QuestionStage.ImplementationPlan), Q(4, QuestionStage.Approved, QuestionStatus.Stopped));
        await ctx.SaveChangesAsync();

        var bad = await Assert.ThrowsAsync<RedesignInputException>(() => Strategies.SaveAsync(ctx, here.Id, null,
            new StrategyInput { Title = "One worker", Purpose = "Known by name", OwnerGroupId = group.Id, Questions = [1, 3, 4, 9] }, "steering"));
        Assert.Equal("Questions 3, 4, 9 are not approved: only questions through the final gateway can be in a strategy.", bad.Errors["Questions"]);
        var empty = await Assert.ThrowsAsync<RedesignInputException>(() => Strategies.SaveAsync(ctx, here.Id, null, new StrategyInput(), "steering"));
        Assert.Equal(["OwnerGroupId", "Purpose", "Questions", "Title"], empty.Errors.Keys.Order());
        Assert.Equal(0, await ctx.CommissioningStrategies.CountAsync());

        var made = await Strategies.SaveAsync(ctx, here.Id, null, new StrategyInput { Title = " One worker ", Purpose = "Known by name", OwnerGroupId = group.Id, Questions = [1, 2] }, "steering");
        Assert.True(made!.Saved);
        await using var other = db.Options.CreateContext();
        var view = (await Strategies.FindAsync(other, here.Id, made.Strategy.Id))!;
        Assert.Equal("One worker", view.Strategy.Title);
        Assert.Equal("Living well", view.Group);
        Assert.Equal([1, 2], view.Questions.Select(q => q.Question.Number));
        var total = Assert.Single(view.Benefits.Totals);
        Assert.Equal(600m, total.NetPresentValue); // (300 − 100) + (600 − 200), year 0 undiscounted
        Assert.Equal(2, total.Questions);

        // Two people change it from the same version: the second is refused and nothing of theirs is saved.
        var first = await Strategies.SaveAsync(other, here.Id, made.Strategy.Id, new StrategyInput { Title = "One worker, first", Purpose = "p", OwnerGroupId = group.Id, Questions = [1], Version = 1 }, "steering");
        await using var third = db.Options.CreateContext();
        var second = await Strategies.SaveAsync(third, here.Id, made.Strategy.Id, new StrategyInput { Title = "One worker, second", Purpose = "p", OwnerGroupId = group.Id, Questions = [2], Version = 1 }, "citizen");
        Assert.True(first!.Saved);
        Assert.False(second!.Saved);
        Assert.Equal("One worker, first", second.Strategy.Title);
        var (all, count) = await Strategies.AllBenefitsAsync(third, here.Id);
        Assert.Equal(1, count);
        Assert.Equal(200m, Assert.Single(all.Totals).NetPresentValue);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Need_IsPlacedOnStagesInOrder_AndABackwardsSpanIsRefused(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateUpgradedAsync(provider);
        await using var ctx = db.Options.CreateContext();
        var here = new Locality { Name = "Northfield" };
        ctx.Localities.Add(here);
        await ctx.SaveChangesAsync();
        NeedInput Input(LifeStage? first, LifeStage? last) => new()
        {
            Title = "Young carers",
            Who = NeedOf.Families,
            EvidenceKind = NeedEvidenceKind.ConsultationTheme,
            Evidence = "Young carers' survey",
            FirstStage = first,
            LastStage = last,
        };

        var backwards = await Assert.ThrowsAsync<RedesignInputException>(() => Needs.AddAsync(ctx, here.Id, Input(LifeStage.Transition, LifeStage.PrimarySchool), "citizen"));
        var lastOnly = await Assert.ThrowsAsync<RedesignInputException>(() => Needs.AddAsync(ctx, here.Id, Input(null, LifeStage.PrimarySchool), "citizen"));
        var need = await Needs.AddAsync(ctx, here.Id, Input(LifeStage.PrimarySchool, null), "citizen");

        Assert.Equal("The last stage of life must be the first stage or a later one.", backwards.Errors["LastStage"]);
        Assert.Equal("Choose the first stage of life too, or leave both empty.", lastOnly.Errors["LastStage"]);
        await using var check = db.Options.CreateContext();
        var stored = await check.Needs.SingleAsync();
        Assert.Equal(need.Id, stored.Id);
        Assert.Equal((LifeStage.PrimarySchool, LifeStage.PrimarySchool), (stored.FirstStage, stored.LastStage));
    }
}
