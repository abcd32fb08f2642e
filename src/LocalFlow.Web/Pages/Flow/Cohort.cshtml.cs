using System.Globalization;
using System.Runtime.CompilerServices;
using LocalFlow.Analytics;
using LocalFlow.Analytics.Flow;
using LocalFlow.Data;
using LocalFlow.Data.Audit;
using LocalFlow.Data.Flow;
using LocalFlow.Data.LocalityWork;
using LocalFlow.Web.Charts;
using LocalFlow.Web.Infrastructure;
using LocalFlow.Web.Resources;
using LocalFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Web.Pages.Flow;

/// <summary>
/// A cohort's figures: the engine's counts (docs/flow-study.md) summed over everyone the filters choose, in the
/// seeds' sentence, and how each count is spread over the people as histograms. The study team and data officers
/// also see the people with most records (restricted people left out and counted); that list is audited.
/// </summary>
[Authorize(Policy = Policies.FlowAnalyse)]
public sealed class CohortModel(LocalFlowDb db, CurrentUser current, FlowEngines engines) : PageModel
{
    public const int MostRecordsShown = 20;

    public sealed record PersonRow(Guid Id, string Name, PersonFigures Figures, int Signals);

    /// <summary>How one count is spread over the cohort; <paramref name="Drawn"/> is the chart's markup, drawn once with the kept view.</summary>
    public sealed record Distribution(string Id, string Heading, HistogramChart Chart, Spread Spread, ValueFormat Format, HtmlString Drawn);

    private sealed record CohortView(IReadOnlyList<PersonFigures> Cohort, CohortFigures Totals, IReadOnlyList<Distribution> Distributions, PersonFigures[] ByRecords, IReadOnlyList<JudgedQuarter> Judged);

    [BindProperty(SupportsGet = true)]
    public int? Agency { get; set; }

    [BindProperty(SupportsGet = true)]
    public FlowSignalKind? Signal { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? MinRecords { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Hospital { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Stories { get; set; }

    public FlowCohortFilter Filter { get; private set; } = new(null, null, null, false, false);
    public string FilterText { get; private set; } = "everyone with records";
    /// <summary>Who is in the cohort, in the request's language (<see cref="FilterText"/> is kept in English for the audit trail).</summary>
    public string FilterWords { get; private set; } = FlowCohortText.FilterEveryone;
    public int Everyone { get; private set; }
    public CohortFigures Totals { get; private set; } = CohortFigures.Of([], ActivityLog.Empty());
    public string Sentence { get; private set; } = "";
    public IReadOnlyList<(int Id, string Name)> AgencyOptions { get; private set; } = [];
    public bool HasStories { get; private set; }
    public IReadOnlyList<Distribution> Distributions { get; private set; } = [];
    public bool MaySeePeople { get; private set; }
    public IReadOnlyList<PersonRow> MostRecords { get; private set; } = [];
    public int Hidden { get; private set; }
    /// <summary>True when the cohort is too small to show to this user (<see cref="FlowAccess.SmallestCohortShown"/>).</summary>
    public bool Withheld { get; private set; }
    /// <summary>True when this user sees the figures through the small-number rule (<see cref="Disclosure"/>): counts rounded to 5, the most top-coded.</summary>
    public bool Rounded { get; private set; }
    /// <summary>The cohort's records judged as helping or serving the system, by quarter (<see cref="Judging"/>); shown only to those who see exact figures.</summary>
    public IReadOnlyList<JudgedQuarter> Judged { get; private set; } = [];

    public async Task OnGetAsync()
    {
        if (current.LocalityId is not int locality)
        {
            return;
        }
        // Choices from the lists cannot be wrong unless the address was edited by hand: a bad one is ignored.
        foreach (var key in new[] { nameof(Agency), nameof(Signal), nameof(Hospital), nameof(Stories) })
        {
            ModelState.Remove(key);
        }
        if (ModelState.TryGetValue(nameof(MinRecords), out var typed) && typed.Errors.Count > 0)
        {
            typed.Errors.Clear();
            ModelState.AddModelError(nameof(MinRecords), FlowCohortText.ErrorMinRecordsNumber);
        }
        else if (MinRecords < 0)
        {
            ModelState.AddModelError(nameof(MinRecords), FlowCohortText.ErrorMinRecordsNegative);
            MinRecords = null;
        }
        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.ShortName);
        var flow = await engines.ForLocalityAsync(db, locality);
        Everyone = flow.Everyone.Length;
        var stories = (await FlowQueries.CaseHistoriesAsync(db)).Select(s => s.PersonId).ToList();
        HasStories = stories.Count > 0;
        AgencyOptions = [.. agencies.Where(a => flow.AgencyIds.Contains(a.Key)).Select(a => (a.Key, a.Value)).OrderBy(a => a.Value, StringComparer.Ordinal)];

        Filter = new FlowCohortFilter(Agency, Signal, MinRecords, Hospital, Stories);
        FilterText = Filter.Describe(agencies);
        FilterWords = FlowWords.Filter(Filter, agencies);
        // A cohort's figures, sentence, spreads and people by records are made once per engine and filter (kept
        // until the data change); only what depends on the user is worked out on each view.
        var view = flow.Kept($"Flow/Cohort:{Languages.Lang}:{Filter.Query()}", f =>
        {
            var chosen = Filter.Apply(f, stories);
            var totals = CohortFigures.Of(chosen, f.Log);
            return new CohortView(chosen, totals, Spreads(chosen, rounded: false),
                [.. chosen.OrderByDescending(p => p.Records).ThenBy(p => p.PersonId, StringComparer.Ordinal)],
                Judging.ByQuarter(f.Log, chosen.Select(p => p.Person)));
        });
        var cohort = view.Cohort;
        MaySeePeople = Policies.Allows(User, Policies.FlowStudy);
        Rounded = FlowAccess.RoundsFigures(User);
        if (FlowAccess.WithholdsCohort(User, cohort.Count))
        {
            Withheld = true;
            Everyone = (int)(Disclosure.Count(Everyone) ?? 0);
            Sentence = Text.Format(FlowCohortText.Withheld, Text.Count(FlowAccess.SmallestCohortShown, FlowCohortText.WithheldPeopleOne, FlowCohortText.WithheldPeopleMany));
            return;
        }
        if (Rounded)
        {
            // Someone who may not see people sees every figure through the small-number rule (docs/disclosure.md),
            // kept with the engine beside the exact view.
            var shown = flow.Kept($"Flow/Cohort-rounded:{Languages.Lang}:{Filter.Query()}", f =>
            {
                var totals = Disclosure.Of(view.Totals);
                return new CohortView(cohort, totals, Spreads(cohort, rounded: true), [], []);
            });
            Everyone = (int)(Disclosure.Count(Everyone) ?? 0);
            Totals = shown.Totals;
            Sentence = FlowWords.Sentence(shown.Totals);
            Distributions = shown.Distributions;
            return;
        }
        Totals = view.Totals;
        Sentence = FlowWords.Sentence(view.Totals);
        Distributions = view.Distributions;
        Judged = view.Judged;

        if (!MaySeePeople || cohort.Count == 0)
        {
            return;
        }
        var hidden = await FlowAccess.HiddenPeopleAsync(db, current, flow);
        // the hidden people are kept with the engine, so their count in a cohort is too
        Hidden = flow.Kept("Flow/Cohort-hidden:" + (hidden.Count > 0 ? "hiding:" : "all:") + Filter.Query(),
            f => new StrongBox<int>(cohort.Count(p => hidden.Contains(f.PersonId(p.Person))))).Value;
        var top = view.ByRecords.Where(p => !hidden.Contains(flow.PersonId(p.Person))).Take(MostRecordsShown).ToList();
        var ids = top.Select(p => flow.PersonId(p.Person)).ToList();
        // with the locality, so the lookup uses the primary key (locality_id, id) instead of scanning every person
        var names = await db.People.AsNoTracking().Where(p => p.LocalityId == locality && ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.GivenName + " " + p.FamilyName);
        // A named row counts only the records data sharing agreements share with the user: a person some of whose
        // records are hidden from them gets figures from an engine over the rest (docs/trust.md).
        var inLocality = db.ActivityRecords.Where(r => r.LocalityId == locality && ids.Contains(r.PersonId));
        var held = await inLocality.GroupBy(r => r.PersonId).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.N);
        var shared = await inLocality.SharedWith(db, current.Viewer).GroupBy(r => r.PersonId).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.N);
        var rows = new List<PersonRow>(top.Count);
        foreach (var p in top)
        {
            var id = flow.PersonId(p.Person);
            var name = names.GetValueOrDefault(id, FlowCohortText.UnknownPerson);
            if (shared.GetValueOrDefault(id) == held.GetValueOrDefault(id))
            {
                rows.Add(new PersonRow(id, name, p, flow.Analyzer.Signals(p.Person).Count));
                continue;
            }
            var records = await FlowQueries.RecordsForAsync(db, current.Viewer, locality, id);
            var seen = (await engines.ForPersonAsync(db, locality, id, records)).Person(id);
            rows.Add(new PersonRow(id, name, seen?.Figures ?? PersonFigures.None(id.ToString("N")), seen?.Signals.Count ?? 0));
        }
        MostRecords = rows;
        await AuditTrail.ReadAsync(db, AuditEventType.PersonalDataListed, "Person", null, locality,
            $"Flow cohort ({FilterText}): {Plural.Of(MostRecords.Count, "person", "people")} with most records shown");
    }

    private static List<Distribution> Spreads(IReadOnlyList<PersonFigures> cohort, bool rounded)
    {
        Distribution Whole(string id, string heading, string binLabel, Func<PersonFigures, double> value)
        {
            var values = cohort.Select(value).ToArray();
            var chart = new HistogramChart(Text.Format(FlowCohortText.PerPerson, heading), Text.Format(FlowCohortText.PerPersonAbout, heading.ToLower(CultureInfo.CurrentCulture)), values)
            {
                Id = "spread-" + id,
                ValueLabel = FlowCohortText.People,
                BinLabel = binLabel,
                SmallNumbers = rounded,
            };
            return Drawn(id, heading, chart, values, ValueFormat.Number, rounded);
        }
        var list = new List<Distribution>
        {
            Whole("records", FlowCohortText.SpreadRecords, FlowCohortText.SpreadRecords, p => p.Records),
            Whole("agencies", FlowCohortText.SpreadAgencies, FlowCohortText.SpreadAgencies, p => p.Agencies),
            Whole("workers", FlowCohortText.SpreadWorkers, FlowCohortText.BinNamedStaff, p => p.Workers),
            Whole("assessments", FlowCohortText.SpreadAssessments, FlowCohortText.SpreadAssessments, p => p.Assessments),
            Whole("repeated-assessments", FlowCohortText.SpreadRepeatedAssessments, FlowCohortText.SpreadRepeatedAssessments, p => p.RepeatedAssessments),
            Whole("referrals", FlowCohortText.SpreadReferrals, FlowCohortText.SpreadReferrals, p => p.Referrals),
            Whole("cycles", FlowCohortText.SpreadCycles, FlowCohortText.BinCycles, p => p.AssessDoReferCycles),
            Whole("re-entries", FlowCohortText.SpreadReEntries, FlowCohortText.SpreadReEntries, p => p.ReEntries),
            Whole("hospital-days", FlowCohortText.SpreadHospitalDays, FlowCohortText.SpreadHospitalDays, p => p.HospitalDays),
        };
        var costs = cohort.Select(p => (double)p.Cost).ToArray();
        list.Add(Drawn("cost", FlowCohortText.SpreadCost, new HistogramChart(FlowCohortText.CostPerPerson, FlowCohortText.CostPerPersonAbout, costs)
        {
            Id = "spread-cost",
            ValueLabel = FlowCohortText.People,
            BinLabel = FlowCohortText.BinCost,
            Whole = false,
            BinFormat = ValueFormat.Pounds,
            SmallNumbers = rounded,
        }, costs, ValueFormat.Pounds, rounded));
        var met = cohort.Where(p => p.DaysToNeedMet is not null).Select(p => p.DaysToNeedMet!.Value).ToArray();
        list.Add(Drawn("need-met", FlowCohortText.SpreadNeedMet, new HistogramChart(FlowCohortText.NeedMetTitle, FlowCohortText.NeedMetAbout, met)
        {
            Id = "spread-need-met",
            ValueLabel = FlowCohortText.People,
            BinLabel = FlowCohortText.BinNeedMet,
            Whole = false,
            Missing = cohort.Count - met.Length,
            MissingLabel = FlowCohortText.NeedNeverMet,
            SmallNumbers = rounded,
        }, met, ValueFormat.Number, rounded));
        return list;
    }

    /// <summary>A spread with its histogram drawn now: the view is kept with the engine, so each chart is drawn once per data version.</summary>
    private static Distribution Drawn(string id, string heading, HistogramChart chart, double[] values, ValueFormat format, bool rounded)
        => new(id, heading, chart, rounded ? Disclosure.SpreadOf(values) : Spread.Of([.. values]), format, new HtmlString(Charts.Charts.Histogram(chart).ToString()));

    public static string Format(double value, ValueFormat format) => format == ValueFormat.Pounds
        ? Gov.Money((decimal)value, whole: true)
        : Gov.Number(value, value == Math.Floor(value) ? 0 : 1);

    public string Link(string page) => Filter.Query() is { Length: > 0 } q ? $"{page}?{q}" : page;

    public static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
