using LocalFlow.Analytics.Locality;
using LocalFlow.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Data.LocalityWork;

/// <summary>
/// The team's own board, for a self-managing neighbourhood team: everyone the team works with now (what matters to
/// them, what happens next, who their key worker is), who is waiting, who needs a visit, the team's capacity and the
/// continuity each household has had. Restricted households the viewer is not named on show as restricted only.
/// </summary>
public static class TeamBoard
{
    /// <summary>Days without anything happening after which a household needs a visit (<see cref="BoardAttention.QuietDays"/>).</summary>
    public const int QuietDays = BoardAttention.QuietDays;

    /// <summary>One household (or person) the team works with now.</summary>
    /// <param name="Summary">Who they are, what matters and what happens next, as the viewer may see it.</param>
    /// <param name="KeyWorker">The key worker's name.</param>
    /// <param name="IsNew">No good-life conversation yet: new to the team, for example handed over from a front door.</param>
    /// <param name="Overdue">An open action's date has passed.</param>
    /// <param name="LastHappened">The last day the team did something with them (a contact, a done action, a conversation), or null.</param>
    /// <param name="Continuity">How many different workers of any agency they have met since the team began working with them, from <see cref="Continuity"/>; null when restricted from the viewer or no meeting names a worker.</param>
    public sealed record Row(SupportSummary Summary, string KeyWorker, bool IsNew, bool Overdue, DateOnly? LastHappened, PersonContinuity? Continuity)
    {
        /// <summary>Waiting for the team (<see cref="BoardAttention.IsWaiting"/>); never a restricted household the viewer may not see.</summary>
        public bool Waiting => Summary.SeenInFull && (IsNew || Overdue);

        /// <summary>Whether they need a visit as of <paramref name="today"/> (<see cref="BoardAttention.NeedsVisit"/>); never a restricted household the viewer may not see.</summary>
        public bool NeedsVisit(DateOnly today) => Summary.SeenInFull && BoardAttention.NeedsVisit(Summary.Support.StartedOn, LastHappened, today);
    }

    /// <summary>A worker of the team and how many households they are key worker for, and involved with, now.</summary>
    public sealed record WorkerLoad(int WorkerId, string Name, int KeyWorkerFor, int InvolvedWith);

    /// <summary>The board: the team (purpose and principles), the rows ordered by key worker then name, each worker's load, and how many the team has stepped back from.</summary>
    public sealed record Board(LocalityTeam? Team, IReadOnlyList<Row> Rows, IReadOnlyList<WorkerLoad> Capacity, int SteppedBack);

    /// <summary>The board of the locality's team as <paramref name="viewer"/> may see it, on <paramref name="today"/>.</summary>
    public static async Task<Board> ForAsync(LocalFlowDb db, Viewer viewer, int localityId, DateOnly today, CancellationToken ct = default)
    {
        var team = await db.LocalityTeams.AsNoTracking().SingleOrDefaultAsync(t => t.LocalityId == localityId, ct);
        if (team is null || !viewer.LocalityIds.Contains(localityId))
        {
            return new Board(team, [], [], 0);
        }
        var all = await db.Supports.AsNoTracking().Where(s => s.LocalityId == localityId && s.RemovedUtc == null).ToListAsync(ct);
        var now = all.Where(s => s.SteppedBackOn is null).ToList();
        var summaries = await SupportSummary.LoadAsync(db, viewer, localityId, now, ct);
        var personIds = summaries.SelectMany(s => s.Members).Select(p => p.Id).ToList();
        var since = now.Count == 0 ? today : now.Min(s => s.StartedOn);
        var sinceUtc = since.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

        // What the team did (contacts, done actions), and every meeting with a named worker of any agency.
        var records = await db.ActivityRecords.AsNoTracking()
            .Where(r => r.LocalityId == localityId && personIds.Contains(r.PersonId) && r.StartUtc >= sinceUtc && (r.AgencyId == team.AgencyId || r.WorkerId != null))
            .Select(r => new { r.PersonId, r.AgencyId, r.WorkerId, r.StartUtc }).ToListAsync(ct);
        var talked = await db.GoodLifeConversations.AsNoTracking()
            .Where(c => c.LocalityId == localityId && personIds.Contains(c.PersonId) && c.RemovedUtc == null)
            .Select(c => new { c.PersonId, c.HeldOn }).ToListAsync(ct);
        var supportOf = new Dictionary<Guid, Support>();
        foreach (var s in summaries)
        {
            foreach (var m in s.Members)
            {
                supportOf.TryAdd(m.Id, s.Support);
            }
        }
        var meetings = records.Where(r => r.WorkerId != null && DateOnly.FromDateTime(r.StartUtc) >= supportOf[r.PersonId].StartedOn)
            .Select(r => new Meeting(supportOf[r.PersonId].Id.ToString("N"), r.WorkerId!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), DateOnly.FromDateTime(r.StartUtc)));
        var continuity = Continuity.Of(meetings).ToDictionary(c => c.PersonKey);
        var lastDone = records.Where(r => r.AgencyId == team.AgencyId).Select(r => (Support: supportOf[r.PersonId].Id, On: DateOnly.FromDateTime(r.StartUtc)))
            .Concat(talked.Select(c => (Support: supportOf[c.PersonId].Id, On: c.HeldOn)))
            .GroupBy(x => x.Support).ToDictionary(g => g.Key, g => BoardAttention.LastHappened(g.Select(x => x.On), today));
        var conversed = talked.Select(c => supportOf[c.PersonId].Id).ToHashSet();

        var workers = await db.Workers.AsNoTracking().Where(w => w.AgencyId == team.AgencyId).OrderBy(w => w.Name).ToListAsync(ct);
        var keyNames = await db.Workers.AsNoTracking().Where(w => now.Select(s => s.KeyWorkerId).Contains(w.Id)).ToDictionaryAsync(w => w.Id, w => w.Name, ct);
        var rows = summaries.Select(s => new Row(s, keyNames.GetValueOrDefault(s.Support.KeyWorkerId, "Not known"),
                !conversed.Contains(s.Support.Id),
                s.SeenInFull && BoardAttention.IsOverdue(s.NextOn, today),
                s.SeenInFull && lastDone.TryGetValue(s.Support.Id, out var last) ? last : null,
                s.SeenInFull ? continuity.GetValueOrDefault(s.Support.Id.ToString("N")) : null))
            .OrderBy(r => r.KeyWorker, StringComparer.Ordinal).ThenBy(r => r.Summary.Name, StringComparer.Ordinal).ToList();

        var nowIds = now.Select(s => s.Id).ToList();
        var involved = await db.Involvements.AsNoTracking().Where(i => i.LocalityId == localityId && i.RemovedUtc == null && i.WorkerId != null && nowIds.Contains(i.SupportId))
            .Select(i => new { i.WorkerId, i.SupportId }).Distinct().ToListAsync(ct);
        var capacity = workers.Select(w => new WorkerLoad(w.Id, w.Name, now.Count(s => s.KeyWorkerId == w.Id), involved.Count(i => i.WorkerId == w.Id))).ToList();
        return new Board(team, rows, capacity, all.Count - now.Count);
    }
}
