using System.Globalization;
using LocalFlow.Analytics;
using LocalFlow.Analytics.Measures;
using LocalFlow.Data.Audit;
using LocalFlow.Data.Entities;
using LocalFlow.Data.Flow;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Data.Measures;

/// <summary>
/// Saving purpose measures and the experiments watched on them (docs/measures.md), and reading a measure's values
/// from the locality's flow engine. Every save is audited as a change to reference data, with what changed; a
/// measure's <see cref="SavedMeasure.Version"/> rises with each edit.
/// </summary>
public sealed class SavedMeasures(LocalFlowDb db)
{
    /// <summary>Adds <paramref name="measure"/> (Id 0) or changes the stored measure with its id in the same locality. Returns the stored row, or null when there is no such measure.</summary>
    public async Task<SavedMeasure?> SaveAsync(SavedMeasure measure, string by, CancellationToken ct = default)
    {
        var now = db.Clock.GetUtcNow().UtcDateTime;
        if (measure.Id == 0)
        {
            measure.Version = 1;
            measure.UpdatedBy = by;
            measure.UpdatedUtc = now;
            db.SavedMeasures.Add(measure);
            await db.SaveChangesAsync(ct);
            AuditTrail.Add(db, AuditEventType.ReferenceDataChanged, AuditOperation.Create, nameof(SavedMeasure), Id(measure.Id), measure.LocalityId, $"Measure saved: {Describe(measure)}");
            await db.SaveChangesAsync(ct);
            return measure;
        }
        var row = await db.SavedMeasures.SingleOrDefaultAsync(m => m.Id == measure.Id && m.LocalityId == measure.LocalityId, ct);
        if (row is null)
        {
            return null;
        }
        var before = Describe(row);
        (row.Name, row.Purpose, row.Owner, row.Level, row.Counts, row.Period, row.FromDate, row.AgencyId, row.Definition, row.Improvement) =
            (measure.Name, measure.Purpose, measure.Owner, measure.Level, measure.Counts, measure.Period, measure.FromDate, measure.AgencyId, measure.Definition, measure.Improvement);
        var after = Describe(row);
        if (db.Entry(row).State == EntityState.Modified)
        {
            row.Version++;
            row.UpdatedBy = by;
            row.UpdatedUtc = now;
            AuditTrail.Add(db, AuditEventType.ReferenceDataChanged, AuditOperation.Update, nameof(SavedMeasure), Id(row.Id), row.LocalityId, $"Measure changed to version {row.Version}: {before} → {after}");
        }
        await db.SaveChangesAsync(ct);
        return row;
    }

    /// <summary>Adds an experiment (Id 0) or changes the stored one with its id on the same measure. Returns the stored row, or null when there is no such experiment.</summary>
    public async Task<Experiment?> SaveExperimentAsync(Experiment experiment, string by, CancellationToken ct = default)
    {
        var now = db.Clock.GetUtcNow().UtcDateTime;
        Experiment? row;
        if (experiment.Id == 0)
        {
            row = experiment;
            db.Experiments.Add(row);
        }
        else
        {
            row = await db.Experiments.SingleOrDefaultAsync(x => x.Id == experiment.Id && x.MeasureId == experiment.MeasureId && x.LocalityId == experiment.LocalityId, ct);
            if (row is null)
            {
                return null;
            }
            (row.Change, row.ForWhom, row.StartedOn, row.Learned, row.BecameNormal) = (experiment.Change, experiment.ForWhom, experiment.StartedOn, experiment.Learned, experiment.BecameNormal);
        }
        row.RecordedBy = by;
        row.RecordedUtc = now;
        var created = row.Id == 0;
        await db.SaveChangesAsync(ct);
        AuditTrail.Add(db, AuditEventType.ReferenceDataChanged, created ? AuditOperation.Create : AuditOperation.Update, nameof(Experiment), Id(row.Id), row.LocalityId,
            $"Experiment on measure {Id(row.MeasureId)} from {row.StartedOn:yyyy-MM-dd}: {row.Change}" + (row.BecameNormal ? " (became normal practice)" : ""));
        await db.SaveChangesAsync(ct);
        return row;
    }

    /// <summary>
    /// The measure's values from the locality's engine, for every whole period up to <paramref name="until"/>
    /// (<see cref="PurposeMeasures.Series"/>), households taken from the people's stored households.
    /// </summary>
    public async Task<IReadOnlyList<MeasurePoint>> SeriesAsync(FlowEngine flow, SavedMeasure measure, DateOnly until, CancellationToken ct = default)
    {
        var households = await HouseholdsAsync(flow, ct);
        string? agency = measure.AgencyId is int a ? await db.Agencies.Where(x => x.Id == a).Select(x => x.ShortName).SingleOrDefaultAsync(ct) : null;
        var definition = new MeasureDefinition(measure.Counts, measure.Period, measure.FromDate, agency);
        return flow.Kept($"Measures/series:{measure.Id}:{measure.Version}:{until:yyyy-MM-dd}", f => PurposeMeasures.Series(f.Log, definition, until, households));
    }

    /// <summary>
    /// The date locality working began in <paramref name="locality"/>: the day the locality team took on its first
    /// household (the earliest start of a support). Null when the team has taken on none.
    /// </summary>
    public Task<DateOnly?> LocalityWorkingBeganAsync(int locality, CancellationToken ct = default)
        => db.Supports.Where(s => s.LocalityId == locality).MinAsync(s => (DateOnly?)s.StartedOn, ct);

    /// <summary>
    /// The locality's population curves (docs/measures.md, "Population curves"): every saved measure at the geography
    /// and strategic levels, by level then name, each as a <see cref="PopulationCurve"/> with a phase where locality
    /// working began. When <paramref name="exact"/> is false (someone who may not see people), periods describing fewer
    /// than 5 households are left out first (<see cref="Disclosure.Of(IReadOnlyList{MeasurePoint})"/>) and counted in
    /// <see cref="MeasureCurve.LeftOut"/>.
    /// </summary>
    public async Task<PopulationCurves> PopulationCurvesAsync(FlowEngine flow, DateOnly until, bool exact, CancellationToken ct = default)
    {
        var locality = flow.LocalityId;
        var began = await LocalityWorkingBeganAsync(locality, ct);
        var measures = await db.SavedMeasures.AsNoTracking()
            .Where(m => m.LocalityId == locality && (m.Level == MeasureLevel.Geography || m.Level == MeasureLevel.Strategic))
            .OrderBy(m => m.Level).ThenBy(m => m.Name).ToListAsync(ct);
        var curves = new List<MeasureCurve>(measures.Count);
        foreach (var m in measures)
        {
            var series = await SeriesAsync(flow, m, until, ct);
            var (kept, leftOut) = exact ? (series, 0) : Disclosure.Of(series);
            curves.Add(new MeasureCurve(m, PopulationCurve.Of(kept, began, PurposeMeasures.ChartOptions(m.Counts, m.Improvement)), series.Count, leftOut));
        }
        return new PopulationCurves(began, until, curves);
    }

    /// <summary>Each engine person's household as a number (−1 for none), read once per engine.</summary>
    private async Task<IReadOnlyList<int>> HouseholdsAsync(FlowEngine flow, CancellationToken ct)
    {
        if (flow.TryKept<IReadOnlyList<int>>("Measures/households", out var kept))
        {
            return kept;
        }
        var locality = flow.LocalityId;
        var stored = await db.People.AsNoTracking().Where(p => p.LocalityId == locality && p.HouseholdId != null)
            .Select(p => new { p.Id, p.HouseholdId }).ToDictionaryAsync(p => p.Id, p => p.HouseholdId!.Value, ct);
        var numbers = new Dictionary<Guid, int>();
        var result = new int[flow.Log.PersonCount];
        for (var person = 0; person < result.Length; person++)
        {
            result[person] = stored.TryGetValue(flow.PersonId(person), out var h)
                ? (numbers.TryGetValue(h, out var n) ? n : numbers[h] = numbers.Count)
                : -1;
        }
        return flow.Keep<IReadOnlyList<int>>("Measures/households", result);
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static string Describe(SavedMeasure m)
        => $"“{m.Name}” ({m.Level}; {m.Counts} per {m.Period} from {m.FromDate:yyyy-MM-dd}{(m.AgencyId is int a ? $", agency {a}" : "")}; owner {m.Owner}; {m.Improvement}; purpose: {m.Purpose}; definition: {m.Definition})";
}

/// <summary>A saved measure's population curve, with how many whole periods it has and how many were left out as too small to show.</summary>
public sealed record MeasureCurve(SavedMeasure Measure, PopulationCurve Curve, int Periods, int LeftOut);

/// <summary>A locality's population curves: when locality working began (null: not yet), counted up to <paramref name="Until"/>.</summary>
public sealed record PopulationCurves(DateOnly? Began, DateOnly Until, IReadOnlyList<MeasureCurve> Curves);
