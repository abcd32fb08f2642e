using LocalFlow.Analytics.Flow;
using LocalFlow.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Data.Flow;

/// <summary>One failure-demand signal found in a person's stored records, with the records that raised it.</summary>
public sealed record StoredSignal(FlowSignalKind Kind, string Description, IReadOnlyList<Guid> RecordIds);

/// <summary>The engine's figures and signals for one person's stored records.</summary>
public sealed record PersonAnalysis(PersonFigures Figures, IReadOnlyList<StoredSignal> Signals);

/// <summary>
/// Runs the analytics engine (<see cref="FlowAnalyzer"/>) over records kept in the database: the same
/// definitions as the CLI's file mode (docs/flow-study.md), so that the pages and the CLI agree.
/// </summary>
public static class FlowEngine
{
    /// <summary>The engine's view of stored records, with agency and team names, in the order given.</summary>
    public static ActivityLog Build(IReadOnlyList<ActivityRecord> records, IReadOnlyDictionary<int, string> agencies, IReadOnlyDictionary<int, string> teams)
    {
        var builder = new ActivityLogBuilder(Math.Max(16, records.Count));
        foreach (var r in records)
        {
            builder.Add(new ActivityEvent(
                r.PersonId.ToString("N"),
                r.HouseholdId?.ToString("N"),
                agencies.GetValueOrDefault(r.AgencyId, r.AgencyId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                r.TeamId is { } t ? teams.GetValueOrDefault(t) : null,
                r.WorkerId?.ToString(System.Globalization.CultureInfo.InvariantCulture),
                r.Kind,
                r.Subtype,
                r.ReferredToAgencyId is { } ra ? agencies.GetValueOrDefault(ra) : null,
                r.ReferredToTeamId is { } rt ? teams.GetValueOrDefault(rt) : null,
                new DateTimeOffset(DateTime.SpecifyKind(r.StartUtc, DateTimeKind.Utc)),
                r.EndUtc is { } e ? new DateTimeOffset(DateTime.SpecifyKind(e, DateTimeKind.Utc)) : null,
                r.SourceSystem,
                r.SourceRecordId,
                r.Cost,
                r.Helped,
                r.HelpedReason?.ToString(),
                r.Text));
        }
        return builder.Build();
    }

    /// <summary>One person's figures and signals from their stored records (time order; ties in stored order).</summary>
    public static async Task<PersonAnalysis?> AnalysePersonAsync(LocalFlowDb db, int localityId, Guid personId, CancellationToken ct = default)
    {
        var records = await FlowQueries.RecordsForAsync(db, localityId, personId, ct);
        if (records.Count == 0)
        {
            return null;
        }
        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var teams = await db.Teams.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        var settings = await db.FlowSettings.AsNoTracking().SingleOrDefaultAsync(s => s.LocalityId == localityId, ct);
        var log = Build(records, agencies, teams);
        var analyzer = new FlowAnalyzer(log, settings?.ToOptions() ?? new FlowOptions());
        var signals = analyzer.Signals(0)
            .Select(s => new StoredSignal(s.Kind, s.Describe(log), [.. s.Events.Select(i => records[log.FileOrder[i]].Id)]))
            .ToList();
        return new PersonAnalysis(analyzer.Person(0), signals);
    }
}
