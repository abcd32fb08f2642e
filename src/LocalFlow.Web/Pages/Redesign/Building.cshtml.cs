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

/// <summary>Add a building or asset to the resource database, or change or remove one. A save that crosses someone else's keeps what was typed.</summary>
[Authorize(Policy = Policies.RedesignResources)]
public sealed class BuildingModel(LocalFlowDb db, CurrentUser current) : PageModel
{
    [BindProperty]
    public BuildingInput Input { get; set; } = new();

    /// <summary>The building being changed; null when adding.</summary>
    public Guid? Id { get; private set; }
    /// <summary>The version someone else saved meanwhile, when this save was refused.</summary>
    public ResourceBuilding? Theirs { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        if (current.LocalityId is not int locality)
        {
            return NotFound();
        }
        Id = id;
        if (id is Guid g)
        {
            if (await db.ResourceBuildings.AsNoTracking().SingleOrDefaultAsync(b => b.LocalityId == locality && b.Id == g, ct) is not { } b)
            {
                return NotFound();
            }
            Input = BuildingInput.From(b);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        if (current.LocalityId is not int locality)
        {
            return NotFound();
        }
        Id = id;
        try
        {
            var saved = await ResourceDatabase.SaveBuildingAsync(db, locality, id, Input, current.UserName, ct);
            if (saved is null)
            {
                return NotFound();
            }
            if (!saved.Saved)
            {
                Theirs = saved.Current;
                RedesignResourceText.SavedWhileEditing(ModelState, "Input.Name", saved.Current.UpdatedBy, RedesignResourceText.BuildingThis);
                Input.Version = saved.Current.Version;
                return Page();
            }
            TempData["Done"] = Text.Format(id is null ? RedesignResourceText.BuildingAdded : RedesignResourceText.BuildingSaved, saved.Current.Name);
            return Redirect("/Redesign/Resources#buildings");
        }
        catch (RedesignInputException ex)
        {
            foreach (var (field, message) in ex.Errors)
            {
                // The operation names fields as the CSV's columns: opening_hours is Input.OpeningHours.
                ModelState.AddModelError("Input." + string.Concat(field.Split('_').Select(w => char.ToUpperInvariant(w[0]) + w[1..])), message);
            }
            return Page();
        }
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid? id, CancellationToken ct)
    {
        if (current.LocalityId is not int locality || id is not Guid g || !await ResourceDatabase.RemoveBuildingAsync(db, locality, g, ct))
        {
            return NotFound();
        }
        TempData["Done"] = RedesignResourceText.BuildingRemoved;
        return Redirect("/Redesign/Resources#buildings");
    }
}
