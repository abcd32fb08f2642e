using LocalFlow.Data;
using LocalFlow.Data.Redesign;
using LocalFlow.Web.Resources;
using LocalFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Web.Pages.Redesign;

/// <summary>
/// Record a need of a community or of families, with its evidence, or change or remove one: group members of equal
/// standing, staff and citizens alike. A change that crosses someone else's keeps what was typed.
/// </summary>
[Authorize(Policy = Policies.RedesignWork)]
public sealed class NewNeedModel(LocalFlowDb db, CurrentUser current) : PageModel
{
    [BindProperty]
    public NeedInput Input { get; set; } = new();

    public IReadOnlyList<(string Value, string Text)> Studies { get; private set; } = [];
    /// <summary>The need being changed; null when recording one.</summary>
    public Guid? Id { get; private set; }
    /// <summary>The version someone else saved meanwhile, when this change was refused.</summary>
    public Data.Entities.Need? Theirs { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        Id = id;
        if (id is Guid g)
        {
            if (await db.Needs.AsNoTracking().SingleOrDefaultAsync(n => n.LocalityId == current.LocalityId && n.Id == g, ct) is not { } need)
            {
                return NotFound();
            }
            Input = NeedInput.From(need);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        Id = id;
        try
        {
            if (await Needs.SaveAsync(db, current.LocalityId!.Value, id, Input, current.UserName, ct) is not { } saved)
            {
                return NotFound();
            }
            if (!saved.Saved)
            {
                Theirs = saved.Current;
                RedesignResourceText.SavedWhileEditing(ModelState, "Input.Title", saved.Current.UpdatedBy.Length > 0 ? saved.Current.UpdatedBy : saved.Current.RecordedBy, RedesignResourceText.NeedThis);
                Input.Version = saved.Current.Version;
                return Page();
            }
            TempData["Done"] = Text.Format(id is null ? RedesignResourceText.NeedRecorded : RedesignResourceText.NeedSaved, saved.Current.Title);
            return Redirect($"/Redesign/Need/{saved.Current.Id}");
        }
        catch (RedesignInputException ex)
        {
            RedesignText.AddErrors(ModelState, "Input.", ex);
            return Page();
        }
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid? id, CancellationToken ct)
    {
        if (current.LocalityId is not int locality || id is not Guid g || !await Needs.RemoveAsync(db, locality, g, ct))
        {
            return NotFound();
        }
        TempData["Done"] = RedesignResourceText.NeedRemoved;
        return Redirect("/Redesign/Needs");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (current.LocalityId is not int locality)
        {
            return false;
        }
        Studies = (await db.DemandStudies.AsNoTracking().Where(s => s.LocalityId == locality).OrderBy(s => s.Service).Select(s => new { s.Id, s.Service }).ToListAsync(ct))
            .Select(s => (s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), s.Service)).ToList();
        return true;
    }
}
