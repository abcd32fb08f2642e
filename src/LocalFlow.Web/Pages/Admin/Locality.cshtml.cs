using System.Text.RegularExpressions;
using LocalFlow.Data;
using LocalFlow.Data.Audit;
using LocalFlow.Data.Entities;
using LocalFlow.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Web.Pages.Admin;

public sealed partial class LocalityModel(LocalFlowDb db) : PageModel
{
    public sealed class StreetInput
    {
        public string? LocalityId { get; set; }
        public string? Name { get; set; }
        public string? Town { get; set; }
        public string? Postcodes { get; set; }
    }

    public sealed class LocalityInput
    {
        public string? Name { get; set; }
        public string? Description { get; set; }
    }

    [BindProperty]
    public StreetInput Street { get; set; } = new();

    [BindProperty]
    public LocalityInput NewLocality { get; set; } = new();

    public IReadOnlyList<Data.Entities.Locality> Localities { get; private set; } = [];

    /// <summary>A full UK postcode (outward and inward code), e.g. "NF1 2AB" or "B31 2AB".</summary>
    [GeneratedRegex(@"^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$")]
    public static partial Regex Postcode();

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostStreetAsync()
    {
        ModelState.Clear();
        var locality = int.TryParse(Street.LocalityId, out var lid) ? await db.Localities.FindAsync(lid) : null;
        if (locality is null)
        {
            ModelState.AddModelError("Street.LocalityId", AdminText.ChooseLocality);
        }
        var name = Street.Name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            ModelState.AddModelError("Street.Name", AdminText.EnterStreetName);
        }
        else if (locality is not null && await db.Streets.AnyAsync(s => s.LocalityId == locality.Id && s.Name == name))
        {
            ModelState.AddModelError("Street.Name", AdminText.StreetTaken);
        }
        if (string.IsNullOrWhiteSpace(Street.Town))
        {
            ModelState.AddModelError("Street.Town", AdminText.EnterTown);
        }
        var postcodes = (Street.Postcodes ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.ToUpperInvariant()).ToList();
        if (postcodes.Count == 0)
        {
            ModelState.AddModelError("Street.Postcodes", AdminText.EnterPostcode);
        }
        else if (postcodes.FirstOrDefault(p => !Postcode().IsMatch(p)) is { } bad)
        {
            ModelState.AddModelError("Street.Postcodes", Text.Format(AdminText.NotAPostcode, bad));
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }
        db.Streets.Add(new Street { LocalityId = locality!.Id, Name = name!, Town = Street.Town!.Trim(), Postcodes = string.Join(", ", postcodes) });
        AuditTrail.Add(db, AuditEventType.ReferenceDataChanged, AuditOperation.Create, nameof(Data.Entities.Street), name, locality.Id);
        await db.SaveChangesAsync();
        TempData["Done"] = Text.Format(AdminText.AddedTo, name, locality.Name);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostLocalityAsync()
    {
        ModelState.Clear();
        var name = NewLocality.Name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            ModelState.AddModelError("NewLocality.Name", AdminText.EnterLocalityName);
        }
        else if (await db.Localities.AnyAsync(l => l.Name == name))
        {
            ModelState.AddModelError("NewLocality.Name", AdminText.LocalityTaken);
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }
        db.Localities.Add(new Data.Entities.Locality { Name = name!, Description = NewLocality.Description?.Trim() ?? "" });
        AuditTrail.Add(db, AuditEventType.ReferenceDataChanged, AuditOperation.Create, nameof(Data.Entities.Locality), name, null);
        await db.SaveChangesAsync();
        TempData["Done"] = Text.Format(AdminText.Added, name);
        return RedirectToPage();
    }

    private async Task LoadAsync() => Localities = await db.Localities.Include(l => l.Streets).OrderBy(l => l.Name).ToListAsync();
}
