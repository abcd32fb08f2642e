using System.Globalization;
using LocalFlow.Data;
using LocalFlow.Data.Audit;
using LocalFlow.Data.Entities;
using LocalFlow.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Web.Pages.Admin;

/// <summary>The price index that restates costs at a chosen year: add a year or change one. Every change is audited with old and new values.</summary>
public sealed class PriceIndexModel(LocalFlowDb db) : PageModel
{
    public sealed class YearInput
    {
        public string? Year { get; set; }
        public string? Value { get; set; }
        public string? Source { get; set; }
    }

    [BindProperty]
    public YearInput Input { get; set; } = new();

    public IReadOnlyList<PriceIndexYear> Years { get; private set; } = [];

    public async Task OnGetAsync(int? year)
    {
        await LoadAsync();
        if (year is { } y && Years.FirstOrDefault(r => r.Year == y) is { } row)
        {
            Input = new YearInput { Year = Text(row.Year), Value = row.Value.ToString("0.####", CultureInfo.InvariantCulture), Source = row.Source };
        }
        else
        {
            Input.Source = Years.LastOrDefault()?.Source;
        }
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!int.TryParse(Input.Year?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < 1900 || year > 2100)
        {
            ModelState.AddModelError("Input.Year", CostsText.EnterYear);
        }
        if (!decimal.TryParse(Input.Value?.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || value <= 0 || value > 100_000 || decimal.Round(value, 4) != value)
        {
            ModelState.AddModelError("Input.Value", CostsText.EnterIndex);
        }
        if (string.IsNullOrWhiteSpace(Input.Source))
        {
            ModelState.AddModelError("Input.Source", CostsText.EnterIndexSource);
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }
        var source = Input.Source!.Trim();
        var row = await db.PriceIndex.FindAsync(year);
        if (row is null)
        {
            db.PriceIndex.Add(new PriceIndexYear { Year = year, Value = value, Source = source });
            AuditTrail.Add(db, AuditEventType.ReferenceDataChanged, AuditOperation.Create, nameof(PriceIndexYear), Text(year), null, $"{Text(year)}: {Text(value)}");
            TempData["Done"] = Resources.Text.Format(CostsText.YearAdded, Text(year));
        }
        else
        {
            AuditTrail.Add(db, AuditEventType.ReferenceDataChanged, AuditOperation.Update, nameof(PriceIndexYear), Text(year), null, $"{Text(year)}: {Text(row.Value)} → {Text(value)}");
            row.Value = value;
            row.Source = source;
            TempData["Done"] = Resources.Text.Format(CostsText.YearChanged, Text(year));
        }
        await db.SaveChangesAsync();
        return RedirectToPage();
    }

    private static string Text(int year) => year.ToString(CultureInfo.InvariantCulture);

    private static string Text(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    private async Task LoadAsync() => Years = await db.PriceIndex.AsNoTracking().OrderBy(y => y.Year).ToListAsync();
}
