using LocalFlow.Data.Audit;
using LocalFlow.Data.Entities;
using LocalFlow.Data.Redesign;
using LocalFlow.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Data.Tests.Redesign;

public class GroupsTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task GroupsAndMembers_AreAddedChangedAndRemoved_Audited_AndBadInputChangesNothing(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateUpgradedAsync(provider);
        await using var ctx = db.Options.CreateContext();
        var here = new Locality { Name = "Northfield" };
        var there = new Locality { Name = "Eastfield" };
        ctx.Localities.AddRange(here, there);
        await ctx.SaveChangesAsync();
        var user = new User { UserName = "pat", DisplayName = "Pat", PasswordHash = "x", Localities = [new UserLocality { LocalityId = here.Id }] };
        var stranger = new User { UserName = "eve", DisplayName = "Eve", PasswordHash = "x", Localities = [new UserLocality { LocalityId = there.Id }] };
        ctx.Users.AddRange(user, stranger);
        await ctx.SaveChangesAsync();

        var group = (await Groups.SaveGroupAsync(ctx, here.Id, null, new GroupInput { Name = " Families ", Remit = "Families with children" }, "pat"))!.Current;
        var twin = await Assert.ThrowsAsync<RedesignInputException>(() => Groups.SaveGroupAsync(ctx, here.Id, null, new GroupInput { Name = "Families", Remit = "" }, "pat"));
        var elsewhere = await Groups.SaveGroupAsync(ctx, there.Id, group.Id, new GroupInput { Name = "Stolen", Remit = "x" }, "eve");
        var member = (await Groups.SaveMemberAsync(ctx, here.Id, group.Id, null, new MemberInput { Name = "Priya Shah", Kind = "citizen", Background = "Parent of two" }, "pat"))?.Current;
        var bad = await Assert.ThrowsAsync<RedesignInputException>(() => Groups.SaveMemberAsync(ctx, here.Id, group.Id, member!.Id, new MemberInput { Name = "", Kind = "chair", Background = "x", UserName = "eve", Version = member!.Version }, "pat"));
        ctx.ChangeTracker.Clear();
        var changed = (await Groups.SaveMemberAsync(ctx, here.Id, group.Id, member!.Id, new MemberInput { Name = "Priya Shah", Kind = "staff", Background = "Health visitor", UserName = "pat", Version = member.Version }, "pat"))?.Current;
        var notThere = await Groups.RemoveMemberAsync(ctx, there.Id, group.Id, member.Id);

        Assert.Equal("Families", group.Name);
        Assert.Equal("There is already a group called \"Families\": give this one another name.", twin.Errors["Name"]);
        Assert.Equal("Enter the group's remit: whose lives and which services it looks at.", twin.Errors["Remit"]);
        Assert.Null(elsewhere);
        Assert.Equal(["Kind", "Name", "UserName"], bad.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("Nobody signs in to this locality as \"eve\": check the user name, or leave it blank.", bad.Errors["UserName"]);
        Assert.False(notThere);
        await using (var check = db.Options.CreateContext())
        {
            var stored = await check.GroupMembers.SingleAsync();
            Assert.Equal((MemberKind.Staff, "Health visitor", (int?)user.Id), (stored.Kind, stored.Background, stored.UserId));
            Assert.Equal(1, await check.CommissioningGroups.CountAsync());
        }

        Assert.True(await Groups.RemoveMemberAsync(ctx, here.Id, group.Id, changed!.Id));
        await using var after = db.Options.CreateContext();
        Assert.False(await after.GroupMembers.AnyAsync());
        var audit = await after.AuditEvents.Where(e => e.EventType == AuditEventType.PersonalDataChanged).OrderBy(e => e.Id)
            .Select(e => new { e.EntityType, e.Operation }).ToListAsync();
        Assert.Equal(["CommissioningGroup Create", "GroupMember Create", "GroupMember Update", "GroupMember Delete"], audit.Select(e => $"{e.EntityType} {e.Operation}"));
    }
}
