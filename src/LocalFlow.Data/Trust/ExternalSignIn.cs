using System.Globalization;
using LocalFlow.Data.Audit;
using LocalFlow.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Data.Trust;

/// <summary>Who the organisation's identity provider says signed in, from its validated ID token.</summary>
/// <param name="Issuer">The provider's issuer (`iss`).</param>
/// <param name="Subject">The provider's identifier for the person (`sub`).</param>
/// <param name="UserName">A name to give a new account (for example `preferred_username`); the subject when none.</param>
/// <param name="DisplayName">The person's name to show (`name`); the user name when none.</param>
/// <param name="Roles">Values of the configured role claim, used only when mapping from claims is on.</param>
/// <param name="Localities">Values of the configured locality claim (names or ids), used only when mapping is on.</param>
public sealed record ExternalIdentity(string Issuer, string Subject, string? UserName, string? DisplayName, IReadOnlyList<string> Roles, IReadOnlyList<string> Localities);

/// <summary>What a sign-in through the identity provider came to.</summary>
public enum ExternalSignInOutcome
{
    /// <summary>A LocalFlow user with at least one role: their session may begin.</summary>
    SignedIn,
    /// <summary>The account has no role yet: it waits for an administrator, and no session begins.</summary>
    Waiting,
    /// <summary>The account was disabled by an administrator.</summary>
    Disabled,
}

/// <summary>The outcome, with the matched or new user.</summary>
public sealed record ExternalSignInResult(ExternalSignInOutcome Outcome, User User, bool Created);

/// <summary>
/// Sign-in with the organisation's identity provider (issue 14, item 15; docs/security.md). The provider's issuer and
/// subject are matched to a LocalFlow user through <see cref="ExternalLogin"/>, never by email alone, so an account
/// at another provider, or a local account with the same name, is never taken over. A subject seen for the first time
/// gets a new account with no role, locality or restricted access: it sees nothing until an administrator gives it a
/// role, or until mapping from claims (when an administrator has turned it on) gives it one. Mapped roles and
/// localities that open people's records pass through the same four-eyes hold as an administrator's change
/// (<see cref="AccessGrants"/>); restricted access is never taken from a claim. Everything is audited.
/// </summary>
public static class ExternalSignIn
{
    /// <summary>The longest user name LocalFlow makes from a claim.</summary>
    private const int MaxUserName = 100;

    /// <summary>
    /// Matches <paramref name="identity"/> to a user, making a waiting account for an unknown subject. With
    /// <paramref name="mapClaims"/>, the user's roles and localities follow the claims at every sign-in (removals at
    /// once; additions that open people's records, among <paramref name="peopleRoles"/>, held for an administrator).
    /// Saves, with audit entries; the caller sets <see cref="LocalFlowDb.Actor"/>.
    /// </summary>
    public static async Task<ExternalSignInResult> MatchAsync(LocalFlowDb db, ExternalIdentity identity, bool mapClaims, Roles peopleRoles, CancellationToken ct = default)
    {
        var now = db.Clock.GetUtcNow().UtcDateTime;
        // the new account, its login and their audit entries together or not at all
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var login = await db.ExternalLogins.SingleOrDefaultAsync(l => l.Issuer == identity.Issuer && l.Subject == identity.Subject, ct);
        User user;
        var created = login is null;
        if (login is null)
        {
            user = new User
            {
                UserName = await FreeUserNameAsync(db, identity, ct),
                DisplayName = Clip(string.IsNullOrWhiteSpace(identity.DisplayName) ? identity.UserName ?? identity.Subject : identity.DisplayName, 200),
                Roles = Roles.None,
                CreatedAt = now,
            };
            db.Users.Add(user);
            await db.SaveChangesAsync(ct);
            db.ExternalLogins.Add(new ExternalLogin { Issuer = identity.Issuer, Subject = identity.Subject, UserId = user.Id, CreatedUtc = now });
            // the account name only: the subject and issuer stay in external_logins, not copied into the audit
            AuditTrail.Add(db, AuditEventType.UserCreated, AuditOperation.Create, nameof(User), user.UserName, null,
                "First sign-in through the organisation's identity provider: no role until an administrator gives one");
        }
        else
        {
            user = await db.Users.Include(u => u.Localities).Include(u => u.Agencies).Include(u => u.Teams).SingleAsync(u => u.Id == login.UserId, ct);
        }
        if (mapClaims && !user.Disabled)
        {
            await MapAsync(db, user, identity, peopleRoles, ct);
        }
        var outcome = user.Disabled ? ExternalSignInOutcome.Disabled : user.Roles == Roles.None ? ExternalSignInOutcome.Waiting : ExternalSignInOutcome.SignedIn;
        var userKey = user.Id.ToString(CultureInfo.InvariantCulture);
        switch (outcome)
        {
            case ExternalSignInOutcome.SignedIn:
                Accounts.ClearFailures(user);
                user.LastSignInAt = now;
                AuditTrail.Add(db, AuditEventType.SignIn, AuditOperation.Other, nameof(User), userKey, null, "Through the organisation's identity provider");
                break;
            case ExternalSignInOutcome.Waiting:
                AuditTrail.Add(db, AuditEventType.SignInFailed, AuditOperation.Other, nameof(User), userKey, null, "Through the organisation's identity provider: waiting for an administrator to give a role");
                break;
            default:
                AuditTrail.Add(db, AuditEventType.SignInFailed, AuditOperation.Other, nameof(User), userKey, null, "Through the organisation's identity provider: account disabled");
                break;
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new ExternalSignInResult(outcome, user, created);
    }

    /// <summary>Roles and localities from the claims; additions that open people's records are held for four eyes.</summary>
    private static async Task MapAsync(LocalFlowDb db, User user, ExternalIdentity identity, Roles peopleRoles, CancellationToken ct)
    {
        // a claim never makes, or unmakes, an administrator: that stays with LocalFlow's own administrators
        var roles = user.Roles & Roles.Administrator;
        foreach (var value in identity.Roles)
        {
            // a role's name only: never a number or a list, which Enum.TryParse would also accept
            var name = value.Trim();
            if (name.Length > 0 && name.All(char.IsAsciiLetter) && Enum.TryParse<Roles>(name, ignoreCase: true, out var role) && role is not Roles.None and not Roles.Administrator && Enum.IsDefined(role))
            {
                roles |= role;
            }
        }
        var localities = await db.Localities.AsNoTracking().Select(l => new { l.Id, l.Name }).ToListAsync(ct);
        var wantedLocalities = new HashSet<int>();
        foreach (var value in identity.Localities)
        {
            var v = value.Trim();
            var match = localities.FirstOrDefault(l => string.Equals(l.Name, v, StringComparison.OrdinalIgnoreCase)
                || l.Id.ToString(CultureInfo.InvariantCulture) == v);
            if (match is not null)
            {
                wantedLocalities.Add(match.Id);
            }
        }
        var before = Describe(user.Roles, user.Localities.Select(l => l.LocalityId));
        var (now, held) = AccessGrants.Split(user, new WantedAccess(roles, user.MaySeeRestricted, wantedLocalities), peopleRoles);
        user.Roles = now.Roles;
        user.Localities.RemoveAll(l => !now.Localities.Contains(l.LocalityId));
        foreach (var id in now.Localities.Where(id => !user.Localities.Any(l => l.LocalityId == id)).Order())
        {
            user.Localities.Add(new UserLocality { UserId = user.Id, LocalityId = id });
        }
        var after = Describe(user.Roles, user.Localities.Select(l => l.LocalityId));
        if (after != before)
        {
            // a change of access ends any session the user has open, as an administrator's change does
            Accounts.RenewSecurityStamp(user);
            AuditTrail.Add(db, AuditEventType.UserChanged, AuditOperation.Update, nameof(User), user.UserName, null, $"From the identity provider's claims: {before} → {after}");
        }
        if (held is not null)
        {
            var pending = await db.AccessGrants.AnyAsync(g => g.UserId == user.Id && g.Decision == GrantDecision.Pending
                && g.Roles == held.Roles && g.LocalityIds == held.LocalityIds && g.MaySeeRestricted == held.MaySeeRestricted, ct);
            if (!pending)
            {
                // asked for by the user's own sign-in: any administrator may decide it
                new AccessGrants(db).Hold(held, user, user.Id);
            }
        }
    }

    private static string Describe(Roles roles, IEnumerable<int> localities)
        => $"roles {(roles == Roles.None ? "none" : roles.ToString())}; localities {string.Join(',', localities.Order().Select(i => i.ToString(CultureInfo.InvariantCulture)))}";

    /// <summary>The claim's user name, or the subject, made unique among users by a number after it.</summary>
    private static async Task<string> FreeUserNameAsync(LocalFlowDb db, ExternalIdentity identity, CancellationToken ct)
    {
        var wanted = Clip(string.IsNullOrWhiteSpace(identity.UserName) ? identity.Subject : identity.UserName.Trim(), MaxUserName - 4);
        var name = wanted;
        for (var n = 2; await db.Users.AnyAsync(u => u.UserName == name, ct); n++)
        {
            name = $"{wanted}-{n.ToString(CultureInfo.InvariantCulture)}";
        }
        return name;
    }

    private static string Clip(string value, int max) => value.Length <= max ? value : value[..max];
}

internal sealed class ExternalLoginConfiguration : IEntityTypeConfiguration<ExternalLogin>
{
    public void Configure(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<ExternalLogin> builder)
    {
        builder.HasKey(l => new { l.Issuer, l.Subject });
        builder.Property(l => l.Issuer).HasMaxLength(500);
        builder.Property(l => l.Subject).HasMaxLength(255);
        builder.HasOne<User>().WithMany().HasForeignKey(l => l.UserId);
        builder.HasIndex(l => l.UserId);
    }
}
