using LocalFlow.Data;
using LocalFlow.Data.Entities;
using LocalFlow.Data.Redesign;
using LocalFlow.Web.Resources;
using LocalFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalFlow.Web.Pages.Redesign;

/// <summary>Change a question's words, feasibility finding and plan. When someone saved first, both versions are shown and nothing typed is lost.</summary>
[Authorize(Policy = Policies.RedesignWork)]
public sealed class EditModel(LocalFlowDb db, CurrentUser current) : PageModel
{
    [BindProperty]
    public QuestionInput Input { get; set; } = new();

    public CommissioningQuestion Question { get; private set; } = null!;
    /// <summary>The version someone else saved meanwhile, when this save was refused.</summary>
    public CommissioningQuestion? Theirs { get; private set; }
    public IReadOnlyList<(string Value, string Text)> Groups { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (current.LocalityId is not int locality || await Questions.FindAsync(db, locality, id, ct) is not { } q)
        {
            return NotFound();
        }
        Question = q;
        Input = QuestionInput.From(q);
        Groups = await RaiseModel.GroupOptionsAsync(db, locality, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (current.LocalityId is not int locality || await Questions.FindAsync(db, locality, id, ct) is not { } q)
        {
            return NotFound();
        }
        Question = q;
        Groups = await RaiseModel.GroupOptionsAsync(db, locality, ct);
        try
        {
            var saved = await Questions.SaveAsync(db, locality, id, Input, current.UserName, ct);
            if (saved is { Saved: false } refused)
            {
                Theirs = refused.Current;
                RedesignText.SavedWhileEditing(ModelState, "Input.Title", refused.Current.UpdatedBy ?? refused.Current.RaisedBy, QuestionText.ThisQuestion);
                Input.Version = refused.Current.Version;
                return Page();
            }
            TempData["Done"] = QuestionText.QuestionSaved;
            return Redirect($"/Redesign/Question/{id}");
        }
        catch (RedesignInputException ex)
        {
            RedesignText.AddErrors(ModelState, "Input.", ex);
            return Page();
        }
    }
}
