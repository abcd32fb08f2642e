using System.Globalization;
using System.Text;
using LocalFlow.Data;
using LocalFlow.Data.Flow;
using LocalFlow.Data.LocalityWork;
using LocalFlow.Web.Infrastructure;
using LocalFlow.Web.Pages.Flow;
using LocalFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Web.Pages.Measures;

/// <summary>
/// The locality measures report (<see cref="MeasuresReport"/>): population curves, the picture and tiers for those who
/// may see the picture, the cohort's economics for those who may see economics, and the assumptions; to print, or to download as PDF (<c>?handler=Pdf</c>) or CSV (<c>?handler=Csv</c>).
/// The three are one object, written three ways.
/// </summary>
[Authorize(Policy = Policies.MeasuresView)]
public sealed class ReportModel(LocalFlowDb db, CurrentUser current, FlowEngines engines, LocalityPictures pictures, LocalFlow.Data.Economics.EconomicsCohorts cohorts, TimeProvider clock) : PageModel
{
    public MeasuresReport Report { get; private set; } = new("", []);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
        => await LoadAsync(ct) ? File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Report.Csv())).ToArray(), "text/csv; charset=utf-8", FileName("csv")) : NotFound();

    public async Task<IActionResult> OnGetPdfAsync(CancellationToken ct)
        => await LoadAsync(ct) ? File(ReportPdf.Write(Report, clock.GetUtcNow()), "application/pdf", FileName("pdf")) : NotFound();

    private string FileName(string extension) => $"localflow-measures-report-{Today:yyyy-MM-dd}.{extension}";

    private DateOnly Today => DateOnly.FromDateTime(Gov.ToLondon(clock.GetUtcNow().UtcDateTime));

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (current.LocalityId is not int locality)
        {
            return false;
        }
        var exact = !FlowAccess.RoundsFigures(User);
        var curves = await PopulationModel.LoadAsync(db, engines, locality, clock, exact, ct);
        LocalityPicture? picture = null;
        LocalFlow.Analytics.Economics.CohortReport? economics = null;
        var seesPicture = Policies.Allows(User, Policies.LocalityPicture);
        var seesEconomics = Policies.Allows(User, Policies.EconomicsView);
        if (seesPicture || seesEconomics)
        {
            var hidden = await FlowAccess.HiddenPeopleAsync(db, current, engines, locality, ct);
            if (seesPicture)
            {
                picture = await pictures.ForAsync(db, locality, hidden, Today, ct: ct);
            }
            if (seesEconomics)
            {
                var cohort = await cohorts.ForAsync(db, locality, hidden, ct);
                economics = FlowAccess.WithholdsCohort(User, cohort.Households.Count) ? null : Economics.IndexModel.WithDefaults(cohort, Today);
            }
        }
        var name = await db.Localities.Where(l => l.Id == locality).Select(l => l.Name).SingleAsync(ct);
        // The report, its PDF and its CSV stay English until the report is translated (docs/welsh.md); the measures'
        // words it borrows (MeasureText, CurveText) follow the request's language, so it is built in English.
        var (culture, ui) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (Languages.English, Languages.English);
        try
        {
            Report = MeasuresReport.Of(name, Today, curves, picture?.TierTotals, exact, picture, economics);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, ui);
        }
        return true;
    }
}
