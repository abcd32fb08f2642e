using LocalFlow.Analytics.Redesign;
using LocalFlow.Data;
using LocalFlow.Web.Resources;
using LocalFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalFlow.Web.Pages.Redesign;

/// <summary>
/// The dynamic change jigsaw as a diagnostic: each person answers the nine pieces; the page shows which pieces are
/// missing across everyone's answers and the symptom each missing piece produces, with the change curve alongside.
/// </summary>
[Authorize(Policy = Policies.RedesignView)]
public sealed class JigsawModel(LocalFlowDb db, CurrentUser current) : PageModel
{
    /// <summary>This person's answers, by piece.</summary>
    [BindProperty]
    public Dictionary<JigsawPiece, JigsawAnswer> Answers { get; set; } = [];

    public IReadOnlyList<JigsawPieceResult> Results { get; private set; } = [];
    public bool MayAnswer { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (current.LocalityId is not int locality)
        {
            return NotFound();
        }
        if (current.UserId is int user)
        {
            Answers = await Data.Redesign.Jigsaw.MineAsync(db, locality, user, ct);
        }
        await LoadAsync(locality, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (current.LocalityId is not int locality || current.UserId is not int user)
        {
            return NotFound();
        }
        if (!Policies.Allows(User, Policies.RedesignWork))
        {
            return Forbid();
        }
        if (Answers.Count == 0)
        {
            ModelState.AddModelError("Answers[" + ChangeJigsaw.Pieces[0] + "]", JigsawText.AnswerOne);
            await LoadAsync(locality, ct);
            return Page();
        }
        await Data.Redesign.Jigsaw.AnswerAsync(db, locality, user, Answers, ct);
        TempData["Done"] = JigsawText.AnswersSaved;
        return Redirect("/Redesign/Jigsaw#diagnosis");
    }

    private async Task LoadAsync(int locality, CancellationToken ct)
    {
        Results = await Data.Redesign.Jigsaw.DiagnoseAsync(db, locality, ct);
        MayAnswer = Policies.Allows(User, Policies.RedesignWork);
    }
}
