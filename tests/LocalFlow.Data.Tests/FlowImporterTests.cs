using LocalFlow.Analytics.Flow;
using LocalFlow.Analytics.Flow.Formats;
using LocalFlow.Data.Audit;
using LocalFlow.Data.Demo;
using LocalFlow.Data.Flow;
using LocalFlow.Data.LocalityWork;
using LocalFlow.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Data.Tests;

/// <summary>Importing agencies' files into a demo locality: people by id or by linked source key, reference data by name, errors by row, undo.</summary>
public class FlowImporterTests
{
    private sealed record Actor(int? UserId, string UserName, string Source) : IAuditActor;

    private static readonly Actor Officer = new(null, "dataofficer", "test");

    private const string Niche = "Police (Niche)";

    private static readonly CsvMapping PoliceMapping = CsvMapping.FromJson("""
        { "agency": "Police", "sourceSystem": "Police (Niche)", "timeZone": "Europe/London",
          "columns": { "person": "Subject", "start": "Occurred", "kind": "Type", "subtype": "Outcome", "worker": "Officer", "team": "Unit",
                       "sourceRecordId": "Ref", "cost": "Cost", "referredToAgency": "Referred to" },
          "kinds": { "INC": "Contact", "999": "EmergencyResponse", "REF": "Referral", "NFA": "Closure" } }
        """);

    private sealed record World(TestDatabase Db, int LocalityId, string LinkedKey, Guid LinkedPerson, Guid? LinkedHousehold, Guid OtherPerson, string PoliceWorker, TempDirectory Dir) : IAsyncDisposable
    {
        public LocalFlowDb Context() => Db.Options.CreateContext(Officer);

        public string Write(string name, string text)
        {
            var path = System.IO.Path.Combine(Dir.Path, name);
            File.WriteAllText(path, text);
            return path;
        }

        public async ValueTask DisposeAsync()
        {
            Dir.Dispose();
            await Db.DisposeAsync();
        }
    }

    private static async Task<World> DemoAsync(DatabaseProvider provider)
    {
        var db = await TestDatabase.CreateDemoAsync(provider, new DemoOptions { Households = 40, Users = false, Today = new DateOnly(2026, 11, 23) });
        await using var ctx = db.Options.CreateContext();
        var locality = await ctx.Localities.Select(l => l.Id).FirstAsync();
        var identity = await ctx.SourceIdentities.Where(s => s.LocalityId == locality && s.Source == Niche && s.PersonId != null).OrderBy(s => s.SourceRecordId).FirstAsync();
        var linked = await ctx.People.SingleAsync(p => p.LocalityId == locality && p.Id == identity.PersonId);
        var other = await ctx.People.Where(p => p.LocalityId == locality && p.Id != linked.Id && !p.Restricted).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
        var police = await ctx.Agencies.SingleAsync(a => a.ShortName == "Police");
        var worker = await ctx.Workers.Where(w => w.AgencyId == police.Id).OrderBy(w => w.Id).Select(w => w.Name).FirstAsync();
        return new World(db, locality, identity.SourceRecordId, linked.Id, linked.HouseholdId, other, worker, new TempDirectory());
    }

    private static FlowImportRequest Csv(World w, string path, bool allowPartial = false) => new()
    {
        LocalityId = w.LocalityId,
        Path = path,
        FileName = "niche-incidents.csv",
        Mapping = PoliceMapping,
        Agency = "Police",
        AllowPartial = allowPartial,
    };

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Csv_WithAMapping_StoresRecords_ForLinkedAndLocalFlowPeople(DatabaseProvider provider)
    {
        await using var w = await DemoAsync(provider);
        var path = w.Write("niche.csv", $"""
            Ref,Subject,Occurred,Type,Outcome,Officer,Unit,Cost,Referred to
            N-1,{w.LinkedKey},2025-06-01 22:15,999,Domestic incident,{w.PoliceWorker},Night shift,,
            N-2,{w.LinkedKey},2025-06-02 09:00,REF,PPN,{w.PoliceWorker},,,Northfield Borough Council
            N-3,{w.OtherPerson},2025-06-03 10:00,NFA,No further action,Officer Dibble,,12.50,
            N-4,{w.OtherPerson},2025-06-04 10:00,WELFARE,,,,,
            """);
        await using (var ctx = w.Context())
        {
            var preview = await FlowImporter.PreviewAsync(ctx, Csv(w, path));
            preview.Errors.ShouldBeEmpty();
            preview.Valid.ShouldBe(4);
            preview.People.ShouldBe(2);
            preview.FirstRows[0].Where.ShouldBe("line 2");
            preview.Warnings.ShouldContain(x => x.Contains("\"WELFARE\"") && x.Contains("Other"));
            preview.Warnings.ShouldContain(x => x.Contains("Team \"Night shift (Police)\"") && x.Contains("left empty on 1 rows"));
            preview.Warnings.ShouldContain(x => x.Contains("Worker \"Officer Dibble (Police)\""));
            (await ctx.ActivityRecords.CountAsync(r => r.SourceSystem == Niche)).ShouldBe(0, "a preview writes nothing");
        }
        await using (var ctx = w.Context())
        {
            var outcome = await FlowImporter.ImportAsync(ctx, Csv(w, path));
            outcome.Import.ShouldNotBeNull();
            outcome.Import.RecordCount.ShouldBe(4);
            outcome.Import.FileName.ShouldBe("niche-incidents.csv");
            outcome.Import.SourceSystem.ShouldBe(Niche);
        }
        await using (var ctx = w.Context())
        {
            var police = await ctx.Agencies.SingleAsync(a => a.ShortName == "Police");
            var council = await ctx.Agencies.SingleAsync(a => a.ShortName == "Council");
            var linked = (await FlowQueries.RecordsForAsync(ctx, new Viewer([w.LocalityId], true, null), w.LocalityId, w.LinkedPerson)).Where(r => r.SourceSystem == Niche).ToList();
            linked.Select(r => r.SourceRecordId).ShouldBe(["N-1", "N-2"]);
            linked.ShouldAllBe(r => r.AgencyId == police.Id && r.HouseholdId == w.LinkedHousehold && r.WorkerId != null && r.TeamId != null);
            linked[0].Kind.ShouldBe(ActivityKind.EmergencyResponse);
            linked[0].StartUtc.ShouldBe(new DateTime(2025, 6, 1, 21, 15, 0, DateTimeKind.Utc));
            linked[0].SourceOffsetMinutes.ShouldBe(60);
            linked[0].Cost.ShouldBe(240m);
            linked[0].CostFromCatalogue.ShouldBeTrue();
            linked[1].ReferredToAgencyId.ShouldBe(council.Id);
            var other = (await FlowQueries.RecordsForAsync(ctx, new Viewer([w.LocalityId], true, null), w.LocalityId, w.OtherPerson)).Where(r => r.SourceSystem == Niche).ToList();
            other.Select(r => (r.SourceRecordId, r.Kind)).ShouldBe([("N-3", ActivityKind.Closure), ("N-4", ActivityKind.Other)]);
            other[0].Cost.ShouldBe(12.50m);
            other[0].CostFromCatalogue.ShouldBeFalse();
            other[0].WorkerId.ShouldBeNull();
            (await ctx.AuditEvents.CountAsync(a => a.EventType == AuditEventType.FlowImported && a.Operation == AuditOperation.Create && a.UserName == "dataofficer")).ShouldBe(1);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task XesAndOcel_AreImported_ForTheChosenAgency(DatabaseProvider provider)
    {
        await using var w = await DemoAsync(provider);
        var xes = w.Write("ed.xes", $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <log xes.version="1849-2016" xmlns="http://www.xes-standard.org/">
              <trace>
                <string key="concept:name" value="{w.OtherPerson}"/>
                <event><string key="concept:name" value="Triage"/><string key="lf:kind" value="Assessment"/><string key="lf:subtype" value="Falls"/>
                  <date key="time:timestamp" value="2025-03-01T10:00:00+00:00"/><string key="lf:sourceRecordId" value="ED-1"/></event>
                <event><string key="concept:name" value="Admit"/><string key="lf:kind" value="Admission"/>
                  <date key="time:timestamp" value="2025-03-01T14:00:00+00:00"/><string key="lf:sourceRecordId" value="ED-2"/></event>
              </trace>
            </log>
            """);
        var ocel = w.Write("trust.jsonocel", $$"""
            { "objectTypes": [ { "name": "person", "attributes": [] } ],
              "eventTypes": [ { "name": "Review", "attributes": [] } ],
              "objects": [ { "id": "{{w.OtherPerson}}", "type": "person" }, { "id": "{{w.LinkedPerson}}", "type": "person" } ],
              "events": [ { "id": "ev9", "type": "Review", "time": "2025-04-01T09:00:00Z",
                            "relationships": [ { "objectId": "{{w.OtherPerson}}", "qualifier": "about" }, { "objectId": "{{w.LinkedPerson}}", "qualifier": "about" } ] } ] }
            """);
        await using (var ctx = w.Context())
        {
            var a = await FlowImporter.ImportAsync(ctx, new FlowImportRequest { LocalityId = w.LocalityId, Path = xes, Agency = "NHS Trust", SourceSystem = "SystmOne" });
            a.Preview.Errors.ShouldBeEmpty();
            a.Import!.RecordCount.ShouldBe(2);
            var b = await FlowImporter.ImportAsync(ctx, new FlowImportRequest { LocalityId = w.LocalityId, Path = ocel, Agency = "NHS Trust" });
            b.Preview.Errors.ShouldBeEmpty();
            b.Import!.RecordCount.ShouldBe(2);
            b.Import.SourceSystem.ShouldBe("Northfield and District NHS Trust");
        }
        await using (var check = w.Context())
        {
            var trust = await check.Agencies.SingleAsync(x => x.ShortName == "NHS Trust");
            var mine = (await FlowQueries.RecordsForAsync(check, new Viewer([w.LocalityId], true, null), w.LocalityId, w.OtherPerson)).Where(r => r.AgencyId == trust.Id && r.ImportId != null).ToList();
            mine.Select(r => r.Kind).ShouldBe([ActivityKind.Assessment, ActivityKind.Admission, ActivityKind.Review]);
            mine[0].SourceSystem.ShouldBe("SystmOne");
            mine[2].SourceRecordId.ShouldBe($"ev9/{w.OtherPerson}");
            (await check.ActivityRecords.CountAsync(r => r.PersonId == w.LinkedPerson && r.SourceRecordId.StartsWith("ev9/"))).ShouldBe(1);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task UnknownPeopleAndAgencies_AreRowErrors_AndTheRejectedFileChangesNothing(DatabaseProvider provider)
    {
        await using var w = await DemoAsync(provider);
        var mapping = PoliceMapping with { Agency = null, Columns = new(PoliceMapping.Columns, StringComparer.OrdinalIgnoreCase) { ["agency"] = "Force" } };
        var path = w.Write("bad.csv", $"""
            Ref,Subject,Occurred,Type,Outcome,Officer,Unit,Cost,Referred to,Force
            N-1,{w.LinkedKey},2025-06-01T10:00:00Z,INC,,,,,,Police
            N-2,NP-NOBODY,2025-06-01T11:00:00Z,INC,,,,,,Police
            N-3,{w.LinkedKey},2025-06-01T12:00:00Z,INC,,,,,,Metropolitan Police
            N-4,{Guid.NewGuid()},2025-06-01T13:00:00Z,INC,,,,,,Police
            """);
        var before = await CountAsync(w);
        await using var ctx = w.Context();
        var outcome = await FlowImporter.ImportAsync(ctx, new FlowImportRequest { LocalityId = w.LocalityId, Path = path, Mapping = mapping, FileName = "bad.csv" });
        outcome.Import.ShouldBeNull();
        outcome.Preview.Valid.ShouldBe(1);
        outcome.Preview.Invalid.ShouldBe(3);
        outcome.Preview.Errors.Select(e => e.Where).ShouldBe(["line 3", "line 4", "line 5"]);
        outcome.Preview.Errors[0].Message.ShouldContain("no identity has the id");
        outcome.Preview.Errors[1].Message.ShouldContain("no agency called \"Metropolitan Police\"");
        outcome.Preview.Errors[2].Message.ShouldContain("is not a LocalFlow person in this locality");
        (await CountAsync(w)).ShouldBe(before);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task DuplicateIds_InTheFileOrAlreadyStored_AreRowErrors_AndAllowPartial_StoresTheRest(DatabaseProvider provider)
    {
        await using var w = await DemoAsync(provider);
        var first = w.Write("first.csv", $"""
            Ref,Subject,Occurred,Type,Outcome,Officer,Unit,Cost,Referred to
            N-1,{w.LinkedKey},2025-06-01T10:00:00Z,INC,,,,,
            """);
        var second = w.Write("second.csv", $"""
            Ref,Subject,Occurred,Type,Outcome,Officer,Unit,Cost,Referred to
            N-1,{w.LinkedKey},2025-06-01T10:00:00Z,INC,,,,,
            N-2,{w.LinkedKey},2025-06-02T10:00:00Z,INC,,,,,
            N-2,{w.LinkedKey},2025-06-03T10:00:00Z,INC,,,,,
            N-3,{w.LinkedKey},2025-06-04T10:00:00Z,INC,,,,,
            """);
        await using var ctx = w.Context();
        (await FlowImporter.ImportAsync(ctx, Csv(w, first))).Import.ShouldNotBeNull();
        var refused = await FlowImporter.ImportAsync(ctx, Csv(w, second));
        refused.Import.ShouldBeNull();
        refused.Preview.Errors.Select(e => e.ToString()).ShouldBe([
            "line 2, sourceRecordId: record \"N-1\" of Police (Niche) is already stored (an earlier import): undo that import first, or leave the row out",
            "line 4, Ref: duplicate record id \"N-2\" (first on row 3)",
        ]);
        var partial = await FlowImporter.ImportAsync(ctx, Csv(w, second, allowPartial: true));
        partial.Import!.RecordCount.ShouldBe(2);
        partial.Import.SkippedCount.ShouldBe(2);
        (await ctx.ActivityRecords.Where(r => r.SourceSystem == Niche).OrderBy(r => r.SourceRecordId).Select(r => r.SourceRecordId).ToListAsync()).ShouldBe(["N-1", "N-2", "N-3"]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Undo_RemovesTheImportsRecords_AndTheFileCanBeImportedAgain(DatabaseProvider provider)
    {
        await using var w = await DemoAsync(provider);
        var path = w.Write("one.csv", $"""
            Ref,Subject,Occurred,Type,Outcome,Officer,Unit,Cost,Referred to
            N-1,{w.LinkedKey},2025-06-01T10:00:00Z,INC,,,,,
            N-2,{w.LinkedKey},2025-06-02T10:00:00Z,INC,,,,,
            """);
        var before = await CountAsync(w);
        await using var ctx = w.Context();
        var import = (await FlowImporter.ImportAsync(ctx, Csv(w, path))).Import!;
        (await CountAsync(w)).ShouldBe(before + 2);
        (await FlowStore.UndoImportAsync(ctx, w.LocalityId, import.Id)).ShouldBe(2);
        (await CountAsync(w)).ShouldBe(before);
        (await FlowImporter.ImportAsync(ctx, Csv(w, path))).Import!.RecordCount.ShouldBe(2);
    }

    [Fact]
    public async Task RecordsWithoutIds_AreNamedByTheirContent_SoTheSameFileIsNotStoredTwice()
    {
        await using var w = await DemoAsync(DatabaseProvider.Sqlite);
        var mapping = PoliceMapping with { Columns = new(PoliceMapping.Columns.Where(c => c.Key != "sourceRecordId").ToDictionary(), StringComparer.OrdinalIgnoreCase) };
        var path = w.Write("noids.csv", $"""
            Subject,Occurred,Type,Outcome,Officer,Unit,Cost,Referred to
            {w.LinkedKey},2025-06-01T10:00:00Z,INC,,,,,
            """);
        await using var ctx = w.Context();
        var request = new FlowImportRequest { LocalityId = w.LocalityId, Path = path, Mapping = mapping };
        (await FlowImporter.ImportAsync(ctx, request)).Import.ShouldNotBeNull();
        var again = await FlowImporter.ImportAsync(ctx, request);
        again.Import.ShouldBeNull();
        again.Preview.Errors.Single().Message.ShouldContain("already stored");
    }

    [Fact]
    public async Task AFileThatIsNotTheFormat_IsRejectedWhole()
    {
        await using var w = await DemoAsync(DatabaseProvider.Sqlite);
        var path = w.Write("broken.xes", "<log><trace><event>");
        await using var ctx = w.Context();
        var outcome = await FlowImporter.ImportAsync(ctx, new FlowImportRequest { LocalityId = w.LocalityId, Path = path, Agency = "Police" });
        outcome.Import.ShouldBeNull();
        outcome.Preview.FileRejected.ShouldBeTrue();
        outcome.Preview.Errors.ShouldNotBeEmpty();
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SavedMappings_AreKeptPerAgency_AndReplacedByName(DatabaseProvider provider)
    {
        await using var w = await DemoAsync(provider);
        await using var ctx = w.Context();
        var police = await ctx.Agencies.SingleAsync(a => a.ShortName == "Police");
        var housing = await ctx.Agencies.SingleAsync(a => a.ShortName == "Housing");
        await SavedMappings.SaveAsync(ctx, w.LocalityId, police.Id, "Police — Niche incidents", PoliceMapping);
        await SavedMappings.SaveAsync(ctx, w.LocalityId, police.Id, "Police — Niche incidents", PoliceMapping with { TimeZone = null });
        var saved = (await SavedMappings.ForAgencyAsync(ctx, w.LocalityId, police.Id)).ShouldHaveSingleItem();
        saved.Name.ShouldBe("Police — Niche incidents");
        saved.SavedBy.ShouldBe("dataofficer");
        var back = CsvMapping.FromJson(saved.MappingJson);
        back.TimeZone.ShouldBeNull();
        back.Columns["person"].ShouldBe("Subject");
        back.Kinds["999"].ShouldBe("EmergencyResponse");
        (await SavedMappings.ForAgencyAsync(ctx, w.LocalityId, housing.Id)).ShouldBeEmpty();
        (await ctx.AuditEvents.CountAsync(a => a.EventType == AuditEventType.ReferenceDataChanged && a.EntityType == "FlowMapping")).ShouldBe(2);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RuthsPoliceId_IsFound_UnderTheAgencysName_AndUnknownIdsSayWhatWasTried(DatabaseProvider provider)
    {
        await using var w = await DemoAsync(provider);
        string ruthsPoliceId;
        Guid ruth;
        int police;
        await using (var ctx = w.Context())
        {
            ruth = (await FlowQueries.CaseHistoriesAsync(ctx)).Single(s => s.Story == "Ruth").PersonId;
            police = await ctx.Agencies.Where(a => a.ShortName == "Police").Select(a => a.Id).SingleAsync();
            ruthsPoliceId = await ctx.SourceIdentities.Where(s => s.PersonId == ruth && s.AgencyId == police).Select(s => s.SourceRecordId).FirstAsync();
            (await AgencySourceSystems.ForAgencyAsync(ctx, w.LocalityId, police)).Select(s => s.Name).ShouldBe([Niche]);
        }
        // The import page's first guess is the agency's own name, which no identity extract used.
        var path = w.Write("police.csv", $"""
            Ref,Subject,Occurred,Type,Outcome,Officer,Unit,Cost,Referred to
            R-1,{ruthsPoliceId},2025-06-01 22:15,INC,,,,,
            R-2,NP-NOBODY,2025-06-02 09:00,INC,,,,,
            """);
        var request = Csv(w, path) with { Mapping = PoliceMapping with { SourceSystem = "Northshire Police" } };

        await using (var ctx = w.Context())
        {
            var preview = await FlowImporter.PreviewAsync(ctx, request);

            preview.Valid.ShouldBe(1);
            preview.FirstRows.Single().PersonKey.ShouldBe(ruthsPoliceId);
            var error = preview.Errors.ShouldHaveSingleItem();
            error.Where.ShouldBe("line 3");
            error.Message.ShouldContain("\"NP-NOBODY\"");
            error.Message.ShouldContain("source system \"Northshire Police\"");
            error.Message.ShouldContain($"Northshire Police's other source systems (\"{Niche}\")");
            error.Message.ShouldNotContain("run linking");
        }
        await using (var ctx = w.Context())
        {
            var outcome = await FlowImporter.ImportAsync(ctx, request with { AllowPartial = true });
            outcome.Import.ShouldNotBeNull().RecordCount.ShouldBe(1);
            (await FlowQueries.RecordsForAsync(ctx, new Viewer([w.LocalityId], true, null), w.LocalityId, ruth)).ShouldContain(r => r.SourceRecordId == "R-1" && r.AgencyId == police);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AnUnlinkedIdentity_IsAnError_NamingItsSystem_NotASuggestionToRunLinking(DatabaseProvider provider)
    {
        await using var w = await DemoAsync(provider);
        await using (var ctx = w.Context())
        {
            var police = await ctx.Agencies.Where(a => a.ShortName == "Police").Select(a => a.Id).SingleAsync();
            ctx.SourceIdentities.Add(new Entities.SourceIdentity { LocalityId = w.LocalityId, Source = Niche, SourceRecordId = "NP-WAITING", AgencyId = police, Surname = "Waiting" });
            await ctx.SaveChangesAsync();
        }
        var path = w.Write("police.csv", """
            Ref,Subject,Occurred,Type,Outcome,Officer,Unit,Cost,Referred to
            W-1,NP-WAITING,2025-06-01 22:15,INC,,,,,
            """);

        await using (var ctx = w.Context())
        {
            var preview = await FlowImporter.PreviewAsync(ctx, Csv(w, path) with { Mapping = PoliceMapping with { SourceSystem = "Northshire Police" } });

            var error = preview.Errors.ShouldHaveSingleItem();
            error.Message.ShouldContain($"Northshire Police id \"NP-WAITING\" in source system \"{Niche}\" is not linked to a person");
            error.Message.ShouldContain("linking review page");
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AnEventLogCsv_IsImported_WithNoMapping_ForTheChosenAgency(DatabaseProvider provider)
    {
        await using var w = await DemoAsync(provider);
        var path = w.Write("pm4py.csv", $"""
            case:concept:name,concept:name,time:timestamp,org:resource,lifecycle:transition,lf:sourceRecordId
            {w.LinkedKey},Contact,2025-06-01 22:15:00+01:00,{w.PoliceWorker},complete,EL-1
            {w.LinkedKey},Assessment,2025-06-02 09:00:00+01:00,{w.PoliceWorker},start,EL-2
            {w.LinkedKey},Assessment,2025-06-02 11:00:00+01:00,{w.PoliceWorker},complete,EL-3
            """);

        await using var ctx = w.Context();
        var outcome = await FlowImporter.ImportAsync(ctx, new FlowImportRequest { LocalityId = w.LocalityId, Path = path, Agency = "Police", SourceSystem = Niche });

        outcome.Preview.Errors.ShouldBeEmpty();
        outcome.Import.ShouldNotBeNull().RecordCount.ShouldBe(2);
        var records = (await FlowQueries.RecordsForAsync(ctx, new Viewer([w.LocalityId], true, null), w.LocalityId, w.LinkedPerson)).Where(r => r.SourceRecordId.StartsWith("EL-", StringComparison.Ordinal)).ToList();
        records.Select(r => r.Kind).ShouldBe([ActivityKind.Contact, ActivityKind.Assessment]);
        records[1].EndUtc.ShouldBe(new DateTime(2025, 6, 2, 10, 0, 0, DateTimeKind.Utc));
        records.ShouldAllBe(r => r.WorkerId != null);
    }

    private static async Task<int> CountAsync(World w)
    {
        await using var ctx = w.Db.Options.CreateContext();
        return await ctx.ActivityRecords.CountAsync(r => r.LocalityId == w.LocalityId);
    }
}
