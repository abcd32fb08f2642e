using LocalFlow.Data.Audit;
using LocalFlow.Data.Entities;
using LocalFlow.Data.Trust;
using LocalFlow.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Data.Tests;

/// <summary>
/// Sign-in with the organisation's identity provider (issue 14, item 15): accounts matched by issuer and subject, a
/// first sign-in that waits for an administrator, and roles from claims only when turned on, with four eyes kept.
/// </summary>
public class ExternalSignInTests
{
    private const Roles PeopleRoles = Roles.StudyTeam | Roles.LocalityWorker | Roles.DataOfficer;
    private const string Issuer = "https://login.example.org/tenant/v2.0";

    private static ExternalIdentity Person(string subject, string? userName = "pat", string issuer = Issuer, string[]? roles = null, string[]? localities = null)
        => new(issuer, subject, userName, "Pat Smith", roles ?? [], localities ?? []);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AFirstSignIn_WaitsWithNoRole_AndClaimsAreIgnored_UnlessMappingIsOn(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateUpgradedAsync(provider);
        await using var ctx = db.Options.CreateContext();
        ctx.Localities.Add(new Locality { Name = "Testford" });
        await ctx.SaveChangesAsync();

        var first = await ExternalSignIn.MatchAsync(ctx, Person("s-1", roles: ["Analyst"], localities: ["Testford"]), mapClaims: false, PeopleRoles);
        first.Outcome.ShouldBe(ExternalSignInOutcome.Waiting);
        first.Created.ShouldBeTrue();
        first.User.Roles.ShouldBe(Roles.None);
        first.User.Localities.ShouldBeEmpty();
        first.User.PasswordHash.ShouldBe("");
        (await ctx.AuditEvents.CountAsync(e => e.EventType == AuditEventType.UserCreated && e.EntityId == "pat")).ShouldBe(1);

        // an administrator gives a role; the provider's claims still change nothing
        first.User.Roles = Roles.Commissioner;
        await ctx.SaveChangesAsync();
        var second = await ExternalSignIn.MatchAsync(ctx, Person("s-1", roles: ["Analyst", "DataOfficer"]), mapClaims: false, PeopleRoles);
        second.Outcome.ShouldBe(ExternalSignInOutcome.SignedIn);
        second.Created.ShouldBeFalse();
        second.User.Id.ShouldBe(first.User.Id);
        second.User.Roles.ShouldBe(Roles.Commissioner);
        (await ctx.AccessGrants.CountAsync()).ShouldBe(0);

        second.User.Disabled = true;
        await ctx.SaveChangesAsync();
        (await ExternalSignIn.MatchAsync(ctx, Person("s-1"), mapClaims: false, PeopleRoles)).Outcome.ShouldBe(ExternalSignInOutcome.Disabled);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AccountsAreMatchedByIssuerAndSubject_NeverByName(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateUpgradedAsync(provider);
        await using var ctx = db.Options.CreateContext();
        var local = new User { UserName = "pat", DisplayName = "Local Pat", Roles = Roles.Administrator, CreatedAt = DateTime.UtcNow };
        ctx.Users.Add(local);
        await ctx.SaveChangesAsync();

        var atA = await ExternalSignIn.MatchAsync(ctx, Person("same-subject"), mapClaims: false, PeopleRoles);
        var atB = await ExternalSignIn.MatchAsync(ctx, Person("same-subject", issuer: "https://another.example.org/"), mapClaims: false, PeopleRoles);
        var atAAgain = await ExternalSignIn.MatchAsync(ctx, Person("same-subject", userName: "someone-else"), mapClaims: false, PeopleRoles);

        atA.User.Id.ShouldNotBe(local.Id);
        atA.User.UserName.ShouldBe("pat-2");
        atB.User.Id.ShouldNotBe(atA.User.Id);
        atB.User.UserName.ShouldBe("pat-3");
        atAAgain.User.Id.ShouldBe(atA.User.Id);
        atAAgain.Created.ShouldBeFalse();
        (await ctx.Users.AsNoTracking().SingleAsync(u => u.Id == local.Id)).Roles.ShouldBe(Roles.Administrator);
        (await ctx.ExternalLogins.CountAsync()).ShouldBe(2);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task WithMappingOn_RolesFollowTheClaims_ButPeoplesRecordsWaitForFourEyes_AndNoClaimMakesAnAdministrator(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateUpgradedAsync(provider);
        await using var ctx = db.Options.CreateContext();
        var testford = ctx.Localities.Add(new Locality { Name = "Testford" }).Entity;
        await ctx.SaveChangesAsync();

        var first = await ExternalSignIn.MatchAsync(ctx, Person("m-1", roles: ["analyst", "Commissioner", "Administrator", "8", "Analyst,Administrator"], localities: ["testford", "Nowhere"]), mapClaims: true, PeopleRoles);
        first.Outcome.ShouldBe(ExternalSignInOutcome.SignedIn);
        first.User.Roles.ShouldBe(Roles.Analyst | Roles.Commissioner);
        first.User.Localities.Select(l => l.LocalityId).ShouldBe([testford.Id]);
        var stamp = first.User.SecurityStamp;

        // a role taken away at the provider goes at the next sign-in, and the open sessions end
        var second = await ExternalSignIn.MatchAsync(ctx, Person("m-1", roles: ["Analyst", "LocalityWorker"], localities: ["Testford"]), mapClaims: true, PeopleRoles);
        second.User.Roles.ShouldBe(Roles.Analyst);
        second.User.SecurityStamp.ShouldNotBe(stamp);
        var held = await ctx.AccessGrants.AsNoTracking().SingleAsync();
        held.Roles.ShouldBe(Roles.LocalityWorker);
        held.Decision.ShouldBe(GrantDecision.Pending);
        held.MaySeeRestricted.ShouldBeFalse();

        // the same claims again hold nothing more
        await ExternalSignIn.MatchAsync(ctx, Person("m-1", roles: ["Analyst", "LocalityWorker"], localities: ["Testford"]), mapClaims: true, PeopleRoles);
        (await ctx.AccessGrants.CountAsync()).ShouldBe(1);
        (await ctx.AuditEvents.CountAsync(e => e.EventType == AuditEventType.UserChanged && e.Detail!.Contains("From the identity provider's claims"))).ShouldBe(2);
    }
}
