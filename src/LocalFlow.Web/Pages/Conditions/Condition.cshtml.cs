using LocalFlow.Data;
using LocalFlow.Data.Audit;
using LocalFlow.Data.Conditions;
using LocalFlow.Data.Entities;
using LocalFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalFlow.Web.Pages.Conditions;

/// <summary>
/// One system condition: what the team found, its reach, and every piece of evidence with what it reaches on its
/// own, linked to the demand type, the person's timeline or the record. People are named only to readers who may
/// see them, and then the view is audited.
/// </summary>
[Authorize(Policy = Policies.ConditionsRead)]
public sealed class ConditionModel(LocalFlowDb db, CurrentUser current, LocalFlow.Data.Flow.FlowEngines engines) : PageModel
{
    public ConditionReach Condition { get; private set; } = null!;
    public IReadOnlyList<EvidenceView> Evidence { get; private set; } = [];
    public bool MayEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (current.LocalityId is not int locality || await ConditionReachCalculator.ForConditionAsync(db, engines, locality, id) is not { } condition)
        {
            return NotFound();
        }
        Condition = condition;
        MayEdit = Policies.Allows(User, Policies.ConditionsEdit);
        Evidence = await ConditionViews.DescribeAsync(db, User, current, locality, condition.Evidence);
        var named = Evidence.Count(e => e.NamesAPerson);
        if (named > 0)
        {
            await AuditTrail.ReadAsync(db, AuditEventType.ConditionRead, nameof(SystemCondition), id.ToString(), locality,
                $"System condition \"{condition.Condition.Title}\": {named} pieces of evidence naming people shown");
        }
        return Page();
    }
}
