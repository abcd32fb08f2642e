using System.Text;
using LocalFlow.Analytics.Linking;
using LocalFlow.Data;
using LocalFlow.Data.Linking;
using LocalFlow.Web.Resources;
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
            ModelState.AddModelError(nameof(Source), LinkingRecordsText.NameTheSystem);
        }
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), LinkingRecordsText.ChooseExtract);
        }
        else if (Upload.Length > MaxBytes)
        {
            ModelState.AddModelError(nameof(Upload), Text.Format(LinkingRecordsText.FileTooBig, MaxBytes / 1024 / 1024));
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
            ModelState.AddModelError(nameof(Upload), LinkingRecordsText.UploadAgain);
            return Page();
        }
        if (!await PreviewAsync() || Preview is not { CanStore: true } preview)
        {
            return Page();
        }
        var (added, updated) = await IdentityImport.StoreAsync(db, locality, AgencyId, FileName ?? "extract.csv", preview);
        TempData["Done"] = Text.Format(LinkingRecordsText.StoredDone, added, updated, preview.Source);
        return RedirectToPage("/Linking/Index");
    }

    private async Task<bool> PreviewAsync()
    {
        if (current.LocalityId is not int locality)
        {
            ModelState.AddModelError(nameof(Upload), LinkingRecordsText.NoLocality);
            return false;
        }
        if (AgencyId is int agency && !Agencies.Any(a => a.Value == agency.ToString(System.Globalization.CultureInfo.InvariantCulture)))
        {
            ModelState.AddModelError(nameof(AgencyId), LinkingRecordsText.ChooseListedAgency);
            return false;
        }
        try
        {
            Preview = await IdentityImport.PreviewAsync(db, locality, Source!, CsvText!);
            if (Preview.Records.Count == 0)
            {
                ModelState.AddModelError(nameof(Upload), LinkingRecordsText.NoRecordsInFile);
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
