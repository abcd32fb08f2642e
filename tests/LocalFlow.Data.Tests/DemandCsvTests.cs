using LocalFlow.Data.Audit;
using LocalFlow.Data.Demands;
using LocalFlow.Data.Entities;
using LocalFlow.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Data.Tests;

public class DemandCsvTests
{
    private const string File = "Said,Door,V/F,Kind,Category,Outcome,To whom,When\r\n"
        + "\"My mum fell again 😢, can someone come?\",Adult social care front door,failure,re-presenting,Falls,Booked,,2026-11-02 09:15\r\n"
        + "أمي تحتاج إلى مساعدة,One-stop shop,value,,Help at home,resolved there and then,,2026-11-02T10:00:00Z\r\n"
        + "\"Line one\nline \"\"two\"\"\",One-stop shop,value,,Help at home,referred on,Occupational therapy,2026-11-02 11:00\r\n";

    private static readonly Dictionary<string, string> Map = new()
    {
        ["verbatim"] = "Said",
        ["front_door"] = "Door",
        ["value_or_failure"] = "V/F",
        ["failure_kind"] = "Kind",
        ["type"] = "Category",
        ["what_happened"] = "Outcome",
        ["referred_to"] = "To whom",
        ["received_at"] = "When",
    };

    private static async Task<(TestDatabase Db, int StudyId)> SeedAsync(DatabaseProvider provider)
    {
        var db = await TestDatabase.CreateUpgradedAsync(provider);
        await using var ctx = db.Options.CreateContext();
        var loc = new Locality { Name = "Northfield" };
        ctx.Localities.Add(loc);
        var agency = new Agency { Name = "Council", ShortName = "Council", Kind = AgencyKind.Council };
        ctx.Agencies.Add(agency);
        await ctx.SaveChangesAsync();
        var a = new FrontDoor { LocalityId = loc.Id, AgencyId = agency.Id, Name = "Adult social care front door", Channel = Channel.Phone };
        var b = new FrontDoor { LocalityId = loc.Id, AgencyId = agency.Id, Name = "One-stop shop", Channel = Channel.FaceToFace };
        ctx.FrontDoors.AddRange(a, b);
        await ctx.SaveChangesAsync();
        var study = await new DemandStudies(ctx).CreateStudyAsync(loc.Id, new StudyInput { Service = "ASC", Kind = StudyKind.Transactional, Purpose = "Help me", StartsOn = new DateOnly(2026, 11, 2), FrontDoorIds = [a.Id, b.Id] });
        return (db, study.Id);
    }

    private static async Task<DemandStudy> StudyAsync(LocalFlowDb ctx, int id) => (await new DemandStudies(ctx).FindStudyAsync(id, [await ctx.Localities.Select(l => l.Id).SingleAsync()]))!;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_KeepsWordsExactly_CreatesReadyMadeTypes_AndRoundTripsThroughExport(DatabaseProvider provider)
    {
        var (db, studyId) = await SeedAsync(provider);
        await using var _ = db;
        await using var ctx = db.Options.CreateContext();
        var study = await StudyAsync(ctx, studyId);
        var preview = await DemandCsv.PreviewAsync(ctx, study, File, Map);
        preview.FileErrors.ShouldBeEmpty();
        preview.Rows.Select(r => r.Errors.Count).ShouldBe([0, 0, 0]);
        preview.NewTypeNames.ShouldBe(["Falls", "Help at home"]);
        (await ctx.Demands.CountAsync()).ShouldBe(0, "a preview changes nothing");
        (await new DemandStudies(ctx).ImportAsync(study, preview.Rows.Select(r => r.Input).ToList(), "test.csv")).ShouldBe(3);

        ctx.ChangeTracker.Clear();
        var demands = await ctx.Demands.OrderBy(d => d.ReceivedAt).ToListAsync();
        demands.Select(d => d.Verbatim).ShouldBe(["My mum fell again 😢, can someone come?", "أمي تحتاج إلى مساعدة", "Line one\nline \"two\""]);
        demands[0].ReceivedAt.ShouldBe(new DateTime(2026, 11, 2, 9, 15, 0, DateTimeKind.Utc), "London time in November is UTC");
        demands[0].FailureKind.ShouldBe(FailureKind.RePresenting);
        demands[2].ReferredTo.ShouldBe("Occupational therapy");
        (await ctx.DemandTypes.ToListAsync()).ShouldAllBe(t => t.ReadyMade);
        (await ctx.AuditEvents.SingleAsync(e => e.EventType == AuditEventType.DemandImported)).Detail!.ShouldContain("3 demands imported");

        var sw = new StringWriter();
        (await DemandCsv.ExportAsync(ctx, study, sw)).ShouldBe(3);
        var exported = sw.ToString();
        var again = await DemandCsv.PreviewAsync(ctx, study, exported, DemandCsv.GuessMapping(CsvText.Read(exported)[0].Fields));
        again.Rows.ShouldAllBe(r => r.IsValid);
        again.Rows.Select(r => r.Input.Verbatim).ShouldBe(demands.Select(d => d.Verbatim));
        again.Rows.Select(r => r.Input.ReceivedAt).ShouldBe(demands.Select(d => (DateTime?)d.ReceivedAt));
        again.NewTypeNames.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_KeepsTheLanguageEachDemandWasMadeIn_RefusesOneItDoesNotKnow_AndExportsIt(DatabaseProvider provider)
    {
        var (db, studyId) = await SeedAsync(provider);
        await using var _ = db;
        await using var ctx = db.Options.CreateContext();
        var study = await StudyAsync(ctx, studyId);
        const string file = "Said,Language,V/F,Outcome,Door\r\n"
            + "\"Mae angen help arna i gyda'r bin\",Cymraeg,value,resolved there and then,One-stop shop\r\n"
            + "Potrzebuję pomocy z czynszem,pl,value,resolved there and then,One-stop shop\r\n"
            + "The bin was missed again,,value,resolved there and then,One-stop shop\r\n"
            + "nuqneH,Klingonese,value,resolved there and then,One-stop shop\r\n";
        var map = DemandCsv.GuessMapping(CsvText.Read(file)[0].Fields);
        map["language"].ShouldBe("Language", "a column named Language is mapped without asking");
        map["verbatim"] = "Said";
        map["value_or_failure"] = "V/F";
        map["what_happened"] = "Outcome";
        map["front_door"] = "Door";
        var preview = await DemandCsv.PreviewAsync(ctx, study, file, map);
        preview.Rows.Select(r => r.IsValid).ShouldBe([true, true, true, false]);
        preview.Rows[3].Errors.ShouldHaveSingleItem().ShouldContain("\"Klingonese\"");
        await new DemandStudies(ctx).ImportAsync(study, preview.Rows.Where(r => r.IsValid).Select(r => r.Input).ToList(), "languages.csv");

        ctx.ChangeTracker.Clear();
        var stored = await ctx.Demands.OrderBy(d => d.Verbatim).Select(d => new { d.Verbatim, d.Language }).ToListAsync();
        stored.Select(d => d.Language).ShouldBe(["cy", "pl", null], "by the words: Mae…, Potrzebuję…, The bin…");
        stored[0].Verbatim.ShouldBe("Mae angen help arna i gyda'r bin", "the words are kept as said, never translated");

        var sw = new StringWriter();
        await DemandCsv.ExportAsync(ctx, study, sw);
        var exported = CsvText.Read(sw.ToString());
        var at = Array.IndexOf(DemandCsv.ExportColumns, "language");
        exported.Skip(1).Select(r => r.Fields[at]).Order(StringComparer.Ordinal).ShouldBe(["", "cy", "pl"]);
    }

    [Fact]
    public void SpokenLanguages_KnowATagANameAndTheLanguagesOwnName_AndSayWhenTheyDoNotKnow()
    {
        foreach (var written in new[] { "Cymraeg", "Welsh", "cy", " CY ", "cy-GB" })
        {
            SpokenLanguages.TryTag(written, out var tag).ShouldBeTrue(written);
            tag.ShouldBe("cy", written);
        }
        SpokenLanguages.TryTag("polski", out var polish).ShouldBeTrue();
        polish.ShouldBe("pl");
        SpokenLanguages.TryTag("English", out var english).ShouldBeTrue();
        english.ShouldBeNull("no tag is English");
        SpokenLanguages.TryTag("", out var none).ShouldBeTrue();
        none.ShouldBeNull();
        SpokenLanguages.TryTag("Klingonese", out _).ShouldBeFalse();
        SpokenLanguages.LangOf(null).ShouldBe("en-GB");
        SpokenLanguages.LangOf("Welsh").ShouldBe("cy");
        SpokenLanguages.LangOf("Klingonese").ShouldBe("", "an unknown language is marked unknown, not guessed");
        SpokenLanguages.NameOf("cy").ShouldBe("Welsh (Cymraeg)");
        SpokenLanguages.NameOf(null).ShouldBe("English");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Export_NeutralisesSpreadsheetFormulas_AndImportingItBackRestoresTheWords(DatabaseProvider provider)
    {
        var (db, studyId) = await SeedAsync(provider);
        await using var _ = db;
        await using var ctx = db.Options.CreateContext();
        var study = await StudyAsync(ctx, studyId);
        var preview = await DemandCsv.PreviewAsync(ctx, study, File, Map);
        var rows = preview.Rows.Select(r => r.Input).ToList();
        rows[0].Verbatim = "=HYPERLINK(\"http://example.com\",\"Click\")";
        rows[1].Verbatim = "-5 outside and the heating is off";
        rows[2].Verbatim = "@home since the fall";
        await new DemandStudies(ctx).ImportAsync(study, rows, "test.csv");

        var sw = new StringWriter();
        await DemandCsv.ExportAsync(ctx, study, sw);
        var exported = CsvText.Read(sw.ToString());
        var verbatims = exported.Skip(1).Select(r => r.Fields[Array.IndexOf(DemandCsv.ExportColumns, "verbatim")]).ToList();
        verbatims.ShouldBe(["'=HYPERLINK(\"http://example.com\",\"Click\")", "'-5 outside and the heating is off", "'@home since the fall"], ignoreOrder: true);
        exported.Skip(1).SelectMany(r => r.Fields).ShouldAllBe(f => f.Length == 0 || "=+-@\t\r".IndexOf(f[0]) < 0);

        var again = await DemandCsv.PreviewAsync(ctx, study, sw.ToString(), DemandCsv.GuessMapping(exported[0].Fields));
        again.Rows.Select(r => r.Input.Verbatim).ShouldBe(rows.Select(r => r.Verbatim), ignoreOrder: true);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_RefusesTheSpringGap_YearOne_BadBytes_AndNamesEachRow(DatabaseProvider provider)
    {
        var (db, studyId) = await SeedAsync(provider);
        await using var _ = db;
        await using var ctx = db.Options.CreateContext();
        var study = await StudyAsync(ctx, studyId);
        // 01:30 on 29 March 2026 never happened in London: the clocks went from 01:00 to 02:00.
        var file = File + "Gap,One-stop shop,value,,Help at home,Booked,,2026-03-29 01:30\r\n"
                        + "Blank date,One-stop shop,value,,Help at home,Booked,,0001-01-01 00:00\r\n"
                        + "Bad \uFFFD bytes,One-stop shop,value,,Help at home,Booked,,2026-11-02 12:00\r\n"
                        + "Nul \0 byte,One-stop shop,value,,Help at home,Booked,,2026-11-02 12:00\r\n";
        var preview = await DemandCsv.PreviewAsync(ctx, study, file, Map);
        preview.Valid.ShouldBe(3);
        preview.Rows.Single(r => r.Line == 6).Errors.ShouldHaveSingleItem().ShouldStartWith("\"2026-03-29 01:30\" did not happen in London: the clocks went forward");
        preview.Rows.Single(r => r.Line == 7).Errors.ShouldHaveSingleItem().ShouldBe("\"0001-01-01 00:00\" is before 1900: check the year");
        preview.Rows.Single(r => r.Line == 8).Errors.ShouldHaveSingleItem().ShouldContain("not UTF-8");
        preview.Rows.Single(r => r.Line == 9).Errors.ShouldHaveSingleItem().ShouldContain("NUL byte");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_RefusesAHeaderThatNamesAColumnTwice(DatabaseProvider provider)
    {
        var (db, studyId) = await SeedAsync(provider);
        await using var _ = db;
        await using var ctx = db.Options.CreateContext();
        var study = await StudyAsync(ctx, studyId);
        var file = "Said,Door,V/F,Kind,Category,Outcome,To whom,Said\r\nHelp,One-stop shop,value,,Help at home,Booked,,Other words\r\n";
        var preview = await DemandCsv.PreviewAsync(ctx, study, file, Map.Where(m => m.Key != "received_at").ToDictionary());
        preview.FileErrors.ShouldBe(["The header names the column \"Said\" more than once (columns 1 and 8): give each column its own name."]);
        preview.Rows.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_WithABadRow_ReportsItByLine_RejectsTheFile_OrTakesOnlyTheValidRows(DatabaseProvider provider)
    {
        var (db, studyId) = await SeedAsync(provider);
        await using var _ = db;
        await using var ctx = db.Options.CreateContext();
        var study = await StudyAsync(ctx, studyId);
        var bad = File + "   ,One-stop shop,value,,Help at home,Booked,,2026-11-02 12:00\r\n"
                       + "Where is it?,Library,maybe,,,sometime,,yesterday-ish\r\n";
        var preview = await DemandCsv.PreviewAsync(ctx, study, bad, Map);
        preview.Valid.ShouldBe(3);
        preview.Invalid.ShouldBe(2);
        // The quoted verbatim on lines 4 and 5 spans two lines: errors give the line each record starts on.
        var line6 = preview.Rows.Single(r => r.Line == 6);
        line6.Errors.ShouldBe(["Enter the demand in the person's own words"]);
        var row7 = preview.Rows.Single(r => r.Line == 7);
        row7.Errors.ShouldContain(e => e.StartsWith("front door \"Library\" is not one of this study's", StringComparison.Ordinal));
        row7.Errors.ShouldContain("value or failure: \"maybe\" is not one of the values LocalFlow knows");
        row7.Errors.ShouldContain("what happened: \"sometime\" is not one of the values LocalFlow knows");
        row7.Errors.ShouldContain("\"yesterday-ish\" is not a date and time like 2026-11-23 09:41");

        var ex = await Should.ThrowAsync<DemandInputException>(() => new DemandStudies(ctx).ImportAsync(study, preview.Rows.Select(r => r.Input).ToList(), "bad.csv"));
        ex.Errors.Keys.ShouldContain("Demand 4: Verbatim");
        ctx.ChangeTracker.Clear();
        (await ctx.Demands.CountAsync()).ShouldBe(0, "a rejected file changes nothing");
        (await ctx.DemandTypes.CountAsync()).ShouldBe(0);

        (await new DemandStudies(ctx).ImportAsync(study, preview.Rows.Where(r => r.IsValid).Select(r => r.Input).ToList(), "bad.csv (valid rows)")).ShouldBe(3);
        (await ctx.Demands.CountAsync()).ShouldBe(3);
    }

    [Fact]
    public void Mapping_FromTheCommandLine_IsCheckedField_ByField()
    {
        DemandCsv.ParseMapping("verbatim=What they said, type = Category").ShouldBe(new Dictionary<string, string> { ["verbatim"] = "What they said", ["type"] = "Category" });
        Should.Throw<DemandInputException>(() => DemandCsv.ParseMapping("words=Said")).Message.ShouldContain("\"words\" is not a field LocalFlow knows");
        Should.Throw<DemandInputException>(() => DemandCsv.ParseMapping("verbatim")).Message.ShouldContain("is not field=Column");
    }
}
