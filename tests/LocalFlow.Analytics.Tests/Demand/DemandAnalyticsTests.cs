using LocalFlow.Analytics.Demand;

namespace LocalFlow.Analytics.Tests.Demand;

public class DemandAnalyticsTests
{
    [Fact]
    public void GoodTuring_IsTypesSeenOnce_OverDemands()
    {
        var r = Predictability.Compute(["a", "b", "a", "c"], 0.02);
        r.Demands.ShouldBe(4);
        r.DistinctTypes.ShouldBe(3);
        r.TypesSeenOnce.ShouldBe(2);
        r.NewTypeChance.ShouldBe(0.5);
        r.Reading.ShouldBe("About 5 in 10 demands are still new types");
        r.Curve.Select(c => c.DistinctTypes).ShouldBe([1, 2, 2, 3]);
        r.IsPredictable.ShouldBeFalse();
    }

    [Fact]
    public void TheReading_AgreesWithThePercentageShownBesideIt()
    {
        // 3 of 5 demands are of a type heard once: 60%, which "About 1 in 2" would misstate.
        var r = Predictability.Compute(["a", "a", "b", "c", "d"], 0.02);
        r.NewTypeChance.ShouldBe(0.6);
        r.Reading.ShouldBe("About 6 in 10 demands are still new types");
        Predictability.Read(100, 96, 97).ShouldBe("Almost every demand is still a new type");
        Predictability.Read(100, 20, 30).ShouldBe("About 1 in 5 demands is still a new type");
    }

    [Fact]
    public void OneNewTypeInForty_ReadsInPlainEnglish_AndMeetsTheTeamsLevel()
    {
        var types = Enumerable.Repeat("a", 20).Concat(Enumerable.Repeat("b", 19)).Append("c").Cast<string?>();
        var r = Predictability.Compute(types, 0.05);
        r.Reading.ShouldBe("About 1 in 40 demands is still a new type");
        r.IsPredictable.ShouldBeTrue();
        Predictability.Compute(types, 0.02).IsPredictable.ShouldBeFalse();
    }

    [Fact]
    public void Predictability_SaysWhenThereIsNothingYet_OrEverythingIsNew()
    {
        Predictability.Compute([], 0.02).Reading.ShouldBe("No demand has been captured yet");
        Predictability.Compute([], 0.02).IsPredictable.ShouldBeFalse();
        Predictability.Compute(["a", "b", "c"], 0.02).Reading.ShouldBe("Every demand so far is a different type");
        Predictability.Compute(["a", "a", "b", "b"], 0.02).Reading.ShouldContain("no new types are appearing");
        Predictability.Compute(["a", null, "", "a"], 0.02).Demands.ShouldBe(2);
    }

    [Fact]
    public void Pareto_SortsLargestFirst_WithCumulativeShare()
    {
        var bars = Pareto.Compute([("x", "Chasing", 2), ("y", "Bins", 6), ("z", "Zero", 0), ("w", "Advice", 2)]);
        bars.Select(b => b.Label).ShouldBe(["Bins", "Advice", "Chasing"]);
        bars[0].Share.ShouldBe(0.6);
        bars[1].CumulativeShare.ShouldBe(0.8, 1e-12);
        bars[2].CumulativeShare.ShouldBe(1.0, 1e-12);
    }

    [Fact]
    public void Shares_CountValueAndFailure_PerGroup()
    {
        var rows = DemandShares.ByGroup([("phone", true), ("office", false), ("phone", true), ("phone", false)]);
        rows.Select(r => r.Key).ShouldBe(["phone", "office"]);
        rows[0].Failure.ShouldBe(2);
        rows[0].FailureShare.ShouldBe(2.0 / 3, 1e-12);
        rows[1].FailureShare.ShouldBe(0);
    }

    [Fact]
    public void Suggester_PrefersTheTypeWhoseDemandsShareTheWords()
    {
        var s = TypeSuggester.Build(
        [
            ("I rang last week about my mum's assessment and nobody has called back", "chasing"),
            ("Still waiting to hear about the assessment, it's been three weeks", "chasing"),
            ("When is someone coming to assess my dad? I've rung twice", "chasing"),
            ("My bin wasn't collected again on Tuesday", "bins"),
            ("The bins have been missed on our street", "bins"),
            ("Can I get a stair lift fitted, the stairs are too much now", "equipment"),
        ]);
        var best = s.Suggest("Ringing again to chase the assessment for my mother");
        best[0].TypeKey.ShouldBe("chasing");
        best.Count.ShouldBeLessThanOrEqualTo(3);
        s.Suggest("missed bin collection")[0].TypeKey.ShouldBe("bins");
        s.Suggest("").ShouldBeEmpty();
    }

    [Fact]
    public void Suggester_KeepsEmojiAndRightToLeftText_WithoutFailing()
    {
        var s = new TypeSuggester();
        s.Add("أحتاج مساعدة في السكن 🏠", "housing");
        s.Add("My roof leaks 😢 please help", "repairs");
        s.Suggest("مساعدة السكن")[0].TypeKey.ShouldBe("housing");
        s.Suggest("😢😢😢").ShouldBeEmpty();
        TypeSuggester.Terms("Bills billing billed").Distinct().ShouldBe(["bill", "bill bill"], "three words stem to one word");
    }
}
