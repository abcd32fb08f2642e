using LocalFlow.Analytics.Redesign;
using LocalFlow.Data;
using LocalFlow.Data.Entities;
using LocalFlow.Data.Redesign;
using LocalFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalFlow.Web.Pages.Redesign;

/// <summary>
/// The programme overview: vision and principles, the ten steps with where the programme stands on each (worked out
/// from its records), the questions by stage, and savings only from the commissioning strategies (assembled from
/// approved questions), labelled as estimates.
/// </summary>
[Authorize(Policy = Policies.RedesignView)]
public sealed class IndexModel(LocalFlowDb db, CurrentUser current) : PageModel
{
    public RedesignProgramme Programme { get; private set; } = null!;
    public IReadOnlyList<StepStanding> Steps { get; private set; } = [];
    public ProgrammeFacts Facts { get; private set; } = null!;
    public PortfolioPage Totals { get; private set; } = null!;
    public bool MayWork { get; private set; }
    public bool MayManage { get; private set; }

    /// <summary>The expected benefits of every commissioning strategy together (estimates, each question once), per price year and currency.</summary>
    public StrategyBenefitTotals Savings { get; private set; } = new([], 0);

    /// <summary>How many strategies there are.</summary>
    public int Strategies { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (current.LocalityId is not int locality)
        {
            return NotFound();
        }
        Programme = await Data.Redesign.Programme.EnsureAsync(db, locality, ct);
        Facts = await Portfolio.FactsAsync(db, locality, Programme, ct);
        Steps = ProgrammeSteps.Place(Facts);
        Totals = await Portfolio.ListAsync(db, locality, new PortfolioFilter(), 1, ct);
        (Savings, Strategies) = await Data.Redesign.Strategies.AllBenefitsAsync(db, locality, ct);
        MayWork = Policies.Allows(User, Policies.RedesignWork);
        MayManage = Policies.Allows(User, Policies.RedesignManage);
        return Page();
    }
}
