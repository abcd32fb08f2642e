using System.Globalization;
using LocalFlow.Analytics.Redesign;
using LocalFlow.Data;
using LocalFlow.Data.Entities;
using LocalFlow.Data.Redesign;
using LocalFlow.Web.Resources;
using LocalFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Web.Pages.Redesign;

/// <summary>
/// Make or change a commissioning strategy (the steering group): title, purpose, owner group and approved questions.
/// A question that is not approved is refused by number; what was typed is kept; a save that crossed another person's
/// is refused, showing their version.
/// </summary>
[Authorize(Policy = Policies.RedesignDecide)]
public sealed class EditStrategyModel(LocalFlowDb db, CurrentUser current) : PageModel
{
    [BindProperty]
    public StrategyInput Input { get; set; } = new();

    /// <summary>The strategy being changed, or null when making one.</summary>
    public StrategyView? Existing { get; private set; }

    /// <summary>The version someone else saved meanwhile, when this save was refused.</summary>
    public CommissioningStrategy? Theirs { get; private set; }

    public IReadOnlyList<(string Value, string Text)> Groups { get; private set; } = [];

    /// <summary>The approved questions that may be chosen, by number.</summary>
    public IReadOnlyList<(string Value, string Text)> Approved { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        if (Existing is { } e)
        {
            Input = new StrategyInput
            {
                Title = e.Strategy.Title,
                Purpose = e.Strategy.Purpose,
                OwnerGroupId = e.Strategy.OwnerGroupId,
                Questions = [.. e.Questions.Select(q => q.Question.Number)],
                Version = e.Strategy.Version,
            };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        try
        {
            var saved = await Strategies.SaveAsync(db, current.LocalityId!.Value, id, Input, current.UserName, ct);
            if (saved is null)
            {
                return NotFound();
            }
            if (!saved.Saved)
            {
                Theirs = saved.Strategy;
                RedesignText.SavedWhileEditing(ModelState, "Input.Title", saved.Strategy.UpdatedBy, ProgrammeText.ThisStrategy);
                Input.Version = saved.Strategy.Version;
                return Page();
            }
            TempData["Done"] = ProgrammeText.StrategySaved;
            return Redirect($"/Redesign/Strategy/{saved.Strategy.Id}");
        }
        catch (RedesignInputException ex)
        {
            RedesignText.AddErrors(ModelState, "Input.", ex);
            return Page();
        }
    }

    private async Task<bool> LoadAsync(Guid? id, CancellationToken ct)
    {
        if (current.LocalityId is not int locality)
        {
            return false;
        }
        if (id is Guid g)
        {
            Existing = await Strategies.FindAsync(db, locality, g, ct);
            if (Existing is null)
            {
                return false;
            }
        }
        Groups = await RaiseModel.GroupOptionsAsync(db, locality, ct);
        Approved = (await db.CommissioningQuestions.AsNoTracking()
                .Where(q => q.LocalityId == locality && q.Stage == QuestionStage.Approved && q.Status != QuestionStatus.Stopped)
                .OrderBy(q => q.Number).Select(q => new { q.Number, q.Title }).ToListAsync(ct))
            .Select(q => (q.Number.ToString(CultureInfo.InvariantCulture), Text.Format(QuestionText.NumberAndTitle, RedesignText.Number(q.Number), q.Title))).ToList();
        return true;
    }
}
