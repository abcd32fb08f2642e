using LocalFlow.Data;
using LocalFlow.Data.Audit;
using LocalFlow.Data.Conditions;
using LocalFlow.Data.Entities;
using LocalFlow.Web.Pages.Conditions;
using LocalFlow.Web.Security;

namespace LocalFlow.Web.Api;

/// <summary>
/// System conditions with their reach, computed from their evidence. Evidence names people only for roles that
/// may see them (the study team, data officers); those reads are audited, as on the condition's page.
/// </summary>
public static class ConditionsApi
{
    public sealed record ReachDto(int Demands, int StudyDemands, double? DemandShare, int People, int Records, decimal Cost);

    public sealed record EvidenceDto(Guid Id, EvidenceKind Kind, string What, string Note, int? DemandTypeId, LocalFlow.Analytics.Flow.FlowSignalKind? SignalKind, int? AgencyId, Guid? RecordId, Guid? PersonId, ReachDto Reach);

    public sealed record ConditionDto(Guid Id, ConditionCategory Category, string CategoryName, string Title, string Finding, string RecordedBy, DateTime RecordedUtc,
        string? UpdatedBy, DateTime? UpdatedUtc, ReachDto Reach, IReadOnlyList<EvidenceDto>? Evidence);

    public sealed record ListDto(IReadOnlyList<ConditionDto> Conditions, ReachDto All);

    private static ReachDto Dto(Reach r) => new(r.Demands, r.StudyDemands, r.DemandShare, r.People, r.Records, r.Cost);

    private static ConditionDto Dto(ConditionReach c, IReadOnlyList<EvidenceDto>? evidence) => new(c.Condition.Id, c.Condition.Category, SystemConditions.CategoryName(c.Condition),
        c.Condition.Title, c.Condition.Finding, c.Condition.RecordedBy, c.Condition.RecordedUtc, c.Condition.UpdatedBy, c.Condition.UpdatedUtc, Dto(c.Reach), evidence);

    public static RouteGroupBuilder MapConditionsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/conditions", async (LocalFlowDb db, CurrentUser current, LocalFlow.Data.Flow.FlowEngines engines) =>
        {
            if (current.LocalityId is not int locality)
            {
                return Results.Ok(new ListDto([], Dto(Reach.None)));
            }
            var report = await ConditionReachCalculator.ForLocalityAsync(db, engines, locality);
            return Results.Ok(new ListDto([.. report.Conditions.Select(c => Dto(c, null))], Dto(report.All)));
        }).RequireAuthorization(Policies.ConditionsRead).WithSummary("Every system condition with its reach (failure demands, people, cost), computed from its evidence; no names.");

        api.MapGet("/conditions/{id:guid}", async (Guid id, HttpContext http, LocalFlowDb db, CurrentUser current, LocalFlow.Data.Flow.FlowEngines engines) =>
        {
            if (current.LocalityId is not int locality || await ConditionReachCalculator.ForConditionAsync(db, engines, locality, id) is not { } c)
            {
                return Results.NotFound();
            }
            var views = await ConditionViews.DescribeAsync(db, http.User, current, locality, c.Evidence);
            var evidence = c.Evidence.Zip(views, (e, v) => new EvidenceDto(e.Evidence.Id, e.Evidence.Kind, v.What, e.Evidence.Note, e.Evidence.DemandTypeId,
                e.Evidence.SignalKind, e.Evidence.AgencyId, v.NamesAPerson ? e.Evidence.RecordId : null,
                v.NamesAPerson ? e.Evidence.PersonId : null, Dto(e.Reach))).ToList();
            var named = views.Count(v => v.NamesAPerson);
            if (named > 0)
            {
                await AuditTrail.ReadAsync(db, AuditEventType.ConditionRead, nameof(SystemCondition), id.ToString(), locality,
                    $"API: system condition \"{c.Condition.Title}\": {named} pieces of evidence naming people");
            }
            return Results.Ok(Dto(c, evidence));
        }).RequireAuthorization(Policies.ConditionsRead).WithSummary("One system condition, its reach and its evidence; people are named only for roles that may see them (audited).");
        return api;
    }
}
