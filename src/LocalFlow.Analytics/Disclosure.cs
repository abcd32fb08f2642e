using System.Globalization;
using LocalFlow.Analytics.Flow;

namespace LocalFlow.Analytics;

/// <summary>
/// The small-number rule: what a figure about people may show to someone who may not see the people themselves
/// (analysts, commissioners). Defined here once; every page, chart, table and download that shows such figures goes
/// through it, and docs/disclosure.md states it for a data protection officer.
/// <list type="number">
/// <item>Primary suppression: a count of 1 to 4 people (or households) is not shown; it reads "fewer than 5", and a
/// row, arrow or path that fewer than 5 people took is left out.</item>
/// <item>Rounding to base 5: every other count (people, records, assessments, days...) is shown rounded to the
/// nearest 5, so two figures that differ by one person cannot be told apart by subtracting one from the other.</item>
/// <item>Money totals are shown to two significant figures.</item>
/// <item>Extremes are top-coded: "the most" is the value that at least 5 people reached (the fifth highest), never one
/// person's own maximum, and a chart's outermost values are pulled in to the fifth highest and lowest.</item>
/// </list>
/// Zero stays zero: knowing that nobody matches reveals nobody.
/// </summary>
public static class Disclosure
{
    /// <summary>The fewest people a figure is shown for, and how many people an extreme must be shared by.</summary>
    public const int Smallest = 5;

    /// <summary>Counts are rounded to a multiple of this.</summary>
    public const int Base = 5;

    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>Whether a count of <paramref name="people"/> is withheld: 1 to 4 (zero is shown).</summary>
    public static bool Withholds(long people) => people is > 0 and < Smallest;

    /// <summary>A count as it may be shown: null when withheld (<see cref="Withholds"/>), otherwise rounded to the nearest <see cref="Base"/> (5, 6 and 7 show as 5; 8 as 10).</summary>
    public static long? Count(long count)
    {
        if (count <= 0)
        {
            return 0;
        }
        if (Withholds(count))
        {
            return null;
        }
        return (count + (Base / 2)) / Base * Base;
    }

    /// <summary>A count in words as it may be shown: "fewer than 5", "0" or the rounded count with thousands separators ("1,235" shows as "1,235" only when it is a multiple of 5).</summary>
    public static string Text(long count) => Count(count) is long shown ? shown.ToString("N0", English) : $"fewer than {Smallest}";

    /// <summary>A count for a total of things other than people (records, days), shown rounded even when small: a total is never withheld, only its cohort is.</summary>
    public static long Rounded(long count) => count <= 0 ? 0 : Math.Max(Base, (count + (Base / 2)) / Base * Base);

    /// <summary>
    /// A total of time observed in household-years (or person-years) as it may be shown: to the nearest whole year,
    /// halves away from zero, then rounded like any other total (<see cref="Rounded"/>). Under half a year shows as 0;
    /// from half a year to 7.49 years as 5; 7.5 to 12.49 years as 10. Never withheld: the households it sums are a
    /// cohort, which the caller withholds when it is 1 to 4.
    /// </summary>
    public static long HouseholdYears(double years)
        => double.IsNaN(years) || years <= 0 ? 0 : Rounded((long)Math.Round(years, MidpointRounding.AwayFromZero));

    /// <summary>A sum of money as it may be shown: to two significant figures (£1,234,567 shows as £1,200,000; £3,456 as £3,500).</summary>
    public static decimal Money(decimal amount)
    {
        if (amount == 0)
        {
            return 0;
        }
        var magnitude = (int)Math.Floor(Math.Log10((double)Math.Abs(amount)));
        var unit = (decimal)Math.Pow(10, Math.Max(magnitude - 1, 0));
        return Math.Round(amount / unit, MidpointRounding.AwayFromZero) * unit;
    }

    /// <summary>The top-coded most: the value at least <see cref="Smallest"/> of <paramref name="values"/> reach (the fifth highest); the smallest value when there are fewer.</summary>
    public static double Most(IReadOnlyCollection<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return 0;
        }
        var sorted = values.OrderByDescending(v => v).ToArray();
        return sorted[Math.Min(Smallest, sorted.Length) - 1];
    }

    /// <summary>The bottom-coded least: the value at most <see cref="Smallest"/> of <paramref name="values"/> reach (the fifth lowest).</summary>
    public static double Least(IReadOnlyCollection<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return 0;
        }
        var sorted = values.Order().ToArray();
        return sorted[Math.Min(Smallest, sorted.Length) - 1];
    }

    /// <summary>The values with the outermost pulled in to <see cref="Least"/> and <see cref="Most"/>, so no bar of a chart stands for fewer than 5 people's extremes.</summary>
    public static double[] TopCoded(IReadOnlyCollection<double> values)
    {
        var least = Least(values);
        var most = Most(values);
        return [.. values.Select(v => Math.Clamp(v, Math.Min(least, most), most))];
    }

    /// <summary>The spread as it may be shown: median and quartiles as they are, the least and the most top-coded.</summary>
    public static Spread SpreadOf(IReadOnlyCollection<double> values)
    {
        var spread = Spread.Of([.. values]);
        return spread with { Min = Least(values), Max = Most(values) };
    }

    /// <summary>
    /// A cohort's figures as they may be shown: every count rounded (<see cref="Rounded"/>, people by <see cref="Count"/>),
    /// cost by <see cref="Money"/>. The spreads are dropped: they need every value, so take <see cref="SpreadOf"/> of them.
    /// The caller withholds the cohort altogether when <see cref="Withholds"/> its people.
    /// </summary>
    public static CohortFigures Of(CohortFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        return figures with
        {
            People = (int)(Count(figures.People) ?? 0),
            Records = Rounded(figures.Records),
            Duplicates = Rounded(figures.Duplicates),
            Teams = (int)Rounded(figures.Teams),
            Workers = (int)Rounded(figures.Workers),
            Interactions = Rounded(figures.Interactions),
            Assessments = Rounded(figures.Assessments),
            RepeatedAssessments = Rounded(figures.RepeatedAssessments),
            Referrals = Rounded(figures.Referrals),
            AssessDoReferCycles = Rounded(figures.AssessDoReferCycles),
            Exits = Rounded(figures.Exits),
            ReEntries = Rounded(figures.ReEntries),
            HospitalAdmissions = Rounded(figures.HospitalAdmissions),
            HospitalDays = Rounded(figures.HospitalDays),
            DaysAfterMedicallyFit = Rounded(figures.DaysAfterMedicallyFit),
            Documents = Rounded(figures.Documents),
            JudgedRecords = Rounded(figures.JudgedRecords),
            HelpedRecords = Rounded(figures.HelpedRecords),
            Cost = Money(figures.Cost),
            RecordsPerPerson = default,
            AgenciesPerPerson = default,
            CostPerPerson = default,
            HospitalDaysPerPerson = default,
        };
    }

    /// <summary>
    /// A hand-off graph as it may be shown: arrows that fewer than <see cref="Smallest"/> people took are left out
    /// (their number is returned), the rest have their counts and people rounded; nodes' records and the stays are rounded.
    /// </summary>
    public static (HandOffGraph Graph, int LeftOut) Of(HandOffGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var kept = graph.Edges.Where(e => e.People >= Smallest)
            .Select(e => e with { Count = (int)Rounded(e.Count), People = (int)(Count(e.People) ?? 0) })
            // still most frequent first once rounded, ties in name order as the map's table lists them
            .OrderByDescending(e => e.Count).ThenBy(e => e.From, StringComparer.Ordinal).ThenBy(e => e.To, StringComparer.Ordinal)
            .ToList();
        var nodes = graph.Nodes.Select(n => (n.Node, (int)Rounded(n.Records))).ToList();
        return (new HandOffGraph(graph.Level, nodes, kept, Rounded(graph.Stays)), graph.Edges.Count - kept.Count);
    }

    /// <summary>
    /// A purpose measure's periods as they may be shown: a period whose value describes 1 to 4 households
    /// (<see cref="Withholds"/>) is left out (their number is returned); the values themselves are ratios and stay as
    /// they are, since each describes at least <see cref="Smallest"/> households.
    /// </summary>
    public static (IReadOnlyList<Measures.MeasurePoint> Kept, int LeftOut) Of(IReadOnlyList<Measures.MeasurePoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var kept = points.Where(p => !Withholds(p.Households)).ToList();
        return (kept, points.Count - kept.Count);
    }

    /// <summary>
    /// A concentration (Lorenz) curve as it may be shown, read at every <c>1/parts</c> of the households as the pages
    /// draw it (<see cref="Economics.Concentration.At"/>). A point between the two ends is left out unless at least
    /// <see cref="Smallest"/> households lie on each side of it (the dearest up to it, and the rest after it), so no
    /// point tells what fewer than 5 households had, least of all the dearest one's share; the points kept give their
    /// share to the whole percent. The ends, (0, 0) and all households with the whole total, tell nothing and are kept.
    /// The share of households that makes up half the total is worked out from rounded counts (<see cref="Count"/> of
    /// those households over <see cref="Count"/> of all), and is null when fewer than 5 households make up half.
    /// </summary>
    public static (IReadOnlyList<Economics.LorenzPoint> Points, double? ShareForHalf) Of(Economics.Concentration concentration, int parts = 10)
    {
        ArgumentNullException.ThrowIfNull(concentration);
        var n = concentration.Households;
        var points = concentration.At(parts).Where((p, k) =>
        {
            if (k == 0 || k == parts)
            {
                return true;
            }
            var x = p.HouseholdShare * n;
            return Math.Floor(x + 1e-9) >= Smallest && n - Math.Ceiling(x - 1e-9) >= Smallest;
        }).Select(p => p with { TotalShare = Math.Round(p.TotalShare, 2, MidpointRounding.AwayFromZero) }).ToList();
        var forHalf = (long)Math.Round(concentration.ShareForHalf * n);
        double? share = concentration.ShareForHalf == 0 ? 0 : Withholds(forHalf) ? null : (double)Count(forHalf)!.Value / Count(n)!.Value;
        return (points, share);
    }

    /// <summary>
    /// Paths as they may be shown: a path fewer than <see cref="Smallest"/> people took is left out; the rest have their
    /// people rounded and their share worked out from the rounded figures (of <paramref name="everyone"/>, also rounded).
    /// </summary>
    public static IReadOnlyList<FlowPath> Of(IReadOnlyList<FlowPath> paths, long everyone)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var all = Count(everyone) ?? 0;
        return [.. paths.Where(p => p.People >= Smallest).Select(p =>
        {
            var people = Count(p.People) ?? 0;
            return p with { People = (int)people, Share = all == 0 ? 0 : (double)people / all };
        })];
    }
}
