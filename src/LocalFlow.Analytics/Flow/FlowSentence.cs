using System.Globalization;
using System.Text;

namespace LocalFlow.Analytics.Flow;

/// <summary>
/// The seeds' own way of stating a case history in one sentence: "Over 10 months: 179 activity records by 91 staff
/// from 20 teams; 12 assessments, 11 referrals; 6 hospital admissions totalling 81 days". One person's sentence and
/// a cohort's ("Over 16 years: 132 people, 6,266 activity records by 410 staff from 52 teams in 13 agencies; 900
/// assessments (120 repeated), 700 referrals; ...") are made here, from the engine's figures only, so the person
/// page, the cohort page, the API and the CLI say the same thing. The period runs from the first to the last
/// counted record: whole days under two months, whole months under two years, else whole years. The admissions
/// clause is left out when there were none.
/// </summary>
public static class FlowSentence
{
    /// <summary>One person's sentence.</summary>
    public static string Of(PersonFigures f)
    {
        ArgumentNullException.ThrowIfNull(f);
        if (f.Records == 0)
        {
            return "No activity records.";
        }
        var sb = new StringBuilder();
        sb.Append("Over ").Append(Period(f.First, f.Last)).Append(": ");
        sb.Append(Count(f.Records, "activity record")).Append(" by ").Append(Count(f.Workers, "member of staff", "staff"));
        sb.Append(" from ").Append(Count(f.Teams, "team")).Append("; ");
        sb.Append(Count(f.Assessments, "assessment")).Append(", ").Append(Count(f.Referrals, "referral"));
        Admissions(sb, f.HospitalAdmissions, f.HospitalDays);
        return sb.ToString();
    }

    /// <summary>A cohort's sentence: staff, teams and agencies are counted once across the cohort, not summed person by person.</summary>
    public static string Of(CohortFigures c)
    {
        ArgumentNullException.ThrowIfNull(c);
        if (c.People == 0)
        {
            return "Nobody matches these filters.";
        }
        var sb = new StringBuilder();
        sb.Append("Over ").Append(Period(c.First, c.Last)).Append(": ");
        sb.Append(Count(c.People, "person", "people")).Append(", ").Append(Count(c.Records, "activity record"));
        sb.Append(" by ").Append(Count(c.Workers, "member of staff", "staff")).Append(" from ").Append(Count(c.Teams, "team"));
        sb.Append(" in ").Append(Count(c.Agencies, "agency", "agencies")).Append("; ");
        sb.Append(Count(c.Assessments, "assessment")).Append(" (").Append(Number(c.RepeatedAssessments)).Append(" repeated), ");
        sb.Append(Count(c.Referrals, "referral"));
        Admissions(sb, c.HospitalAdmissions, c.HospitalDays);
        return sb.Append('.').ToString();
    }

    private static void Admissions(StringBuilder sb, long admissions, long days)
    {
        if (admissions > 0)
        {
            sb.Append("; ").Append(Count(admissions, "hospital admission")).Append(" totalling ").Append(Count(days, "day"));
        }
    }

    /// <summary>"10 months", "16 years", "3 days": the time from <paramref name="first"/> to <paramref name="last"/> in the seeds' words.</summary>
    public static string Period(DateTimeOffset first, DateTimeOffset last)
    {
        var (count, unit) = PeriodOf(first, last);
        return Count(count, unit switch { PeriodUnit.Day => "day", PeriodUnit.Month => "month", _ => "year" });
    }

    /// <summary>
    /// The time from <paramref name="first"/> to <paramref name="last"/> as the sentence counts it: whole days (at least
    /// one) under two months, whole months under two years, else whole years. For saying the period in another language.
    /// </summary>
    public static (int Count, PeriodUnit Unit) PeriodOf(DateTimeOffset first, DateTimeOffset last)
    {
        var days = (last.UtcDateTime.Date - first.UtcDateTime.Date).Days;
        var months = ((last.Year - first.Year) * 12) + last.Month - first.Month - (last.Day < first.Day ? 1 : 0);
        if (months < 2)
        {
            return (Math.Max(days, 1), PeriodUnit.Day);
        }
        return months < 24 ? (months, PeriodUnit.Month) : (months / 12, PeriodUnit.Year);
    }

    private static string Number(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private static string Count(long n, string one, string? many = null) => Plural.Of(n, one, many);
}

/// <summary>The unit a <see cref="FlowSentence"/> period is counted in.</summary>
public enum PeriodUnit
{
    /// <summary>Whole days.</summary>
    Day,
    /// <summary>Whole months.</summary>
    Month,
    /// <summary>Whole years.</summary>
    Year,
}
