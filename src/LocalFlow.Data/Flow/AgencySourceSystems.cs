using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Data.Flow;

/// <summary>One source system an agency's identities came from, with how many of them are linked to a person.</summary>
public sealed record AgencySourceSystem(string Name, int Identities, int Linked);

/// <summary>
/// The source systems an agency actually has in a locality: the systems its imported identities came from. The flow
/// import offers them as the choice of source system, and its errors name them.
/// </summary>
public static class AgencySourceSystems
{
    /// <summary>The agency's source systems, the one with most linked identities first.</summary>
    public static async Task<IReadOnlyList<AgencySourceSystem>> ForAgencyAsync(LocalFlowDb db, int localityId, int agencyId, CancellationToken ct = default)
    {
        var rows = await db.SourceIdentities.AsNoTracking().Where(s => s.LocalityId == localityId && s.AgencyId == agencyId)
            .GroupBy(s => s.Source)
            .Select(g => new { Name = g.Key, Identities = g.Count(), Linked = g.Count(s => s.PersonId != null) })
            .ToListAsync(ct);
        return rows.OrderByDescending(r => r.Linked).ThenBy(r => r.Name, StringComparer.Ordinal)
            .Select(r => new AgencySourceSystem(r.Name, r.Identities, r.Linked)).ToList();
    }

    internal static async Task<List<string>> NamesAsync(LocalFlowDb db, int localityId, int agencyId, CancellationToken ct) =>
        (await ForAgencyAsync(db, localityId, agencyId, ct)).Select(s => s.Name).ToList();
}
