using LocalFlow.Data;
using LocalFlow.Data.LocalityWork;
using LocalFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Web.Pages.Locality;

/// <summary>The team writes its common purpose and principles (the one home for both). Two people editing at once lose nothing.</summary>
[Authorize(Policy = Policies.LocalityWork)]
public sealed class PurposeModel(LocalFlowDb db, CurrentUser current) : PageModel
{
    [BindProperty] public string? Purpose { get; set; }
    [BindProperty] public string? Principles { get; set; }
    [BindProperty] public int Version { get; set; }

    /// <summary>What someone else saved first, shown beside what this user typed.</summary>
    public string? Theirs { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await TeamAsync() is not { } team)
        {
            return NotFound();
        }
        Purpose = team.Purpose;
        Principles = team.Principles;
        Version = team.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await TeamAsync() is not { } team)
        {
            return NotFound();
        }
        try
        {
            await new Supports(db).EditPurposeAsync(team, Version, Purpose ?? "", Principles ?? "");
        }
        catch (LocalityInputException ex)
        {
            ModelState.AddModelError(nameof(Purpose), ex.Message);
            return Page();
        }
        catch (EditConflictException ex)
        {
            ModelState.AddModelError(nameof(Purpose), ex.Message);
            Theirs = ex.Theirs;
            // The next save is against what is stored now; what this user typed stays in the boxes.
            Version = team.Version;
            ModelState.Remove(nameof(Version));
            return Page();
        }
        return Redirect("/Locality");
    }

    private async Task<LocalFlow.Data.Entities.LocalityTeam?> TeamAsync()
        => current.LocalityId is int locality ? await db.LocalityTeams.SingleOrDefaultAsync(t => t.LocalityId == locality) : null;
}
