using LocalFlow.Analytics.Flow;
using LocalFlow.Data.Audit;
using LocalFlow.Data.Conditions;
using LocalFlow.Data.Entities;
using LocalFlow.Data.Flow;
using LocalFlow.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Data.Tests;

public class ConditionsTests
{
    private sealed record Actor(int? UserId, string UserName, string Source) : IAuditActor;

    private sealed record World(int LocalityId, int CouncilId, int PoliceId, Guid[] People, int TypeA, int TypeB, Dictionary<string, Guid> Records);

    /// <summary>
    /// A study of 10 demands (type A: 4 failure + 1 value; type B: 3 failure; 2 value untyped) and three people:
    /// P0 assessed for falls twice by the council (£100, £200), P1 by the police then the council (£50, £70),
    /// P2 one contact (£5). Both repeats are "repeated assessment" signals.
    /// </summary>
    private static async Task<World> SeedAsync(LocalFlowDb ctx)
    {
        var loc = new Locality { Name = "Northfield" };
        ctx.Localities.Add(loc);
        var council = new Agency { Name = "Northfield Borough Council", ShortName = "Council", Kind = AgencyKind.Council };
        var police = new Agency { Name = "Northshire Police", ShortName = "Police", Kind = AgencyKind.Police };
        ctx.Agencies.AddRange(council, police);
        await ctx.SaveChangesAsync();
        var door = new FrontDoor { LocalityId = loc.Id, AgencyId = council.Id, Name = "Contact team", Channel = Channel.Phone };
        ctx.FrontDoors.Add(door);
        var study = new DemandStudy { LocalityId = loc.Id, Service = "Contact team", Kind = StudyKind.PeopleCentred, CreatedBy = "sam", StartsOn = new DateOnly(2026, 1, 5) };
        ctx.DemandStudies.Add(study);
        await ctx.SaveChangesAsync();
        var a = new DemandType { StudyId = study.Id, Name = "Chasing an assessment", Nature = DemandNature.Failure };
        var b = new DemandType { StudyId = study.Id, Name = "Fallen again", Nature = DemandNature.Failure };
        ctx.DemandTypes.AddRange(a, b);
        await ctx.SaveChangesAsync();
        var at = new DateTime(2026, 1, 5, 9, 0, 0, DateTimeKind.Utc);
        void Demand(int? type, DemandNature nature) => ctx.Demands.Add(new Demand
        {
            LocalityId = loc.Id,
            StudyId = study.Id,
            FrontDoorId = door.Id,
            ReceivedAt = at,
            Verbatim = "words",
            Nature = nature,
            TypeId = type,
            Outcome = TransactionOutcome.AdviceOnly,
            CapturedBy = "sam",
            CapturedAt = at,
        });
        for (var i = 0; i < 4; i++)
        {
            Demand(a.Id, DemandNature.Failure);
        }
        Demand(a.Id, DemandNature.Value);
        for (var i = 0; i < 3; i++)
        {
            Demand(b.Id, DemandNature.Failure);
        }
        Demand(null, DemandNature.Value);
        Demand(null, DemandNature.Value);
        var people = new Guid[3];
        for (var i = 0; i < 3; i++)
        {
            var p = new Person { LocalityId = loc.Id, GivenName = "Person" + i, FamilyName = "Smith" };
            ctx.People.Add(p);
            people[i] = p.Id;
        }
        await ctx.SaveChangesAsync();
        var records = new Dictionary<string, Guid>();
        void Record(string key, Guid person, int agency, ActivityKind kind, string? subtype, int day, decimal cost)
        {
            var r = new ActivityRecord
            {
                LocalityId = loc.Id,
                PersonId = person,
                AgencyId = agency,
                Kind = kind,
                Subtype = subtype,
                StartUtc = new DateTime(2025, 3, 1, 10, 0, 0, DateTimeKind.Utc).AddDays(day),
                SourceSystem = "test",
                SourceRecordId = key,
                Cost = cost,
            };
            ctx.ActivityRecords.Add(r);
            records[key] = r.Id;
        }
        Record("p0-1", people[0], council.Id, ActivityKind.Assessment, "Falls", 0, 100);
        Record("p0-2", people[0], council.Id, ActivityKind.Assessment, "Falls", 30, 200);
        Record("p1-1", people[1], police.Id, ActivityKind.Assessment, "Falls", 0, 50);
        Record("p1-2", people[1], council.Id, ActivityKind.Assessment, "Falls", 10, 70);
        Record("p2-1", people[2], council.Id, ActivityKind.Contact, null, 0, 5);
        await ctx.SaveChangesAsync();
        return new World(loc.Id, council.Id, police.Id, people, a.Id, b.Id, records);
    }

    private static ConditionInput Input(string title, ConditionCategory category = ConditionCategory.ThresholdsAndCriteria)
        => new() { Category = category, Title = title, Finding = "People are turned away until they are worse." };

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Reach_IsComputedFromEvidence_WithOverlapsCountedOnce(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateUpgradedAsync(provider);
        await using var ctx = db.Options.CreateContext(new Actor(3, "sam", "test"));
        var w = await SeedAsync(ctx);
        var c = await SystemConditions.CreateAsync(ctx, w.LocalityId, Input("Assessment is the service"));
        await SystemConditions.AddEvidenceAsync(ctx, w.LocalityId, c.Id, new EvidenceInput { Kind = EvidenceKind.DemandType, DemandTypeId = w.TypeA });
        await SystemConditions.AddEvidenceAsync(ctx, w.LocalityId, c.Id, new EvidenceInput { Kind = EvidenceKind.DemandType, DemandTypeId = w.TypeB });
        // The same type twice: its demands still count once.
        await SystemConditions.AddEvidenceAsync(ctx, w.LocalityId, c.Id, new EvidenceInput { Kind = EvidenceKind.DemandType, DemandTypeId = w.TypeA });
        await SystemConditions.AddEvidenceAsync(ctx, w.LocalityId, c.Id, new EvidenceInput { Kind = EvidenceKind.FlowSignal, SignalKind = FlowSignalKind.RepeatedAssessment });
        // P0's case history overlaps the signal's records; P2's contact adds a third person.
        await SystemConditions.AddEvidenceAsync(ctx, w.LocalityId, c.Id, new EvidenceInput { Kind = EvidenceKind.CaseHistory, PersonId = w.People[0] });
        await SystemConditions.AddEvidenceAsync(ctx, w.LocalityId, c.Id, new EvidenceInput { Kind = EvidenceKind.ActivityRecord, RecordId = w.Records["p2-1"], Note = "Rang again" });

        var reach = (await ConditionReachCalculator.ForConditionAsync(ctx, new FlowEngines(), w.LocalityId, c.Id))!;
        reach.Reach.Demands.ShouldBe(7, "failure demands of types A and B; the value demand of type A is not failure demand");
        reach.Reach.StudyDemands.ShouldBe(10);
        reach.Reach.DemandShare!.Value.ShouldBe(0.7, 1e-9);
        reach.Reach.People.ShouldBe(3);
        reach.Reach.Records.ShouldBe(5);
        reach.Reach.Cost.ShouldBe(425m);
        var signal = reach.Evidence.Single(e => e.Evidence.Kind == EvidenceKind.FlowSignal).Reach;
        signal.People.ShouldBe(2);
        signal.Cost.ShouldBe(420m);
        reach.Evidence.Single(e => e.Evidence.Kind == EvidenceKind.CaseHistory).Reach.Cost.ShouldBe(300m);
        reach.Evidence.Single(e => e.Evidence.Kind == EvidenceKind.ActivityRecord).Evidence.Note.ShouldBe("Rang again");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SignalEvidence_NarrowedToAnAgency_CountsOnlySignalsWithThatAgencysRecords(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateUpgradedAsync(provider);
        await using var ctx = db.Options.CreateContext(new Actor(3, "sam", "test"));
        var w = await SeedAsync(ctx);
        var c = await SystemConditions.CreateAsync(ctx, w.LocalityId, Input("Police and council both assess falls", ConditionCategory.Specialisation));
        await SystemConditions.AddEvidenceAsync(ctx, w.LocalityId, c.Id, new EvidenceInput { Kind = EvidenceKind.FlowSignal, SignalKind = FlowSignalKind.RepeatedAssessment, AgencyId = w.PoliceId });
        var other = await SystemConditions.CreateAsync(ctx, w.LocalityId, Input("Falls assessed again and again"));
        await SystemConditions.AddEvidenceAsync(ctx, w.LocalityId, other.Id, new EvidenceInput { Kind = EvidenceKind.CaseHistory, PersonId = w.People[1] });

        var report = await ConditionReachCalculator.ForLocalityAsync(ctx, new FlowEngines(), w.LocalityId);
        var narrowed = report.Conditions.Single(x => x.Condition.Id == c.Id).Reach;
        narrowed.People.ShouldBe(1);
        narrowed.Cost.ShouldBe(120m);
        narrowed.DemandShare.ShouldBeNull();
        // Both conditions reach P1's two records: together they still reach one person and £120.
        report.All.People.ShouldBe(1);
        report.All.Cost.ShouldBe(120m);
        report.Conditions.Select(x => x.Condition.Category).ShouldBe([ConditionCategory.Specialisation, ConditionCategory.ThresholdsAndCriteria]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task CreateEditDelete_AreAudited_FieldByField(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateUpgradedAsync(provider);
        await using var ctx = db.Options.CreateContext(new Actor(3, "sam", "POST /Conditions/Create"));
        var w = await SeedAsync(ctx);
        var c = await SystemConditions.CreateAsync(ctx, w.LocalityId, Input("Screened out at the door"));
        c.RecordedBy.ShouldBe("sam");
        var input = Input("Screened out at the front door");
        (await SystemConditions.UpdateAsync(ctx, w.LocalityId, c.Id, input)).ShouldBeTrue();
        var evidence = await SystemConditions.AddEvidenceAsync(ctx, w.LocalityId, c.Id, new EvidenceInput { Kind = EvidenceKind.CaseHistory, PersonId = w.People[2] });
        (await SystemConditions.RemoveEvidenceAsync(ctx, w.LocalityId, c.Id, evidence.Id)).ShouldBeTrue();
        await SystemConditions.AddEvidenceAsync(ctx, w.LocalityId, c.Id, new EvidenceInput { Kind = EvidenceKind.DemandType, DemandTypeId = w.TypeB });
        (await SystemConditions.DeleteAsync(ctx, w.LocalityId, c.Id)).ShouldBeTrue();

        var trail = await ctx.AuditEvents.Where(a => a.EventType == AuditEventType.ConditionChanged).OrderBy(a => a.Id).ToListAsync();
        trail.Select(a => (a.Operation, a.EntityType)).ShouldBe([
            (AuditOperation.Create, nameof(SystemCondition)),
            (AuditOperation.Update, nameof(SystemCondition)),
            (AuditOperation.Create, nameof(ConditionEvidence)),
            (AuditOperation.Delete, nameof(ConditionEvidence)),
            (AuditOperation.Create, nameof(ConditionEvidence)),
            (AuditOperation.Delete, nameof(ConditionEvidence)),
            (AuditOperation.Delete, nameof(SystemCondition)),
        ], ignoreOrder: true);
        trail.ShouldAllBe(a => a.UserName == "sam" && a.LocalityId == w.LocalityId);
        trail.Single(a => a.Operation == AuditOperation.Update).Detail!.ShouldContain("Title changed");
        (await ctx.SystemConditions.CountAsync()).ShouldBe(0);
        (await ctx.ConditionEvidence.CountAsync()).ShouldBe(0);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Validation_RefusesAnEmptyTitle_AnUnnamedOwnCategory_AndEvidenceFromElsewhere(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateUpgradedAsync(provider);
        await using var ctx = db.Options.CreateContext(new Actor(3, "sam", "test"));
        var w = await SeedAsync(ctx);
        var ex = await Should.ThrowAsync<ConditionInputException>(() => SystemConditions.CreateAsync(ctx, w.LocalityId, new ConditionInput { Category = ConditionCategory.Own, Title = "   " }));
        ex.Errors.Keys.ShouldBe([nameof(ConditionInput.OwnCategory), nameof(ConditionInput.Title)], ignoreOrder: true);
        // A name typed for the team's own kind while another kind is chosen is not thrown away: the form asks.
        var both = await Should.ThrowAsync<ConditionInputException>(() => SystemConditions.CreateAsync(ctx, w.LocalityId, new ConditionInput { Category = ConditionCategory.RiskManagement, OwnCategory = "Eligibility forms", Title = "The form decides" }));
        both.Errors[nameof(ConditionInput.OwnCategory)].ShouldContain("or clear the name");
        (await ctx.SystemConditions.CountAsync()).ShouldBe(0);

        var own = await SystemConditions.CreateAsync(ctx, w.LocalityId, new ConditionInput { Category = ConditionCategory.Own, OwnCategory = " Eligibility forms ", Title = "The form decides" });
        SystemConditions.CategoryName(own).ShouldBe("Eligibility forms");
        var bad = await Should.ThrowAsync<ConditionInputException>(() => SystemConditions.AddEvidenceAsync(ctx, w.LocalityId, own.Id, new EvidenceInput { Kind = EvidenceKind.ActivityRecord, RecordId = Guid.NewGuid() }));
        bad.Errors.Keys.ShouldBe([nameof(EvidenceInput.RecordId)]);
        await Should.ThrowAsync<ConditionInputException>(() => SystemConditions.AddEvidenceAsync(ctx, w.LocalityId, own.Id, new EvidenceInput { Kind = EvidenceKind.FlowSignal }));
        await Should.ThrowAsync<ConditionInputException>(() => SystemConditions.AddEvidenceAsync(ctx, w.LocalityId, own.Id, new EvidenceInput { Kind = EvidenceKind.DemandType, DemandTypeId = w.TypeA + 1000 }));
        (await ctx.ConditionEvidence.CountAsync()).ShouldBe(0);
    }
}
