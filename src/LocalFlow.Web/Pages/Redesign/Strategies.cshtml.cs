using LocalFlow.Data;
using LocalFlow.Data.Redesign;
using LocalFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalFlow.Web.Pages.Redesign;

/// <summary>The commissioning strategies: approved questions brought together, with their expected benefits as estimates.</summary>
[Authorize(Policy = Policies.RedesignView)]
public sealed class StrategiesModel(LocalFlowDb db, CurrentUser current) : PageModel
{
    public IReadOnlyList<StrategyView> Strategies { get; private set; } = [];
    public bool MayDecide { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (current.LocalityId is not int locality)
        {
            return NotFound();
        }
        Strategies = await Data.Redesign.Strategies.ListAsync(db, locality, ct);
        MayDecide = Policies.Allows(User, Policies.RedesignDecide);
        return Page();
    }
}
