using LocalFlow.Data.Audit;
using LocalFlow.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Data.LocalityWork;

/// <summary>
/// One person as a viewer finds them: the person with their household, and whether the viewer sees them in full
/// (<see cref="Visibility.SeesInFullAsync(LocalFlowDb, Viewer, Person, CancellationToken)"/>). The one way a page,
/// endpoint or report that opens one person loads them, so the locality check, the restricted check and the 404 for
/// what the viewer may not see are written once; <see cref="AuditReadAsync"/> is the one audited read of them.
/// </summary>
/// <param name="Person">The person, untracked, with <see cref="Person.Household"/> loaded.</param>
/// <param name="SeenInFull">Whether the viewer may see the person in full (address, whereabouts, the team's work).</param>
public sealed record PersonInView(Person Person, bool SeenInFull)
{
    /// <summary>Whether the person is restricted, themselves or through their household (<see cref="Visibility.IsRestricted"/>).</summary>
    public bool Restricted => Visibility.IsRestricted(Person);

    /// <summary>Where the person lives as this viewer may be shown it (<see cref="Visibility.WhereaboutsOf"/>).</summary>
    public Whereabouts Whereabouts => Visibility.WhereaboutsOf(Person, SeenInFull);

    /// <summary>
    /// The person with <paramref name="id"/> in one of the viewer's localities, seen in full or not; null when there is
    /// no such person there. The answer is the same whether the person does not exist or is in a locality the viewer
    /// cannot see, so a page answers 404 for both and nothing leaks.
    /// </summary>
    public static async Task<PersonInView?> FindAsync(LocalFlowDb db, Viewer viewer, Guid id, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(viewer);
        var localities = viewer.LocalityIds;
        var person = await db.People.AsNoTracking().Include(p => p.Household).SingleOrDefaultAsync(p => p.Id == id && localities.Contains(p.LocalityId), ct);
        return person is null ? null : new PersonInView(person, await Visibility.SeesInFullAsync(db, viewer, person, ct));
    }

    /// <summary>
    /// The person with <paramref name="id"/> (household loaded) when the viewer may see them in full; null otherwise:
    /// not in the viewer's localities, or restricted and the viewer neither allowed nor named. Pages that work with the
    /// person answer 404 either way.
    /// </summary>
    public static async Task<Person?> SeenInFullAsync(LocalFlowDb db, Viewer viewer, Guid id, CancellationToken ct = default)
        => await FindAsync(db, viewer, id, ct) is { SeenInFull: true } found ? found.Person : null;

    /// <summary>Audits that the signed-in user read this person's data (one entry naming the person), with what was shown.</summary>
    public static Task AuditReadAsync(LocalFlowDb db, Person person, AuditEventType type, string? detail, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(person);
        return AuditTrail.ReadAsync(db, type, nameof(Entities.Person), person.Id.ToString(), person.LocalityId, detail, ct: ct);
    }
}
