using LocalFlow.Data.Entities;
using LocalFlow.Data.LocalityWork;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Data.Flow;

/// <summary>
/// The stored rows the flow pages list (never figures: every figure comes from <see cref="FlowEngine"/>).
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

    /// <summary>
    /// A person's records that the viewer may see by data sharing agreement (<see cref="Visibility.SharedWith(IQueryable{ActivityRecord}, LocalFlowDb, Viewer)"/>),
    /// in time order (ties in the order they were stored). Whether the person may be seen at all is the caller's to check first.
    /// </summary>
    public static Task<List<ActivityRecord>> RecordsForAsync(LocalFlowDb db, Viewer viewer, int localityId, Guid personId, CancellationToken ct = default)
        => db.ActivityRecords.AsNoTracking().Where(r => r.LocalityId == localityId && r.PersonId == personId).SharedWith(db, viewer)
            .OrderBy(r => r.StartUtc).ThenBy(r => r.SourceRecordId).ToListAsync(ct);

}
