using System.Text;
using CsCheck;
using LocalFlow.Data.Audit;
using LocalFlow.Data.Demands;
using LocalFlow.Data.Demo;
using LocalFlow.Data.Flow;
using LocalFlow.Data.Linking;
using LocalFlow.Data.Redesign;
using LocalFlow.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Data.Tests.Fuzz;

/// <summary>
/// Property-based fuzzing of every importer that writes to the database — flow (CSV, XES, OCEL), demand CSV, identity
/// extracts and the redesign resource lists — against a demo locality on each database. For every malformed file:
/// nothing is thrown but the importer's own clear error; a file refused writes no row (rows counted before and
/// after); a file accepted writes exactly what its preview promised; every problem names its line; no case hangs.
/// Long run: <c>LOCALFLOW_FUZZ_ITERATIONS=100000</c> (docs/trust.md).
/// </summary>
public class ImportFuzzTests
{
    private const long Quick = 25;

    private sealed record Actor(int? UserId, string UserName, string Source) : IAuditActor;

    private static readonly Actor Officer = new(null, "dataofficer", "fuzz");

    private sealed record World(TestDatabase Db, int LocalityId, Guid Person, Guid Other, int StudyId, TempDirectory Dir) : IAsyncDisposable
    {
        public LocalFlowDb Context() => Db.Options.CreateContext(Officer);

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
        var people = await ctx.People.Where(p => p.LocalityId == locality && !p.Restricted).OrderBy(p => p.Id).Select(p => p.Id).Take(2).ToListAsync();
        var study = await ctx.DemandStudies.Where(s => s.LocalityId == locality).OrderBy(s => s.Id).Select(s => s.Id).FirstAsync();
        return new World(db, locality, people[0], people[1], study, new TempDirectory());
    }

    /// <summary>Text as the CLI and the web read an upload: UTF-8 (or what a byte order mark says), bad bytes as U+FFFD.</summary>
    private static string Text(byte[] file) => new StreamReader(new MemoryStream(file), Encoding.UTF8, detectEncodingFromByteOrderMarks: true).ReadToEnd();

    private static async Task FuzzAsync(Gen<byte[]> files, Func<byte[], Task> property) =>
        await files.SampleAsync(property, iter: Fuzzing.Iterations(Quick), seed: Fuzzing.Seed, threads: 1, print: Fuzzing.Describe);

    private static void Fail(string what, Exception? thrown)
    {
        if (thrown is not null)
        {
            Assert.Fail($"{what} threw {thrown}");
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task FlowImport_RefusesMalformedFiles_WritingNothing(DatabaseProvider provider)
    {
        await using var w = await DemoAsync(provider);
        var csv = Encoding.UTF8.GetBytes(ReaderFuzzTests.ValidCsv(w.Person.ToString(), w.Other.ToString()));
        var formats = Gen.OneOf(
            Malformed.Files(csv).Select(f => (Name: "niche.csv", File: f)),
            Malformed.Files(ReaderFuzzTests.ValidXes, Malformed.HostileXml()).Select(f => (Name: "log.xes", File: f)),
            Malformed.Files(ReaderFuzzTests.ValidOcel, Malformed.HostileJson()).Select(f => (Name: "log.json", File: f)));
        var path = Path.Combine(w.Dir.Path, "upload");
        await formats.SampleAsync(async c =>
        {
            await File.WriteAllBytesAsync(path, c.File);
            await using var ctx = w.Context();
            var before = await ctx.ActivityRecords.CountAsync();
            FlowImportOutcome? outcome = null;
            var request = new FlowImportRequest
            {
                LocalityId = w.LocalityId,
                Path = path,
                FileName = c.Name,
                Mapping = c.Name.EndsWith(".csv", StringComparison.Ordinal) ? ReaderFuzzTests.Mapping : null,
                Agency = "Police",
            };
            Fail("The flow import", await Fuzzing.RunAsync(async () => outcome = await FlowImporter.ImportAsync(ctx, request), "The flow import"));
            var after = await ctx.ActivityRecords.CountAsync();
            if (outcome!.Import is null)
            {
                after.ShouldBe(before, "a refused file writes nothing");
                (outcome.Preview.FileRejected || outcome.Preview.ErrorCount > 0 || outcome.Preview.Valid == 0).ShouldBeTrue("a file is refused for a reason");
            }
            else
            {
                after.ShouldBe(before + outcome.Import.RecordCount, "an accepted file writes what it read");
                outcome.Preview.ErrorCount.ShouldBe(0, "a file with errors is refused whole");
            }
            outcome.Preview.Errors.ShouldAllBe(e => e.Message.Length > 0 && e.Where.Length > 0);
        }, iter: Fuzzing.Iterations(15), seed: Fuzzing.Seed, threads: 1, print: c => c.Name + " " + Fuzzing.Describe(c.File));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task DemandImport_RefusesMalformedFiles_WritingNothing(DatabaseProvider provider)
    {
        await using var w = await DemoAsync(provider);
        string valid;
        await using (var ctx = w.Context())
        {
            var study = (await new DemandStudies(ctx).FindStudyAsync(w.StudyId, [w.LocalityId]))!;
            var door = await ctx.DemandStudyFrontDoors.Where(f => f.StudyId == study.Id).Select(f => f.FrontDoor!.Name).FirstAsync();
            var day = study.StartsOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            valid = $""""
                verbatim,front_door,value_or_failure,failure_kind,type,what_happened,referred_to,received_at,language
                "My mum fell again, can someone come?",{door},failure,re-presenting,Falls,Booked,,{day} 09:15,
                "Line one
                line ""two""",{door},value,,Help at home,referred on,Occupational therapy,{day}T10:00:00Z,Cymraeg
                Dw i angen help,{door},value,,,resolved there and then,,{day} 11:00,cy

                """";
        }
        await FuzzAsync(Malformed.Files(Encoding.UTF8.GetBytes(valid)), async file =>
        {
            await using var ctx = w.Context();
            var study = (await new DemandStudies(ctx).FindStudyAsync(w.StudyId, [w.LocalityId]))!;
            var before = await ctx.Demands.CountAsync();
            var text = Text(file);
            ImportPreview? preview = null;
            Fail("The demand import", await Fuzzing.RunAsync(async () =>
            {
                var mapping = DemandCsv.GuessMapping(CsvText.Read(text).FirstOrDefault().Fields ?? []);
                preview = await DemandCsv.PreviewAsync(ctx, study, text, mapping);
            }, "The demand preview"));
            (await ctx.Demands.CountAsync()).ShouldBe(before, "a preview writes nothing");
            preview!.Rows.Where(r => !r.IsValid).ShouldAllBe(r => r.Line >= 2 && r.Errors.All(e => e.Length > 0));
            if (preview.FileErrors.Count == 0 && preview.Invalid == 0 && preview.Valid > 0)
            {
                var stored = 0;
                Fail("The demand import of a file its preview passed", await Fuzzing.RunAsync(async () =>
                    stored = await new DemandStudies(ctx).ImportAsync(study, preview.Rows.Select(r => r.Input).ToList(), "fuzz.csv"), "The demand import"));
                stored.ShouldBe(preview.Valid);
                (await ctx.Demands.CountAsync()).ShouldBe(before + stored);
            }
        });
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task IdentityImport_RefusesMalformedExtracts_WritingNothing(DatabaseProvider provider)
    {
        await using var w = await DemoAsync(provider);
        const string valid = """
            record id,given names,surname,date of birth,sex,address,postcode,nhs number,email
            F-1,Ann,Smith,1980-02-03,F,"1 High Street, Northfield",NF1 2AB,9434765919,ann@example.org
            F-2,Bob,"O'Neill",03/04/1975,M,2 Low Road,NF2 3CD,,
            F-3,Cerys,Jones-Evans,,,,,,

            """;
        await FuzzAsync(Malformed.Files(Encoding.UTF8.GetBytes(valid)), async file =>
        {
            await using var ctx = w.Context();
            var before = await ctx.SourceIdentities.CountAsync();
            var text = Text(file);
            IdentityPreview? preview = null;
            var thrown = await Fuzzing.RunAsync(async () => preview = await IdentityImport.PreviewAsync(ctx, w.LocalityId, "Fuzz system", text), "The identity preview");
            if (thrown is LocalFlow.Analytics.Linking.LinkageInputException refused)
            {
                refused.Message.ShouldNotBeNullOrWhiteSpace();
            }
            else
            {
                Fail("The identity preview", thrown);
                preview!.Errors.ShouldAllBe(e => e.Row >= 1 && e.Problem.Length > 0);
                var stored = (New: 0, Updated: 0);
                thrown = await Fuzzing.RunAsync(async () => stored = await IdentityImport.StoreAsync(ctx, w.LocalityId, null, "fuzz.csv", preview), "The identity import");
                if (preview.CanStore)
                {
                    Fail("The identity import of an extract its preview passed", thrown);
                    (await ctx.SourceIdentities.CountAsync()).ShouldBe(before + stored.New);
                    return;
                }
                thrown.ShouldBeOfType<LocalFlow.Analytics.Linking.LinkageInputException>();
            }
            (await ctx.SourceIdentities.CountAsync()).ShouldBe(before, "a refused extract writes nothing");
        });
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ResourceImport_RefusesMalformedLists_WritingNothing(DatabaseProvider provider)
    {
        await using var w = await DemoAsync(provider);
        const string valid = """
            partner,purpose,amount,price_year,period,body,note
            council,Home care,"£1,000.50",2024,month,Adult social care,
            citizens,Home care,200,2024,year,,"a note, with a comma"
            nhs,Nursing,10,2023,year,,

            """;
        await FuzzAsync(Malformed.Files(Encoding.UTF8.GetBytes(valid)), async file =>
        {
            await using var ctx = w.Context();
            var before = await ctx.ResourceMoney.Where(m => m.LocalityId == w.LocalityId).ToListAsync();
            ResourceImport? result = null;
            Fail("The resource import", await Fuzzing.RunAsync(async () => result = await ResourceCsv.ImportAsync(ctx, w.LocalityId, ResourceSheet.Money, Text(file), "fuzz"), "The resource import"));
            ctx.ChangeTracker.Clear();
            var after = await ctx.ResourceMoney.Where(m => m.LocalityId == w.LocalityId).ToListAsync();
            if (result!.Done)
            {
                after.Count.ShouldBe(result.Imported, "an accepted list replaces the old one");
                return;
            }
            result.Problems.ShouldAllBe(p => p.Line >= 1 && p.Message.Length > 0);
            after.Select(m => (m.Id, m.Version)).ShouldBe(before.Select(m => (m.Id, m.Version)), "a refused list changes nothing");
        });
    }
}
