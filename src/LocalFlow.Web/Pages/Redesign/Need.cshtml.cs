using LocalFlow.Data;
using LocalFlow.Data.Redesign;
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
