using System.Globalization;
using LocalFlow.Data.Audit;
using LocalFlow.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Data;

/// <summary>What an administrator wants a user's access to be (roles, restricted records, localities).</summary>
public sealed record WantedAccess(Roles Roles, bool MaySeeRestricted, IReadOnlySet<int> Localities);

/// <summary>What became of an approval or refusal.</summary>
public enum GrantOutcome
{
    Done,
    NotFound,
    AlreadyDecided,
    /// <summary>The administrator asked for the grant, or it is for them: another administrator must decide.</summary>
    OwnGrant,
}

/// <summary>
/// Four eyes on access to people (issue 14, item 8; docs/trust.md). A change an administrator makes to a user takes
/// effect at once, except the part that grants access to people or restricted records: that part is held as an
/// <see cref="AccessGrant"/> until a second administrator, neither the one who asked nor the user it is for, approves
/// it. Asking, approving and refusing are audited.
/// </summary>
public sealed class AccessGrants(LocalFlowDb db)
{

    /// <summary>
    /// Splits a wanted change into what takes effect now and the grant to hold (null when it grants nothing):
    /// <list type="bullet">
    /// <item>roles among <paramref name="peopleRoles"/> (those that open people's records) the user does not hold yet;</item>
    /// <item>being allowed every restricted record, when they are not yet;</item>
    /// <item>localities added while the wanted roles include one of <paramref name="peopleRoles"/>.</item>
    /// </list>
    /// Everything else (other roles, removals, disabling, agencies, teams) is not held.
    /// </summary>
    public static (WantedAccess Now, AccessGrant? Held) Split(User user, WantedAccess wanted, Roles peopleRoles)
    {
        var addedRoles = wanted.Roles & peopleRoles & ~user.Roles;
        var restricted = wanted.MaySeeRestricted && !user.MaySeeRestricted;
        var had = user.Localities.Select(l => l.LocalityId).ToHashSet();
        var addedLocalities = (wanted.Roles & peopleRoles) != Roles.None ? wanted.Localities.Where(l => !had.Contains(l)).Order().ToList() : [];
        if (addedRoles == Roles.None && !restricted && addedLocalities.Count == 0)
        {
            return (wanted, null);
        }
        var now = new WantedAccess(wanted.Roles & ~addedRoles, wanted.MaySeeRestricted && !restricted, wanted.Localities.Where(l => !addedLocalities.Contains(l)).ToHashSet());
        var held = new AccessGrant
        {
            UserId = user.Id,
            Roles = addedRoles,
            MaySeeRestricted = restricted,
            LocalityIds = string.Join(',', addedLocalities.Select(l => l.ToString(CultureInfo.InvariantCulture))),
        };
        return (now, held);
    }

    /// <summary>Holds <paramref name="grant"/> for a second administrator, audited. The caller saves.</summary>
    public void Hold(AccessGrant grant, User user, int requestedBy)
    {
        grant.UserId = user.Id;
        grant.RequestedById = requestedBy;
        grant.RequestedUtc = db.Clock.GetUtcNow().UtcDateTime;
        grant.Decision = GrantDecision.Pending;
        db.AccessGrants.Add(grant);
        AuditTrail.Add(db, AuditEventType.AccessGrantRequested, AuditOperation.Create, nameof(User), user.UserName, null, Describe(grant));
    }

    /// <summary>The grants waiting for a decision, oldest first.</summary>
    public Task<List<AccessGrant>> PendingAsync(CancellationToken ct = default)
        => db.AccessGrants.AsNoTracking().Where(g => g.Decision == GrantDecision.Pending).OrderBy(g => g.RequestedUtc).ThenBy(g => g.Id).ToListAsync(ct);

    /// <summary>The latest decided grants, newest first.</summary>
    public Task<List<AccessGrant>> DecidedAsync(int count, CancellationToken ct = default)
        => db.AccessGrants.AsNoTracking().Where(g => g.Decision != GrantDecision.Pending).OrderByDescending(g => g.DecidedUtc).ThenByDescending(g => g.Id).Take(count).ToListAsync(ct);

    /// <summary>
    /// Approves or refuses a pending grant as administrator <paramref name="decidedBy"/>. Approval gives the user the
    /// access and ends their open sessions (<see cref="Accounts.RenewSecurityStamp"/>). Nobody decides a grant they
    /// asked for or one for themselves.
    /// </summary>
    public async Task<GrantOutcome> DecideAsync(int grantId, int decidedBy, bool approve, CancellationToken ct = default)
    {
        var grant = await db.AccessGrants.SingleOrDefaultAsync(g => g.Id == grantId, ct);
        if (grant is null)
        {
            return GrantOutcome.NotFound;
        }
        if (grant.Decision != GrantDecision.Pending)
        {
            return GrantOutcome.AlreadyDecided;
        }
        if (grant.RequestedById == decidedBy || grant.UserId == decidedBy)
        {
            return GrantOutcome.OwnGrant;
        }
        var user = await db.Users.Include(u => u.Localities).SingleAsync(u => u.Id == grant.UserId, ct);
        grant.Decision = approve ? GrantDecision.Approved : GrantDecision.Refused;
        grant.DecidedById = decidedBy;
        grant.DecidedUtc = db.Clock.GetUtcNow().UtcDateTime;
        if (approve)
        {
            user.Roles |= grant.Roles;
            user.MaySeeRestricted |= grant.MaySeeRestricted;
            foreach (var l in grant.Localities.Where(l => !user.Localities.Any(x => x.LocalityId == l)))
            {
                user.Localities.Add(new UserLocality { UserId = user.Id, LocalityId = l });
            }
            Accounts.RenewSecurityStamp(user);
        }
        AuditTrail.Add(db, approve ? AuditEventType.AccessGrantApproved : AuditEventType.AccessGrantRefused, AuditOperation.Update, nameof(User), user.UserName, null,
            $"Grant {grant.Id.ToString(CultureInfo.InvariantCulture)}: {Describe(grant)}");
        await db.SaveChangesAsync(ct);
        return GrantOutcome.Done;
    }

    /// <summary>What a grant adds, in words (for the audit and the security page).</summary>
    public static string Describe(AccessGrant grant)
    {
        var parts = new List<string>();
        if (grant.Roles != Roles.None)
        {
            parts.Add($"roles {grant.Roles}");
        }
        if (grant.MaySeeRestricted)
        {
            parts.Add("every restricted record");
        }
        if (grant.LocalityIds.Length > 0)
        {
            parts.Add($"localities {grant.LocalityIds}");
        }
        return string.Join("; ", parts);
    }
}

internal sealed class AccessGrantConfiguration : IEntityTypeConfiguration<AccessGrant>
{
    public void Configure(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<AccessGrant> builder) => builder.HasIndex(g => g.Decision);
}
