using LocalFlow.Data;
using LocalFlow.Data.Audit;
using LocalFlow.Data.Entities;
using LocalFlow.Web.Resources;
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

    /// <summary>A kind of agency in the request's language.</summary>
    public static string KindName(AgencyKind k) => AdminText.AgencyKindName(k);

    public static IEnumerable<(string, string)> KindOptions => Enum.GetValues<AgencyKind>().Select(k => (k.ToString(), KindName(k)));

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        var name = Input.Name?.Trim();
        var shortName = Input.ShortName?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            ModelState.AddModelError("Input.Name", AdminText.EnterAgencyName);
        }
        else if (name.Length > 200)
        {
            ModelState.AddModelError("Input.Name", AdminText.NameTooLong);
        }
        else if (await db.Agencies.AnyAsync(a => a.Name == name))
        {
            ModelState.AddModelError("Input.Name", AdminText.AgencyTaken);
        }
        if (string.IsNullOrEmpty(shortName))
        {
            ModelState.AddModelError("Input.ShortName", AdminText.EnterShortName);
        }
        else if (shortName.Length > 30)
        {
            ModelState.AddModelError("Input.ShortName", AdminText.ShortNameTooLong);
        }
        if (!Enum.TryParse<AgencyKind>(Input.Kind, out var kind) || !Enum.IsDefined(kind))
        {
            ModelState.AddModelError("Input.Kind", AdminText.ChooseKindOfAgency);
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
        TempData["Done"] = Text.Format(AdminText.Added, name);
        return RedirectToPage();
    }

    private async Task LoadAsync() => Agencies = await db.Agencies.Include(a => a.Teams).OrderBy(a => a.Name).ToListAsync();
}
