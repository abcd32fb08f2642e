using LocalFlow.Analytics.Redesign;

namespace LocalFlow.Analytics.Tests.Redesign;

public class GatewayTests
{
    private static GatewayState At(QuestionStage stage, QuestionStatus status = QuestionStatus.Open, bool feasibility = true, bool costBenefit = true, bool plan = true)
        => new(stage, status, feasibility, costBenefit, plan);

    [Fact]
    public void Go_MovesEachStageToTheNext_UpToApproved()
    {
        var stage = QuestionStage.Posed;
        var seen = new List<QuestionStage>();
        while (Gateway.Next(stage) is not null)
        {
            var outcome = Gateway.Decide(At(stage), GatewayDecision.Go, "Strong case");
            Assert.Null(outcome.Refusal);
            stage = outcome.Stage;
            seen.Add(stage);
        }
        Assert.Equal([QuestionStage.Feasibility, QuestionStage.CostBenefit, QuestionStage.ImplementationPlan, QuestionStage.Approved], seen);
    }

    [Theory]
    [InlineData(GatewayDecision.Go)]
    [InlineData(GatewayDecision.Hold)]
    [InlineData(GatewayDecision.Stop)]
    public void EveryDecision_NeedsAReason(GatewayDecision decision)
    {
        var outcome = Gateway.Decide(At(QuestionStage.Feasibility), decision, "  ");

        Assert.NotNull(outcome.Refusal);
        Assert.Equal(QuestionStage.Feasibility, outcome.Stage);
        Assert.Equal(QuestionStatus.Open, outcome.Status);
    }

    [Fact]
    public void Stop_WithoutReason_SaysAQuestionCannotBeDropped()
        => Assert.Contains("cannot be dropped", Gateway.Decide(At(QuestionStage.Posed), GatewayDecision.Stop, null).Refusal, StringComparison.Ordinal);

    [Fact]
    public void Stop_And_Hold_KeepTheStage()
    {
        Assert.Equal(new GatewayOutcome(QuestionStage.CostBenefit, QuestionStatus.Stopped, null), Gateway.Decide(At(QuestionStage.CostBenefit), GatewayDecision.Stop, "Too costly"));
        Assert.Equal(new GatewayOutcome(QuestionStage.CostBenefit, QuestionStatus.OnHold, null), Gateway.Decide(At(QuestionStage.CostBenefit), GatewayDecision.Hold, "Waiting for the NHS figures"));
    }

    [Fact]
    public void Go_FromHold_Resumes()
        => Assert.Equal(new GatewayOutcome(QuestionStage.ImplementationPlan, QuestionStatus.Open, null), Gateway.Decide(At(QuestionStage.CostBenefit, QuestionStatus.OnHold), GatewayDecision.Go, "Figures arrived"));

    [Theory]
    [InlineData(QuestionStage.Feasibility, false, true, true)]
    [InlineData(QuestionStage.CostBenefit, true, false, true)]
    [InlineData(QuestionStage.ImplementationPlan, true, true, false)]
    public void Go_WithoutTheStagesWork_IsRefused(QuestionStage stage, bool feasibility, bool costBenefit, bool plan)
    {
        var outcome = Gateway.Decide(At(stage, feasibility: feasibility, costBenefit: costBenefit, plan: plan), GatewayDecision.Go, "Looks good");

        Assert.NotNull(outcome.Refusal);
        Assert.Equal(stage, outcome.Stage);
    }

    [Fact]
    public void StoppedOrApproved_TakesNoFurtherDecision()
    {
        Assert.NotNull(Gateway.Decide(At(QuestionStage.Feasibility, QuestionStatus.Stopped), GatewayDecision.Go, "Try again").Refusal);
        Assert.NotNull(Gateway.Decide(At(QuestionStage.Approved), GatewayDecision.Stop, "Changed our minds").Refusal);
    }
}
