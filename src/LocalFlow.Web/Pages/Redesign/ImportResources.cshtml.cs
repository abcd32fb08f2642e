using System.Text;
using LocalFlow.Data;
using LocalFlow.Data.Redesign;
using LocalFlow.Web.Resources;
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
            ModelState.AddModelError(nameof(Sheet), RedesignResourceText.ImportChooseSheet);
        }
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), RedesignResourceText.ImportChooseFile);
        }
        else if (Upload.Length > MaxBytes)
        {
            ModelState.AddModelError(nameof(Upload), RedesignResourceText.ImportTooBig);
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
            ModelState.AddModelError(nameof(Upload), Text.Count(result.Problems.Count, RedesignResourceText.ImportRefusedOne, RedesignResourceText.ImportRefusedMany));
            return Page();
        }
        TempData["Done"] = sheet == ResourceSheet.Money
            ? Text.Count(result.Imported, RedesignResourceText.ImportedMoneyOne, RedesignResourceText.ImportedMoneyMany)
            : Text.Count(result.Imported, RedesignResourceText.ImportedBuildingsOne, RedesignResourceText.ImportedBuildingsMany);
        return Redirect(sheet == ResourceSheet.Money ? "/Redesign/Resources#money" : "/Redesign/Resources#buildings");
    }
}
