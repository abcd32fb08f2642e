using System.Globalization;
using LocalFlow.Data;
using LocalFlow.Data.Demands;
using LocalFlow.Web.Resources;
using LocalFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace LocalFlow.Web.Pages.Demand;

/// <summary>
/// The analysis, recomputed from every demand captured so far: value and failure shares, Pareto of value and of
/// failure types, what happened at the point of transaction, predictability, and capability charts per day.
/// </summary>
[Authorize(Policy = Policies.DemandAnalyse)]
public sealed class AnalysisModel(LocalFlowDb db, CurrentUser current) : StudyPageModel(db, current)
{
    public override string StudyPage => "Analysis";

    public DemandAnalysis Analysis { get; private set; } = null!;

    [BindProperty]
    public string? PredictableLevelPercent { get; set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadStudyAsync(id))
        {
            return NotFound();
        }
        Analysis = await Studies.AnalyseAsync(Study);
        PredictableLevelPercent = (Study.PredictableLevel * 100).ToString("0.##", CultureInfo.InvariantCulture);
        return Page();
    }

    /// <summary>The study team sets the level at which it calls demand predictable (analysts and commissioners only read).</summary>
    public async Task<IActionResult> OnPostLevelAsync(int id)
    {
        if (!Can(Policies.DemandStudy))
        {
            return Forbid();
        }
        if (!await LoadStudyAsync(id))
        {
            return NotFound();
        }
        try
        {
            var percent = double.TryParse(PredictableLevelPercent, NumberStyles.Float, CultureInfo.InvariantCulture, out var p) ? p : (double?)null;
            await Studies.SetPredictableLevelAsync(Study, percent);
            TempData["Done"] = Text.Format(DemandAnalysisText.LevelSet, Percent(Study.PredictableLevel, 1));
            return Redirect($"/Demand/Analysis/{id}#predictability-figure");
        }
        catch (DemandInputException ex)
        {
            AddErrors(ex, "");
        }
        Analysis = await Studies.AnalyseAsync(Study);
        return Page();
    }
}
