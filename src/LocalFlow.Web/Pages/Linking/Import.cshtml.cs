using System.Text;
using LocalFlow.Analytics.Linking;
using LocalFlow.Data;
using LocalFlow.Data.Linking;
using LocalFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Web.Pages.Linking;

/// <summary>
/// Bringing in one agency's identity extract: upload, see which column is which and every problem by line,
/// then store it (all or nothing). The records are linked on the next run.
/// </summary>
[Authorize(Policy = Policies.LinkingManage)]
[LocalFlow.Web.Infrastructure.FileSizeLimit(ImportModel.MaxBytes)]
public sealed class ImportModel(LocalFlowDb db, CurrentUser current) : PageModel
{
    public const long MaxBytes = 20 * 1024 * 1024;

    [BindProperty]
    public string? Source { get; set; }

    [BindProperty]
    public int? AgencyId { get; set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public string? CsvText { get; set; }

    [BindProperty]
    public string? FileName { get; set; }

    public IReadOnlyList<(string Value, string Text)> Agencies { get; private set; } = [];
    public IdentityPreview? Preview { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostUploadAsync()
    {
        await LoadAsync();
        if (string.IsNullOrWhiteSpace(Source))
        {
            ModelState.AddModelError(nameof(Source), "Name the system the extract comes from, for example \"Police (Niche)\"");
        }
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), "Choose the extract: a CSV file with a header row");
        }
        else if (Upload.Length > MaxBytes)
        {
            ModelState.AddModelError(nameof(Upload), $"The file must be smaller than {MaxBytes / 1024 / 1024} MB; link larger extracts with the command line (localflow link)");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        using var reader = new StreamReader(Upload!.OpenReadStream(), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        CsvText = await reader.ReadToEndAsync();
        FileName = Path.GetFileName(Upload.FileName);
        await PreviewAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostStoreAsync()
    {
        await LoadAsync();
        if (current.LocalityId is not int locality || string.IsNullOrEmpty(CsvText) || string.IsNullOrWhiteSpace(Source))
        {
            ModelState.AddModelError(nameof(Upload), "Upload the extract again");
            return Page();
        }
        if (!await PreviewAsync() || Preview is not { CanStore: true } preview)
        {
            return Page();
        }
        var (added, updated) = await IdentityImport.StoreAsync(db, locality, AgencyId, FileName ?? "extract.csv", preview);
        TempData["Done"] = $"Stored {added:N0} new and {updated:N0} updated records from {preview.Source}. Link records now to find who they are about.";
        return RedirectToPage("/Linking/Index");
    }

    private async Task<bool> PreviewAsync()
    {
        if (current.LocalityId is not int locality)
        {
            ModelState.AddModelError(nameof(Upload), "Your sign-in is not linked to a locality");
            return false;
        }
        if (AgencyId is int agency && !Agencies.Any(a => a.Value == agency.ToString(System.Globalization.CultureInfo.InvariantCulture)))
        {
            ModelState.AddModelError(nameof(AgencyId), "Choose one of the agencies listed");
            return false;
        }
        try
        {
            Preview = await IdentityImport.PreviewAsync(db, locality, Source!, CsvText!);
            if (Preview.Records.Count == 0)
            {
                ModelState.AddModelError(nameof(Upload), "The file has a header row but no records");
                return false;
            }
            return true;
        }
        catch (LinkageInputException ex)
        {
            ModelState.AddModelError(nameof(Upload), ex.Message);
            CsvText = null;
            return false;
        }
    }

    private async Task LoadAsync()
        => Agencies = (await db.Agencies.AsNoTracking().OrderBy(a => a.Name).Select(a => new { a.Id, a.Name }).ToListAsync())
            .Select(a => (a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), a.Name)).ToList();
}
