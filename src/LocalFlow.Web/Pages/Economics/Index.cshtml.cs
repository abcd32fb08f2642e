using System.Globalization;
using LocalFlow.Analytics;
using LocalFlow.Analytics.Economics;
using LocalFlow.Data;
using LocalFlow.Data.Economics;
using LocalFlow.Web.Charts;
using LocalFlow.Web.Infrastructure;
using LocalFlow.Web.Pages.Flow;
using LocalFlow.Web.Resources;
using LocalFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalFlow.Web.Pages.Economics;

/// <summary>
/// The economics of the households the locality team took on (docs/economics.md): cost by agency group under the
/// historic approach and under locality working, cumulative transactions and cost by quarter, unit cost beside
/// end-to-end cost, the tally of what was avoided, how concentrated cost is, a glide path and an extrapolation with
/// its assumptions in the form. Every cost is at one price year, shown beside it. Users who may not see people see
/// every figure through the small-number rule (<see cref="Disclosure"/>, docs/disclosure.md): cells from fewer than
/// <see cref="FlowAccess.SmallestCohortShown"/> households are withheld, other counts are rounded to 5 and money is
/// shown to two significant figures, on the page and in its chart's data table.
/// </summary>
[Authorize(Policy = Policies.EconomicsView)]
public sealed class IndexModel(LocalFlowDb db, CurrentUser current, EconomicsCohorts cohorts, LocalFlow.Data.Flow.FlowEngines engines, TimeProvider clock) : PageModel
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The seeds' own assumptions (the £16 billion): about 22 million households in England at the 2011 census.</summary>
    public const long DefaultAreaHouseholds = 22_000_000;
    public const int DefaultBaseYear = 2011;

    [BindProperty(SupportsGet = true, Name = "year")]
    public string? Year { get; set; }

    [BindProperty(SupportsGet = true, Name = "area")]
    public string? Area { get; set; }

    [BindProperty(SupportsGet = true, Name = "baseYear")]
    public string? BaseYear { get; set; }

    [BindProperty(SupportsGet = true, Name = "overheads")]
    public string? Overheads { get; set; }

    [BindProperty(SupportsGet = true, Name = "range")]
    public string? Range { get; set; }

    [BindProperty(SupportsGet = true, Name = "glideYears")]
    public string? GlideYears { get; set; }

    [BindProperty(SupportsGet = true, Name = "change")]
    public string? Change { get; set; }

    public int PriceYear { get; private set; }
    public IReadOnlyList<int> IndexYears { get; private set; } = [];
    public CohortCosts? Cohort { get; private set; }
    public BeforeAfter? Comparison { get; private set; }
    public IReadOnlyList<QuarterFigures> Quarters { get; private set; } = [];
    public Concentration? CostConcentration { get; private set; }
    public GlidePath? Glide { get; private set; }
    public decimal LastYear { get; private set; }
    public Extrapolation? Estimate { get; private set; }
    public bool Withheld { get; private set; }
    public DateOnly Until { get; private set; }

    /// <summary>Whether a cell made from <paramref name="households"/> households is withheld from this user.</summary>
    public bool Hides(int households) => FlowAccess.WithholdsCohort(User, households);

    /// <summary>Whether this user sees the figures through the small-number rule: everyone who may not see people.</summary>
    public bool Rounds => FlowAccess.RoundsFigures(User);

    /// <summary>A sum of money as this user may see it: to two significant figures (<see cref="Disclosure.Money"/>) when <see cref="Rounds"/>.</summary>
    public decimal Money(decimal amount) => Rounds ? Disclosure.Money(amount) : amount;

    /// <summary>A count of things other than households (transactions, records, times avoided) as this user may see it: rounded to 5 (<see cref="Disclosure.Rounded"/>) when <see cref="Rounds"/>.</summary>
    public long Count(long count) => Rounds ? Disclosure.Rounded(count) : count;

    /// <summary>A count of households as this user may see it: rounded to 5 (<see cref="Disclosure.Count"/>) when <see cref="Rounds"/>; the caller withholds 1 to 4 (<see cref="Hides"/>).</summary>
    public long Households(long households) => Rounds ? Disclosure.Count(households) ?? 0 : households;

    /// <summary>Household-years observed as this user may see them: to one decimal place, or as <see cref="Disclosure.HouseholdYears"/> shows them when <see cref="Rounds"/>.</summary>
    public string HouseholdYears(double years) => Rounds ? Gov.Number(Disclosure.HouseholdYears(years)) : Gov.Number(years, 1);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var index = await CohortCosts.IndexAsync(db, ct);
        IndexYears = index.Years.ToList();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        Until = today.AddDays(1);
        PriceYear = ReadYear(index, today);
        var area = ReadLong("area", Area, DefaultAreaHouseholds, 1, 100_000_000, EconomicsText.AreaError);
        var baseYear = (int)ReadLong("baseYear", BaseYear, DefaultBaseYear, 1900, 2100, EconomicsText.BaseYearError);
        var overheads = ReadPercent("overheads", Overheads, 0, 0, 200, EconomicsText.OverheadsError);
        var range = ReadPercent("range", Range, 50, 0, 100, EconomicsText.RangeError);
        var glideYears = (int)ReadLong("glideYears", GlideYears, 10, 1, 50, EconomicsText.GlideYearsError);
        var change = ReadPercent("change", Change, 0, -50, 50, EconomicsText.ChangeError);
        if (current.LocalityId is not { } locality || !ModelState.IsValid)
        {
            return;
        }
        var hidden = await FlowAccess.HiddenPeopleAsync(db, current, engines, locality, ct);
        Cohort = await cohorts.ForAsync(db, locality, hidden, ct);
        Withheld = Hides(Cohort.Households.Count);
        if (Withheld || Cohort.Households.Count == 0 || IndexYears.Count == 0)
        {
            return;
        }
        var report = CohortReport.Of(Cohort.Activities, Cohort.TakenOn, Cohort.LocalityHouseholds, Until, index, PriceYear,
            new ExtrapolationAssumptions(area, baseYear, overheads / 100, range / 100), glideYears, change / 100);
        (Comparison, Quarters, CostConcentration, LastYear, Glide, Estimate) = (report.Comparison, report.Quarters, report.CostConcentration, report.LastYear, report.Glide, report.Estimate);
    }

    /// <summary>"at 2023 prices": written beside every restated cost.</summary>
    public string At => Text.Format(EconomicsText.At, PriceYear.ToString(Invariant));

    public static string GroupName(CostGroup group) => group switch
    {
        CostGroup.SocialServices => EconomicsText.SocialServices,
        CostGroup.LocalAuthority => EconomicsText.LocalAuthority,
        CostGroup.Health => EconomicsText.Health,
        CostGroup.Police => EconomicsText.Police,
        CostGroup.Education => EconomicsText.Education,
        CostGroup.LocalityTeam => EconomicsText.LocalityTeam,
        _ => EconomicsText.OtherAgencies,
    };

    public static string AvoidedName(LocalFlow.Data.Entities.AvoidedKind kind) => Locality.LocalityView.AvoidedName(kind);

    /// <summary>Slide 17's two curves: cumulative cost by quarter before and after being taken on.</summary>
    public LineChart QuarterChart() => new(
        "Cumulative cost by quarter, before and after being taken on",
        $"The cost of the same households, added up quarter by quarter, in the four quarters before the locality team took each one on and the four after ({At}).",
        [
            new LineSeries("Before (historic approach)", Quarters.Where(q => q.Before && !Hides(q.Households)).Select(q => LinePoint.At(q.Quarter + 5, (double)Money(q.CumulativeCost))).ToList()),
            new LineSeries("After (locality working)", Quarters.Where(q => !q.Before && !Hides(q.Households)).Select(q => LinePoint.At(q.Quarter + 1, (double)Money(q.CumulativeCost))).ToList()),
        ])
    { XLabel = "Quarter", Format = ValueFormat.Pounds, ValueLabel = "Cumulative cost" };

    /// <summary>
    /// The share of households that makes up half of the cost as this user may see it: exact, or worked out from
    /// rounded counts when <see cref="Rounds"/> (<see cref="Disclosure.Of(Concentration, int)"/>), and null when
    /// fewer than 5 households make up half.
    /// </summary>
    public double? ShareForHalf => Rounds ? Disclosure.Of(CostConcentration!).ShareForHalf : CostConcentration!.ShareForHalf;

    /// <summary>
    /// The concentration curve as a shape: share of households (dearest first) against share of cost, read at every
    /// tenth; for those who see figures through the small-number rule, only the tenths with at least 5 households on
    /// each side (<see cref="Disclosure.Of(Concentration, int)"/>).
    /// </summary>
    public LineChart LorenzChart() => Lorenz(Rounds ? Disclosure.Of(CostConcentration!).Points : CostConcentration!.At(10), "How concentrated the cost is",
        "Households ordered from the dearest to the cheapest: how much of the whole cost the dearest share of households makes up. A straight diagonal would mean every household cost the same.",
        "Share of cost", "lorenz");

    /// <summary>
    /// A concentration (Lorenz) curve as a shape, from points read off it (<see cref="Concentration.At"/>): the
    /// economics page draws it for cost, the locality picture for demand. It never names or ranks a household.
    /// </summary>
    public static LineChart Lorenz(IReadOnlyList<LorenzPoint> points, string title, string description, string shareOf, string id) => new(
        title, description,
        [
            new LineSeries(shareOf, points.Select(p => LinePoint.At(Math.Round(p.HouseholdShare * 100, 1), Math.Round(p.TotalShare * 100, 1))).ToList()),
            new LineSeries("Equal shares", [LinePoint.At(0, 0), LinePoint.At(100, 100)]),
        ])
    { XLabel = "Share of households (%)", Format = ValueFormat.Percent, ValueLabel = shareOf, Range = (0, 100, 20), Markers = false, Id = id };

    /// <summary>The price year costs are shown at unless another is chosen: 2023 when the index holds it, else the latest year the index holds up to today.</summary>
    public static int DefaultPriceYear(PriceIndex index, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(index);
        return index.Covers(2023) ? 2023 : index.Years.Where(y => y <= today.Year).DefaultIfEmpty(index.Years.LastOrDefault()).Max();
    }

    /// <summary>
    /// The cohort's economics with the seeds' own assumptions (<see cref="DefaultAreaHouseholds"/> households at the
    /// <see cref="DefaultBaseYear"/> base, no overheads, a range of ±50%, a glide path of 10 years with no yearly change)
    /// at <see cref="DefaultPriceYear"/>: what the page shows before anything is changed, and what the locality report
    /// carries. Null when there is nothing to cost.
    /// </summary>
    public static CohortReport? WithDefaults(CohortCosts cohort, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(cohort);
        return cohort.Households.Count == 0 || cohort.Index.Years.Count == 0 ? null
            : CohortReport.Of(cohort.Activities, cohort.TakenOn, cohort.LocalityHouseholds, today.AddDays(1), cohort.Index, DefaultPriceYear(cohort.Index, today),
                new ExtrapolationAssumptions(DefaultAreaHouseholds, DefaultBaseYear, 0, 0.5), 10, 0);
    }

    private int ReadYear(PriceIndex index, DateOnly today)
    {
        var fallback = DefaultPriceYear(index, today);
        if (string.IsNullOrWhiteSpace(Year))
        {
            return fallback;
        }
        if (!int.TryParse(Year.Trim(), NumberStyles.None, Invariant, out var y) || !index.Covers(y))
        {
            var first = index.Years.FirstOrDefault();
            var last = index.Years.LastOrDefault();
            ModelState.AddModelError("year", Text.Format(EconomicsText.YearError, first.ToString(Invariant), last.ToString(Invariant)));
            return fallback;
        }
        return y;
    }

    private long ReadLong(string key, string? text, long fallback, long min, long max, string error)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }
        if (!long.TryParse(text.Trim().Replace(",", "", StringComparison.Ordinal), NumberStyles.AllowLeadingSign, Invariant, out var value) || value < min || value > max)
        {
            ModelState.AddModelError(key, error);
            return fallback;
        }
        return value;
    }

    private double ReadPercent(string key, string? text, double fallback, double min, double max, string error)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }
        if (!double.TryParse(text.Trim().TrimEnd('%'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, Invariant, out var value) || value < min || value > max)
        {
            ModelState.AddModelError(key, error);
            return fallback;
        }
        return value;
    }
}
