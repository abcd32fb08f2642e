using LocalFlow.Analytics.Redesign;
using LocalFlow.Data;
using LocalFlow.Data.Entities;
using LocalFlow.Data.Redesign;
using LocalFlow.Web.Resources;
using LocalFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalFlow.Web.Pages.Redesign;

/// <summary>The steering group's gateway decision on a question: go, hold or stop, always with a reason.</summary>
[Authorize(Policy = Policies.RedesignDecide)]
public sealed class GatewayModel(LocalFlowDb db, CurrentUser current) : PageModel
{
    [BindProperty]
    public GatewayDecision? Decision { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public int Version { get; set; }

    public CommissioningQuestion Question { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (current.LocalityId is not int locality || await Questions.FindAsync(db, locality, id, ct) is not { } q)
        {
            return NotFound();
        }
        Question = q;
        Version = q.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (current.LocalityId is not int locality || await Questions.FindAsync(db, locality, id, ct) is not { } q)
        {
            return NotFound();
        }
        Question = q;
        ModelState.Remove(nameof(Decision));
        try
        {
            var saved = await Gateways.DecideAsync(db, locality, id, Decision, Reason, Version, current.UserName, ct);
            if (saved is { Saved: false } refused)
            {
                ModelState.AddModelError(nameof(Decision), Text.Format(QuestionText.ChangedWhileDeciding, RedesignText.Stage(refused.Current.Stage), RedesignText.Status(refused.Current.Status).ToLowerInvariant()));
                Version = refused.Current.Version;
                ModelState.Remove(nameof(Version));
                return Page();
            }
            TempData["Done"] = QuestionText.Name("Recorded", Decision!.Value);
            return Redirect($"/Redesign/Question/{id}");
        }
        catch (RedesignInputException ex)
        {
            RedesignText.AddErrors(ModelState, "", ex);
            return Page();
        }
    }

    /// <summary>What "go" means from the question's stage.</summary>
    public string GoMeans => Gateway.Next(Question.Stage) is { } next ? QuestionText.Name("GoOnTo", next) : RedesignText.Decision(GatewayDecision.Go);
}
