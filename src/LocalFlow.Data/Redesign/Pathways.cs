using LocalFlow.Analytics.Redesign;
using LocalFlow.Data.Flow;
using LocalFlow.Data.LocalityWork;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Data.Redesign;

/// <summary>Something placed on the pathway: a need, a line of money (a service paid for) or a building.</summary>
public enum PlacedKind
{
    Need = 1,
    Service = 2,
    Building = 3,
}

/// <summary>A need, service or building with the stages it is placed on (both included).</summary>
public sealed record PlacedItem(PlacedKind Kind, Guid Id, string Title, LifeStage First, LifeStage Last);

/// <summary>
/// The user pathway of a locality as a viewer may see it: the figures drawn from the records of the people in view
/// (<see cref="Pathway.Of"/>), the agencies' names, what the needs and resource databases place on each stage, and the gaps.
/// </summary>
public sealed record PathwayView(PathwayFigures Figures, IReadOnlyDictionary<int, string> Agencies, IReadOnlyList<PlacedItem> Placed,
    IReadOnlyList<StagePlacement> Placements, IReadOnlyList<(LifeStage Stage, PathwayGap Gap)> Gaps);

/// <summary>Loads the pathway of a locality from the flow engine's records and the programme's needs and resources.</summary>
public static class Pathways
{
    /// <summary>
    /// The pathway of <paramref name="localityId"/> as <paramref name="viewer"/> may see it: every counted record of
    /// the locality's flow engine (duplicates left out, as every flow figure does), leaving out the people hidden from
    /// the viewer (<see cref="Visibility.HiddenPeopleAsync"/>), with each person's date of birth as held. With
    /// <paramref name="sharedWith"/> (a viewer who sees exact counts, as the locality team's picture does for the team
    /// who see households), only the records data sharing agreements share with that viewer count
    /// (<see cref="Visibility.SharedWith(IQueryable{Entities.ActivityRecord}, LocalFlowDb, Viewer)"/>); without it, every
    /// record, for counts seen only through the small-number rule. The figures are kept with the engine (until the
    /// locality's data change) per viewer, day and <see cref="Visibility.SharingKeyAsync"/>, so only a first view works
    /// them out; what is placed on the stages is read on every view.
    /// </summary>
    public static async Task<PathwayView> LoadAsync(LocalFlowDb db, FlowEngines engines, Viewer viewer, int localityId, DateOnly today, Viewer? sharedWith = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(engines);
        ArgumentNullException.ThrowIfNull(viewer);
        var figures = viewer.LocalityIds.Contains(localityId)
            ? await FiguresAsync(db, engines, viewer, localityId, today, sharedWith, ct)
            : Pathway.Of([], today);
        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var (placed, placements) = await PlacementsAsync(db, localityId, ct);
        return new PathwayView(figures, agencies, placed, placements, Pathway.GapsOf(figures, placements));
    }

    /// <summary>The needs, services (lines of money) and buildings placed on the pathway, by first stage, and how many are on each stage.</summary>
    public static async Task<(IReadOnlyList<PlacedItem> Items, IReadOnlyList<StagePlacement> Stages)> PlacementsAsync(LocalFlowDb db, int localityId, CancellationToken ct = default)
    {
        var placed = new List<PlacedItem>();
        placed.AddRange((await db.Needs.AsNoTracking().Where(n => n.LocalityId == localityId && n.FirstStage != null)
            .Select(n => new { n.Id, n.Title, n.FirstStage, n.LastStage }).ToListAsync(ct))
            .Select(n => new PlacedItem(PlacedKind.Need, n.Id, n.Title, n.FirstStage!.Value, n.LastStage ?? n.FirstStage!.Value)));
        placed.AddRange((await db.ResourceMoney.AsNoTracking().Where(m => m.LocalityId == localityId && m.FirstStage != null)
            .Select(m => new { m.Id, m.Purpose, m.Body, m.FirstStage, m.LastStage }).ToListAsync(ct))
            .Select(m => new PlacedItem(PlacedKind.Service, m.Id, m.Body.Length > 0 ? $"{m.Purpose} ({m.Body})" : m.Purpose, m.FirstStage!.Value, m.LastStage ?? m.FirstStage!.Value)));
        placed.AddRange((await db.ResourceBuildings.AsNoTracking().Where(b => b.LocalityId == localityId && b.FirstStage != null)
            .Select(b => new { b.Id, b.Name, b.FirstStage, b.LastStage }).ToListAsync(ct))
            .Select(b => new PlacedItem(PlacedKind.Building, b.Id, b.Name, b.FirstStage!.Value, b.LastStage ?? b.FirstStage!.Value)));
        placed = [.. placed.OrderBy(p => p.First).ThenBy(p => p.Kind).ThenBy(p => p.Title, StringComparer.OrdinalIgnoreCase)];
        return (placed, Pathway.Place(Spans(placed, PlacedKind.Need), Spans(placed, PlacedKind.Service), Spans(placed, PlacedKind.Building)));
    }

    private static IEnumerable<(LifeStage?, LifeStage?)> Spans(List<PlacedItem> placed, PlacedKind kind)
        => placed.Where(p => p.Kind == kind).Select(p => ((LifeStage?)p.First, (LifeStage?)p.Last));

    private static async Task<PathwayFigures> FiguresAsync(LocalFlowDb db, FlowEngines engines, Viewer viewer, int localityId, DateOnly today, Viewer? sharedWith, CancellationToken ct)
    {
        var engine = await engines.ForLocalityAsync(db, localityId, ct);
        // Who is hidden depends on who is looking (a named worker sees the restricted people they are named on), and
        // which records count on what the sharing rule reads (read before the records, as the picture does).
        var sharing = sharedWith is null ? "aggregate" : await Visibility.SharingKeyAsync(db, sharedWith, ct);
        var key = string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"Redesign/pathway/{today:yyyy-MM-dd}/{(viewer.MaySeeRestricted ? "all" : viewer.WorkerId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-")}/{sharing}");
        if (engine.TryKept<PathwayFigures>(key, out var kept))
        {
            return kept;
        }
        var shared = await SharedPairsAsync(db, localityId, sharedWith, ct);
        var hidden = await Visibility.HiddenPeopleAsync(db, viewer, localityId, ct);
        var births = await db.People.AsNoTracking().Where(p => p.LocalityId == localityId)
            .Select(p => new { p.Id, p.DateOfBirth }).ToDictionaryAsync(p => p.Id, p => p.DateOfBirth, ct);
        var log = engine.Log;
        var rows = new List<PathwayRecord>(log.Count);
        for (var p = 0; p < log.PersonCount; p++)
        {
            var id = engine.PersonId(p);
            if (hidden.Contains(id))
            {
                continue;
            }
            var birth = births.GetValueOrDefault(id);
            var (from, to) = log.EventsOf(p);
            for (var i = from; i < to; i++)
            {
                if (shared is not null && !shared.Own.Contains(engine.AgencyId(i)) && !shared.Pairs.Contains((id, engine.AgencyId(i))))
                {
                    continue;
                }
                rows.Add(new PathwayRecord(p, birth, DateOnly.FromDateTime(log.Start(i).DateTime), engine.AgencyId(i)));
            }
        }
        return engine.Keep(key, Pathway.Of(rows, today));
    }

    /// <summary>The viewer's own agencies, and each person and other agency whose records the sharing rule lets the viewer see.</summary>
    private sealed record SharedPairs(IReadOnlySet<int> Own, HashSet<(Guid Person, int Agency)> Pairs);

    /// <summary>
    /// Which records of the locality <paramref name="sharedWith"/> may see, as pairs of person and agency: the one rule
    /// (<see cref="Visibility.SharedWith(IQueryable{Entities.ActivityRecord}, LocalFlowDb, Viewer)"/>) decides by the
    /// record's locality, agency and person only, so its answer for each pair is its answer for every record of the
    /// pair. The viewer's own agencies are always seen and not read. Null when nothing is narrowed.
    /// </summary>
    private static async Task<SharedPairs?> SharedPairsAsync(LocalFlowDb db, int localityId, Viewer? sharedWith, CancellationToken ct)
    {
        if (sharedWith?.AgencyIds is not { } own)
        {
            return null;
        }
        var pairs = await db.ActivityRecords.AsNoTracking().Where(r => r.LocalityId == localityId && !own.Contains(r.AgencyId))
            .SharedWith(db, sharedWith).Select(r => new { r.PersonId, r.AgencyId }).Distinct().ToListAsync(ct);
        return new SharedPairs(own.ToHashSet(), pairs.Select(p => (p.PersonId, p.AgencyId)).ToHashSet());
    }
}
