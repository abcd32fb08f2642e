using LocalFlow.Data;
using LocalFlow.Data.Entities;
using LocalFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Web.Pages.Conditions;

/// <summary>
/// "Add as evidence of a system condition" from a demand type, a record or a person's timeline: choose the
/// condition, then confirm on its evidence page with the item already chosen.
/// </summary>
[Authorize(Policy = Policies.ConditionsEdit)]
public sealed class ChooseModel(LocalFlowDb db, CurrentUser current) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Type { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Record { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Person { get; set; }

    public IReadOnlyList<SystemCondition> Conditions { get; private set; } = [];

    /// <summary>The query string that carries the chosen item to the evidence page.</summary>
    public string Carry { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        Carry = Type is int t ? $"?kind={EvidenceKind.DemandType}&type={t}"
            : Record is Guid r ? $"?kind={EvidenceKind.ActivityRecord}&record={r}"
            : Person is Guid p ? $"?kind={EvidenceKind.CaseHistory}&person={p}"
            : "";
        if (current.LocalityId is int locality)
        {
            Conditions = (await db.SystemConditions.AsNoTracking().Where(c => c.LocalityId == locality).ToListAsync())
                .OrderBy(c => c.Category).ThenBy(c => c.Title, StringComparer.CurrentCulture).ToList();
        }
        return Page();
    }
}
