namespace LocalFlow.Analytics.Redesign;

/// <summary>
/// Where a commissioning question stands on its way through the commissioning groups (Outcomes &amp; Efficiency,
/// chapter 4): posed, then a feasibility study, then cost–benefit, then an implementation plan, then approved by the
/// steering group. The numbers are stored and never change meaning.
/// </summary>
public enum QuestionStage
{
    /// <summary>Posed: the challenge is written down and given to a group.</summary>
    Posed = 1,
    /// <summary>The group is studying whether it could work.</summary>
    Feasibility = 2,
    /// <summary>The group is working out its costs and benefits over years.</summary>
    CostBenefit = 3,
    /// <summary>The group is planning how it would be put in place.</summary>
    ImplementationPlan = 4,
    /// <summary>The steering group approved it: it may join a commissioning strategy.</summary>
    Approved = 5,
}

/// <summary>Whether a question is being worked on, paused or dropped. The numbers are stored and never change meaning.</summary>
public enum QuestionStatus
{
    /// <summary>Being worked on at its stage.</summary>
    Open = 1,
    /// <summary>Paused by a gateway decision (a weaker plan, or waiting for something); a later "go" resumes it.</summary>
    OnHold = 2,
    /// <summary>Stopped by a gateway decision, with its reason. Final.</summary>
    Stopped = 3,
}

/// <summary>A steering-group decision at a gateway. The numbers are stored and never change meaning.</summary>
public enum GatewayDecision
{
    /// <summary>Go on to the next stage.</summary>
    Go = 1,
    /// <summary>Stay at this stage, paused.</summary>
    Hold = 2,
    /// <summary>Stop the question.</summary>
    Stop = 3,
}

/// <summary>What a question has, for deciding whether it may pass a gateway.</summary>
/// <param name="Stage">Its stage now.</param>
/// <param name="Status">Its status now.</param>
/// <param name="HasFeasibility">A feasibility finding is written.</param>
/// <param name="HasValidCostBenefit">A cost–benefit case is entered and passes <see cref="CostBenefit.Check"/>.</param>
/// <param name="HasPlan">An implementation plan is written.</param>
public sealed record GatewayState(QuestionStage Stage, QuestionStatus Status, bool HasFeasibility, bool HasValidCostBenefit, bool HasPlan);

/// <summary>The outcome of a gateway decision: the question's new stage and status, or why the decision is refused.</summary>
/// <param name="Stage">The stage after the decision.</param>
/// <param name="Status">The status after the decision.</param>
/// <param name="Refusal">Null when the decision stands; otherwise a plain-English reason it cannot be taken.</param>
public sealed record GatewayOutcome(QuestionStage Stage, QuestionStatus Status, string? Refusal);

/// <summary>
/// The gateway rules. Every decision needs a reason (so no question is dropped or paused without one). "Go" moves a
/// question to the next stage, but only with that stage's work done: feasibility written before cost–benefit, a valid
/// cost–benefit case before the implementation plan, a plan before approval. "Hold" pauses it at its stage; "go" from
/// hold moves it on as usual. "Stop" ends it. A stopped or approved question takes no further decisions.
/// </summary>
public static class Gateway
{
    /// <summary>The stage after <paramref name="stage"/>, or null after <see cref="QuestionStage.Approved"/>.</summary>
    public static QuestionStage? Next(QuestionStage stage) => stage == QuestionStage.Approved ? null : stage + 1;

    /// <summary>Applies <paramref name="decision"/> with <paramref name="reason"/> to a question in <paramref name="state"/>.</summary>
    public static GatewayOutcome Decide(GatewayState state, GatewayDecision decision, string? reason)
    {
        ArgumentNullException.ThrowIfNull(state);
        GatewayOutcome Refuse(string why) => new(state.Stage, state.Status, why);
        if (state.Status == QuestionStatus.Stopped)
        {
            return Refuse("This question was stopped at a gateway; it takes no further decisions.");
        }
        if (state.Stage == QuestionStage.Approved)
        {
            return Refuse("This question is already approved; it takes no further decisions.");
        }
        if (!Enum.IsDefined(decision))
        {
            return Refuse("Choose go, hold or stop.");
        }
        if (string.IsNullOrWhiteSpace(reason))
        {
            return Refuse(decision switch
            {
                GatewayDecision.Stop => "Give the reason for stopping this question: a question cannot be dropped without one.",
                GatewayDecision.Hold => "Give the reason for holding this question.",
                _ => "Give the reason for letting this question go on.",
            });
        }
        switch (decision)
        {
            case GatewayDecision.Stop:
                return new(state.Stage, QuestionStatus.Stopped, null);
            case GatewayDecision.Hold:
                return new(state.Stage, QuestionStatus.OnHold, null);
        }
        var missing = state.Stage switch
        {
            QuestionStage.Feasibility when !state.HasFeasibility => "Write the feasibility finding before it goes on to cost–benefit.",
            QuestionStage.CostBenefit when !state.HasValidCostBenefit => "Enter a complete cost–benefit case before it goes on to an implementation plan.",
            QuestionStage.ImplementationPlan when !state.HasPlan => "Write the implementation plan before it is approved.",
            _ => null,
        };
        return missing is null ? new(Next(state.Stage)!.Value, QuestionStatus.Open, null) : Refuse(missing);
    }
}
