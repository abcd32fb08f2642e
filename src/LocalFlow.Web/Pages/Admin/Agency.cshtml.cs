using LocalFlow.Data;
using LocalFlow.Data.Audit;
using LocalFlow.Data.Entities;
using LocalFlow.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Web.Pages.Admin;

public sealed class AgencyModel(LocalFlowDb db) : PageModel
{
    public Agency Agency { get; private set; } = null!;

    [BindProperty]
    public string? TeamName { get; set; }

    [BindProperty]
    public string? NewName { get; set; }

    [BindProperty]
    public string? NewShortName { get; set; }

    public async Task<IActionResult> OnPostRenameAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        var name = NewName?.Trim();
        var shortName = NewShortName?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            ModelState.AddModelError(nameof(NewName), AdminText.EnterAgencyName);
        }
        else if (await db.Agencies.AnyAsync(a => a.Name == name && a.Id != id))
        {
            ModelState.AddModelError(nameof(NewName), AdminText.AgencyTaken);
        }
        if (string.IsNullOrEmpty(shortName))
        {
            ModelState.AddModelError(nameof(NewShortName), AdminText.EnterShortName);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var before = $"{Agency.Name} ({Agency.ShortName})";
        Agency.Name = name!;
        Agency.ShortName = shortName!;
        AuditTrail.Add(db, AuditEventType.ReferenceDataChanged, AuditOperation.Update, nameof(Agency), id.ToString(System.Globalization.CultureInfo.InvariantCulture), null, $"{before} → {name} ({shortName})");
        await db.SaveChangesAsync();
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        var name = TeamName?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            ModelState.AddModelError(nameof(TeamName), AdminText.EnterTeamName);
        }
        else if (name.Length > 200)
        {
            ModelState.AddModelError(nameof(TeamName), AdminText.NameTooLong);
        }
        else if (Agency.Teams.Any(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            ModelState.AddModelError(nameof(TeamName), AdminText.TeamTaken);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        Agency.Teams.Add(new Team { Name = name! });
        AuditTrail.Add(db, AuditEventType.ReferenceDataChanged, AuditOperation.Create, nameof(Team), $"{Agency.ShortName}: {name}", null);
        await db.SaveChangesAsync();
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(int id)
    {
        var agency = await db.Agencies.Include(a => a.Teams).SingleOrDefaultAsync(a => a.Id == id);
        if (agency is null)
        {
            return false;
        }
        Agency = agency;
        return true;
    }
}
