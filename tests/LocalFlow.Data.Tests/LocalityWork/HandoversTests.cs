using LocalFlow.Data.Demands;
using LocalFlow.Data.Entities;
using LocalFlow.Data.LocalityWork;
using LocalFlow.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Data.Tests.LocalityWork;

/// <summary>A "help me" demand handed from a front door to the locality team, and someone who presents created by the team.</summary>
public class HandoversTests
{
    private static async Task<(DemandStudy Study, Demand Help, Demand Other)> StudyAsync(LocalFlowDb ctx, int localityId)
    {
        var council = await ctx.Agencies.FirstAsync();
        var door = new FrontDoor { LocalityId = localityId, AgencyId = council.Id, Name = "Contact centre", Channel = Channel.Phone };
        ctx.FrontDoors.Add(door);
        var study = new DemandStudy { LocalityId = localityId, Service = "Contact centre", Kind = StudyKind.PeopleCentred, CreatedBy = "sam", StartsOn = new DateOnly(2026, 1, 5) };
        ctx.DemandStudies.Add(study);
        await ctx.SaveChangesAsync();
        var at = new DateTime(2026, 1, 5, 9, 0, 0, DateTimeKind.Utc);
        Demand New(string words, DemandNature nature) => new()
        {
            LocalityId = localityId,
            StudyId = study.Id,
            FrontDoorId = door.Id,
            ReceivedAt = at,
            Verbatim = words,
            Nature = nature,
            Outcome = TransactionOutcome.AdviceOnly,
            LifeContext = "Lives alone since her husband died",
            CapturedBy = "sam",
            CapturedAt = at,
        };
        var help = New("Please help me — I can't manage the stairs any more 🙏", DemandNature.Value);
        var other = New("Where do I pay my council tax?", DemandNature.Value);
        ctx.Demands.AddRange(help, other);
        await ctx.SaveChangesAsync();
        return (study, help, other);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task HandedOverDemand_IsLinkedToThePerson_WithTheirWords_NewOnTheBoard_AndCountedOnceByTheStudy(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateUpgradedAsync(provider);
        await using var ctx = db.Options.CreateContext(new SupportsTests.Actor(3, "sam", "test"));
        var w = await SupportsTests.SeedAsync(ctx);
        var (study, help, _) = await StudyAsync(ctx, w.LocalityId);
        var studies = new DemandStudies(ctx);
        var before = await studies.AnalyseAsync(study);

        var handovers = new Handovers(ctx);
        var handover = await handovers.HandOverAsync(help, "She gave her name as Mary Hill, 1 Mill Lane");
        (await handovers.HandOverAsync(help, "again")).Id.ShouldBe(handover.Id, "a demand is handed over once");
        var waiting = await handovers.WaitingAsync(w.LocalityId);
        waiting.Count.ShouldBe(1);
        waiting[0].Verbatim.ShouldBe("Please help me — I can't manage the stairs any more 🙏");

        var support = await handovers.LinkAsync(handover, w.Mary, w.KeyWorkerId, new DateOnly(2026, 1, 6), handover.Version);
        (await handovers.WaitingAsync(w.LocalityId)).ShouldBeEmpty();
        await Should.ThrowAsync<EditConflictException>(() => handovers.LinkAsync(handover, w.Graham, w.KeyWorkerId, new DateOnly(2026, 1, 6), 1));

        // The words travel with it, to anyone in the household.
        var heard = await handovers.ForPeopleAsync(w.LocalityId, [w.Mary.Id, w.Graham.Id]);
        heard.Single().Verbatim.ShouldBe("Please help me — I can't manage the stairs any more 🙏");
        heard.Single().LifeContext.ShouldBe("Lives alone since her husband died");
        heard.Single().Handover.Note.ShouldBe("She gave her name as Mary Hill, 1 Mill Lane");

        // New to the team: on the key worker's "my people" and waiting on the board.
        var viewer = new Viewer([w.LocalityId], false, w.KeyWorkerId);
        (await MyPeople.ForAsync(ctx, viewer, w.LocalityId)).Single().SupportId.ShouldBe(support.Id);
        var board = await TeamBoard.ForAsync(ctx, viewer, w.LocalityId, new DateOnly(2026, 1, 7));
        var row = board.Rows.Single(r => r.Summary.Support.Id == support.Id);
        row.IsNew.ShouldBeTrue();
        row.Waiting.ShouldBeTrue();

        // The study still counts it once: no demand was added or changed.
        var after = await studies.AnalyseAsync(study);
        after.Total.ShouldBe(before.Total);
        after.Total.ShouldBe(2);
        after.Value.ShouldBe(before.Value);
        (await ctx.Demands.CountAsync(d => d.StudyId == study.Id)).ShouldBe(2);
        (await ctx.AuditEvents.CountAsync(a => a.EntityType == nameof(FrontDoorHandover))).ShouldBeGreaterThanOrEqualTo(2, "handing over and linking are audited");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task PersonWhoPresents_IsCreatedAsTyped_WithANewOrExistingHouseholdOrNone_AndBadInputNamesTheField(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateUpgradedAsync(provider);
        await using var ctx = db.Options.CreateContext(new SupportsTests.Actor(3, "sam", "test"));
        var w = await SupportsTests.SeedAsync(ctx);

        var joins = await new PersonWhoPresents(" Sam ", "Hill-Ó Briain", new DateOnly(2010, 4, 1), null, w.Mary.HouseholdId, null, null).CreateAsync(ctx, w.LocalityId);
        joins.GivenName.ShouldBe("Sam");
        joins.FamilyName.ShouldBe("Hill-Ó Briain");
        joins.HouseholdId.ShouldBe(w.Mary.HouseholdId);
        var support = await new Supports(ctx).StartAsync(joins, w.OtherWorkerId, new DateOnly(2026, 2, 1));
        support.KeyWorkerId.ShouldBe(w.OtherWorkerId);
        (await ctx.Supports.CountAsync(s => s.HouseholdId == w.Mary.HouseholdId)).ShouldBe(1, "the household is the unit: one support");

        var moved = await new PersonWhoPresents("Ali", "Khan", null, "07700 900123", null, "12 New Road", "nf2 2bb").CreateAsync(ctx, w.LocalityId);
        var home = await ctx.Households.SingleAsync(h => h.Id == moved.HouseholdId);
        home.AddressLine.ShouldBe("12 New Road");
        home.Postcode.ShouldBe("NF2 2BB");

        var nowhere = await new PersonWhoPresents("Lee", "Stone", null, null, null, null, null).CreateAsync(ctx, w.LocalityId);
        nowhere.HouseholdId.ShouldBeNull();

        (await Should.ThrowAsync<LocalityInputException>(() => new PersonWhoPresents(" ", "Stone", null, null, null, null, null).CreateAsync(ctx, w.LocalityId))).Field.ShouldBe("GivenName");
        (await Should.ThrowAsync<LocalityInputException>(() => new PersonWhoPresents("Lee", "Stone", new DateOnly(2999, 1, 1), null, null, null, null).CreateAsync(ctx, w.LocalityId))).Field.ShouldBe("DateOfBirth");
        (await Should.ThrowAsync<LocalityInputException>(() => new PersonWhoPresents("Lee", "Stone", null, null, null, "3 High St", " ").CreateAsync(ctx, w.LocalityId))).Field.ShouldBe("Postcode");
        (await Should.ThrowAsync<LocalityInputException>(() => new PersonWhoPresents("Lee", "Stone", null, null, Guid.NewGuid(), null, null).CreateAsync(ctx, w.LocalityId))).Field.ShouldBe("HouseholdId");
    }
}
