using System.Text;
using LocalFlow.Analytics;
using LocalFlow.Data;
using LocalFlow.Data.Demands;
using LocalFlow.Web.Infrastructure;
using LocalFlow.Web.Resources;
using LocalFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace LocalFlow.Web.Pages.Demand;

/// <summary>
/// Import demands from CSV in three steps: choose a file; map its columns to LocalFlow's fields and preview every
/// row with its problems; import all (only when every row is valid) or only the valid rows, in one transaction.
/// </summary>
[Authorize(Policy = Policies.DemandStudy)]
[LocalFlow.Web.Infrastructure.FileSizeLimit(ImportModel.MaxBytes)]
public sealed class ImportModel(LocalFlowDb db, CurrentUser current) : StudyPageModel(db, current)
{
    /// <summary>The largest file accepted (a three-week study is well under 1 MB).</summary>
    public const long MaxBytes = 20 * 1024 * 1024;

    public override string StudyPage => "Import";

    [BindProperty]
    public IFormFile? Upload { get; set; }

    /// <summary>The file's text, carried between the steps in the form (nothing is stored until the import).</summary>
    [BindProperty]
    public string? CsvText { get; set; }

    [BindProperty]
    public string? FileName { get; set; }

    [BindProperty]
    public Dictionary<string, string> Map { get; set; } = [];

    public IReadOnlyList<string> Columns { get; private set; } = [];
    public ImportPreview? Preview { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id) => await LoadStudyAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostUploadAsync(int id)
    {
        if (!await LoadStudyAsync(id))
        {
            return NotFound();
        }
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), DemandStudyText.ChooseFile);
            return Page();
        }
        if (Upload.Length > MaxBytes)
        {
            ModelState.AddModelError(nameof(Upload), Text.Format(DemandStudyText.FileTooBig, MaxBytes / 1024 / 1024));
            return Page();
        }
        using var reader = new StreamReader(Upload.OpenReadStream(), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        CsvText = await reader.ReadToEndAsync();
        FileName = Path.GetFileName(Upload.FileName);
        var records = Data.Demands.CsvText.Read(CsvText);
        if (records.Count == 0)
        {
            ModelState.AddModelError(nameof(Upload), DemandStudyText.FileEmpty);
            CsvText = null;
            return Page();
        }
        Columns = records[0].Fields;
        Map = DemandCsv.GuessMapping(Columns);
        ModelState.Clear();
        return Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync(int id)
    {
        if (!await LoadStudyAsync(id))
        {
            return NotFound();
        }
        await PreviewAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostImportAsync(int id, bool onlyValid)
    {
        if (!await LoadStudyAsync(id))
        {
            return NotFound();
        }
        await PreviewAsync();
        if (Preview is null || Preview.FileErrors.Count > 0)
        {
            return Page();
        }
        if (Preview.Invalid > 0 && !onlyValid)
        {
            ModelState.AddModelError(string.Empty, Text.Format(Preview.Invalid == 1 ? DemandStudyText.RowsHaveProblemsOne : DemandStudyText.RowsHaveProblemsMany, Gov.Number(Preview.Invalid), Text.Count(Preview.Valid, DemandStudyText.ValidRowOne, DemandStudyText.ValidRowMany)));
            return Page();
        }
        var rows = Preview.Rows.Where(r => r.IsValid).Select(r => r.Input).ToList();
        try
        {
            var n = await Studies.ImportAsync(Study, rows, $"{FileName ?? "a CSV file"} (web import{(onlyValid && Preview.Invalid > 0 ? $", {Plural.Of(Preview.Invalid, "row")} left out" : "")})");
            TempData["Done"] = Text.Format(n == 1 ? DemandStudyText.ImportedOne : DemandStudyText.ImportedMany, Gov.Number(n), FileName) + (Preview.Invalid > 0 ? Text.Count(Preview.Invalid, DemandStudyText.LeftOutOne, DemandStudyText.LeftOutMany) : "");
            return Redirect($"/Demand/Demands/{id}");
        }
        catch (DemandInputException ex)
        {
            ModelState.AddModelError(string.Empty, Text.Format(DemandStudyText.NothingImported, ex.Message));
            return Page();
        }
    }

    /// <summary>A column's label in the request's language (<see cref="DemandCsv.Fields"/> holds the English).</summary>
    public static string FieldLabel(string field, string english) => field switch
    {
        "verbatim" => DemandStudyText.FieldVerbatim,
        "language" => DemandStudyText.FieldLanguage,
        "received_at" => DemandStudyText.FieldReceivedAt,
        "front_door" => DemandStudyText.FieldFrontDoor,
        "channel" => DemandStudyText.FieldChannel,
        "what_they_wanted" => DemandStudyText.FieldWhatTheyWanted,
        "value_or_failure" => DemandStudyText.FieldValueOrFailure,
        "failure_kind" => DemandStudyText.FieldFailureKind,
        "failure_other" => DemandStudyText.FieldFailureOther,
        "type" => DemandStudyText.FieldType,
        "what_happened" => DemandStudyText.FieldWhatHappened,
        "referred_to" => DemandStudyText.FieldReferredTo,
        "life_context" => DemandStudyText.FieldLifeContext,
        _ => english,
    };

    private async Task PreviewAsync()
    {
        var map = Map.Where(kv => !string.IsNullOrEmpty(kv.Value) && DemandCsv.Fields.Any(f => f.Field == kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value);
        Columns = Data.Demands.CsvText.Read(CsvText ?? "").FirstOrDefault().Fields ?? [];
        Preview = await DemandCsv.PreviewAsync(Db, Study, CsvText ?? "", map);
        foreach (var e in Preview.FileErrors)
        {
            ModelState.AddModelError(string.Empty, e);
        }
    }
}
