using LocalFlow.Analytics.Flow;
using LocalFlow.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Data.Flow;

/// <summary>One failure-demand signal found in a person's stored records, with the records that raised it.</summary>
public sealed record StoredSignal(FlowSignalKind Kind, string Description, IReadOnlyList<Guid> RecordIds);

/// <summary>The engine's figures and signals for one person's stored records.</summary>
public sealed record PersonAnalysis(PersonFigures Figures, IReadOnlyList<StoredSignal> Signals);

/// <summary>
/// The engine over many people's stored records (a locality, or a cohort of it): the log, the analyzer with the
/// locality's windows, and the way back from the log's people and records to the stored ones.
/// </summary>
public sealed class StoredFlow
{
    private readonly IReadOnlyDictionary<int, string> _agencies;
    private readonly IReadOnlyDictionary<int, string> _teams;

    internal StoredFlow(IReadOnlyList<ActivityRecord> records, IReadOnlyDictionary<int, string> agencies, IReadOnlyDictionary<int, string> teams, FlowOptions options)
    {
        Records = records;
        _agencies = agencies;
        _teams = teams;
        Log = FlowEngine.Build(records, agencies, teams);
        Analyzer = new FlowAnalyzer(Log, options);
    }

    /// <summary>The stored records, in the order they were given to the engine.</summary>
    public IReadOnlyList<ActivityRecord> Records { get; }

    /// <summary>The engine's log of <see cref="Records"/> (people ordered by id, then time).</summary>
    public ActivityLog Log { get; }

    /// <summary>Figures and signals over <see cref="Log"/>, with the locality's windows.</summary>
    public FlowAnalyzer Analyzer { get; }

    /// <summary>The stored person behind the log's person number.</summary>
    public Guid PersonId(int person) => Guid.ParseExact(Log.PersonId(person), "N");

    /// <summary>The stored record behind the log's record index.</summary>
    public ActivityRecord Record(int index) => Records[Log.FileOrder[index]];

    /// <summary>The engine over the records of <paramref name="people"/> only (a cohort), with the same names and windows.</summary>
    public StoredFlow ForPeople(IReadOnlySet<Guid> people)
        => new([.. Records.Where(r => people.Contains(r.PersonId))], _agencies, _teams, Analyzer.Options);
}

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

    /// <summary>
    /// The engine over every stored record of a locality, built once per call (a few thousand records take
    /// milliseconds). Agencies are named by their short names, as the pages show them.
    /// </summary>
    public static async Task<StoredFlow> AnalyseLocalityAsync(LocalFlowDb db, int localityId, CancellationToken ct = default)
    {
        var records = await db.ActivityRecords.AsNoTracking().Where(r => r.LocalityId == localityId)
            .OrderBy(r => r.StartUtc).ThenBy(r => r.SourceRecordId).ToListAsync(ct);
        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.ShortName, ct);
        var teams = await db.Teams.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        var settings = await db.FlowSettings.AsNoTracking().SingleOrDefaultAsync(s => s.LocalityId == localityId, ct);
        return new StoredFlow(records, agencies, teams, settings?.ToOptions() ?? new FlowOptions());
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
