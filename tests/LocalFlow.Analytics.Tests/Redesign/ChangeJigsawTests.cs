using LocalFlow.Analytics.Redesign;

namespace LocalFlow.Analytics.Tests.Redesign;

public class ChangeJigsawTests
{
    [Fact]
    public void Diagnose_HalfOrMoreSayingNotInPlace_IsMissing()
    {
        var results = ChangeJigsaw.Diagnose(
        [
            (JigsawPiece.Vision, JigsawAnswer.NotInPlace), (JigsawPiece.Vision, JigsawAnswer.InPlace),
            (JigsawPiece.QuickWins, JigsawAnswer.NotInPlace), (JigsawPiece.QuickWins, JigsawAnswer.Partly), (JigsawPiece.QuickWins, JigsawAnswer.InPlace),
            (JigsawPiece.Leadership, JigsawAnswer.InPlace), (JigsawPiece.Leadership, JigsawAnswer.InPlace), (JigsawPiece.Leadership, JigsawAnswer.Partly),
            (JigsawPiece.PersonalImpact, JigsawAnswer.InPlace), (JigsawPiece.PersonalImpact, JigsawAnswer.Partly),
        ]);

        Assert.Equal(9, results.Count);
        var by = results.ToDictionary(r => r.Piece);
        Assert.Equal(JigsawVerdict.Missing, by[JigsawPiece.Vision].Verdict);
        Assert.Equal(JigsawVerdict.Partly, by[JigsawPiece.QuickWins].Verdict);
        Assert.Equal(JigsawVerdict.InPlace, by[JigsawPiece.Leadership].Verdict);
        Assert.Equal(JigsawVerdict.Partly, by[JigsawPiece.PersonalImpact].Verdict);
        Assert.Equal(JigsawVerdict.Unanswered, by[JigsawPiece.BurningPlatform].Verdict);
        Assert.Equal(3, by[JigsawPiece.QuickWins].Answers);
        Assert.Equal(JigsawPiece.BurningPlatform, results[0].Piece);
        Assert.Equal(JigsawPiece.EmbedAsBusinessAsUsual, results[8].Piece);
    }
}

public class ProgrammeStepsTests
{
    private static readonly ProgrammeFacts Empty = new(false, false, 0, 0, 0, 0, 0, 0, 0, 0, ChangeJigsaw.Diagnose([]));

    [Fact]
    public void Place_EmptyProgramme_HasNothingStarted()
    {
        var steps = ProgrammeSteps.Place(Empty);

        Assert.Equal(10, steps.Count);
        Assert.All(steps, s => Assert.Equal(StepStanding.NotStarted, s));
    }

    [Fact]
    public void Place_Pathway_StartsWithAnythingPlaced_AndIsDoneWhenNoStageHasNeedsWithoutAService()
    {
        Assert.Equal(StepStanding.Started, ProgrammeSteps.Place(Empty with { PlacedOnPathway = 3, StagesWithUnservedNeeds = 1 })[5]);
        Assert.Equal(StepStanding.Done, ProgrammeSteps.Place(Empty with { PlacedOnPathway = 3 })[5]);
    }

    [Fact]
    public void Place_ResourcesAndNeeds_DoneOnlyWithMoneyBuildingsAndAConsultedNeed()
    {
        var money = ProgrammeSteps.Place(Empty with { MoneyLines = 3 });
        var noConsultation = ProgrammeSteps.Place(Empty with { MoneyLines = 3, Buildings = 2, Needs = 4 });
        var all = ProgrammeSteps.Place(Empty with { MoneyLines = 3, Buildings = 2, Needs = 4, NeedsFromConsultation = 1 });

        Assert.Equal(StepStanding.Started, money[4]);
        Assert.Equal(StepStanding.Started, noConsultation[4]);
        Assert.Equal(StepStanding.Done, all[4]);
    }

    [Fact]
    public void Place_GroupsWithoutCitizens_AreOnlyStarted()
    {
        var withoutCitizens = ProgrammeSteps.Place(Empty with { Groups = 3, SteeringMembers = 2 });
        var withCitizens = ProgrammeSteps.Place(Empty with { Groups = 3, SteeringMembers = 2, GroupsWithCitizens = 1 });

        Assert.Equal(StepStanding.Started, withoutCitizens[1]);
        Assert.Equal(StepStanding.Done, withCitizens[1]);
    }

    [Fact]
    public void Place_Efficiencies_OnlyAfterApproval()
    {
        var before = ProgrammeSteps.Place(Empty with { Questions = 4, QuestionsAtCostBenefitOrLater = 2, QuestionsInProgress = 4 });
        var after = ProgrammeSteps.Place(Empty with { Questions = 4, QuestionsAtCostBenefitOrLater = 2, QuestionsApproved = 1, QuestionsInProgress = 3 });

        Assert.Equal(StepStanding.Started, before[7]);
        Assert.Equal(StepStanding.NotStarted, before[8]);
        Assert.Equal(StepStanding.Done, after[7]);
        Assert.Equal(StepStanding.Started, after[8]);
    }

    [Fact]
    public void Place_JigsawWithAMissingPiece_PlanIsOnlyStarted()
    {
        var steps = ProgrammeSteps.Place(Empty with { Jigsaw = ChangeJigsaw.Diagnose([(JigsawPiece.Vision, JigsawAnswer.NotInPlace), (JigsawPiece.CapacityAndCapability, JigsawAnswer.InPlace)]) });

        Assert.Equal(StepStanding.Started, steps[0]);
        Assert.Equal(StepStanding.Done, steps[3]);
    }
}
