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
/// from its records), the questions by stage, and savings only from approved questions, labelled as estimates.
/// </summary>
[Authorize(Policy = Policies.RedesignView)]
public sealed class IndexModel(LocalFlowDb db, CurrentUser current) : PageModel
{
    public RedesignProgramme Programme { get; private set; } = null!;
    public IReadOnlyList<StepStanding> Steps { get; private set; } = [];
    public ProgrammeFacts Facts { get; private set; } = null!;
    public PortfolioPage Totals { get; private set; } = null!;
    public IReadOnlyList<(CommissioningQuestion Question, CostBenefitResult? Worked)> Approved { get; private set; } = [];
    public bool MayWork { get; private set; }
    public bool MayManage { get; private set; }

    /// <summary>The sum of the approved questions' net present values (estimates), per price year and currency.</summary>
    public IReadOnlyList<(string Currency, int PriceYear, decimal Net, int Questions)> Savings { get; private set; } = [];

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
        Approved = await Portfolio.ApprovedAsync(db, locality, ct);
        Savings = Approved.Where(a => a.Worked is not null)
            .GroupBy(a => (a.Question.Currency ?? "", a.Question.PriceYear ?? 0))
            .Select(g => (g.Key.Item1, g.Key.Item2, g.Sum(a => a.Worked!.NetPresentValue), g.Count()))
            .OrderBy(s => s.Item2).ToList();
        MayWork = Policies.Allows(User, Policies.RedesignWork);
        MayManage = Policies.Allows(User, Policies.RedesignManage);
        return Page();
    }
}
