using LocalFlow.Analytics.Redesign;
using LocalFlow.Data;
using LocalFlow.Data.Conditions;
using LocalFlow.Data.Entities;
using LocalFlow.Data.Redesign;
using LocalFlow.Web.Pages.Flow;
using LocalFlow.Web.Resources;
using LocalFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Web.Pages.Redesign;

/// <summary>
/// One commissioning question: the challenge, its outcome apart from its measure, the evidence it was raised from with
/// that evidence's reach (computed as the conditions page computes it, in aggregate only: small numbers withheld from
/// readers who may not see people), its cost–benefit case and every gateway decision with its reason.
/// </summary>
[Authorize(Policy = Policies.RedesignView)]
public sealed class QuestionModel(LocalFlowDb db, CurrentUser current, LocalFlow.Data.Flow.FlowEngines engines) : PageModel
{
    public CommissioningQuestion Question { get; private set; } = null!;
    public RedesignProgramme Programme { get; private set; } = null!;
    public string? GroupName { get; private set; }
    /// <summary>The evidence in words ("System condition: The assessment is the service").</summary>
    public string? EvidenceTitle { get; private set; }
    /// <summary>A page about the evidence, when this reader may open it.</summary>
    public string? EvidenceHref { get; private set; }
    public Reach? Reach { get; private set; }
    /// <summary>True when the reach touches so few people that this reader is shown no counts of people or cost.</summary>
    public bool Withheld { get; private set; }
    public CostBenefitResult? Worked { get; private set; }
    public IReadOnlyList<GatewayRecord> Decisions { get; private set; } = [];
    public bool MayWork { get; private set; }
    public bool MayDecide { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (current.LocalityId is not int locality || await Questions.FindAsync(db, locality, id, ct) is not { } q)
        {
            return NotFound();
        }
        Question = q;
        Programme = await Data.Redesign.Programme.EnsureAsync(db, locality, ct);
        GroupName = q.GroupId is int g ? await db.CommissioningGroups.Where(x => x.Id == g).Select(x => x.Name).SingleOrDefaultAsync(ct) : null;
        Worked = CostBenefitCases.WorkedOf(q);
        Decisions = await db.GatewayRecords.AsNoTracking().Where(r => r.LocalityId == locality && r.QuestionId == id).OrderBy(r => r.Id).ToListAsync(ct);
        MayWork = Policies.Allows(User, Policies.RedesignWork);
        MayDecide = Policies.Allows(User, Policies.RedesignDecide);
        await DescribeEvidenceAsync(q, locality, ct);
        return Page();
    }

    private async Task DescribeEvidenceAsync(CommissioningQuestion q, int locality, CancellationToken ct)
    {
        switch (q.Source)
        {
            case QuestionSource.SystemCondition when q.ConditionId is Guid conditionId:
                if (await ConditionReachCalculator.ForConditionAsync(db, engines, locality, conditionId, ct) is { } condition)
                {
                    EvidenceTitle = Text.Format(QuestionText.EvidenceCondition, condition.Condition.Title);
                    EvidenceHref = Policies.Allows(User, Policies.ConditionsRead) ? $"/Conditions/Condition/{conditionId}" : null;
                    Reach = condition.Reach;
                }
                else
                {
                    EvidenceTitle = QuestionText.EvidenceConditionDeleted;
                }
                break;
            case QuestionSource.DemandType when q.DemandTypeId is int typeId:
                var type = await db.DemandTypes.AsNoTracking().Where(t => t.Id == typeId).Select(t => new { t.Name, t.StudyId }).SingleOrDefaultAsync(ct);
                EvidenceTitle = Text.Format(QuestionText.EvidenceDemandType, type?.Name ?? QuestionText.EvidenceDeleted);
                EvidenceHref = type is not null && Policies.Allows(User, Policies.DemandAnalyse) ? $"/Demand/Analysis/{type.StudyId}" : null;
                var demands = await db.Demands.CountAsync(d => d.LocalityId == locality && d.TypeId == typeId && d.Nature == DemandNature.Failure, ct);
                Reach = new Reach(demands, 0, 0, 0, 0);
                break;
            case QuestionSource.Need when q.NeedId is Guid needId:
                var need = await db.Needs.AsNoTracking().Where(n => n.LocalityId == locality && n.Id == needId).Select(n => n.Title).SingleOrDefaultAsync(ct);
                EvidenceTitle = Text.Format(QuestionText.EvidenceNeed, need ?? q.SourceNote ?? QuestionText.EvidenceNeedRemoved);
                EvidenceHref = need is not null ? $"/Redesign/Need/{needId}" : null;
                break;
            case QuestionSource.None:
                break;
            default:
                EvidenceTitle = q.SourceNote is null ? RedesignText.Source(q.Source) : Text.Format(QuestionText.EvidenceOther, RedesignText.Source(q.Source), q.SourceNote);
                break;
        }
        // A reach touching very few people could point at someone: its people and cost are withheld from readers who may not see people.
        Withheld = Reach is { } r && FlowAccess.WithholdsCohort(User, r.People);
    }
}
