using LocalFlow.Data;
using LocalFlow.Data.Redesign;
using LocalFlow.Web.Resources;
using LocalFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Web.Pages.Redesign;

/// <summary>Add a commissioning group, or change one's name and remit.</summary>
[Authorize(Policy = Policies.RedesignGroups)]
public sealed class GroupModel(LocalFlowDb db, CurrentUser current) : PageModel
{
    [BindProperty]
    public GroupInput Input { get; set; } = new();

    /// <summary>The group being changed; null when adding.</summary>
    public int? Id { get; private set; }
    /// <summary>The version someone else saved meanwhile, when this save was refused.</summary>
    public LocalFlow.Data.Entities.CommissioningGroup? Theirs { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        if (current.LocalityId is not int locality)
        {
            return NotFound();
        }
        Id = id;
        if (id is int g)
        {
            if (await db.CommissioningGroups.AsNoTracking().SingleOrDefaultAsync(x => x.LocalityId == locality && x.Id == g, ct) is not { } group)
            {
                return NotFound();
            }
            Input = GroupInput.From(group);
        }
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
            if (await Groups.SaveGroupAsync(db, locality, id, Input, current.UserName, ct) is not { } result)
            {
                return NotFound();
            }
            var saved = result.Current;
            if (!result.Saved)
            {
                Theirs = saved;
                RedesignResourceText.SavedWhileEditing(ModelState, "Input.Name", saved.UpdatedBy, RedesignResourceText.GroupThis);
                Input.Version = saved.Version;
                return Page();
            }
            TempData["Done"] = Text.Format(id is null ? RedesignResourceText.GroupAdded : RedesignResourceText.GroupSaved, saved.Name);
            return Redirect($"/Redesign/Groups#group-{saved.Id}");
        }
        catch (RedesignInputException ex)
        {
            RedesignText.AddErrors(ModelState, "Input.", ex);
            return Page();
        }
    }
}
