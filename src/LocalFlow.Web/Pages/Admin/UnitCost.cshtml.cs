using System.Globalization;
using LocalFlow.Data;
using LocalFlow.Data.Audit;
using LocalFlow.Data.Entities;
using LocalFlow.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Web.Pages.Admin;

/// <summary>Change one unit cost (a new price year or a better source). The change is audited with old and new values.</summary>
public sealed class UnitCostModel(LocalFlowDb db) : PageModel
{
    [BindProperty]
    public UnitCostsModel.CostInput Input { get; set; } = new();

    public string AgencyName { get; private set; } = "";
    public string Kind { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var cost = await LoadAsync(id);
        if (cost is null)
        {
            return NotFound();
        }
        Input = new UnitCostsModel.CostInput
        {
            Description = cost.Description,
            Amount = cost.Amount.ToString("0.00", CultureInfo.InvariantCulture),
            PriceYear = cost.PriceYear.ToString(CultureInfo.InvariantCulture),
            Source = cost.Source,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        var cost = await LoadAsync(id);
        if (cost is null)
        {
            return NotFound();
        }
        var description = Input.Description?.Trim();
        if (string.IsNullOrEmpty(description))
        {
            ModelState.AddModelError("Input.Description", CostsText.EnterDescription);
        }
        if (!UnitCostsModel.TryParseAmount(Input.Amount, out var amount))
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
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var before = $"{cost.Description}: £{cost.Amount.ToString("0.00", CultureInfo.InvariantCulture)} ({cost.PriceYear})";
        cost.Description = description!;
        cost.Amount = amount;
        cost.PriceYear = year;
        cost.Source = Input.Source!.Trim();
        AuditTrail.Add(db, AuditEventType.ReferenceDataChanged, AuditOperation.Update, nameof(UnitCost), id.ToString(CultureInfo.InvariantCulture), null, $"{before} → {cost.Description}: £{cost.Amount.ToString("0.00", CultureInfo.InvariantCulture)} ({cost.PriceYear})");
        await db.SaveChangesAsync();
        TempData["Done"] = Text.Format(CostsText.SavedName, cost.Description);
        return Redirect("/Admin/UnitCosts");
    }

    private async Task<UnitCost?> LoadAsync(int id)
    {
        var cost = await db.UnitCosts.Include(c => c.Agency).SingleOrDefaultAsync(c => c.Id == id);
        if (cost is not null)
        {
            AgencyName = cost.Agency!.Name;
            Kind = cost.ActivityKind.ToString();
        }
        return cost;
    }
}
