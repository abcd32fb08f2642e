using LocalFlow.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Data.LocalityWork;

/// <summary>The local resource directory, searched by skill and by street: one directory for the whole locality.</summary>
public static class DirectorySearch
{
    /// <summary>A directory entry with the street it is on, for lists and pickers.</summary>
    public sealed record Found(Guid Id, DirectoryEntryKind Kind, string Name, string Skills, string Availability, string? Street, string Area, string Contact);

    /// <summary>
    /// Entries (not removed) whose skills contain <paramref name="skill"/> and whose street or area contains
    /// <paramref name="street"/>, case ignored; either may be empty. Ordered by name.
    /// </summary>
    public static async Task<IReadOnlyList<Found>> SearchAsync(LocalFlowDb db, int localityId, string? skill, string? street, CancellationToken ct = default)
    {
        var q = db.DirectoryEntries.AsNoTracking().Where(e => e.LocalityId == localityId && e.RemovedUtc == null);
        if (Like(skill) is { } s)
        {
            q = q.Where(e => EF.Functions.Like(e.Skills.ToLower(), s));
        }
        var streets = db.Streets.Where(x => x.LocalityId == localityId);
        if (Like(street) is { } st)
        {
            q = q.Where(e => EF.Functions.Like(e.Area.ToLower(), st) || streets.Any(x => x.Id == e.StreetId && EF.Functions.Like(x.Name.ToLower(), st)));
        }
        return await q.OrderBy(e => e.Name)
            .Select(e => new Found(e.Id, e.Kind, e.Name, e.Skills, e.Availability, streets.Where(x => x.Id == e.StreetId).Select(x => x.Name).FirstOrDefault(), e.Area, e.Contact))
            .ToListAsync(ct);
    }

    // Lower-cased on both sides: SQLite's LIKE ignores case, PostgreSQL's does not.
    private static string? Like(string? text)
    {
        var t = text?.Trim();
        return string.IsNullOrEmpty(t) ? null : "%" + t.Replace("%", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).ToLowerInvariant() + "%";
    }
}
