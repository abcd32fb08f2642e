using System.Globalization;
using LocalFlow.Analytics;
using LocalFlow.Analytics.Locality;
using LocalFlow.Analytics.Measures;
using LocalFlow.Data.Demands;
using LocalFlow.Data.Measures;
using LocalFlow.Web.Infrastructure;

namespace LocalFlow.Web.Pages.Measures;

/// <summary>A table of the report: its id, caption, column headings and rows, every cell as shown.</summary>
public sealed record ReportTable(string Id, string Caption, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows);

/// <summary>A section of the report: a heading, paragraphs and tables.</summary>
public sealed record ReportSection(string Heading, IReadOnlyList<string> Paragraphs, IReadOnlyList<ReportTable> Tables);

/// <summary>
/// The locality measures report (docs/measures.md, "The report"): the population curves, the locality picture and tiers
/// when the reader may see the picture, the cohort's economics when they may see economics, and every assumption, written once as text from figures already computed. The web page, the PDF
/// and the CSV all show this one object, so they cannot disagree.
/// </summary>
public sealed record MeasuresReport(string Title, IReadOnlyList<ReportSection> Sections)
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>
    /// The report of <paramref name="curves"/> (already through the small-number rule when <paramref name="exact"/> is
    /// false) and, when given, the tier totals; counts of households are shown exactly only when <paramref name="exact"/>.
    /// </summary>
    public static MeasuresReport Of(string locality, DateOnly made, PopulationCurves curves, TierCounts? tiers, bool exact,
        LocalFlow.Data.LocalityWork.LocalityPicture? picture = null, LocalFlow.Analytics.Economics.CohortReport? economics = null)
    {
        ArgumentNullException.ThrowIfNull(curves);
        string Households(long n) => exact ? Gov.Number(n) : Disclosure.Text(n);
        string Money(decimal amount) => Gov.Money(exact ? amount : Disclosure.Money(amount), whole: true);
        var sections = new List<ReportSection>
        {
            new("About this report",
            [
                $"Locality: {locality}. Made on {Gov.Date(made)}, from the records as they stood then; only whole periods are counted.",
                curves.Began is DateOnly b
                    ? $"Locality working began on {Gov.Date(b)}, the day the locality team took on its first household. Each curve has a new phase from the first period starting on or after that day."
                    : "The locality team has not taken on a household yet, so each curve has one phase.",
                exact
                    ? "Figures are exact: this report is for the study team. Do not share it beyond them."
                    : $"Small numbers are withheld: a period describing fewer than {Disclosure.Smallest} households is left out, and counts of households are rounded to the nearest {Disclosure.Base}.",
            ], []),
        };

        var summary = curves.Curves.Select(c => (IReadOnlyList<string>)
        [
            c.Measure.Name, MeasureText.Level(c.Measure.Level), c.Measure.Owner, MeasureText.Improvement(c.Measure.Improvement),
            CurveText.Centres(c.Measure.Counts, c.Curve), CurveText.Slope(c.Measure.Counts, c.Measure.Period, c.Curve.SlopeBefore),
            CurveText.Slope(c.Measure.Counts, c.Measure.Period, c.Curve.SlopeAfter), CurveText.Turn(c.Curve),
        ]).ToList();
        var tables = new List<ReportTable>
        {
            new("curves", "Whether each curve has turned", ["Measure", "Level", "Owner", "Which way is better", "Centre line", "Trend before", "Trend since", "Has the curve turned?"], summary),
        };
        foreach (var c in curves.Curves)
        {
            var m = c.Measure;
            var chart = c.Curve.Chart;
            var rows = chart.Points.Select(p => (IReadOnlyList<string>)
            [
                c.Curve.Values[p.Index].Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                MeasureText.Value(m.Counts, p.Value),
                Households(c.Curve.Points[p.Index].Households),
                c.Curve.Began is DateOnly began && c.Curve.Values[p.Index].Date >= began ? "Locality working" : "Before locality working",
                MeasureText.Value(m.Counts, p.Centre),
                double.IsNaN(p.Lower) ? "–" : MeasureText.Value(m.Counts, p.Lower),
                double.IsNaN(p.Upper) ? "–" : MeasureText.Value(m.Counts, p.Upper),
                p.HasSignal ? CapabilityChart.Describe(p.Signals) : "",
            ]).ToList();
            tables.Add(new($"curve-{m.Id}", $"{m.Name}: {MeasureText.Period(m.Period).ToLowerInvariant()}", ["Period from", "Value", "Households", "Phase", "Centre line", "Lower limit", "Upper limit", "Signal"], rows));
        }
        sections.Add(new("Population curves",
        [
            "The locality-wide purpose measures (the geography and strategic levels) over time. The values since locality working began are judged against the limits of the values before it, with the capability chart's signal rules: a curve has turned only when they signal. There are no targets, ratings or league tables.",
            .. curves.Curves.Count == 0 ? ["No purpose measure at the geography or strategic level has been defined yet."] : Array.Empty<string>(),
            .. curves.Curves.Where(c => c.LeftOut > 0).Select(c => $"{c.Measure.Name}: {Plural.Of(c.LeftOut, "period")} of {Gov.Number(c.Periods)} {Plural.Word(c.LeftOut, "describes", "describe")} fewer than {Disclosure.Smallest} households, so {Plural.Word(c.LeftOut, "it is", "they are")} left out."),
        ], tables));

        if (picture is not null)
        {
            var flagged = picture.Flags.Count(f => f.Flags.Count > 0);
            sections.Add(new("The locality picture",
            [
                "Each household's flags from the agencies' records of the last 12 months, by the locality's flag rules. A picture of the locality, not a list of people.",
            ],
            [
                new("picture", "In brief", ["Figure", "Households"],
                [
                    ["Households", Households(picture.Households.Count)],
                    ["With at least one flag", Households(flagged)],
                    [$"Placing demands on several services ({Picture.SeveralServices} agencies or more)", Households(picture.SeveralServices)],
                    ["Share of households making half of all demand", (picture.Concentration.ShareForHalf).ToString("P1", English)],
                ]),
                new("flags", "Households by flag", ["Flag", "Households"],
                    picture.Rules.Select(r => (IReadOnlyList<string>)[r.Name, Households(picture.FlagFrequencies.FirstOrDefault(f => f.What == r.Name)?.Households ?? 0)]).ToList()),
            ]));
        }

        if (economics is not null)
        {
            var c = economics.Comparison;
            var year = c.PriceYear.ToString(CultureInfo.InvariantCulture);
            // a group's cells from fewer than 5 households are withheld beyond those who may see people, as on the Economics page
            bool Hidden(int households) => !exact && Disclosure.Withholds(households);
            string Times(int n) => Gov.Number(exact ? n : Disclosure.Rounded(n));
            var groups = c.Groups.Select(g => (IReadOnlyList<string>)
            [
                Economics.IndexModel.GroupName(g.Group),
                Hidden(g.HouseholdsBefore) ? "Withheld" : Money(g.CostBefore), Hidden(g.HouseholdsAfter) ? "Withheld" : Money(g.CostAfter),
                Hidden(g.HouseholdsBefore) ? "Withheld" : Times(g.TransactionsBefore), Hidden(g.HouseholdsAfter) ? "Withheld" : Times(g.TransactionsAfter),
            ]).ToList();
            groups.Add(["All agencies", Money(c.CostBefore), Money(c.CostAfter), Times(c.TransactionsBefore), Times(c.TransactionsAfter)]);
            var e = economics.Estimate;
            sections.Add(new("Economics",
            [
                $"The {Households(c.Households)} households the locality team took on: their cost by agency under the historic approach (the time before the team took each one on) and under locality working (as long a time after), at {year} prices, from each record's own cost or the unit-cost catalogue's.",
                $"Unit cost: {Money(c.UnitCostBefore)} a transaction before, {Money(c.UnitCostAfter)} after. End-to-end cost: {Money(c.EndToEndBefore)} a household a year before, {Money(c.EndToEndAfter)} after.",
                $"An estimate, not a finding: spread over every household of the locality and scaled to {Gov.Number(e.Assumptions.AreaHouseholds)} households (the seeds' {e.Assumptions.BaseYear.ToString(CultureInfo.InvariantCulture)} base), the saving would be {Money(e.Estimate)} a year, between {Money(e.Low)} and {Money(e.High)}, at {year} prices. It assumes equal spend per household, counts direct costs only and leaves overheads out.",
            ],
            [
                new("economics", $"Cost by agency, before and after (at {year} prices)", ["Agency group", "Cost before", "Cost after", "Transactions before", "Transactions after"], groups),
            ]));
        }

        if (tiers is not null)
        {
            var shown = Enum.GetValues<Tier>().Select(t => (Tier: t, Count: exact ? tiers.Of(t) : Disclosure.Withholds(tiers.Of(t)) ? (long?)null : Disclosure.Count(tiers.Of(t)))).ToList();
            var total = shown.Sum(s => s.Count ?? 0);
            var rows = shown.Select(s => (IReadOnlyList<string>)
            [
                Tiers.Words(s.Tier),
                s.Count is long n ? Gov.Number(n) : Disclosure.Text(tiers.Of(s.Tier)),
                s.Count is long k && total > 0 ? ((double)k / total).ToString("P0", English) : "–",
            ]).ToList();
            sections.Add(new("Tiers",
            [
                "Each household placed in a tier by the locality picture's rule over its flags and demand, or by the locality team with a note. A tier is a picture, not a threshold: it never gates help.",
            ], [new("tiers", "Households by tier", ["Tier", "Households", "Share"], rows)]));
        }

        sections.Add(new("Assumptions",
        [
            "Every value is counted from the activity records by the purpose measure's operational definition; none is typed in.",
            "A person without a household counts as a household of one. Records are dated by when they started, in the time the source gave.",
            "Cost per household uses each record's own cost, else the unit-cost catalogue's cost for its kind of work, at the prices the records carry.",
            "The centre line is the mean of a phase; its natural process limits are the centre ± 2.66 times the mean moving range, after screening out unusually large moving ranges. Signals: a point beyond a limit, 7 in a row on one side, 7 in a row rising or falling, 2 of 3 near a limit.",
            "A trend is the least-squares slope of a phase's values per period. It describes the shape only; the signals decide whether the curve has turned.",
        ], []));
        return new MeasuresReport($"{locality}: locality measures report", sections);
    }

    /// <summary>Every table as tidy CSV: section, table, row (its first cell), column, value — one line per cell.</summary>
    public string Csv()
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        CsvText.WriteRecord(writer, ["section", "table", "row", "column", "value"]);
        foreach (var section in Sections)
        {
            foreach (var table in section.Tables)
            {
                foreach (var row in table.Rows)
                {
                    for (var i = 1; i < row.Count; i++)
                    {
                        CsvText.WriteRecord(writer, [section.Heading, table.Caption, row[0], table.Columns[i], row[i]]);
                    }
                }
            }
        }
        return writer.ToString();
    }
}
