using LocalFlow.Analytics.Flow;
using LocalFlow.Data.Entities;
using LocalFlow.Data.LocalityWork;
using LocalFlow.TestSupport;

namespace LocalFlow.Data.Tests.LocalityWork;

public class TeamBoardTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Board_ShowsWhoIsWaiting_WhoNeedsAVisit_Continuity_AndCapacity_AndHidesTheRestrictedHousehold(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateUpgradedAsync(provider);
        await using var ctx = db.Options.CreateContext(new SupportsTests.Actor(3, "sam", "test"));
        var w = await SupportsTests.SeedAsync(ctx);
        var supports = new Supports(ctx);
        var today = new DateOnly(2026, 6, 1);

        // Mary's household: a conversation, an action past its date, a contact by the key worker on 20 May, and a GP
        // appointment with another agency's doctor: two different workers met.
        var mary = await supports.StartAsync(w.Mary, w.KeyWorkerId, new DateOnly(2026, 3, 1));
        await supports.RecordConversationAsync(w.Mary, mary, w.KeyWorkerId, "Priya Shah",
            new ConversationInput(new DateOnly(2026, 3, 2), "Being out in the garden", "", "", "", "", null), [new Statement("I want to get back to the allotment", w.Mary.Id)]);
        await supports.AddActionAsync(mary, w.Mary.Id, "Fix the boiler", ActivityKind.HomeVisit, w.KeyWorkerId, null, new DateOnly(2026, 5, 1), null);
        await supports.LogContactAsync(w.Mary, new DateTime(2026, 5, 20, 10, 0, 0, DateTimeKind.Utc), "Rang about the boiler", null, w.KeyWorkerId);
        var gp = new Agency { Name = "Northfield Surgery", ShortName = "GP", Kind = AgencyKind.GpPractice };
        ctx.Agencies.Add(gp);
        await ctx.SaveChangesAsync();
        var doctor = new Worker { AgencyId = gp.Id, Name = "Dr Ann Lee", JobTitle = "GP" };
        var locum = new Worker { AgencyId = gp.Id, Name = "Dr Ben Locum", JobTitle = "GP" };
        ctx.Workers.AddRange(doctor, locum);
        await ctx.SaveChangesAsync();
        ctx.ActivityRecords.Add(new ActivityRecord
        {
            LocalityId = w.LocalityId,
            PersonId = w.Graham.Id,
            AgencyId = gp.Id,
            WorkerId = doctor.Id,
            Kind = ActivityKind.ServiceProvided,
            StartUtc = new DateTime(2026, 4, 2, 9, 0, 0, DateTimeKind.Utc),
            SourceSystem = "test",
            SourceRecordId = "gp-1",
        });
        // Before the team began: not counted in continuity.
        ctx.ActivityRecords.Add(new ActivityRecord
        {
            LocalityId = w.LocalityId,
            PersonId = w.Graham.Id,
            AgencyId = gp.Id,
            WorkerId = locum.Id,
            Kind = ActivityKind.ServiceProvided,
            StartUtc = new DateTime(2025, 4, 2, 9, 0, 0, DateTimeKind.Utc),
            SourceSystem = "test",
            SourceRecordId = "gp-0",
        });
        await ctx.SaveChangesAsync();

        // The restricted household: new to the team since 1 April, nothing done since.
        var hidden = await supports.StartAsync(w.Hidden, w.OtherWorkerId, new DateOnly(2026, 4, 1));
        await supports.NameWorkerAsync(w.LocalityId, null, w.HiddenHousehold, w.OtherWorkerId);

        var notNamed = await TeamBoard.ForAsync(ctx, new Viewer([w.LocalityId], false, w.KeyWorkerId), w.LocalityId, today);
        notNamed.Team!.Purpose.ShouldBe("Help me live a good life or die a good death");
        notNamed.Rows.Count.ShouldBe(2);
        var m = notNamed.Rows.Single(r => r.Summary.Support.Id == mary.Id);
        m.Summary.Name.ShouldBe("Graham Hill and household (2 people)", "named after the eldest adult; with no dates of birth, the first by name (the same on both providers)");
        m.KeyWorker.ShouldBe("Priya Shah");
        m.Summary.WhatMatters.ShouldBe("I want to get back to the allotment");
        m.IsNew.ShouldBeFalse();
        m.Overdue.ShouldBeTrue("the boiler was due on 1 May");
        m.Waiting.ShouldBeTrue();
        m.LastHappened.ShouldBe(new DateOnly(2026, 5, 20));
        m.NeedsVisit(today).ShouldBeFalse();
        m.NeedsVisit(today.AddDays(30)).ShouldBeTrue();
        m.Continuity!.DifferentWorkers.ShouldBe(2, "the key worker and the GP since March; the 2025 appointment is before the team began");
        m.Continuity.Meetings.ShouldBe(2);

        var h = notNamed.Rows.Single(r => r.Summary.Support.Id == hidden.Id);
        h.Summary.SeenInFull.ShouldBeFalse();
        h.Summary.Address.ShouldBeNull();
        h.Waiting.ShouldBeFalse("what is restricted is not shown, not even as waiting");
        h.NeedsVisit(today).ShouldBeFalse();
        h.LastHappened.ShouldBeNull();

        var named = await TeamBoard.ForAsync(ctx, new Viewer([w.LocalityId], false, w.OtherWorkerId), w.LocalityId, today);
        var seen = named.Rows.Single(r => r.Summary.Support.Id == hidden.Id);
        seen.Summary.SeenInFull.ShouldBeTrue();
        seen.IsNew.ShouldBeTrue();
        seen.Waiting.ShouldBeTrue();
        seen.NeedsVisit(today).ShouldBeTrue("nothing since 1 April");

        named.Capacity.Select(c => (c.Name, c.KeyWorkerFor)).ShouldBe([("Priya Shah", 1), ("Tom Reed", 1)]);
        (await TeamBoard.ForAsync(ctx, new Viewer([w.LocalityId + 1], true, null), w.LocalityId, today)).Rows.ShouldBeEmpty("another locality's team");
    }
}
