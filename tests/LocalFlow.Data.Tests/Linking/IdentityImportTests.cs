using LocalFlow.Analytics.Linking;
using LocalFlow.Data.Audit;
using LocalFlow.Data.Entities;
using LocalFlow.Data.Linking;
using LocalFlow.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Data.Tests.Linking;

/// <summary>An agency's identity extract brought in for linking, on SQLite and PostgreSQL: checked by line, stored whole or not at all, updates keep their person.</summary>
public class IdentityImportTests
{
    private const string Extract = """
        Record ID,Forename,Surname,DOB,Postcode,NHS No
        N-1,Ruth,Hallam,1941-03-02,NF1 2AB,
        N-2,Mel,Pryce,1970-13-40,NF2 9ZZ,
        N-3,Adam,Wood,2014-06-01,NF3 1CD,1234567890
        """;

    private static async Task<int> LocalityAsync(LocalFlowDb ctx)
    {
        var loc = new Locality { Name = "Northfield" };
        ctx.Localities.Add(loc);
        await ctx.SaveChangesAsync();
        return loc.Id;
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AnExtract_IsCheckedThenStoredWhole_AndALaterOneUpdatesKeepingThePerson(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateUpgradedAsync(provider);
        await using var ctx = db.Options.CreateContext(new SystemActor("test", "dee"));
        var locality = await LocalityAsync(ctx);

        var preview = await IdentityImport.PreviewAsync(ctx, locality, " Police (Niche) ", Extract);
        preview.Source.ShouldBe("Police (Niche)");
        preview.Mapping["Record ID"].ShouldBe(LinkField.RecordId);
        preview.Mapping["DOB"].ShouldBe(LinkField.DateOfBirth);
        (preview.New, preview.Updated, preview.Errors.Count).ShouldBe((3, 0, 0));
        // A month of 13 and an NHS number with a wrong check digit are kept but reported by line.
        preview.Warnings.ShouldContain(w => w.Row == 3 && w.Field == "date of birth");
        preview.Warnings.ShouldContain(w => w.Row == 4 && w.Field == "NHS number");
        (await IdentityImport.StoreAsync(ctx, locality, null, "niche.csv", preview)).ShouldBe((3, 0));

        // Linking has put N-1 with a person; the next extract spells her differently and adds one record.
        var person = new Person { LocalityId = locality, GivenName = "Ruth", FamilyName = "Hallam" };
        ctx.People.Add(person);
        var ruth = await ctx.SourceIdentities.SingleAsync(s => s.SourceRecordId == "N-1");
        ruth.PersonId = person.Id;
        await ctx.SaveChangesAsync();
        var later = await IdentityImport.PreviewAsync(ctx, locality, "Police (Niche)", "Record ID,Forename,Surname,DOB,Postcode\nN-1,Ruthie,Hallam,1941-03-02,NF1 2AB\nN-4,Jake,Moss,2001-01-01,NF4 4EE\n");
        (later.New, later.Updated).ShouldBe((1, 1));
        (await IdentityImport.StoreAsync(ctx, locality, null, "niche-2.csv", later)).ShouldBe((1, 1));

        await using var check = db.Options.CreateContext();
        var stored = await check.SourceIdentities.Where(s => s.Source == "Police (Niche)").OrderBy(s => s.SourceRecordId).ToListAsync();
        stored.Select(s => s.SourceRecordId).ShouldBe(["N-1", "N-2", "N-3", "N-4"]);
        (stored[0].GivenNames, stored[0].PersonId).ShouldBe(("Ruthie", (Guid?)person.Id));
        stored[1].DateOfBirth.ShouldBe("1970-13-40", "kept as the source wrote it");
        stored[3].PersonId.ShouldBeNull("new records wait for the next run");
        var audit = await check.AuditEvents.Where(e => e.EventType == AuditEventType.LinkChanged && e.EntityType == nameof(SourceIdentity) && e.EntityId == null).OrderBy(e => e.Id).ToListAsync();
        audit.Count.ShouldBe(2, "one entry per file, not one per row");
        audit[0].Detail!.ShouldContain("niche.csv");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AFileWithRepeatedOrMissingIds_IsRefused_AndChangesNothing(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateUpgradedAsync(provider);
        await using var ctx = db.Options.CreateContext();
        var locality = await LocalityAsync(ctx);

        var repeated = await IdentityImport.PreviewAsync(ctx, locality, "Housing", "id,surname,dob\nH1,Hallam,1941-03-02\n,Pryce,1970-01-01\nH1,Wood,2014-06-01\n");
        repeated.CanStore.ShouldBeFalse();
        repeated.Errors.Select(e => (e.Row, e.Problem)).ShouldBe([(3, "the record id is empty"), (4, "the same record id is on line 2")]);
        await Should.ThrowAsync<LinkageInputException>(() => IdentityImport.StoreAsync(ctx, locality, null, "housing.csv", repeated));

        var noIds = await IdentityImport.PreviewAsync(ctx, locality, "Housing", "surname,dob\nHallam,1941-03-02\n");
        noIds.Errors.ShouldHaveSingleItem().Problem.ShouldContain("no column holds the system's record id");

        (await Should.ThrowAsync<LinkageInputException>(() => IdentityImport.PreviewAsync(ctx, locality, "Housing", "colour,size\nred,big\n"))).Message.ShouldContain("no usable identifier");
        (await Should.ThrowAsync<LinkageInputException>(() => IdentityImport.PreviewAsync(ctx, locality, "Housing", ""))).Message.ShouldContain("empty");
        (await Should.ThrowAsync<LinkageInputException>(() => IdentityImport.PreviewAsync(ctx, locality, "  ", "id,surname\n1,Hallam\n"))).Message.ShouldContain("Name the system");

        await using var check = db.Options.CreateContext();
        (await check.SourceIdentities.CountAsync()).ShouldBe(0);
    }
}
