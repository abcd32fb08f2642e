using LocalFlow.Data;
using LocalFlow.Data.Entities;
using LocalFlow.Data.Redesign;
using LocalFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalFlow.Web.Pages.Redesign;

/// <summary>The needs database: the needs of communities and families in plain words, each with its evidence in aggregate.</summary>
[Authorize(Policy = Policies.RedesignView)]
public sealed class NeedsModel(LocalFlowDb db, CurrentUser current) : PageModel
{
    /// <summary>"community" or "families" to show one kind; anything else shows both.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Who { get; set; }

    public IReadOnlyList<NeedView> Needs { get; private set; } = [];
    public bool MayWork { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (current.LocalityId is not int locality)
        {
            return NotFound();
        }
        NeedOf? who = Who switch { "community" => NeedOf.Community, "families" => NeedOf.Families, _ => null };
        Needs = await Data.Redesign.Needs.ListAsync(db, locality, who, ct);
        MayWork = Policies.Allows(User, Policies.RedesignWork);
        return Page();
    }
}
