using LocalFlow.Analytics.Flow.Formats;
using LocalFlow.Data;
using LocalFlow.Data.Entities;
using LocalFlow.Data.Flow;
using LocalFlow.Web.Infrastructure;
using LocalFlow.Web.Resources;
using LocalFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Web.Pages.Flow;

/// <summary>
/// Import an agency's activity records: choose the agency and upload a file (kept in the data folder's temp area);
/// for CSV, map its columns (prefilled from the agency's saved mapping, which can be saved again); preview the first
/// rows, every error with its row and the warnings; confirm, and the import runs in the background while its
/// progress page reloads itself. A file with errors stores nothing unless the valid rows alone are chosen.
/// </summary>
[Authorize(Policy = Policies.FlowImport)]
[RequestSizeLimit(RequestLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = RequestLimit)]
[LocalFlow.Web.Infrastructure.FileSizeLimit(ImportModel.MaxBytes)]
public sealed class ImportModel(LocalFlowDb db, CurrentUser current, FlowImportRunner runner) : PageModel
{
    /// <summary>The largest file accepted.</summary>
    public const long MaxBytes = 200L * 1024 * 1024;

    // Files a little over the limit still arrive, so that the page can say what the limit is.
    private const long RequestLimit = MaxBytes + (16L * 1024 * 1024);

    /// <summary>The kinds of file accepted, by how their names end.</summary>
    public static readonly string[] Extensions = [".csv", ".xes", ".xes.gz", ".jsonocel", ".json"];

    [BindProperty]
    public int? AgencyId { get; set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    /// <summary>The uploaded file being mapped and previewed.</summary>
    [BindProperty(SupportsGet = true, Name = "file")]
    public Guid? FileToken { get; set; }

    /// <summary>A saved mapping to start from.</summary>
    [BindProperty(SupportsGet = true)]
    public int? Saved { get; set; }

    [BindProperty]
    public Dictionary<string, string> Map { get; set; } = [];

    [BindProperty]
    public string? SourceSystem { get; set; }

    /// <summary>The value of the "Another system" choice of <see cref="SourceSystem"/>.</summary>
    public const string OtherSystem = "(another)";

    /// <summary>A source system typed in when the agency's own systems do not include the file's.</summary>
    [BindProperty]
    public string? OtherSourceSystem { get; set; }

    /// <summary>The source systems the agency's identities came from, offered as the choice of <see cref="SourceSystem"/>.</summary>
    public IReadOnlyList<AgencySourceSystem> SourceSystems { get; private set; } = [];

    [BindProperty]
    public string? TimeZone { get; set; }

    [BindProperty]
    public string? TimeFormat { get; set; }

    /// <summary>Source kind values and the kinds they mean, one "value = Kind" a line.</summary>
    [BindProperty]
    public string? Kinds { get; set; }

    [BindProperty]
    public bool SaveMapping { get; set; }

    [BindProperty]
    public string? SaveAs { get; set; }

    public IReadOnlyList<Agency> Agencies { get; private set; } = [];
    public FlowUpload? Uploaded { get; private set; }
    public Agency? Agency { get; private set; }
    public FlowFileFormat Format { get; private set; }
    public CsvPreview? Csv { get; private set; }
    public IReadOnlyList<FlowMapping> SavedMappings { get; private set; } = [];
    public FlowImportPreview? Preview { get; private set; }

    /// <summary>Field → label, hint, in the request's language, for the mapping form (the fields of <see cref="CsvMapping.Fields"/>).</summary>
    public static IReadOnlyList<(string Field, string Label, string Hint)> FieldLabels =>
    [
        ("person", FlowMappingText.FieldPerson, FlowMappingText.HintPerson),
        ("start", FlowMappingText.FieldStart, FlowMappingText.HintStart),
        ("kind", FlowMappingText.FieldKind, FlowMappingText.HintKind),
        ("sourceRecordId", FlowMappingText.FieldSourceRecordId, FlowMappingText.HintSourceRecordId),
        ("agency", FlowMappingText.FieldAgency, FlowMappingText.HintAgency),
        ("team", FlowMappingText.FieldTeam, FlowMappingText.HintMatchedByName),
        ("worker", FlowMappingText.FieldWorker, FlowMappingText.HintMatchedByName),
        ("subtype", FlowMappingText.FieldSubtype, ""),
        ("end", FlowMappingText.FieldEnd, ""),
        ("referredToAgency", FlowMappingText.FieldReferredToAgency, ""),
        ("referredToTeam", FlowMappingText.FieldReferredToTeam, ""),
        ("cost", FlowMappingText.FieldCost, FlowMappingText.HintCost),
        ("helped", FlowMappingText.FieldHelped, ""),
        ("helpedReason", FlowMappingText.FieldHelpedReason, FlowMappingText.HintHelpedReason),
        ("text", FlowMappingText.FieldText, ""),
        ("activity", FlowMappingText.FieldActivity, ""),
        ("sourceSystem", FlowImportText.SourceSystem, FlowMappingText.HintSourceSystem),
        ("lifecycle", FlowMappingText.FieldLifecycle, FlowMappingText.HintLifecycle),
    ];

    public async Task<IActionResult> OnGetAsync()
    {
        if (current.LocalityId is null)
        {
            return NotFound();
        }
        await LoadAsync();
        if (FileToken is not null)
        {
            if (Uploaded is null)
            {
                return NotFound();
            }
            Prefill();
        }
        return Page();
    }

    public async Task<IActionResult> OnPostUploadAsync(CancellationToken ct)
    {
        if (current.LocalityId is not int locality)
        {
            return NotFound();
        }
        FileToken = null;
        await LoadAsync();
        if (AgencyId is null || Agencies.All(a => a.Id != AgencyId))
        {
            ModelState.AddModelError(nameof(AgencyId), FlowMappingText.ChooseAgency);
        }
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), FlowMappingText.ChooseFile);
        }
        else if (Upload.Length > MaxBytes)
        {
            ModelState.AddModelError(nameof(Upload), Text.Format(FlowMappingText.FileTooBig, MaxBytes / 1024 / 1024));
        }
        else if (!Extensions.Any(e => Upload.FileName.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
        {
            ModelState.AddModelError(nameof(Upload), FlowMappingText.WrongType);
        }
        else if (runner.NoRoomFor(current.UserName, Upload.Length) is { } noRoom)
        {
            ModelState.AddModelError(nameof(Upload), noRoom);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var upload = await runner.SaveUploadAsync(Upload!, AgencyId!.Value, locality, current.UserName, ct);
        return Redirect($"/Flow/Import?file={upload.Token}");
    }

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        if (!await LoadUploadAsync())
        {
            return NotFound();
        }
        var request = await RequestAsync(ct);
        if (request is null)
        {
            return Page();
        }
        using (var slot = await runner.PreviewSlotAsync(TimeSpan.FromSeconds(5), ct))
        {
            if (slot is null)
            {
                ModelState.AddModelError("", Text.Format(FlowMappingText.PreviewsBusy, FlowImportRunner.PreviewsAtOnce));
                return Page();
            }
            Preview = await FlowImporter.PreviewAsync(db, request, ct);
        }
        // the import that follows stores what the preview read and checked, unless the choices change
        runner.KeepPrepared(Uploaded!, request, Preview);
        return Page();
    }

    public async Task<IActionResult> OnPostImportAsync(bool onlyValid, CancellationToken ct)
    {
        if (!await LoadUploadAsync())
        {
            return NotFound();
        }
        var request = await RequestAsync(ct);
        if (request is null)
        {
            return Page();
        }
        var job = await runner.EnqueueAsync(request with { AllowPartial = onlyValid }, Uploaded, current.UserName, current.UserId, ct);
        return Redirect($"/Flow/ImportProgress/{job.Id}");
    }

    private async Task LoadAsync()
    {
        Agencies = await db.Agencies.AsNoTracking().OrderBy(a => a.Name).ToListAsync();
        if (FileToken is { } token && current.LocalityId is int locality)
        {
            Uploaded = runner.FindUpload(token, current.UserName, locality);
            if (Uploaded is not null)
            {
                Agency = Agencies.FirstOrDefault(a => a.Id == Uploaded.AgencyId);
                Format = FlowImporter.FormatOf(Uploaded.FileName);
                if (Format == FlowFileFormat.Csv)
                {
                    await using var s = System.IO.File.OpenRead(runner.PathOf(Uploaded));
                    Csv = CsvActivityReader.Preview(s, rows: 5);
                }
                SavedMappings = await Data.Flow.SavedMappings.ForAgencyAsync(db, locality, Uploaded.AgencyId);
                SourceSystems = await AgencySourceSystems.ForAgencyAsync(db, locality, Uploaded.AgencyId);
            }
        }
    }

    private async Task<bool> LoadUploadAsync()
    {
        await LoadAsync();
        return Uploaded is not null && Agency is not null;
    }

    // The form starts from the chosen saved mapping, else an event log's own columns, else the agency's latest, else columns named like the fields.
    private void Prefill()
    {
        TimeZone = "Europe/London";
        SourceSystem = SourceSystems.FirstOrDefault()?.Name ?? Agency?.Name;
        SaveAs = $"{Agency?.ShortName} — {Path.GetFileNameWithoutExtension(Uploaded!.FileName)}";
        // An event log in the common process-mining convention (case:concept:name, time:timestamp...) maps itself,
        // unless a saved mapping is chosen.
        if (Saved is null && Csv is not null && CsvMapping.EventLog(Csv.Header, Agency!.Name) is { } eventLog)
        {
            Map = new Dictionary<string, string>(eventLog.Columns);
            return;
        }
        var saved = SavedMappings.FirstOrDefault(m => m.Id == Saved) ?? SavedMappings.FirstOrDefault();
        if (saved is not null && Format == FlowFileFormat.Csv)
        {
            Saved = saved.Id;
            SaveAs = saved.Name;
            var m = CsvMapping.FromJson(saved.MappingJson);
            Map = m.Columns.Where(c => Csv!.Header.Contains(c.Value, StringComparer.OrdinalIgnoreCase)).ToDictionary(c => c.Key, c => Csv!.Header.First(h => string.Equals(h, c.Value, StringComparison.OrdinalIgnoreCase)));
            SourceSystem = m.SourceSystem ?? SourceSystem;
            if (SourceSystems.Count > 0 && SourceSystems.All(x => x.Name != SourceSystem))
            {
                (SourceSystem, OtherSourceSystem) = (OtherSystem, SourceSystem);
            }
            TimeZone = m.TimeZone;
            TimeFormat = m.TimeFormat;
            Kinds = string.Join("\n", m.Kinds.Select(k => $"{k.Key} = {k.Value}"));
            return;
        }
        if (Csv is not null)
        {
            foreach (var (field, _, _) in FieldLabels)
            {
                var h = Csv.Header.FirstOrDefault(h => string.Equals(h.Replace(" ", "", StringComparison.Ordinal), field, StringComparison.OrdinalIgnoreCase));
                if (h is not null)
                {
                    Map[field] = h;
                }
            }
        }
    }

    /// <summary>The import request from the form; null (with the errors in ModelState) when the mapping cannot work.</summary>
    private async Task<FlowImportRequest?> RequestAsync(CancellationToken ct)
    {
        var sourceSystem = (SourceSystem == OtherSystem ? OtherSourceSystem : SourceSystem)?.Trim();
        if (SourceSystem == OtherSystem && string.IsNullOrEmpty(sourceSystem))
        {
            ModelState.AddModelError(nameof(OtherSourceSystem), Text.Format(FlowMappingText.TypeSourceSystem, Agency!.Name));
            return null;
        }
        sourceSystem = string.IsNullOrEmpty(sourceSystem) ? null : sourceSystem;
        CsvMapping? mapping = null;
        if (Format == FlowFileFormat.Csv)
        {
            var kinds = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var line in (Kinds ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var parts = line.Split('=', 2, StringSplitOptions.TrimEntries);
                if (parts.Length != 2 || parts[0].Length == 0)
                {
                    ModelState.AddModelError(nameof(Kinds), Text.Format(FlowMappingText.KindLine, line));
                    continue;
                }
                kinds[parts[0]] = parts[1];
            }
            mapping = new CsvMapping
            {
                Columns = Map.Where(kv => !string.IsNullOrEmpty(kv.Value) && CsvMapping.Fields.Contains(kv.Key, StringComparer.OrdinalIgnoreCase) && kv.Key != "household")
                    .ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.OrdinalIgnoreCase),
                Kinds = kinds,
                Agency = Map.GetValueOrDefault("agency") is { Length: > 0 } ? null : Agency!.Name,
                SourceSystem = sourceSystem,
                TimeZone = string.IsNullOrWhiteSpace(TimeZone) ? null : TimeZone.Trim(),
                TimeFormat = string.IsNullOrWhiteSpace(TimeFormat) ? null : TimeFormat.Trim(),
            };
            try
            {
                mapping.Validate();
            }
            catch (FlowFormatException ex)
            {
                ModelState.AddModelError("Map[person]", ex.Message);
            }
            if (SaveMapping && string.IsNullOrWhiteSpace(SaveAs))
            {
                ModelState.AddModelError(nameof(SaveAs), FlowMappingText.NameTheMapping);
            }
            if (!ModelState.IsValid)
            {
                return null;
            }
            if (SaveMapping)
            {
                var saved = await Data.Flow.SavedMappings.SaveAsync(db, Uploaded!.LocalityId, Agency!.Id, SaveAs!, mapping, ct);
                Saved = saved.Id;
                SavedMappings = await Data.Flow.SavedMappings.ForAgencyAsync(db, Uploaded.LocalityId, Agency.Id, ct);
                SaveMapping = false;
            }
        }
        return new FlowImportRequest
        {
            LocalityId = Uploaded!.LocalityId,
            Path = runner.PathOf(Uploaded),
            FileName = Uploaded.FileName,
            Mapping = mapping,
            Agency = Agency!.Name,
            SourceSystem = Format == FlowFileFormat.Csv ? null : sourceSystem,
        };
    }
}
