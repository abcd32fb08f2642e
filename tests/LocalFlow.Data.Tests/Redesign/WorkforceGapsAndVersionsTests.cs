using LocalFlow.Analytics.Flow;
using LocalFlow.Data.Audit;
using LocalFlow.Data.Entities;
using LocalFlow.Data.Flow;
using LocalFlow.Data.LocalityWork;
using LocalFlow.Data.Redesign;
using LocalFlow.Data.Trust;
using LocalFlow.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Data.Tests.Redesign;

/// <summary>Workforce gaps changed one at a time, groups and members with a version, and the pathway narrowed by sharing agreements.</summary>
public class WorkforceGapsAndVersionsTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task WorkforceGap_IsAddedChangedAndRemoved_Audited_BadInputAndAnOlderVersionChangeNothing(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateUpgradedAsync(provider);
        await using var ctx = db.Options.CreateContext();
        var here = new Locality { Name = "Northfield" };
        var there = new Locality { Name = "Eastfield" };
        var council = new Agency { Name = "Northfield Council", ShortName = "Council", Kind = AgencyKind.Council };
        ctx.AddRange(here, there, council);
        await ctx.SaveChangesAsync();

        var bad = await Assert.ThrowsAsync<RedesignInputException>(() => WorkforceGaps.SaveAsync(ctx, here.Id, null, new GapInput { Skill = " ", Agency = "999", People = "0" }, "cat"));
        var added = await WorkforceGaps.SaveAsync(ctx, here.Id, null, new GapInput { Skill = " Occupational therapists ", Agency = council.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), People = "3" }, "cat");
        var gap = added!.Current;
        var read = gap.Version;
        var changed = await WorkforceGaps.SaveAsync(ctx, here.Id, gap.Id, new GapInput { Skill = "Occupational therapists", People = "4", Note = "Same-day visits", Version = read }, "sam");
        ctx.ChangeTracker.Clear();
        var stale = await WorkforceGaps.SaveAsync(ctx, here.Id, gap.Id, new GapInput { Skill = "Occupational therapists", People = "9", Version = read }, "cat");
        var elsewhere = await WorkforceGaps.SaveAsync(ctx, there.Id, gap.Id, new GapInput { Skill = "Stolen", People = "1", Version = changed!.Current.Version }, "eve");

        Assert.Equal(["agency", "people", "skill"], bad.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("How many people must be a whole number from 1 to 10,000; \"0\" is not.", bad.Errors["people"]);
        Assert.True(added.Saved);
        Assert.Equal("Occupational therapists", gap.Skill);
        Assert.True(changed.Saved);
        Assert.False(stale!.Saved);
        Assert.Equal(("sam", 4, "Same-day visits", (int?)null), (stale.Current.UpdatedBy, stale.Current.People, stale.Current.Note, stale.Current.AgencyId));
        Assert.Null(elsewhere);
        Assert.False(await WorkforceGaps.RemoveAsync(ctx, there.Id, gap.Id));
        await using (var check = db.Options.CreateContext())
        {
            var stored = await check.WorkforceGaps.SingleAsync();
            Assert.Equal((4, "sam"), (stored.People, stored.UpdatedBy));
        }

        Assert.True(await WorkforceGaps.RemoveAsync(ctx, here.Id, gap.Id));
        await using var after = db.Options.CreateContext();
        Assert.False(await after.WorkforceGaps.AnyAsync());
        var audit = await after.AuditEvents.Where(e => e.EventType == AuditEventType.ReferenceDataChanged && e.EntityType == nameof(WorkforceGap)).OrderBy(e => e.Id)
            .Select(e => e.Operation).ToListAsync();
        Assert.Equal([AuditOperation.Create, AuditOperation.Update, AuditOperation.Delete], audit);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task GroupAndMember_SavedFromAnOlderVersion_AreRefused_WithTheOtherPersonsVersion(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateUpgradedAsync(provider);
        await using var ctx = db.Options.CreateContext();
        var here = new Locality { Name = "Northfield" };
        ctx.Localities.Add(here);
        await ctx.SaveChangesAsync();
        var group = (await Groups.SaveGroupAsync(ctx, here.Id, null, new GroupInput { Name = "Families", Remit = "Families with children" }, "cat"))!.Current;
        var member = (await Groups.SaveMemberAsync(ctx, here.Id, group.Id, null, new MemberInput { Name = "Priya Shah", Kind = "citizen", Background = "Parent of two" }, "cat"))!.Current;
        var (groupRead, memberRead) = (group.Version, member.Version);

        // Two people opened both forms; the first saves, then the second.
        var first = await Groups.SaveGroupAsync(ctx, here.Id, group.Id, new GroupInput { Name = "Families first", Remit = "Families with young children", Version = groupRead }, "sam");
        var firstMember = await Groups.SaveMemberAsync(ctx, here.Id, group.Id, member.Id, new MemberInput { Name = "Priya Shah", Kind = "citizen", Background = "Runs the toddler group", Version = memberRead }, "sam");
        ctx.ChangeTracker.Clear();
        var second = await Groups.SaveGroupAsync(ctx, here.Id, group.Id, new GroupInput { Name = "Families together", Remit = "x", Version = groupRead }, "cat");
        var secondMember = await Groups.SaveMemberAsync(ctx, here.Id, group.Id, member.Id, new MemberInput { Name = "P. Shah", Kind = "staff", Background = "x", Version = memberRead }, "cat");

        Assert.True(first!.Saved);
        Assert.True(firstMember!.Saved);
        Assert.False(second!.Saved);
        Assert.Equal(("Families first", "sam"), (second.Current.Name, second.Current.UpdatedBy));
        Assert.False(secondMember!.Saved);
        Assert.Equal(("Runs the toddler group", "sam"), (secondMember.Current.Background, secondMember.Current.UpdatedBy));
        await using var check = db.Options.CreateContext();
        Assert.Equal("Families first", (await check.CommissioningGroups.SingleAsync()).Name);
        Assert.Equal("Runs the toddler group", (await check.GroupMembers.SingleAsync()).Background);
        Assert.Equal(2, await check.AuditEvents.CountAsync(e => e.EntityType == nameof(CommissioningGroup)));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Pathway_ForExactCounts_IsNarrowedBySharingAgreements_AndAnAgreementEndedChangesTheCounts(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateUpgradedAsync(provider);
        await using var ctx = db.Options.CreateContext();
        var here = new Locality { Name = "Northfield" };
        var children = new Agency { Name = "Children's services", ShortName = "Children", Kind = AgencyKind.Council };
        var police = new Agency { Name = "Northfield Police", ShortName = "Police", Kind = AgencyKind.Police };
        ctx.AddRange(here, children, police);
        await ctx.SaveChangesAsync();
        var n = 0;
        for (var i = 0; i < 3; i++)
        {
            var person = new Person { LocalityId = here.Id, GivenName = "A", FamilyName = "B", DateOfBirth = new DateOnly(2010, 6, 15) };
            ctx.People.Add(person);
            foreach (var agency in i == 0 ? [children] : new[] { children, police })
            {
                ctx.ActivityRecords.Add(new ActivityRecord
                {
                    LocalityId = here.Id,
                    PersonId = person.Id,
                    AgencyId = agency.Id,
                    Kind = ActivityKind.Contact,
                    StartUtc = new DateTime(2026, 3, 1, 10, 0, 0, DateTimeKind.Utc),
                    SourceSystem = "test",
                    SourceRecordId = $"r{++n}",
                });
            }
        }
        await ctx.SaveChangesAsync();
        var today = Sharing.Today(ctx.Clock);
        SharingAgreementInput Agreement(DateOnly? ends) => new("Police and children's services", "Safeguarding children", SharingPurposes.Study, [children.Id, police.Id],
            [DataCategory.Police], Article6Basis.PublicTask, Article9Condition.None, false, today.AddYears(-1), ends);
        var agreement = await Sharing.SaveAsync(ctx, here.Id, null, Agreement(null));
        var engines = new FlowEngines();
        var studyTeam = new Viewer([here.Id], true, null) { AgencyIds = [children.Id], Purposes = SharingPurposes.Study };
        int PoliceSeen(PathwayView v) => v.Figures.Stages.SelectMany(s => s.Agencies).Where(a => a.Agency == police.Id).Sum(a => a.People);
        Task<PathwayView> Load(Viewer? sharedWith) => Pathways.LoadAsync(ctx, engines, studyTeam, here.Id, new DateOnly(2026, 12, 1), sharedWith);

        var underAgreement = await Load(studyTeam);
        await Sharing.SaveAsync(ctx, here.Id, agreement.Id, Agreement(today.AddDays(-1)));
        var ended = await Load(studyTeam);
        var aggregate = await Load(null);
        var notNarrowed = await Load(new Viewer([here.Id], true, null));

        Assert.Equal(2, PoliceSeen(underAgreement));
        Assert.Equal(0, PoliceSeen(ended));
        Assert.Equal(3, ended.Figures.People);
        Assert.Equal(2, PoliceSeen(aggregate));
        Assert.Equal(2, PoliceSeen(notNarrowed));
    }
}
