using System.Text;
using LocalFlow.Data;
using LocalFlow.Data.Redesign;
using LocalFlow.Analytics;
using LocalFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalFlow.Web.Pages.Redesign;

/// <summary>
/// Import the resource database's money or buildings from a CSV file: the file replaces the whole list, all or nothing.
/// A file with any problem is refused, every problem named by line and column, and nothing changes.
/// </summary>
[Authorize(Policy = Policies.RedesignResources)]
public sealed class ImportResourcesModel(LocalFlowDb db, CurrentUser current) : PageModel
{
    public const long MaxBytes = 5 * 1024 * 1024;

    [BindProperty]
    public string? Sheet { get; set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public IReadOnlyList<CsvProblem> Problems { get; private set; } = [];

    public IActionResult OnGet() => current.LocalityId is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (current.LocalityId is not int locality)
        {
            return NotFound();
        }
        ResourceSheet? sheet = Sheet switch { "money" => ResourceSheet.Money, "buildings" => ResourceSheet.Buildings, _ => null };
        if (sheet is null)
        {
            ModelState.AddModelError(nameof(Sheet), "Choose whether the file holds money or buildings.");
        }
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), "Choose a CSV file to import.");
        }
        else if (Upload.Length > MaxBytes)
        {
            ModelState.AddModelError(nameof(Upload), "The file must be 5 MB or smaller.");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        string text;
        using (var reader = new StreamReader(Upload!.OpenReadStream(), Encoding.UTF8, detectEncodingFromByteOrderMarks: true))
        {
            text = await reader.ReadToEndAsync(ct);
        }
        var result = await ResourceCsv.ImportAsync(db, locality, sheet!.Value, text, current.UserName, ct);
        if (!result.Done)
        {
            Problems = result.Problems;
            ModelState.AddModelError(nameof(Upload), $"The file was not imported and nothing changed: {Plural.Of(result.Problems.Count, "problem")} to put right, listed below.");
            return Page();
        }
        TempData["Done"] = $"{Plural.Of(result.Imported, sheet == ResourceSheet.Money ? "line of money" : "building", sheet == ResourceSheet.Money ? "lines of money" : "buildings")} imported; they replace the list there was.";
        return Redirect(sheet == ResourceSheet.Money ? "/Redesign/Resources#money" : "/Redesign/Resources#buildings");
    }
}
