using LocalFlow.Analytics.Redesign;
using LocalFlow.Data.Entities;

namespace LocalFlow.Data.Redesign;

/// <summary>Steering-group decisions at a question's gateway, by the rules of <see cref="Gateway"/>, each kept with its reason.</summary>
public static class Gateways
{
    /// <summary>What the question has done, for the gateway rules.</summary>
    public static GatewayState StateOf(CommissioningQuestion q)
        => new(q.Stage, q.Status, q.Feasibility.Length > 0, CostBenefitCases.CaseOf(q) is { } c && CostBenefit.Check(c).Count == 0, q.Plan.Length > 0);

    /// <summary>
    /// Takes the decision: on success the question moves (or pauses, or stops) and the decision is recorded with its
    /// reason in the same save. Refused when the rules refuse it (the reason comes back), or when the question changed
    /// since <paramref name="version"/> was read (someone else decided or edited first).
    /// </summary>
    /// <exception cref="RedesignInputException">The decision is refused, with the reason under "Decision" or "Reason".</exception>
    public static async Task<QuestionSave?> DecideAsync(LocalFlowDb db, int localityId, Guid id, GatewayDecision? decision, string? reason, int version, string by, CancellationToken ct = default)
    {
        if (await Questions.FindAsync(db, localityId, id, ct) is not { } q)
        {
            return null;
        }
        if (decision is null)
        {
            throw new RedesignInputException(new Dictionary<string, string> { ["Decision"] = "Choose go, hold or stop." });
        }
        if (q.Version != version)
        {
            return new(false, q);
        }
        var outcome = Gateway.Decide(StateOf(q), decision.Value, reason);
        if (outcome.Refusal is not null)
        {
            var field = string.IsNullOrWhiteSpace(reason) ? "Reason" : "Decision";
            throw new RedesignInputException(new Dictionary<string, string> { [field] = outcome.Refusal });
        }
        db.GatewayRecords.Add(new GatewayRecord
        {
            LocalityId = localityId,
            QuestionId = id,
            Decision = decision.Value,
            Reason = reason!.Trim(),
            FromStage = q.Stage,
            ToStage = outcome.Stage,
            ToStatus = outcome.Status,
            DecidedBy = by,
            DecidedUtc = db.Clock.GetUtcNow().UtcDateTime,
        });
        q.Stage = outcome.Stage;
        q.Status = outcome.Status;
        return await Questions.SaveVersionAsync(db, q, by, ct);
    }
}
