using LocalFlow.Data;
using LocalFlow.Analytics.Redesign;
using LocalFlow.Data.Redesign;
using LocalFlow.Web.Resources;
using LocalFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Web.Pages.Redesign;

/// <summary>One need with its evidence, the questions raised from it, and a way to raise another.</summary>
[Authorize(Policy = Policies.RedesignView)]
public sealed class NeedModel(LocalFlowDb db, CurrentUser current) : PageModel
{
    public NeedView View { get; private set; } = null!;
    public IReadOnlyList<(Guid Id, int Number, string Title)> Questions { get; private set; } = [];
    public bool MayWork { get; private set; }

    /// <summary>"Transition (16 to 17)", or "Transition (16 to 17) to Young adults (18 to 24)": where a need is placed on the pathway.</summary>
    public static string Span(LifeStage first, LifeStage last)
    {
        string One(LifeStage s) => Text.Format(RedesignResourceText.StageSpan, PathwayModel.StageName(s), PathwayModel.StageAges(s));
        return last == first ? One(first) : Text.Format(RedesignResourceText.StageTo, One(first), One(last));
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (current.LocalityId is not int locality || await Needs.FindAsync(db, locality, id, ct) is not { } view)
        {
            return NotFound();
        }
        View = view;
        Questions = (await db.CommissioningQuestions.AsNoTracking().Where(q => q.LocalityId == locality && q.NeedId == id).OrderBy(q => q.Number)
            .Select(q => new { q.Id, q.Number, q.Title }).ToListAsync(ct)).Select(q => (q.Id, q.Number, q.Title)).ToList();
        MayWork = Policies.Allows(User, Policies.RedesignWork);
        return Page();
    }
}
