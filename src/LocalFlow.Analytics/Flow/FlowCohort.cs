namespace LocalFlow.Analytics.Flow;

/// <summary>Five numbers that describe how a figure is spread over a cohort (nearest-rank quartiles).</summary>
/// <param name="Min">Smallest.</param>
/// <param name="LowerQuartile">25th percentile.</param>
/// <param name="Median">50th percentile.</param>
/// <param name="UpperQuartile">75th percentile.</param>
/// <param name="Max">Largest.</param>
public readonly record struct Spread(double Min, double LowerQuartile, double Median, double UpperQuartile, double Max)
{
    /// <summary>The spread of <paramref name="values"/> (sorted in place); all zero when empty.</summary>
    public static Spread Of(double[] values)
    {
        if (values.Length == 0)
        {
            return default;
        }
        Array.Sort(values);
        return new Spread(values[0], Rank(values, 0.25), Rank(values, 0.5), Rank(values, 0.75), values[^1]);
    }

    private static double Rank(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}

/// <summary>A cohort's figures: totals of every <see cref="PersonFigures"/> count and how some are spread across people.</summary>
public sealed record CohortFigures
{
    /// <summary>People in the cohort.</summary>
    public int People { get; init; }

    /// <summary>Total records (exact duplicates counted once).</summary>
    public long Records { get; init; }

    /// <summary>Exact duplicate records, kept but not counted (<see cref="ActivityLog.DuplicatesOf"/>).</summary>
    public long Duplicates { get; init; }

    /// <summary>The start of the cohort's first record.</summary>
    public DateTimeOffset First { get; init; }

    /// <summary>The start of the cohort's last record.</summary>
    public DateTimeOffset Last { get; init; }

    /// <summary>Distinct agencies that made a record about anyone in the cohort.</summary>
    public int Agencies { get; init; }

    /// <summary>Distinct teams across the cohort (per agency, as <see cref="PersonFigures.Teams"/>), each counted once however many people it saw.</summary>
    public int Teams { get; init; }

    /// <summary>Distinct workers across the cohort (per agency), each counted once however many people they saw.</summary>
    public int Workers { get; init; }

    /// <summary>Total interactions.</summary>
    public long Interactions { get; init; }

    /// <summary>Total assessments.</summary>
    public long Assessments { get; init; }

    /// <summary>Total repeated assessments.</summary>
    public long RepeatedAssessments { get; init; }

    /// <summary>Total referrals.</summary>
    public long Referrals { get; init; }

    /// <summary>Total assess–do–refer cycles.</summary>
    public long AssessDoReferCycles { get; init; }

    /// <summary>Total exits.</summary>
    public long Exits { get; init; }

    /// <summary>Total re-entries.</summary>
    public long ReEntries { get; init; }

    /// <summary>Total hospital admissions.</summary>
    public long HospitalAdmissions { get; init; }

    /// <summary>Total days in hospital.</summary>
    public long HospitalDays { get; init; }

    /// <summary>Total days in hospital after medically fit.</summary>
    public long DaysAfterMedicallyFit { get; init; }

    /// <summary>Total documents.</summary>
    public long Documents { get; init; }

    /// <summary>Total judged records.</summary>
    public long JudgedRecords { get; init; }

    /// <summary>Total records that helped.</summary>
    public long HelpedRecords { get; init; }

    /// <summary>Share of judged records that helped, over the cohort; null when none were judged.</summary>
    public double? HelpedShare => JudgedRecords == 0 ? null : (double)HelpedRecords / JudgedRecords;

    /// <summary>Total cost.</summary>
    public decimal Cost { get; init; }

    /// <summary>How records per person are spread.</summary>
    public Spread RecordsPerPerson { get; init; }

    /// <summary>How agencies per person are spread.</summary>
    public Spread AgenciesPerPerson { get; init; }

    /// <summary>How cost per person (pounds) is spread.</summary>
    public Spread CostPerPerson { get; init; }

    /// <summary>How days in hospital per person are spread.</summary>
    public Spread HospitalDaysPerPerson { get; init; }

    /// <summary>The seeds' sentence for the cohort (<see cref="FlowSentence.Of(CohortFigures)"/>).</summary>
    public string Describe() => FlowSentence.Of(this);

    /// <summary>
    /// Sums and spreads the figures of the people given (for any cohort: filter the list first), and counts the
    /// agencies, teams and workers of their records in <paramref name="log"/> once across the cohort.
    /// </summary>
    public static CohortFigures Of(IReadOnlyCollection<PersonFigures> people, ActivityLog log)
    {
        ArgumentNullException.ThrowIfNull(people);
        ArgumentNullException.ThrowIfNull(log);
        var agencies = new HashSet<int>();
        var teams = new HashSet<long>();
        var workers = new HashSet<long>();
        var logAgencies = log.Agencies;
        var logTeams = log.Teams;
        var logWorkers = log.Workers;
        long duplicates = 0;
        DateTimeOffset? first = null, last = null;
        foreach (var p in people)
        {
            var (from, to) = log.EventsOf(p.Person);
            for (var i = from; i < to; i++)
            {
                var a = logAgencies[i];
                agencies.Add(a);
                if (!logTeams.IsEmpty && logTeams[i] != 0)
                {
                    teams.Add(((long)a << 32) | (uint)logTeams[i]);
                }
                if (!logWorkers.IsEmpty && logWorkers[i] != 0)
                {
                    workers.Add(((long)a << 32) | (uint)logWorkers[i]);
                }
            }
            duplicates += p.Duplicates;
            if (p.Records > 0)
            {
                first = first is { } f && f <= p.First ? f : p.First;
                last = last is { } l && l >= p.Last ? l : p.Last;
            }
        }
        return Sum(people) with
        {
            Duplicates = duplicates,
            First = first ?? default,
            Last = last ?? default,
            Agencies = agencies.Count,
            Teams = teams.Count,
            Workers = workers.Count,
        };
    }

    private static CohortFigures Sum(IReadOnlyCollection<PersonFigures> people)
    {
        long records = 0, interactions = 0, assessments = 0, repeats = 0, referrals = 0, cycles = 0, exits = 0, reEntries = 0;
        long admissions = 0, days = 0, fit = 0, documents = 0, judged = 0, helped = 0;
        decimal cost = 0;
        var n = people.Count;
        double[] r = new double[n], a = new double[n], c = new double[n], h = new double[n];
        var at = 0;
        foreach (var p in people)
        {
            records += p.Records;
            interactions += p.Interactions;
            assessments += p.Assessments;
            repeats += p.RepeatedAssessments;
            referrals += p.Referrals;
            cycles += p.AssessDoReferCycles;
            exits += p.Exits;
            reEntries += p.ReEntries;
            admissions += p.HospitalAdmissions;
            days += p.HospitalDays;
            fit += p.DaysAfterMedicallyFit;
            documents += p.Documents;
            judged += p.JudgedRecords;
            helped += p.HelpedRecords;
            cost += p.Cost;
            r[at] = p.Records;
            a[at] = p.Agencies;
            c[at] = (double)p.Cost;
            h[at] = p.HospitalDays;
            at++;
        }
        return new CohortFigures
        {
            People = n,
            Records = records,
            Interactions = interactions,
            Assessments = assessments,
            RepeatedAssessments = repeats,
            Referrals = referrals,
            AssessDoReferCycles = cycles,
            Exits = exits,
            ReEntries = reEntries,
            HospitalAdmissions = admissions,
            HospitalDays = days,
            DaysAfterMedicallyFit = fit,
            Documents = documents,
            JudgedRecords = judged,
            HelpedRecords = helped,
            Cost = cost,
            RecordsPerPerson = Spread.Of(r),
            AgenciesPerPerson = Spread.Of(a),
            CostPerPerson = Spread.Of(c),
            HospitalDaysPerPerson = Spread.Of(h),
        };
    }
}
