using LocalFlow.Data;
using LocalFlow.Data.Redesign;
using LocalFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalFlow.Web.Pages.Redesign;

/// <summary>One commissioning strategy: its purpose, owner group, its questions with their plans, and its expected benefits as estimates.</summary>
[Authorize(Policy = Policies.RedesignView)]
public sealed class StrategyModel(LocalFlowDb db, CurrentUser current) : PageModel
{
    public StrategyView View { get; private set; } = null!;
    public bool MayDecide { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (current.LocalityId is not int locality || await Strategies.FindAsync(db, locality, id, ct) is not { } view)
        {
            return NotFound();
        }
        View = view;
        MayDecide = Policies.Allows(User, Policies.RedesignDecide);
        return Page();
    }
}
