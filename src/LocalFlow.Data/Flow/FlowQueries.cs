using LocalFlow.Analytics.Flow;
using LocalFlow.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Data.Flow;

/// <summary>A person's records counted the simple way (see docs/flow-demo.md for each definition).</summary>
public sealed record FlowSummary(
    int Records, int Agencies, int Teams, int Workers, int Assessments, int Referrals, int Admissions, int BedDays,
    int DaysAfterMedicallyFit, decimal Cost, DateTime? First, DateTime? Last)
{
    /// <summary>The seeds' own sentence: "Over 10 months: 179 activity records by 91 staff from 20 teams; ...".</summary>
    public string Sentence()
    {
        if (Records == 0 || First is null || Last is null)
        {
            return "No activity records.";
        }
        // Whole months from the first record to the last (an average month is 30.44 days).
        var months = Math.Max(1, (int)Math.Round((Last.Value - First.Value).TotalDays / 30.44));
        var span = months >= 24 ? $"{Plural(Math.Max(1, (int)Math.Round(months / 12.0)), "year")}" : Plural(months, "month");
        var sentence = $"Over {span}: {Plural(Records, "activity record")} by {Plural(Workers, "named member", "named members")} of staff from {Plural(Teams, "team")}; {Plural(Assessments, "assessment")}, {Plural(Referrals, "referral")}";
        if (Admissions > 0)
        {
            sentence += $"; {Plural(Admissions, "hospital admission")} totalling {Plural(BedDays, "day")}";
            if (DaysAfterMedicallyFit > 0)
            {
                sentence += $", {Plural(DaysAfterMedicallyFit, "day")} of them after being medically fit";
            }
        }
        return sentence + ".";
    }

    private static string Plural(int n, string one, string? many = null) => Analytics.Plural.Of(n, one, many);
}

/// <summary>
/// The few counts the flow pages need until the analytics engine's figures replace them: kept small on
/// purpose. Every count here is over the records given (one person, or one person in a date range).
/// </summary>
public static class FlowQueries
{
    /// <summary>The setting that says which demo person carries which case history ("Ruth=guid;Melvyn=guid;...").</summary>
    public const string CaseHistoriesSettingKey = "demo.flow.case-histories";

    /// <summary>The demo's case histories (story key → person id), in the order they are told; empty when there are none.</summary>
    public static async Task<IReadOnlyList<(string Story, Guid PersonId)>> CaseHistoriesAsync(LocalFlowDb db, CancellationToken ct = default)
    {
        var value = await db.Settings.Where(s => s.Key == CaseHistoriesSettingKey).Select(s => s.Value).SingleOrDefaultAsync(ct);
        if (string.IsNullOrEmpty(value))
        {
            return [];
        }
        return value.Split(';').Select(p => p.Split('=', 2)).Where(p => p.Length == 2 && Guid.TryParse(p[1], out _))
            .Select(p => (p[0], Guid.Parse(p[1]))).ToList();
    }

    /// <summary>A person's records in time order (ties in the order they were stored).</summary>
    public static Task<List<ActivityRecord>> RecordsForAsync(LocalFlowDb db, int localityId, Guid personId, CancellationToken ct = default)
        => db.ActivityRecords.AsNoTracking().Where(r => r.LocalityId == localityId && r.PersonId == personId)
            .OrderBy(r => r.StartUtc).ThenBy(r => r.SourceRecordId).ToListAsync(ct);

    /// <summary>
    /// Counts over the records: records; distinct agencies, teams and named workers; assessments; referrals;
    /// admissions; bed days (each admission's start to its end, whole days); days after medically fit (from the
    /// first medically-fit record inside an admission to its end); total cost.
    /// </summary>
    public static FlowSummary Summarise(IReadOnlyList<ActivityRecord> records)
    {
        var bedDays = 0;
        var afterFit = 0;
        foreach (var a in records.Where(r => r.Kind == ActivityKind.Admission && r.EndUtc is not null))
        {
            bedDays += (int)(a.EndUtc!.Value.Date - a.StartUtc.Date).TotalDays;
            var fit = records.Where(r => r.Kind == ActivityKind.MedicallyFit && r.StartUtc >= a.StartUtc && r.StartUtc <= a.EndUtc).Select(r => (DateTime?)r.StartUtc).Min();
            if (fit is { } f)
            {
                afterFit += (int)(a.EndUtc.Value.Date - f.Date).TotalDays;
            }
        }
        return new FlowSummary(
            records.Count,
            records.Select(r => r.AgencyId).Distinct().Count(),
            records.Where(r => r.TeamId is not null).Select(r => r.TeamId).Distinct().Count(),
            records.Where(r => r.WorkerId is not null).Select(r => r.WorkerId).Distinct().Count(),
            records.Count(r => r.Kind == ActivityKind.Assessment),
            records.Count(r => r.Kind == ActivityKind.Referral),
            records.Count(r => r.Kind == ActivityKind.Admission),
            bedDays,
            afterFit,
            records.Sum(r => r.Cost ?? 0),
            records.Count == 0 ? null : records.Min(r => r.StartUtc),
            records.Count == 0 ? null : records.Max(r => r.StartUtc));
    }

    /// <summary>The records that carry a cost, as dated steps for the cumulative cost curve.</summary>
    public static IReadOnlyList<(DateOnly Date, decimal Amount, string Label)> CostSteps(IEnumerable<ActivityRecord> records)
        => records.Where(r => r.Cost is > 0).OrderBy(r => r.StartUtc)
            .Select(r => (DateOnly.FromDateTime(r.StartUtc), r.Cost!.Value, r.Subtype ?? r.Text ?? r.Kind.ToString())).ToList();
}
