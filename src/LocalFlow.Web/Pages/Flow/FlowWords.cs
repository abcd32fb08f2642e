using System.Globalization;
using LocalFlow.Analytics.Flow;
using LocalFlow.Web.Infrastructure;
using LocalFlow.Web.Resources;

namespace LocalFlow.Web.Pages.Flow;

/// <summary>
/// The flow study's sentences in the request's language: in English exactly LocalFlow.Analytics' own
/// (<see cref="FlowSentence"/>, <see cref="FlowSignal.Describe"/>, <see cref="FlowCohortFilter.Describe"/>), which the
/// API, the CLI and the audit trail keep; in Welsh from <see cref="FlowCohortText"/>, from the same figures.
/// </summary>
public static class FlowWords
{
    /// <summary>One person's case in a sentence.</summary>
    public static string Sentence(PersonFigures f)
    {
        if (!Languages.IsWelsh)
        {
            return FlowSentence.Of(f);
        }
        if (f.Records == 0)
        {
            return FlowCohortText.SentenceNoRecords;
        }
        return Text.Format(FlowCohortText.SentencePerson, Period(f.First, f.Last), N(FlowCohortText.SentenceRecords, f.Records),
            N(FlowCohortText.SentenceStaff, f.Workers), N(FlowCohortText.SentenceTeams, f.Teams),
            N(FlowCohortText.SentenceAssessments, f.Assessments), N(FlowCohortText.SentenceReferrals, f.Referrals),
            Admissions(f.HospitalAdmissions, f.HospitalDays));
    }

    /// <summary>A cohort in a sentence.</summary>
    public static string Sentence(CohortFigures c)
    {
        if (!Languages.IsWelsh)
        {
            return FlowSentence.Of(c);
        }
        if (c.People == 0)
        {
            return FlowCohortText.SentenceNobody;
        }
        return Text.Format(FlowCohortText.SentenceCohort, Period(c.First, c.Last), N(FlowCohortText.SentencePeople, c.People),
            N(FlowCohortText.SentenceRecords, c.Records), N(FlowCohortText.SentenceStaff, c.Workers), N(FlowCohortText.SentenceTeams, c.Teams),
            N(FlowCohortText.SentenceAgencies, c.Agencies), N(FlowCohortText.SentenceAssessments, c.Assessments), Number(c.RepeatedAssessments),
            N(FlowCohortText.SentenceReferrals, c.Referrals), Admissions(c.HospitalAdmissions, c.HospitalDays));
    }

    /// <summary>What a signal found, naming the agencies of the records that raised it.</summary>
    public static string Signal(FlowSignal s, ActivityLog log)
    {
        if (!Languages.IsWelsh)
        {
            return s.Describe(log);
        }
        var first = s.Events[0];
        var last = s.Events[^1];
        var d = N(FlowCohortText.SignalDays, (long)Math.Round((log.StartUtcTicks[last] - log.StartUtcTicks[first]) / (double)TimeSpan.TicksPerDay));
        return s.Kind switch
        {
            FlowSignalKind.RePresentation => Text.Format(FlowCohortText.DescribeRePresentation, log.Agency(last), log.Agency(first), d),
            FlowSignalKind.RepeatedAssessment => Text.Format(FlowCohortText.DescribeRepeatedAssessment, log.Subtype(last), log.Agency(last), log.Agency(first), d),
            FlowSignalKind.AssessRefer => Text.Format(FlowCohortText.DescribeAssessRefer, log.Agency(first),
                log.Kind(last) == ActivityKind.Referral ? FlowCohortText.DescribeReferredOn : FlowCohortText.DescribeClosed, d),
            FlowSignalKind.ReferralPingPong => Text.Format(FlowCohortText.DescribeReferralPingPong, log.Agency(first), log.Agency(last), d),
            FlowSignalKind.ScreenedOutReturnedWorse => Text.Format(FlowCohortText.DescribeScreenedOut, log.Agency(first), d, FlowText.KindName(log.Kind(last)), log.Agency(last)),
            FlowSignalKind.ProgressChasing => s.Events.Length == 1
                ? Text.Format(FlowCohortText.DescribeChasedOnce, log.Agency(last))
                : Text.Format(FlowCohortText.DescribeChased, log.Agency(last), d),
            FlowSignalKind.LongWorkerChain => Text.Format(FlowCohortText.DescribeWorkerChain, Number(s.Events.Length), d),
            _ => FlowText.SignalName(s.Kind),
        };
    }

    /// <summary>Who is in a cohort, in words: "people with a record from Police, with at least 10 records".</summary>
    public static string Filter(FlowCohortFilter filter, IReadOnlyDictionary<int, string> agencies)
    {
        if (!Languages.IsWelsh)
        {
            return filter.Describe(agencies);
        }
        var parts = new List<string>();
        if (filter.Agency is int a)
        {
            parts.Add(Text.Format(FlowCohortText.FilterAgency, agencies.GetValueOrDefault(a, FlowCohortText.FilterAgencyUnknown)));
        }
        if (filter.Signal is FlowSignalKind s)
        {
            parts.Add(Text.Format(FlowCohortText.FilterSignal, FlowText.SignalName(s).ToLower(CultureInfo.CurrentCulture)));
        }
        if (filter.MinRecords is int m)
        {
            parts.Add(Text.Format(FlowCohortText.FilterMinRecords, Number(m)));
        }
        if (filter.Hospital)
        {
            parts.Add(FlowCohortText.FilterHospital);
        }
        if (filter.Stories)
        {
            parts.Add(FlowCohortText.FilterStories);
        }
        return parts.Count == 0 ? FlowCohortText.FilterEveryone : Text.Format(FlowCohortText.FilterPeople, string.Join(", ", parts));
    }

    private static string Period(DateTimeOffset first, DateTimeOffset last)
    {
        var (count, unit) = FlowSentence.PeriodOf(first, last);
        return N(unit switch { PeriodUnit.Day => FlowCohortText.SentenceDays, PeriodUnit.Month => FlowCohortText.SentenceMonths, _ => FlowCohortText.SentenceYears }, count);
    }

    private static string Admissions(long admissions, long days)
        => admissions > 0 ? Text.Format(FlowCohortText.SentenceAdmissions, Number(admissions), N(FlowCohortText.SentenceDays, days)) : "";

    private static string N(string text, long n) => Text.Format(text, Number(n));

    private static string Number(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
