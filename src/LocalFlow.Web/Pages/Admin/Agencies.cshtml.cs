using LocalFlow.Data;
using LocalFlow.Data.Audit;
using LocalFlow.Data.Entities;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Web.Pages.Admin;

public sealed class AgenciesModel(LocalFlowDb db) : PageModel
{
    public sealed class AgencyInput
    {
        public string? Name { get; set; }
        public string? ShortName { get; set; }
        public string? Kind { get; set; }
    }

    [BindProperty]
    public AgencyInput Input { get; set; } = new();

    public IReadOnlyList<Agency> Agencies { get; private set; } = [];

    public static string KindName(AgencyKind k) => k switch
    {
        AgencyKind.NhsTrust => "NHS trust",
        AgencyKind.GpPractice => "GP practice",
        AgencyKind.HousingProvider => "Housing provider",
        AgencyKind.FireAndRescue => "Fire and rescue",
        AgencyKind.AmbulanceService => "Ambulance service",
        AgencyKind.CentralGovernment => "Central government",
        _ => k.ToString(),
    };

    public static IEnumerable<(string, string)> KindOptions => Enum.GetValues<AgencyKind>().Select(k => (k.ToString(), KindName(k)));

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        var name = Input.Name?.Trim();
        var shortName = Input.ShortName?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            ModelState.AddModelError("Input.Name", "Enter the agency's name");
        }
        else if (name.Length > 200)
        {
            ModelState.AddModelError("Input.Name", "Name must be 200 characters or fewer");
        }
        else if (await db.Agencies.AnyAsync(a => a.Name == name))
        {
            ModelState.AddModelError("Input.Name", "There is already an agency with this name");
        }
        if (string.IsNullOrEmpty(shortName))
        {
            ModelState.AddModelError("Input.ShortName", "Enter a short name");
        }
        else if (shortName.Length > 30)
        {
            ModelState.AddModelError("Input.ShortName", "Short name must be 30 characters or fewer");
        }
        if (!Enum.TryParse<AgencyKind>(Input.Kind, out var kind) || !Enum.IsDefined(kind))
        {
            ModelState.AddModelError("Input.Kind", "Choose the kind of agency");
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }
        var agency = new Agency { Name = name!, ShortName = shortName!, Kind = kind };
        db.Agencies.Add(agency);
        AuditTrail.Add(db, AuditEventType.ReferenceDataChanged, AuditOperation.Create, nameof(Agency), name, null);
        await db.SaveChangesAsync();
        TempData["Done"] = $"{name} added";
        return RedirectToPage();
    }

    private async Task LoadAsync() => Agencies = await db.Agencies.Include(a => a.Teams).OrderBy(a => a.Name).ToListAsync();
}
