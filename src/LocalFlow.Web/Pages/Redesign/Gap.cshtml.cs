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
/// Add what the workforce is missing (a skill, the agency that would hold it, how many people), or change or remove
/// it, as a building is: a save that crosses someone else's keeps what was typed. The operations are
/// <see cref="WorkforceGaps"/>; the page's text is in English and Welsh (<see cref="RedesignResourceText"/>).
/// </summary>
[Authorize(Policy = Policies.RedesignResources)]
public sealed class GapModel(LocalFlowDb db, CurrentUser current) : PageModel
{
    [BindProperty]
    public GapInput Input { get; set; } = new();

    /// <summary>The gap being changed; null when adding.</summary>
    public int? Id { get; private set; }
    /// <summary>The version someone else saved meanwhile, when this save was refused.</summary>
    public WorkforceGap? Theirs { get; private set; }
    /// <summary>The agencies serving the area (shared by every locality), by name.</summary>
    public IReadOnlyList<KeyValuePair<int, string>> Agencies { get; private set; } = [];

    public string? AgencyName(int? id) => id is int a ? Agencies.FirstOrDefault(x => x.Key == a).Value : null;

    private async Task LoadAgenciesAsync(CancellationToken ct)
        => Agencies = (await db.Agencies.AsNoTracking().Select(a => new { a.Id, a.Name }).ToListAsync(ct))
            .OrderBy(a => a.Name, StringComparer.Ordinal).Select(a => KeyValuePair.Create(a.Id, a.Name)).ToList();

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        if (current.LocalityId is not int locality)
        {
            return NotFound();
        }
        Id = id;
        if (id is int g)
        {
            if (await db.WorkforceGaps.AsNoTracking().SingleOrDefaultAsync(x => x.LocalityId == locality && x.Id == g, ct) is not { } gap)
            {
                return NotFound();
            }
            Input = GapInput.From(gap);
        }
        await LoadAgenciesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        if (current.LocalityId is not int locality)
        {
            return NotFound();
        }
        Id = id;
        try
        {
            if (await WorkforceGaps.SaveAsync(db, locality, id, Input, current.UserName, ct) is not { } saved)
            {
                return NotFound();
            }
            if (!saved.Saved)
            {
                Theirs = saved.Current;
                RedesignResourceText.SavedWhileEditing(ModelState, "Input.Skill", saved.Current.UpdatedBy, RedesignResourceText.GapThis);
                Input.Version = saved.Current.Version;
                await LoadAgenciesAsync(ct);
                return Page();
            }
            TempData["Done"] = Text.Format(id is null ? RedesignResourceText.GapAdded : RedesignResourceText.GapSaved, saved.Current.Skill);
            return Redirect("/Redesign/Resources#gaps");
        }
        catch (RedesignInputException ex)
        {
            foreach (var (field, message) in ex.Errors)
            {
                ModelState.AddModelError("Input." + char.ToUpperInvariant(field[0]) + field[1..], message);
            }
            await LoadAgenciesAsync(ct);
            return Page();
        }
    }

    public async Task<IActionResult> OnPostRemoveAsync(int? id, CancellationToken ct)
    {
        if (current.LocalityId is not int locality || id is not int g || !await WorkforceGaps.RemoveAsync(db, locality, g, ct))
        {
            return NotFound();
        }
        TempData["Done"] = RedesignResourceText.GapRemoved;
        return Redirect("/Redesign/Resources#gaps");
    }
}
