using LocalFlow.Data.Audit;
using LocalFlow.Data.Demands;
using LocalFlow.Data.Entities;
using LocalFlow.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Data.Tests;

public class DemandStudiesTests
{
    private sealed record Actor(int? UserId, string UserName, string Source) : IAuditActor;

    private static async Task<(int LocalityId, int PhoneDoor, int OfficeDoor, int StudyId)> SeedAsync(TestDatabase db, StudyKind kind = StudyKind.PeopleCentred)
    {
        await using var ctx = db.Options.CreateContext(new Actor(2, "sam", "test"));
        var loc = new Locality { Name = "Northfield" };
        ctx.Localities.Add(loc);
        var agency = new Agency { Name = "Northfield Borough Council", ShortName = "Council", Kind = AgencyKind.Council };
        ctx.Agencies.Add(agency);
        await ctx.SaveChangesAsync();
        var phone = new FrontDoor { LocalityId = loc.Id, AgencyId = agency.Id, Name = "Adult social care front door", Channel = Channel.Phone };
        var office = new FrontDoor { LocalityId = loc.Id, AgencyId = agency.Id, Name = "One-stop shop", Channel = Channel.FaceToFace };
        ctx.FrontDoors.AddRange(phone, office);
        await ctx.SaveChangesAsync();
        var study = await new DemandStudies(ctx).CreateStudyAsync(loc.Id, new StudyInput
        {
            Service = "Adult social care contact team",
            Kind = kind,
            Purpose = "Help me live the life I want, safely, at home",
            StartsOn = new DateOnly(2026, 11, 2),
            FrontDoorIds = [phone.Id, office.Id],
            PredictableLevelPercent = 2,
        });
        return (loc.Id, phone.Id, office.Id, study.Id);
    }

    private static DemandInput Input(int door, string verbatim, DemandNature nature = DemandNature.Value, int? typeId = null, string? newType = null, TransactionOutcome outcome = TransactionOutcome.ResolvedThere, DateTime? at = null) => new()
    {
        FrontDoorId = door,
        Verbatim = verbatim,
        Nature = nature,
        FailureKind = nature == DemandNature.Failure ? FailureKind.ProgressChasing : null,
        TypeId = typeId,
        NewTypeName = newType,
        Outcome = outcome,
        ReceivedAt = at,
    };

    private static async Task<DemandStudy> StudyAsync(LocalFlowDb ctx, int studyId)
        => await new DemandStudies(ctx).FindStudyAsync(studyId, await ctx.Localities.Select(l => l.Id).ToListAsync()) ?? throw new InvalidOperationException("no study");

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Capture_KeepsTheVerbatimExactly_EmojiRightToLeftAndVeryLongText(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateUpgradedAsync(provider);
        var (_, phone, _, studyId) = await SeedAsync(db);
        var verbatims = new[]
        {
            "  My mum fell again last night 😢 and nobody came — can someone PLEASE ring me back?  ",
            "أمي لا تستطيع صعود الدرج بعد الآن، هل يمكنكم المساعدة؟",
            "אני מחכה לשיחה חוזרת כבר שבועיים",
            "Line one\r\nLine two\twith a tab and a zero-width joiner 👩‍👧 and £ sign",
            string.Concat(Enumerable.Repeat("I've been waiting since March and I've rung eleven times. ", 400)),
        };
        var ids = new List<Guid>();
        await using (var ctx = db.Options.CreateContext(new Actor(2, "sam", "test")))
        {
            var study = await StudyAsync(ctx, studyId);
            foreach (var v in verbatims)
            {
                ids.Add((await new DemandStudies(ctx).CaptureAsync(study, Input(phone, v))).Id);
            }
        }
        await using var check = db.Options.CreateContext();
        for (var i = 0; i < verbatims.Length; i++)
        {
            (await check.Demands.SingleAsync(d => d.Id == ids[i])).Verbatim.ShouldBe(verbatims[i]);
        }
        verbatims[4].Length.ShouldBeGreaterThan(20_000);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Capture_WithAnEmptyVerbatim_IsRefusedWithAClearMessage_AndSavesNothing(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateUpgradedAsync(provider);
        var (_, phone, _, studyId) = await SeedAsync(db);
        await using var ctx = db.Options.CreateContext();
        var study = await StudyAsync(ctx, studyId);
        var ex = await Should.ThrowAsync<DemandInputException>(() => new DemandStudies(ctx).CaptureAsync(study, Input(phone, "   \n ", newType: "Should not be created")));
        ex.Errors["Verbatim"].ShouldBe("Enter the demand in the person's own words");
        var failure = Input(phone, "Where is my assessment?", DemandNature.Failure);
        failure.FailureKind = null;
        failure.Outcome = TransactionOutcome.ReferredOn;
        var ex2 = await Should.ThrowAsync<DemandInputException>(() => new DemandStudies(ctx).CaptureAsync(study, failure));
        ex2.Errors.Keys.ShouldBe(["FailureKind", "ReferredTo"], ignoreOrder: true);
        await using var check = db.Options.CreateContext();
        (await check.Demands.CountAsync()).ShouldBe(0);
        (await check.DemandTypes.CountAsync()).ShouldBe(0);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task FivePeopleCapturingAtOnce_LoseNothing(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateUpgradedAsync(provider);
        var (_, phone, office, studyId) = await SeedAsync(db);
        const int each = 20;
        var people = Enumerable.Range(1, 5).Select(p => Task.Run(async () =>
        {
            await using var ctx = db.Options.CreateContext(new Actor(p, $"capturer{p}", "test"));
            var study = await StudyAsync(ctx, studyId);
            for (var i = 0; i < each; i++)
            {
                // Each person also creates a type with their first demand (type and demand saved together).
                await new DemandStudies(ctx).CaptureAsync(study, Input(i % 2 == 0 ? phone : office, $"capturer {p} demand {i}", newType: i == 0 ? $"Chasing a visit {p}" : null));
            }
        })).ToArray();
        await Task.WhenAll(people);
        await using var check = db.Options.CreateContext();
        (await check.Demands.CountAsync()).ShouldBe(5 * each);
        for (var p = 1; p <= 5; p++)
        {
            (await check.Demands.CountAsync(d => d.CapturedBy == $"capturer{p}")).ShouldBe(each);
        }
        (await check.AuditEvents.CountAsync(e => e.EventType == AuditEventType.DemandChanged && e.Operation == AuditOperation.Create && e.EntityType == nameof(Demand))).ShouldBe(5 * each);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ATypedNewTypeName_WinsOverTheTypeChosenInTheList_OnCaptureAndCorrection(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateUpgradedAsync(provider);
        var (_, phone, _, studyId) = await SeedAsync(db);
        await using var ctx = db.Options.CreateContext(new Actor(2, "sam", "test"));
        var study = await StudyAsync(ctx, studyId);
        var studies = new DemandStudies(ctx);
        var tap = await studies.CaptureAsync(study, Input(phone, "My tap is dripping", newType: "Dripping tap"));
        var tapType = tap.TypeId!.Value;
        // The form had chosen "Dripping tap" as a suggestion; the person typed a new type as well.
        var mould = await studies.CaptureAsync(study, Input(phone, "There is mould in the bedroom", typeId: tapType, newType: "  Mould  "));
        var mouldType = await ctx.DemandTypes.SingleAsync(t => t.Id == mould.TypeId);
        mouldType.Name.ShouldBe("Mould");
        // A typed name that is an existing type (in any case) uses that type rather than making a second.
        var again = await studies.CaptureAsync(study, Input(phone, "Black mould again", typeId: tapType, newType: "mould"));
        again.TypeId.ShouldBe(mouldType.Id);
        // Correcting: the demand's current type is pre-filled in the list, and the typed name still wins.
        var boiler = Input(phone, "My tap is dripping", typeId: tapType, newType: "Broken boiler");
        var corrected = await studies.CorrectAsync(study, tap.Id, tap.Version, boiler, "It was the boiler");
        (await ctx.DemandTypes.SingleAsync(t => t.Id == corrected.TypeId)).Name.ShouldBe("Broken boiler");
        (await ctx.DemandTypes.CountAsync(t => t.StudyId == studyId)).ShouldBe(3);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task WordsTypedInABoxTheOtherAnswersLeaveUnused_AreNotDropped_TheFormAsks(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateUpgradedAsync(provider);
        var (_, phone, _, studyId) = await SeedAsync(db);
        await using var ctx = db.Options.CreateContext(new Actor(2, "sam", "test"));
        var study = await StudyAsync(ctx, studyId);
        var input = Input(phone, "Where is my assessment?", DemandNature.Failure);
        input.FailureOther = "The letter never came";
        input.ReferredTo = "Occupational therapy";
        var ex = await Should.ThrowAsync<DemandInputException>(() => new DemandStudies(ctx).CaptureAsync(study, input));
        ex.Errors["FailureOther"].ShouldContain("choose \"Other\", or clear");
        ex.Errors["ReferredTo"].ShouldContain("choose \"Referred on\", or clear");
        (await ctx.Demands.CountAsync()).ShouldBe(0);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Correction_IsKeptAndAudited_AndAStaleCopyIsRefused(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateUpgradedAsync(provider);
        var (_, phone, office, studyId) = await SeedAsync(db);
        Guid id;
        await using (var ctx = db.Options.CreateContext(new Actor(2, "sam", "POST /Demand/Capture")))
        {
            var study = await StudyAsync(ctx, studyId);
            id = (await new DemandStudies(ctx).CaptureAsync(study, Input(phone, "Can I get a grab rail?"))).Id;
        }
        await using (var ctx = db.Options.CreateContext(new Actor(3, "ann", "POST /Demand/Correct")))
        {
            var study = await StudyAsync(ctx, studyId);
            var input = Input(office, "Can I get a grab rail?", DemandNature.Failure, outcome: TransactionOutcome.ReferredOn);
            input.ReferredTo = "Occupational therapy";
            var corrected = await new DemandStudies(ctx).CorrectAsync(study, id, 1, input, "She had asked before, in October");
            corrected.Version.ShouldBe(2);
        }
        await using (var ctx = db.Options.CreateContext(new Actor(4, "sue", "POST /Demand/Correct")))
        {
            var study = await StudyAsync(ctx, studyId);
            await Should.ThrowAsync<DemandConflictException>(() => new DemandStudies(ctx).CorrectAsync(study, id, 1, Input(phone, "overwritten"), null));
        }
        await using var check = db.Options.CreateContext();
        var demand = await check.Demands.SingleAsync();
        demand.Verbatim.ShouldBe("Can I get a grab rail?");
        demand.Nature.ShouldBe(DemandNature.Failure);
        demand.FrontDoorId.ShouldBe(office);
        var correction = await check.DemandCorrections.SingleAsync();
        correction.By.ShouldBe("ann");
        correction.Reason.ShouldBe("She had asked before, in October");
        correction.Changes.ShouldContain("Value or failure: Value → Failure");
        correction.Changes.ShouldContain("Referred to: (empty) → Occupational therapy");
        var audit = await check.AuditEvents.Where(e => e.EntityId == id.ToString() && e.Operation == AuditOperation.Update).SingleAsync();
        audit.UserName.ShouldBe("ann");
        audit.EventType.ShouldBe(AuditEventType.DemandChanged);
        audit.Detail!.ShouldContain("Nature: Value → Failure");
        // The audit names what changed but does not copy what was written (issue 14): that stays in the correction.
        audit.Detail!.ShouldContain("ReferredTo changed");
        audit.Detail!.ShouldNotContain("Occupational therapy");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Types_Merge_MovesEveryDemand_KeepsHistory_AndRefusesMergingIntoItself(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateUpgradedAsync(provider);
        var (_, phone, _, studyId) = await SeedAsync(db);
        await using var ctx = db.Options.CreateContext();
        var service = new DemandStudies(ctx);
        var study = await StudyAsync(ctx, studyId);
        var chasing = await service.CreateTypeAsync(study, "Chasing an assessment", DemandNature.Failure, null);
        var waiting = await service.CreateTypeAsync(study, "Where is my assessment", DemandNature.Failure, null);
        var rails = await service.CreateTypeAsync(study, "Grab rails", DemandNature.Value, null);
        (await Should.ThrowAsync<DemandInputException>(() => service.CreateTypeAsync(study, " grab RAILS ", DemandNature.Value, null))).Errors["Name"].ShouldContain("already a type");
        for (var i = 0; i < 3; i++)
        {
            await service.CaptureAsync(study, Input(phone, $"When is my assessment {i}", DemandNature.Failure, chasing.Id));
            await service.CaptureAsync(study, Input(phone, $"Still waiting {i}", DemandNature.Failure, waiting.Id));
        }
        await service.CaptureAsync(study, Input(phone, "Rail please", typeId: rails.Id));

        var self = await Should.ThrowAsync<DemandInputException>(() => service.MergeTypesAsync(study, waiting.Id, waiting.Id));
        self.Errors["IntoTypeId"].ShouldBe("A type cannot be merged into itself: choose a different type");

        (await service.MergeTypesAsync(study, waiting.Id, chasing.Id)).ShouldBe(3);
        ctx.ChangeTracker.Clear();
        (await ctx.Demands.CountAsync(d => d.TypeId == chasing.Id)).ShouldBe(6);
        (await ctx.Demands.CountAsync(d => d.TypeId == waiting.Id)).ShouldBe(0);
        (await ctx.DemandTypes.SingleAsync(t => t.Id == waiting.Id)).MergedIntoId.ShouldBe(chasing.Id);
        (await service.TypeHistoryAsync(waiting.Id)).Select(h => h.Kind).ShouldBe([DemandTypeChangeKind.Created, DemandTypeChangeKind.MergedInto]);
        (await service.CurrentTypes(study.Id).Select(t => t.Name).ToListAsync()).ShouldBe(["Chasing an assessment", "Grab rails"]);
        // A form opened before the merge still captures into the type it went into.
        var late = await service.CaptureAsync(study, Input(phone, "Any news?", DemandNature.Failure, waiting.Id));
        late.TypeId.ShouldBe(chasing.Id);

        var renamed = await service.RenameTypeAsync(study, chasing.Id, "Chasing progress on an assessment", "People ringing to ask where their assessment has got to");
        renamed.Name.ShouldBe("Chasing progress on an assessment");
        (await service.TypeHistoryAsync(chasing.Id)).Select(h => h.Kind).ShouldContain(DemandTypeChangeKind.Renamed);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Types_Split_MovesOnlyTheChosenDemands(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateUpgradedAsync(provider);
        var (_, phone, _, studyId) = await SeedAsync(db);
        await using var ctx = db.Options.CreateContext();
        var service = new DemandStudies(ctx);
        var study = await StudyAsync(ctx, studyId);
        var help = await service.CreateTypeAsync(study, "Help at home", DemandNature.Value, null);
        var ids = new List<Guid>();
        foreach (var v in new[] { "Help with a bath", "Help with shopping", "Help getting in the bath", "Help with meals" })
        {
            ids.Add((await service.CaptureAsync(study, Input(phone, v, typeId: help.Id))).Id);
        }
        (await Should.ThrowAsync<DemandInputException>(() => service.SplitTypeAsync(study, help.Id, "Bathing", null, []))).Errors["DemandIds"].ShouldBe("Choose the demands that belong to the new type");
        var bathing = await service.SplitTypeAsync(study, help.Id, "Bathing", null, [ids[0], ids[2]]);
        ctx.ChangeTracker.Clear();
        (await ctx.Demands.Where(d => d.TypeId == bathing.Id).Select(d => d.Verbatim).OrderBy(v => v).ToListAsync()).ShouldBe(["Help getting in the bath", "Help with a bath"]);
        (await ctx.Demands.CountAsync(d => d.TypeId == help.Id)).ShouldBe(2);
        bathing.Nature.ShouldBe(DemandNature.Value);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Analysis_CountsShares_Pareto_Outcomes_Predictability_AndCapabilityCharts(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateUpgradedAsync(provider);
        var (_, phone, office, studyId) = await SeedAsync(db);
        await using var ctx = db.Options.CreateContext();
        var service = new DemandStudies(ctx);
        var study = await StudyAsync(ctx, studyId);
        var rails = await service.CreateTypeAsync(study, "Grab rails", DemandNature.Value, null);
        var chase = await service.CreateTypeAsync(study, "Chasing", DemandNature.Failure, null);
        var once = await service.CreateTypeAsync(study, "Blue badge", DemandNature.Value, null);
        // Monday 2 November 2026, 09:30 London (GMT) onwards: 3 days.
        var day = new DateTime(2026, 11, 2, 9, 30, 0, DateTimeKind.Utc);
        await service.CaptureAsync(study, Input(phone, "rail", typeId: rails.Id, at: day));
        await service.CaptureAsync(study, Input(phone, "rail 2", typeId: rails.Id, at: day.AddMinutes(5)));
        await service.CaptureAsync(study, Input(office, "where is it", DemandNature.Failure, chase.Id, outcome: TransactionOutcome.AdviceOnly, at: day.AddHours(1)));
        await service.CaptureAsync(study, Input(phone, "still waiting", DemandNature.Failure, chase.Id, outcome: TransactionOutcome.Booked, at: day.AddDays(1)));
        await service.CaptureAsync(study, Input(phone, "badge", typeId: once.Id, outcome: TransactionOutcome.ScreenedOut, at: day.AddDays(2)));
        await service.CaptureAsync(study, Input(phone, "not typed yet", at: day.AddDays(2).AddHours(4)));

        var a = await service.AnalyseAsync(study);
        a.Total.ShouldBe(6);
        a.Failure.ShouldBe(2);
        a.FailureShare.ShouldBe(2 / 6.0, 1e-9);
        a.Untyped.ShouldBe(1);
        a.ByFrontDoor.Single(s => s.Key == "One-stop shop").Failure.ShouldBe(1);
        a.ByChannel.Select(c => c.Key).ShouldBe(["Face to face", "Phone"]);
        a.ByDay.Select(d => (d.Key, d.Total)).ShouldBe([("2026-11-02", 3), ("2026-11-03", 1), ("2026-11-04", 2)]);
        a.ByHour.Select(h => h.Key).ShouldBe(["09:00", "10:00", "13:00"]);
        a.ValuePareto.Select(b => (b.Label, b.Count)).ShouldBe([("Grab rails", 2), ("Blue badge", 1)]);
        a.FailurePareto.Single().Label.ShouldBe("Chasing");
        a.ResolvedAtFirstContact.ShouldBe(3 / 6.0, 1e-9);
        a.Share(TransactionOutcome.ScreenedOut).ShouldBe(1 / 6.0, 1e-9);
        // 5 typed demands, 3 types, 1 seen once: Good–Turing 1/5.
        a.Predictability.Demands.ShouldBe(5);
        a.Predictability.DistinctTypes.ShouldBe(3);
        a.Predictability.NewTypeChance.ShouldBe(0.2, 1e-9);
        a.Predictability.IsPredictable.ShouldBeFalse();
        a.DemandsPerDay!.Points.Select(p => p.Value).ShouldBe([3.0, 1.0, 2.0]);
        a.FailureSharePerDay!.Points.Select(p => Math.Round(p.Value, 3)).ShouldBe([33.333, 100.0, 0.0]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AnalysisFacts_ReadDirectly_EqualWhatEfReads_InCaptureOrder_WithFractionsOfASecond(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateUpgradedAsync(provider);
        var (_, phone, office, studyId) = await SeedAsync(db);
        await using var ctx = db.Options.CreateContext();
        var service = new DemandStudies(ctx);
        var study = await StudyAsync(ctx, studyId);
        var t = new DateTime(2026, 11, 2, 9, 30, 15, DateTimeKind.Utc).AddTicks(1_234_560); // PostgreSQL keeps microseconds
        // Two demands received at the same instant keep the order they were captured in; one has no type.
        await service.CaptureAsync(study, Input(phone, "second in time", DemandNature.Failure, newType: "Chasing", outcome: TransactionOutcome.Booked, at: t.AddMinutes(1)));
        await service.CaptureAsync(study, Input(office, "first", newType: "Rails", at: t));
        await service.CaptureAsync(study, Input(phone, "same instant, captured later", at: t));

        var direct = await DemandFacts.ReadAsync(ctx, study.LocalityId, study.Id, CancellationToken.None);
        var viaEf = await ctx.Demands.AsNoTracking().Where(d => d.StudyId == study.Id)
            .OrderBy(d => d.ReceivedAt).ThenBy(d => d.CapturedAt)
            .Select(d => new DemandFact(d.ReceivedAt, d.FrontDoorId, d.Channel, d.Nature, d.FailureKind, d.TypeId, d.Outcome))
            .ToListAsync();

        direct.Count.ShouldBe(3);
        direct.ShouldBe(viaEf);
        direct[0].ReceivedAt.Ticks.ShouldBe(t.Ticks);
        direct[1].TypeId.ShouldBeNull();
        direct[2].FailureKind.ShouldBe(FailureKind.ProgressChasing);
    }

    [Theory]
    [InlineData("2026-11-02 09:30:15", 0L)]
    [InlineData("2026-11-02 09:30:15.5", 5_000_000L)]
    [InlineData("2026-11-02 09:30:15.1234567", 1_234_567L)]
    [InlineData("2026-11-02T09:30:15.12", 1_200_000L)]
    public void SqliteTimes_AreParsedByPosition_ToTheTick(string text, long fractionTicks)
        => DemandFacts.ParseSqliteTime(text).ShouldBe(new DateTime(2026, 11, 2, 9, 30, 15, DateTimeKind.Utc).AddTicks(fractionTicks));

    [Fact]
    public void SqliteTimes_InAnotherShape_GoThroughTheGeneralParser()
        => DemandFacts.ParseSqliteTime("2026-11-02 09:30:15+01:00").ShouldBe(new DateTime(2026, 11, 2, 8, 30, 15, DateTimeKind.Utc));
}
