using LocalFlow.Data;
using LocalFlow.Data.Conditions;
using LocalFlow.Data.Entities;
using LocalFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Web.Pages.Conditions;

/// <summary>Delete a system condition and its evidence, after asking (audited; the demands and records themselves are untouched).</summary>
[Authorize(Policy = Policies.ConditionsEdit)]
public sealed class DeleteModel(LocalFlowDb db, CurrentUser current) : PageModel
{
    public SystemCondition Condition { get; private set; } = null!;
    public int EvidenceCount { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (current.LocalityId is not int locality || await SystemConditions.FindAsync(db, locality, id) is not { } c)
        {
            return NotFound();
        }
        Condition = c;
        EvidenceCount = await db.ConditionEvidence.CountAsync(e => e.LocalityId == locality && e.ConditionId == id);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (current.LocalityId is not int locality || !await SystemConditions.DeleteAsync(db, locality, id))
        {
            return NotFound();
        }
        TempData["Done"] = LocalFlow.Web.Resources.ConditionsText.Deleted;
        return Redirect("/Conditions");
    }
}
