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
/// The locality measures report (docs/measures.md, "The report"): the population curves, the tiers when the reader may
/// see the picture, and every assumption, written once as text from figures already computed. The web page, the PDF
/// and the CSV all show this one object, so they cannot disagree.
/// </summary>
public sealed record MeasuresReport(string Title, IReadOnlyList<ReportSection> Sections)
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>
    /// The report of <paramref name="curves"/> (already through the small-number rule when <paramref name="exact"/> is
    /// false) and, when given, the tier totals; counts of households are shown exactly only when <paramref name="exact"/>.
    /// </summary>
    public static MeasuresReport Of(string locality, DateOnly made, PopulationCurves curves, TierCounts? tiers, bool exact)
    {
        ArgumentNullException.ThrowIfNull(curves);
        string Households(long n) => exact ? Gov.Number(n) : Disclosure.Text(n);
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
