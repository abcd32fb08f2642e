using LocalFlow.Data;
using LocalFlow.Data.Redesign;
using LocalFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Web.Pages.Redesign;

/// <summary>Record a need of a community or of families, with its evidence: group members of equal standing, staff and citizens alike.</summary>
[Authorize(Policy = Policies.RedesignWork)]
public sealed class NewNeedModel(LocalFlowDb db, CurrentUser current) : PageModel
{
    [BindProperty]
    public NeedInput Input { get; set; } = new();

    public IReadOnlyList<(string Value, string Text)> Studies { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        try
        {
            var need = await Needs.AddAsync(db, current.LocalityId!.Value, Input, current.UserName, ct);
            TempData["Done"] = $"Need \"{need.Title}\" recorded.";
            return Redirect($"/Redesign/Need/{need.Id}");
        }
        catch (RedesignInputException ex)
        {
            RedesignText.AddErrors(ModelState, "Input.", ex);
            return Page();
        }
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
