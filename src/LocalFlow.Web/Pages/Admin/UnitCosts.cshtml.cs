using System.Globalization;
using LocalFlow.Analytics.Flow;
using LocalFlow.Data;
using LocalFlow.Data.Audit;
using LocalFlow.Data.Entities;
using LocalFlow.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Web.Pages.Admin;

public sealed class UnitCostsModel(LocalFlowDb db) : PageModel
{
    public sealed class CostInput
    {
        public string? AgencyId { get; set; }
        public string? Kind { get; set; }
        public string? Description { get; set; }
        public string? Amount { get; set; }
        public string? PriceYear { get; set; }
        public string? Source { get; set; }
    }

    [BindProperty]
    public CostInput Input { get; set; } = new();

    public IReadOnlyList<UnitCost> Costs { get; private set; } = [];
    public IReadOnlyList<(string, string)> AgencyOptions { get; private set; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    /// <summary>Pounds as people type them: "120.50", "£1,200", "45". Rounded to pence; between £0 and £10 million.</summary>
    public static bool TryParseAmount(string? text, out decimal amount)
    {
        var ok = decimal.TryParse(text?.Trim().TrimStart('£').Replace(",", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out amount)
            && amount >= 0 && amount <= 10_000_000;
        amount = decimal.Round(amount, 2);
        return ok;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!int.TryParse(Input.AgencyId, NumberStyles.None, CultureInfo.InvariantCulture, out var agencyId) || await db.Agencies.FindAsync(agencyId) is null)
        {
            ModelState.AddModelError("Input.AgencyId", AdminText.ChooseAgency);
        }
        if (!Enum.TryParse<ActivityKind>(Input.Kind, out var kind) || !Enum.IsDefined(kind))
        {
            ModelState.AddModelError("Input.Kind", CostsText.ChooseKindOfActivity);
        }
        var description = Input.Description?.Trim();
        if (string.IsNullOrEmpty(description))
        {
            ModelState.AddModelError("Input.Description", CostsText.EnterDescription);
        }
        if (!TryParseAmount(Input.Amount, out var amount))
        {
            ModelState.AddModelError("Input.Amount", CostsText.EnterAmount);
        }
        if (!int.TryParse(Input.PriceYear, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < 1990 || year > 2100)
        {
            ModelState.AddModelError("Input.PriceYear", CostsText.EnterPriceYear);
        }
        if (string.IsNullOrWhiteSpace(Input.Source))
        {
            ModelState.AddModelError("Input.Source", CostsText.EnterSource);
        }
        if (ModelState.IsValid && await db.UnitCosts.AnyAsync(c => c.AgencyId == agencyId && c.ActivityKind == kind && c.Description == description))
        {
            ModelState.AddModelError("Input.Description", CostsText.CostTaken);
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }
        db.UnitCosts.Add(new UnitCost { AgencyId = agencyId, ActivityKind = kind, Description = description!, Amount = amount, PriceYear = year, Source = Input.Source!.Trim() });
        AuditTrail.Add(db, AuditEventType.ReferenceDataChanged, AuditOperation.Create, nameof(UnitCost), description, null, $"£{amount} ({year})");
        await db.SaveChangesAsync();
        TempData["Done"] = Text.Format(AdminText.Added, description);
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        Costs = await db.UnitCosts.Include(c => c.Agency).OrderBy(c => c.Agency!.Name).ThenBy(c => c.Description).ToListAsync();
        AgencyOptions = (await db.Agencies.OrderBy(a => a.Name).ToListAsync()).Select(a => (a.Id.ToString(CultureInfo.InvariantCulture), a.Name)).ToList();
    }
}
