using LocalFlow.Data;
using LocalFlow.Data.Entities;
using LocalFlow.Data.Measures;
using LocalFlow.Web.Infrastructure;
using LocalFlow.Web.Resources;
using LocalFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Web.Pages.Measures;

/// <summary>
/// Record an experiment on a saved measure (study, plan, do, check, make normal), or change one (<c>&amp;id=</c>):
/// what was changed, for whom, from when, what was learned and whether it became normal practice. Audited.
/// </summary>
[Authorize(Policy = Policies.MeasuresDefine)]
public sealed class ExperimentModel(LocalFlowDb db, CurrentUser current, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "measure")]
    public int MeasureId { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Id { get; set; }

    [BindProperty] public string? Change { get; set; }
    [BindProperty] public string? ForWhom { get; set; }
    [BindProperty] public string? Learned { get; set; }
    [BindProperty] public List<string> Normal { get; set; } = [];

    public SavedMeasure Measure { get; private set; } = null!;
    public DateOnly? StartedOn { get; private set; }
    public IFormCollection? Typed => Request.HasFormContentType ? Request.Form : null;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        if (Id is int id)
        {
            var x = await db.Experiments.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id && e.MeasureId == MeasureId && e.LocalityId == Measure.LocalityId, ct);
            if (x is null)
            {
                return NotFound();
            }
            (Change, ForWhom, Learned, StartedOn, Normal) = (x.Change, x.ForWhom, x.Learned, x.StartedOn, x.BecameNormal ? ["yes"] : []);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        if (string.IsNullOrWhiteSpace(Change))
        {
            ModelState.AddModelError(nameof(Change), PurposeMeasureText.SayWhatChanged);
        }
        else if (Change.Trim().Length > 2000)
        {
            ModelState.AddModelError(nameof(Change), PurposeMeasureText.ChangeTooLong);
        }
        if (string.IsNullOrWhiteSpace(ForWhom))
        {
            ModelState.AddModelError(nameof(ForWhom), PurposeMeasureText.SayForWhom);
        }
        else if (ForWhom.Trim().Length > 400)
        {
            ModelState.AddModelError(nameof(ForWhom), PurposeMeasureText.ForWhomTooLong);
        }
        if (Learned is { Length: > 4000 })
        {
            ModelState.AddModelError(nameof(Learned), PurposeMeasureText.LearnedTooLong);
        }
        var (on, empty) = Gov.ReadDate(Request.Form, "StartedOn");
        var today = DateOnly.FromDateTime(Gov.ToLondon(clock.GetUtcNow().UtcDateTime));
        if (on is null)
        {
            ModelState.AddModelError("StartedOn", empty ? PurposeMeasureText.EnterStarted : PurposeMeasureText.StartedAsDate);
        }
        else if (on > today)
        {
            ModelState.AddModelError("StartedOn", PurposeMeasureText.StartedPast);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var saved = await new SavedMeasures(db).SaveExperimentAsync(new Experiment
        {
            Id = Id ?? 0,
            LocalityId = Measure.LocalityId,
            MeasureId = Measure.Id,
            Change = Change!.Trim(),
            ForWhom = ForWhom!.Trim(),
            StartedOn = on!.Value,
            Learned = string.IsNullOrWhiteSpace(Learned) ? null : Learned.Trim(),
            BecameNormal = Normal.Contains("yes"),
        }, current.UserName, ct);
        if (saved is null)
        {
            return NotFound();
        }
        TempData["Done"] = Id is null ? PurposeMeasureText.ExperimentRecorded : PurposeMeasureText.ExperimentChanged;
        return Redirect($"/Measures/Measure/{Measure.Id}#experiments");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (current.LocalityId is not int locality)
        {
            return false;
        }
        var measure = await db.SavedMeasures.AsNoTracking().SingleOrDefaultAsync(m => m.Id == MeasureId && m.LocalityId == locality, ct);
        if (measure is null)
        {
            return false;
        }
        Measure = measure;
        return true;
    }
}
