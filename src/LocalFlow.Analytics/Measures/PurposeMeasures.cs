using LocalFlow.Analytics.Flow;

namespace LocalFlow.Analytics.Measures;

/// <summary>What a purpose measure counts, from the activity records. The numbers are stored and never change meaning.</summary>
public enum MeasureCount
{
    /// <summary>Contacts (records of kind Contact) into every agency, per household with any record in the period.</summary>
    ContactsPerHousehold = 1,
    /// <summary>Assessments per person with any record in the period.</summary>
    AssessmentsPerPerson = 2,
    /// <summary>Share of the period's referrals that re-refer someone already referred in the 365 days before (any agency).</summary>
    ReReferralRate = 3,
    /// <summary>Cost of the period's records (their own cost, else the unit cost the log carries) per household with any record.</summary>
    CostPerHousehold = 4,
    /// <summary>Share of the period's judged records that helped the person (<see cref="Judging"/>); periods with none judged have no value.</summary>
    HelpedShare = 5,
    /// <summary>Share of the period's records that went to a worker the person had seen before (continuity of worker); records without a worker are left out.</summary>
    SameWorkerShare = 6,
}

/// <summary>How often a purpose measure is counted.</summary>
public enum MeasurePeriod
{
    /// <summary>Calendar weeks, Monday to Sunday.</summary>
    Week = 1,
    /// <summary>Calendar months.</summary>
    Month = 2,
    /// <summary>Calendar quarters (January, April, July, October).</summary>
    Quarter = 3,
}

/// <summary>A purpose measure's definition as the engine needs it: what it counts, how often, from which records.</summary>
/// <param name="Count">What is counted.</param>
/// <param name="Period">How often.</param>
/// <param name="From">Records from this date on are counted; the first period is the one this date falls in.</param>
/// <param name="Agency">Only this agency's records (its name as the log has it); null for every agency.</param>
public sealed record MeasureDefinition(MeasureCount Count, MeasurePeriod Period, DateOnly From, string? Agency = null);

/// <summary>One period's value of a purpose measure.</summary>
/// <param name="Start">The period's first day.</param>
/// <param name="Value">The measure's value for the period.</param>
/// <param name="Households">Households (a person without a household counts as one) with a record in the period: the size of the group the value describes, for small-number suppression.</param>
public readonly record struct MeasurePoint(DateOnly Start, double Value, int Households);

/// <summary>
/// Purpose measures computed from activity records, never entered by hand (docs/measures.md, "Purpose measures").
/// Each is a value per whole period, charted as a capability chart; none has a target.
/// </summary>
public static class PurposeMeasures
{
    /// <summary>Days before a referral in which an earlier referral of the same person makes it a re-referral.</summary>
    public const int ReReferralDays = 365;

    /// <summary>Whether the measure is a share (0 to 1, shown as a percentage; its chart is capped at 1) rather than a count or money per household or person.</summary>
    public static bool IsShare(MeasureCount count) => count is MeasureCount.ReReferralRate or MeasureCount.HelpedShare or MeasureCount.SameWorkerShare;

    /// <summary>
    /// The chart options a purpose measure is drawn with: its direction of improvement, floored at 0, and shares capped
    /// at 1 (<see cref="IsShare"/>).
    /// </summary>
    public static CapabilityChartOptions ChartOptions(MeasureCount count, ImprovementDirection direction)
        => new() { Direction = direction, LowerFloor = 0, UpperCeiling = IsShare(count) ? 1 : null };

    /// <summary>The first day of the period <paramref name="date"/> falls in.</summary>
    public static DateOnly PeriodOf(DateOnly date, MeasurePeriod period) => period switch
    {
        MeasurePeriod.Week => date.AddDays(-(((int)date.DayOfWeek + 6) % 7)),
        MeasurePeriod.Month => new DateOnly(date.Year, date.Month, 1),
        _ => Judging.QuarterOf(date),
    };

    /// <summary>The first day of the period after the one starting <paramref name="start"/>.</summary>
    public static DateOnly Next(DateOnly start, MeasurePeriod period) => period switch
    {
        MeasurePeriod.Week => start.AddDays(7),
        MeasurePeriod.Month => start.AddMonths(1),
        _ => start.AddMonths(3),
    };

    /// <summary>
    /// The measure's value for every whole period from the one holding <see cref="MeasureDefinition.From"/> up to the
    /// last that ends on or before <paramref name="until"/> (the period still running is left out: its value is not
    /// known yet). A period with no records, or with nothing to divide by (no referrals for a rate, nothing judged),
    /// has no point. Records are dated by their start in the time the source gave; exact duplicates are left out as
    /// the engine leaves them out. Records before <see cref="MeasureDefinition.From"/> count only as history (an earlier
    /// referral, a worker seen before). Households are <paramref name="householdOfPerson"/>[person] when given (a
    /// negative number: the person has none), else the log's own household column; a person without a household
    /// counts as one.
    /// </summary>
    public static IReadOnlyList<MeasurePoint> Series(ActivityLog log, MeasureDefinition definition, DateOnly until, IReadOnlyList<int>? householdOfPerson = null)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(definition);
        var first = PeriodOf(definition.From, definition.Period);
        var starts = new List<DateOnly>();
        for (var s = first; Next(s, definition.Period) <= until; s = Next(s, definition.Period))
        {
            starts.Add(s);
        }
        if (starts.Count == 0)
        {
            return [];
        }
        var n = starts.Count;
        var numerator = new double[n];
        var denominator = new double[n];
        var households = new HashSet<int>[n];
        var people = new HashSet<int>[n];
        for (var p = 0; p < n; p++)
        {
            households[p] = [];
            people[p] = [];
        }
        var agencyFilter = definition.Agency;
        var helped = log.HelpedCodes;
        var householdOf = log.Households;
        var workers = log.Workers;
        var end = Next(starts[^1], definition.Period);
        var seenWorkers = new HashSet<int>();
        var referrals = new List<DateOnly>();
        for (var person = 0; person < log.PersonCount; person++)
        {
            var (from, to) = log.EventsOf(person);
            seenWorkers.Clear();
            referrals.Clear();
            for (var i = from; i < to; i++)
            {
                if (agencyFilter is not null && !string.Equals(log.Agency(i), agencyFilter, StringComparison.Ordinal))
                {
                    continue;
                }
                var date = DateOnly.FromDateTime(log.Start(i).DateTime);
                var kind = log.Kind(i);
                var worker = workers.IsEmpty ? 0 : workers[i];
                var newWorker = worker != 0 && seenWorkers.Add(worker);
                var reReferral = false;
                if (kind == ActivityKind.Referral)
                {
                    var since = date.AddDays(-ReReferralDays);
                    // records are in time order per person, so the earlier referrals are already listed
                    reReferral = referrals.Exists(r => r >= since && r <= date);
                    referrals.Add(date);
                }
                if (date < first || date >= end)
                {
                    continue;
                }
                var p = Index(starts, date);
                people[p].Add(person);
                households[p].Add(householdOfPerson is not null
                    ? (householdOfPerson[person] >= 0 ? householdOfPerson[person] : -1 - person)
                    : householdOf.IsEmpty || householdOf[i] == 0 ? -1 - person : householdOf[i]);
                switch (definition.Count)
                {
                    case MeasureCount.ContactsPerHousehold when kind == ActivityKind.Contact:
                    case MeasureCount.AssessmentsPerPerson when kind == ActivityKind.Assessment:
                        numerator[p]++;
                        break;
                    case MeasureCount.ReReferralRate when kind == ActivityKind.Referral:
                        denominator[p]++;
                        numerator[p] += reReferral ? 1 : 0;
                        break;
                    case MeasureCount.CostPerHousehold:
                        numerator[p] += (double)(log.Cost(i) ?? 0m);
                        break;
                    case MeasureCount.HelpedShare when !helped.IsEmpty && helped[i] >= 0:
                        denominator[p]++;
                        numerator[p] += helped[i];
                        break;
                    case MeasureCount.SameWorkerShare when worker != 0:
                        denominator[p]++;
                        numerator[p] += newWorker ? 0 : 1;
                        break;
                }
            }
        }
        var points = new List<MeasurePoint>(n);
        for (var p = 0; p < n; p++)
        {
            var below = definition.Count switch
            {
                MeasureCount.ContactsPerHousehold or MeasureCount.CostPerHousehold => households[p].Count,
                MeasureCount.AssessmentsPerPerson => people[p].Count,
                _ => denominator[p],
            };
            if (below > 0)
            {
                points.Add(new MeasurePoint(starts[p], numerator[p] / below, households[p].Count));
            }
        }
        return points;
    }

    private static int Index(List<DateOnly> starts, DateOnly date)
    {
        var i = starts.BinarySearch(date);
        return i >= 0 ? i : ~i - 1;
    }
}
