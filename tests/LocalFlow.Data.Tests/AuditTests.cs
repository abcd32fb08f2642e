using LocalFlow.Data.Audit;
using LocalFlow.Data.Entities;
using LocalFlow.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Data.Tests;

public class AuditTests
{
    private sealed record Actor(int? UserId, string UserName, string Source) : IAuditActor;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ChangingAPerson_IsAudited_WithWhoWhatAndFromWhere(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateUpgradedAsync(provider);
        Guid id;
        await using (var ctx = db.Options.CreateContext(new Actor(7, "wendy", "POST /Locality/Person")))
        {
            var loc = new Locality { Name = "Northfield" };
            ctx.Localities.Add(loc);
            await ctx.SaveChangesAsync();
            var p = new Person { LocalityId = loc.Id, GivenName = "Ruth", FamilyName = "Smyth" };
            ctx.People.Add(p);
            await ctx.SaveChangesAsync();
            id = p.Id;
            p.FamilyName = "Smith";
            await ctx.SaveChangesAsync();
        }
        await using var check = db.Options.CreateContext();
        var events = await check.AuditEvents.Where(e => e.EntityId == id.ToString()).OrderBy(e => e.Id).ToListAsync();
        events.Select(e => e.Operation).ShouldBe([AuditOperation.Create, AuditOperation.Update]);
        events.ShouldAllBe(e => e.UserName == "wendy" && e.UserId == 7 && e.Source == "POST /Locality/Person" && e.EventType == AuditEventType.PersonChanged);
        // the field is named, the old and new names are not copied into the audit (issue 14)
        events[1].Detail.ShouldBe("FamilyName changed");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AuditTrail_IsAppendOnly(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateUpgradedAsync(provider);
        await using var ctx = db.Options.CreateContext();
        AuditTrail.Add(ctx, AuditEventType.SignIn, AuditOperation.Other, "User", "1", null);
        await ctx.SaveChangesAsync();
        await Should.ThrowAsync<Exception>(() => ctx.Database.ExecuteSqlRawAsync("UPDATE audit_events SET user_name = 'someone else'"));
        await Should.ThrowAsync<Exception>(() => ctx.Database.ExecuteSqlRawAsync("DELETE FROM audit_events"));
        (await ctx.AuditEvents.AsNoTracking().SingleAsync()).UserName.ShouldBe("system");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AFailedSave_WritesNeitherTheChangeNorItsAuditEntry(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateUpgradedAsync(provider);
        await using var ctx = db.Options.CreateContext();
        // Locality 999 does not exist: the foreign key fails and nothing may be half-saved.
        ctx.People.Add(new Person { LocalityId = 999, GivenName = "Nobody", FamilyName = "Here" });
        await Should.ThrowAsync<DbUpdateException>(() => ctx.SaveChangesAsync());
        await using var check = db.Options.CreateContext();
        (await check.People.CountAsync()).ShouldBe(0);
        (await check.AuditEvents.CountAsync()).ShouldBe(0);
    }
}
