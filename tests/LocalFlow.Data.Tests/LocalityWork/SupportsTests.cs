using LocalFlow.Analytics.Flow;
using LocalFlow.Data.Audit;
using LocalFlow.Data.Entities;
using LocalFlow.Data.LocalityWork;
using LocalFlow.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Data.Tests.LocalityWork;

public class SupportsTests
{
    internal sealed record Actor(int? UserId, string UserName, string Source) : IAuditActor;

    internal sealed record World(int LocalityId, int TeamAgencyId, int KeyWorkerId, int OtherWorkerId, Person Mary, Person Graham, Person Hidden, Guid HiddenHousehold);

    /// <summary>
    /// A locality with a locality team (agency with a £40 home visit and a £12 contact in its catalogue), two workers,
    /// Mary and Graham in one household, and a restricted household with one person in it.
    /// </summary>
    internal static async Task<World> SeedAsync(LocalFlowDb ctx)
    {
        var loc = new Entities.Locality { Name = "Northfield" };
        ctx.Localities.Add(loc);
        var team = new Agency { Name = "Northfield Locality Team", ShortName = "Locality team", Kind = AgencyKind.Council };
        ctx.Agencies.Add(team);
        await ctx.SaveChangesAsync();
        var key = new Worker { AgencyId = team.Id, Name = "Priya Shah", JobTitle = "Key worker" };
        var other = new Worker { AgencyId = team.Id, Name = "Tom Reed", JobTitle = "Key worker" };
        ctx.Workers.AddRange(key, other);
        ctx.UnitCosts.Add(new UnitCost { AgencyId = team.Id, ActivityKind = ActivityKind.HomeVisit, Description = "Home visit", Amount = 40m, PriceYear = 2025, Source = "test" });
        ctx.UnitCosts.Add(new UnitCost { AgencyId = team.Id, ActivityKind = ActivityKind.Contact, Description = "Contact", Amount = 12m, PriceYear = 2025, Source = "test" });
        ctx.LocalityTeams.Add(new LocalityTeam { LocalityId = loc.Id, AgencyId = team.Id, Purpose = "Help me live a good life or die a good death" });
        var home = new Household { LocalityId = loc.Id, AddressLine = "1 Mill Lane", Postcode = "NF1 1AA" };
        var refuge = new Household { LocalityId = loc.Id, AddressLine = "9 Secret Row", Postcode = "NF9 9ZZ", Restricted = true };
        ctx.Households.AddRange(home, refuge);
        var mary = new Person { LocalityId = loc.Id, HouseholdId = home.Id, GivenName = "Mary", FamilyName = "Hill" };
        var graham = new Person { LocalityId = loc.Id, HouseholdId = home.Id, GivenName = "Graham", FamilyName = "Hill" };
        var hidden = new Person { LocalityId = loc.Id, HouseholdId = refuge.Id, GivenName = "Jo", FamilyName = "Hidden" };
        ctx.People.AddRange(mary, graham, hidden);
        await ctx.SaveChangesAsync();
        return new World(loc.Id, team.Id, key.Id, other.Id, mary, graham, hidden, refuge.Id);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RestrictedHousehold_IsSeenInFull_OnlyByNamedWorkers_AndUsersAllowedAll(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateUpgradedAsync(provider);
        await using var ctx = db.Options.CreateContext(new Actor(3, "sam", "test"));
        var w = await SeedAsync(ctx);
        await new Supports(ctx).NameWorkerAsync(w.LocalityId, null, w.HiddenHousehold, w.KeyWorkerId);
        var named = new Viewer([w.LocalityId], false, w.KeyWorkerId);
        var notNamed = new Viewer([w.LocalityId], false, w.OtherWorkerId);
        var allowed = new Viewer([w.LocalityId], true, null);
        var elsewhere = new Viewer([w.LocalityId + 1], true, w.KeyWorkerId);

        async Task<List<string>> Seen(Viewer v) => await ctx.People.SeenInFull(ctx, v).OrderBy(p => p.GivenName).Select(p => p.GivenName).ToListAsync();
        (await Seen(named)).ShouldBe(["Graham", "Jo", "Mary"]);
        (await Seen(notNamed)).ShouldBe(["Graham", "Mary"]);
        (await Seen(allowed)).ShouldBe(["Graham", "Jo", "Mary"]);
        (await Seen(elsewhere)).ShouldBeEmpty();

        var hidden = await ctx.People.Include(p => p.Household).SingleAsync(p => p.Id == w.Hidden.Id);
        (await Visibility.SeesInFullAsync(ctx, named, hidden)).ShouldBeTrue();
        (await Visibility.SeesInFullAsync(ctx, notNamed, hidden)).ShouldBeFalse();
        (await Visibility.HiddenPeopleAsync(ctx, notNamed, w.LocalityId)).ShouldBe([w.Hidden.Id]);
        (await Visibility.HiddenPeopleAsync(ctx, named, w.LocalityId)).ShouldBeEmpty();

        // Removing the name (softly) takes the sight away again.
        var name = await ctx.NamedWorkers.SingleAsync();
        await new Supports(ctx).RemoveAsync(name);
        (await Seen(named)).ShouldBe(["Graham", "Mary"]);
        (await ctx.NamedWorkers.CountAsync()).ShouldBe(1, "removal is soft");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Conversation_KeepsEachStatementExactly_InTheOneStoreOfWhatMatters_ForTheCarerToo(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateUpgradedAsync(provider);
        await using var ctx = db.Options.CreateContext(new Actor(3, "sam", "test"));
        var w = await SeedAsync(ctx);
        var supports = new Supports(ctx);
        var support = await supports.StartAsync(w.Mary, w.KeyWorkerId, new DateOnly(2026, 3, 2));
        (await supports.StartAsync(w.Graham, w.OtherWorkerId, new DateOnly(2026, 3, 3))).Id.ShouldBe(support.Id, "the household is the unit: one support, one key worker");
        const string words = "  I want to get back to the allotment — with Graham, if his knee lets him.  ";
        await supports.RecordConversationAsync(w.Mary, support, w.KeyWorkerId, "Priya Shah",
            new ConversationInput(new DateOnly(2026, 3, 2), "Being out in the garden", "Cooking", "Walk to the shop", "Our daughter Sue", "Someone to sit with Graham on Thursdays", "English"),
            [new Statement(words, w.Mary.Id), new Statement("I need a break sometimes", w.Graham.Id, "Graham, Mary's husband and carer"), new Statement("   ", w.Mary.Id)]);

        var mattered = await ctx.WhatMattered.OrderBy(m => m.InTheirWords).ToListAsync();
        mattered.Count.ShouldBe(2, "blank statements are not stored");
        mattered.ShouldContain(m => m.InTheirWords == words && m.PersonId == w.Mary.Id && m.Item == "" && m.AskedOn == new DateOnly(2026, 3, 2));
        mattered.ShouldContain(m => m.PersonId == w.Graham.Id && m.SaidBy == "Graham, Mary's husband and carer");
        mattered.ShouldAllBe(m => m.ConversationId != null);
        mattered.ShouldAllBe(m => m.Language == null, "English is no language recorded");
        (await ctx.AuditEvents.CountAsync(a => a.EventType == AuditEventType.LocalityCaseChanged)).ShouldBeGreaterThan(0);

        // the conversation's language by the one rule for people's words: Cymraeg is kept as cy, with each statement
        var welsh = await supports.RecordConversationAsync(w.Mary, support, w.KeyWorkerId, "Priya Shah",
            new ConversationInput(new DateOnly(2026, 3, 9), "", "", "", "", "", "Cymraeg"), [new Statement("Dw i eisiau mynd i'r capel ar y Sul", w.Mary.Id)]);
        welsh.Language.ShouldBe("cy");
        (await ctx.WhatMattered.SingleAsync(m => m.ConversationId == welsh.Id)).Language.ShouldBe("cy");
        var before = await ctx.GoodLifeConversations.CountAsync();
        var refused = await Should.ThrowAsync<LocalityInputException>(() => supports.RecordConversationAsync(w.Mary, support, w.KeyWorkerId, "Priya Shah",
            new ConversationInput(new DateOnly(2026, 3, 9), "A good life", "", "", "", "", "Klingonese"), []));
        refused.Field.ShouldBe("Language");
        refused.Message.ShouldContain("\"Klingonese\"");
        (await ctx.GoodLifeConversations.CountAsync()).ShouldBe(before, "nothing is saved");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task DoneAction_And_Contact_And_NeedMet_AreActivityRecordsOfTheTeam_PricedFromTheCatalogue(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateUpgradedAsync(provider);
        await using var ctx = db.Options.CreateContext(new Actor(3, "sam", "test"));
        var w = await SeedAsync(ctx);
        var supports = new Supports(ctx);
        var support = await supports.StartAsync(w.Mary, w.KeyWorkerId, new DateOnly(2026, 3, 2));
        var volunteer = new DirectoryEntry { LocalityId = w.LocalityId, Kind = DirectoryEntryKind.Volunteer, Name = "Dave the handyman", Skills = "handyperson" };
        ctx.DirectoryEntries.Add(volunteer);
        await ctx.SaveChangesAsync();

        var visit = await supports.AddActionAsync(support, w.Mary.Id, "Visit to talk about Thursdays", ActivityKind.HomeVisit, w.KeyWorkerId, null, new DateOnly(2026, 3, 5), null);
        var rail = await supports.AddActionAsync(support, w.Mary.Id, "Fit a grab rail", ActivityKind.ServiceProvided, null, volunteer.Id, new DateOnly(2026, 3, 6), null);
        visit.Cost.ShouldBe(40m);
        rail.Cost.ShouldBe(0m, "help from the directory costs the team nothing");
        (await ctx.ActivityRecords.CountAsync()).ShouldBe(0, "a planned action is not yet activity");

        var record = await supports.MarkDoneAsync(visit, new DateOnly(2026, 3, 5), visit.Version);
        record.AgencyId.ShouldBe(w.TeamAgencyId);
        record.Cost.ShouldBe(40m);
        record.Kind.ShouldBe(ActivityKind.HomeVisit);
        var contact = await supports.LogContactAsync(w.Mary, new DateTime(2026, 3, 7, 10, 0, 0, DateTimeKind.Utc), "Mary rang: Graham fell", null, null);
        contact.Cost.ShouldBe(12m);

        await supports.StepBackAsync(support, w.Mary, new DateOnly(2026, 3, 20), "We are managing now", support.Version);
        var needMet = await ctx.ActivityRecords.SingleAsync(r => r.Subtype == Supports.NeedMetSubtype);
        new FlowOptions().NeedMetSubtypes.ShouldContain(needMet.Subtype!, "the engine's days-to-need-met reads it");
        (await ctx.Supports.SingleAsync()).NeedMetInTheirWords.ShouldBe("We are managing now");
        await supports.AddAvoidedAsync(support, AvoidedKind.AdmissionPrevented, "Graham's falls stopped once the rail was fitted", new DateOnly(2026, 3, 20));
        await Should.ThrowAsync<LocalityInputException>(() => supports.AddAvoidedAsync(support, AvoidedKind.EvictionStopped, " ", new DateOnly(2026, 3, 20)));
        (await ctx.Avoided.CountAsync()).ShouldBe(1);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TwoWorkersEditingOneConversation_LoseNoUpdate_AndTheSecondGetsTheFirstsText(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateUpgradedAsync(provider);
        Guid id;
        int localityId;
        await using (var ctx = db.Options.CreateContext(new Actor(3, "sam", "test")))
        {
            var w = await SeedAsync(ctx);
            localityId = w.LocalityId;
            var c = await new Supports(ctx).RecordConversationAsync(w.Mary, null, null, "Priya Shah",
                new ConversationInput(new DateOnly(2026, 3, 2), "Garden", "", "", "", "", null), []);
            id = c.Id;
        }
        await using var first = db.Options.CreateContext(new Actor(3, "priya", "test"));
        await using var second = db.Options.CreateContext(new Actor(4, "tom", "test"));
        var a = await first.GoodLifeConversations.SingleAsync(c => c.LocalityId == localityId && c.Id == id);
        var b = await second.GoodLifeConversations.SingleAsync(c => c.LocalityId == localityId && c.Id == id);
        await new Supports(first).EditConversationAsync(a, 1, new ConversationInput(new DateOnly(2026, 3, 2), "Garden and the allotment", "", "", "", "", null));
        var conflict = await Should.ThrowAsync<EditConflictException>(() =>
            new Supports(second).EditConversationAsync(b, 1, new ConversationInput(new DateOnly(2026, 3, 2), "Garden, and seeing Sue", "", "", "", "", null)));
        conflict.Theirs.ShouldContain("Garden and the allotment");
        await using var check = db.Options.CreateContext();
        (await check.GoodLifeConversations.SingleAsync()).GoodLife.ShouldBe("Garden and the allotment");
    }
}
