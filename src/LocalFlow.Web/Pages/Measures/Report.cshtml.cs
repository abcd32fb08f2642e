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

    /// <summary>
    /// The cohort's economics with the page's defaults, worked out once while what they are worked out from stays the
    /// same: the costed records <see cref="LocalFlow.Data.Economics.EconomicsCohorts"/> keeps (the same list while the
    /// records, the cohort's households, the locality team and the price index are unchanged, a new one after any
    /// change), and, read on every view, the day each household was taken on, the locality's households and today.
    /// </summary>
    private static LocalFlow.Analytics.Economics.CohortReport? Defaults(LocalFlow.Data.Economics.CohortCosts cohort, DateOnly today)
    {
        if (KeptDefaults.TryGetValue(cohort.Activities, out var kept) && kept.Day == today && kept.LocalityHouseholds == cohort.LocalityHouseholds
            && kept.TakenOn.SequenceEqual(cohort.TakenOn))
        {
            return kept.Report;
        }
        var report = Economics.IndexModel.WithDefaults(cohort, today);
        KeptDefaults.AddOrUpdate(cohort.Activities, new KeptReport(today, cohort.LocalityHouseholds, cohort.TakenOn, report));
        return report;
    }

    private sealed record KeptReport(DateOnly Day, int LocalityHouseholds, IReadOnlyList<DateOnly?> TakenOn, LocalFlow.Analytics.Economics.CohortReport? Report);

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IReadOnlyList<LocalFlow.Analytics.Economics.CostedActivity>, KeptReport> KeptDefaults = new();

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
                economics = exact || !LocalFlow.Analytics.Disclosure.Withholds(cohort.Households.Count) ? Defaults(cohort, Today) : null;
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
