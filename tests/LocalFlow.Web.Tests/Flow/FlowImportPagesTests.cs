using System.Net;
using System.Text.RegularExpressions;
using LocalFlow.Data;
using LocalFlow.Data.Audit;
using LocalFlow.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LocalFlow.Web.Tests.Flow;

/// <summary>Importing an agency's extract through the web: upload, map, preview, import in the background, find the records, undo.</summary>
public partial class FlowImportPagesTests(FlowImportPagesTests.App app) : IClassFixture<FlowImportPagesTests.App>
{
    public sealed class App : IDisposable
    {
        public LocalFlowApp Factory { get; } = new(households: 40);

        public void Dispose() => Factory.Dispose();
    }

    private readonly LocalFlowApp _app = app.Factory;

    private async Task<T> WithDbAsync<T>(Func<LocalFlowDb, Task<T>> work)
    {
        using var scope = _app.Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<LocalFlowDb>());
    }

    /// <summary>A demo person known to the police's system, with their key there.</summary>
    private Task<(Guid Person, string Key, int Police)> PoliceSubjectAsync(int skip = 0) => WithDbAsync(async db =>
    {
        var identity = await db.SourceIdentities.Where(s => s.Source == "Police (Niche)" && s.PersonId != null && !s.Person!.Restricted && (s.Person.Household == null || !s.Person.Household.Restricted))
            .OrderBy(s => s.SourceRecordId).Skip(skip).FirstAsync();
        var police = await db.Agencies.SingleAsync(a => a.ShortName == "Police");
        return (identity.PersonId!.Value, identity.SourceRecordId, police.Id);
    });

    internal static async Task<HttpResponseMessage> UploadAsync(HttpClient client, int? agencyId, string fileName, string content)
    {
        var token = await LocalFlowApp.AntiforgeryTokenAsync(client, "/Flow/Import");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(agencyId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? ""), "AgencyId" },
            { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(content)), "Upload", fileName },
        };
        return await client.PostAsync("/Flow/Import?handler=Upload", form);
    }

    internal static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string page, string url, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await LocalFlowApp.AntiforgeryTokenAsync(client, page);
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    internal static Dictionary<string, string> PoliceMap(string file) => new()
    {
        ["file"] = file,
        ["Map[person]"] = "Subject",
        ["Map[start]"] = "Occurred",
        ["Map[kind]"] = "Type",
        ["Map[subtype]"] = "Outcome",
        ["Map[sourceRecordId]"] = "Ref",
        ["Kinds"] = "INC = Contact\n999 = EmergencyResponse",
        ["TimeZone"] = "Europe/London",
        ["SourceSystem"] = "Police (Niche)",
    };

    internal static async Task<string> WaitForDoneAsync(HttpClient client, string progress)
    {
        for (var i = 0; i < 300; i++)
        {
            var html = await client.GetStringAsync(progress);
            if (!html.Contains("http-equiv=\"refresh\"", StringComparison.Ordinal))
            {
                return html;
            }
            html.ShouldContain("Importing ");
            await Task.Delay(100);
        }
        throw new TimeoutException("The import did not finish");
    }

    [Fact]
    public async Task RuthsPoliceId_IsFound_WhateverPoliceSystemIsChosen_AndTheChoiceIsThePolicesOwnSystems()
    {
        var (ruthsId, police) = await WithDbAsync(async db =>
        {
            var ruth = (await Data.Flow.FlowQueries.CaseHistoriesAsync(db)).Single(s => s.Story == "Ruth").PersonId;
            var police = await db.Agencies.SingleAsync(a => a.ShortName == "Police");
            return (await db.SourceIdentities.Where(s => s.PersonId == ruth && s.AgencyId == police.Id).Select(s => s.SourceRecordId).FirstAsync(), police.Id);
        });
        var client = await _app.ClientAsync(DemoUsers.DataOfficer);
        var upload = await UploadAsync(client, police, "ruth.csv", $"""
            Ref,Subject,Occurred,Type,Outcome
            RUTH-1,{ruthsId},2025-06-01 22:15,INC,Welfare check
            RUTH-2,NP-NOBODY,2025-06-01 22:15,INC,Welfare check
            """);
        var mapPage = upload.Headers.Location!.ToString();
        var file = Regex.Match(mapPage, "file=([0-9a-f-]+)").Groups[1].Value;

        var map = await client.GetStringAsync(mapPage);
        Regex.Matches(map, "name=\"SourceSystem\" type=\"radio\" value=\"([^\"]*)\"").Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ShouldBe(["Police (Niche)", "(another)"]);
        map.ShouldContain("value=\"Police (Niche)\" checked");

        // The agency's own name typed as another system, as the newcomer did: Ruth is still found by the police's id.
        var fields = PoliceMap(file);
        fields["SourceSystem"] = "(another)";
        fields["OtherSourceSystem"] = "Northshire Police";
        var preview = WebUtility.HtmlDecode(await (await PostFormAsync(client, mapPage, "/Flow/Import?handler=Preview", fields)).Content.ReadAsStringAsync());
        preview.ShouldContain("RUTH-1");
        preview.ShouldNotContain("run linking");
        preview.ShouldContain("no identity has the id \"NP-NOBODY\": looked in source system \"Northshire Police\" and in Northshire Police's other source systems (\"Police (Niche)\")");
        preview.ShouldContain("value=\"Northshire Police\"");

        fields["OtherSourceSystem"] = "";
        var refused = WebUtility.HtmlDecode(await (await PostFormAsync(client, mapPage, "/Flow/Import?handler=Preview", fields)).Content.ReadAsStringAsync());
        refused.ShouldContain("Type the name of the source system the file comes from, or choose one of Northshire Police's");
        refused.ShouldContain("value=\"(another)\" checked");
    }

    [Fact]
    public async Task AnEventLogCsv_FromAProcessMiningTool_MapsItself_AndPreviews()
    {
        var (_, key, police) = await PoliceSubjectAsync(skip: 2);
        var client = await _app.ClientAsync(DemoUsers.DataOfficer);
        var upload = await UploadAsync(client, police, "pm4py-export.csv", $"""
            ,case:concept:name,concept:name,time:timestamp,org:resource,lifecycle:transition
            0,{key},Contact,2025-06-01 22:15:00+01:00,PC Nobody,complete
            1,{key},Assessment,2025-06-02 09:00:00+01:00,PC Nobody,start
            2,{key},Assessment,2025-06-02 11:30:00+01:00,PC Nobody,complete
            """);
        var mapPage = upload.Headers.Location!.ToString();
        var file = Regex.Match(mapPage, "file=([0-9a-f-]+)").Groups[1].Value;

        var map = WebUtility.HtmlDecode(await client.GetStringAsync(mapPage));
        foreach (var (field, column) in new[] { ("person", "case:concept:name"), ("start", "time:timestamp"), ("kind", "concept:name"), ("activity", "concept:name"), ("worker", "org:resource"), ("lifecycle", "lifecycle:transition") })
        {
            Regex.IsMatch(map, $"<select[^>]*name=\"Map\\[{field}\\]\"[^>]*>(?:(?!</select>).)*<option value=\"{Regex.Escape(column)}\" selected>", RegexOptions.Singleline).ShouldBeTrue($"{field} should be mapped to {column}");
        }

        var fields = new Dictionary<string, string>
        {
            ["file"] = file,
            ["Map[person]"] = "case:concept:name",
            ["Map[start]"] = "time:timestamp",
            ["Map[kind]"] = "concept:name",
            ["Map[activity]"] = "concept:name",
            ["Map[worker]"] = "org:resource",
            ["Map[lifecycle]"] = "lifecycle:transition",
            ["TimeZone"] = "Europe/London",
            ["SourceSystem"] = "Police (Niche)",
        };
        var preview = WebUtility.HtmlDecode(await (await PostFormAsync(client, mapPage, "/Flow/Import?handler=Preview", fields)).Content.ReadAsStringAsync());
        preview.ShouldContain("id=\"preview-summary\"");
        preview.ShouldNotContain("id=\"errors\"");
        preview.ShouldContain("1 lifecycle start/complete pairs became one record each");
        Regex.IsMatch(preview, "Ready to store</dt><dd class=\"govuk-summary-list__value\">2 record").ShouldBeTrue();
    }

    [Fact]
    public async Task ADataOfficer_UploadsMapsPreviewsAndImports_ThenFindsTheRecordsOnThePersonsPage_AndUndoes()
    {
        var (person, key, police) = await PoliceSubjectAsync();
        var client = await _app.ClientAsync(DemoUsers.DataOfficer);
        (await client.GetStringAsync("/Flow")).ShouldContain("href=\"/Flow/Import\"");

        var upload = await UploadAsync(client, police, "niche-june.csv", $"""
            Ref,Subject,Occurred,Type,Outcome
            WEB-1,{key},2025-06-01 22:15,999,Domestic incident attended
            WEB-2,{key},2025-06-02 09:00,INC,Welfare check by phone
            WEB-3,NP-NOT-LINKED,2025-06-03 09:00,INC,
            """);
        upload.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var mapPage = upload.Headers.Location!.ToString();
        var file = Regex.Match(mapPage, "file=([0-9a-f-]+)").Groups[1].Value;
        var map = await client.GetStringAsync(mapPage);
        map.ShouldContain("niche-june.csv");
        map.ShouldContain("Which column is which?");
        map.ShouldContain("(CSV)");
        CrawlTests.CodeShown(map).ShouldBeEmpty();
        map.ShouldContain("<option value=\"Subject\">Subject</option>");
        // Nothing of the file is stored in the database before the import.
        Directory.GetFiles(Path.Combine(_app.DataDirectory, "tmp", "flow-imports")).ShouldContain(f => f.EndsWith(".csv", StringComparison.Ordinal));

        var fields = PoliceMap(file);
        fields["SaveMapping"] = "true";
        fields["SaveAs"] = "Police — Niche incidents";
        var preview = await (await PostFormAsync(client, mapPage, "/Flow/Import?handler=Preview", fields)).Content.ReadAsStringAsync();
        preview.ShouldContain("id=\"preview-summary\"");
        preview.ShouldContain("line 4");
        preview.ShouldContain("no identity has the id &quot;NP-NOT-LINKED&quot;");
        preview.ShouldContain("WEB-1");
        preview.ShouldContain("(catalogue)");
        preview.ShouldContain("id=\"import-valid\"");
        preview.ShouldNotContain("id=\"import-all\"");
        (await WithDbAsync(db => db.ActivityRecords.CountAsync(r => r.SourceRecordId.StartsWith("WEB-")))).ShouldBe(0);

        var started = await PostFormAsync(client, mapPage, "/Flow/Import?handler=Import&onlyValid=true", PoliceMap(file));
        started.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var progress = started.Headers.Location!.ToString();
        progress.ShouldStartWith("/Flow/ImportProgress/");
        var done = await WaitForDoneAsync(client, progress);
        done.ShouldContain("Import complete");
        done.ShouldContain("2 activity records from niche-june.csv");
        done.ShouldContain("1 row with errors was left out");
        // Other tests' uploads may still wait there; this one's is gone.
        Directory.GetFiles(Path.Combine(_app.DataDirectory, "tmp", "flow-imports")).ShouldNotContain(f => Path.GetFileName(f).StartsWith(Guid.Parse(file).ToString("N"), StringComparison.Ordinal), "the upload is deleted once imported");

        var personPage = await client.GetStringAsync($"/Flow/Person/{person}");
        personPage.ShouldContain("Domestic incident attended");
        personPage.ShouldContain("Welfare check by phone");

        var importId = Guid.Parse(progress["/Flow/ImportProgress/".Length..]);
        var imports = await client.GetStringAsync("/Flow/Imports");
        imports.ShouldContain("niche-june.csv");
        imports.ShouldContain("Northshire Police");
        imports.ShouldContain($"href=\"/Flow/Undo/{importId}\"");
        (await client.GetStringAsync($"/Flow/Undo/{importId}")).ShouldContain("Undo the import of niche-june.csv?");
        var undone = await PostFormAsync(client, $"/Flow/Undo/{importId}", $"/Flow/Undo/{importId}", []);
        undone.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.GetStringAsync("/Flow/Imports")).ShouldContain("2 activity records deleted");
        (await client.GetStringAsync($"/Flow/Person/{person}")).ShouldNotContain("Domestic incident attended");
        (await WithDbAsync(db => db.AuditEvents.CountAsync(a => a.EventType == AuditEventType.FlowImported && a.EntityId == importId.ToString() && a.UserName == "dataofficer"))).ShouldBe(2);

        // The saved mapping fills in the next extract from the same agency.
        var next = await UploadAsync(client, police, "niche-july.csv", "Ref,Subject,Occurred,Type,Outcome\n");
        var nextMap = await client.GetStringAsync(next.Headers.Location!.ToString());
        nextMap.ShouldContain("Filled in from the saved mapping <strong>Police — Niche incidents</strong>");
        nextMap.ShouldContain("<option value=\"Subject\" selected>Subject</option>");
        nextMap.ShouldContain("INC = Contact");
    }

    [Fact]
    public async Task AFileWithErrors_IsRefusedWhole_AndChangesNothing()
    {
        var (_, key, police) = await PoliceSubjectAsync(1);
        var client = await _app.ClientAsync(DemoUsers.Study);
        var upload = await UploadAsync(client, police, "refused.csv", $"""
            Ref,Subject,Occurred,Type,Outcome
            BAD-1,{key},2025-06-01T10:00:00Z,INC,
            BAD-1,{key},2025-06-02T10:00:00Z,INC,
            """);
        var mapPage = upload.Headers.Location!.ToString();
        var file = Regex.Match(mapPage, "file=([0-9a-f-]+)").Groups[1].Value;
        var preview = await (await PostFormAsync(client, mapPage, "/Flow/Import?handler=Preview", PoliceMap(file))).Content.ReadAsStringAsync();
        preview.ShouldContain("duplicate record id &quot;BAD-1&quot;");
        // Importing the whole file (not only the valid rows) is refused in the background, and nothing changes.
        var started = await PostFormAsync(client, mapPage, "/Flow/Import?handler=Import", PoliceMap(file));
        var done = await WaitForDoneAsync(client, started.Headers.Location!.ToString());
        done.ShouldContain("refused.csv was not imported");
        done.ShouldContain("Nothing was changed");
        (await WithDbAsync(db => db.ActivityRecords.CountAsync(r => r.SourceRecordId == "BAD-1"))).ShouldBe(0);
    }

    [Fact]
    public async Task APreview_WhileTwoOthersAreBeingRead_IsRefusedClearly_AndRunsOnceOneIsDone()
    {
        var (_, key, police) = await PoliceSubjectAsync(2);
        var client = await _app.ClientAsync(DemoUsers.Study);
        var upload = await UploadAsync(client, police, "busy.csv", $"Ref,Subject,Occurred,Type,Outcome\nBUSY-1,{key},2025-06-01T10:00:00Z,INC,\n");
        var mapPage = upload.Headers.Location!.ToString();
        var file = Regex.Match(mapPage, "file=([0-9a-f-]+)").Groups[1].Value;
        var runner = _app.Services.GetRequiredService<LocalFlow.Web.Infrastructure.FlowImportRunner>();
        // two previews being read (held here) fill the places
        var held = new List<IDisposable>();
        for (var i = 0; i < LocalFlow.Web.Infrastructure.FlowImportRunner.PreviewsAtOnce; i++)
        {
            held.Add((await runner.PreviewSlotAsync(TimeSpan.Zero)).ShouldNotBeNull());
        }
        try
        {
            var busy = WebUtility.HtmlDecode(await (await PostFormAsync(client, mapPage, "/Flow/Import?handler=Preview", PoliceMap(file))).Content.ReadAsStringAsync());
            busy.ShouldContain("2 other files are being read for a preview right now. Try again in a minute");
            busy.ShouldNotContain("id=\"preview-summary\"");
        }
        finally
        {
            held.ForEach(h => h.Dispose());
        }
        var preview = WebUtility.HtmlDecode(await (await PostFormAsync(client, mapPage, "/Flow/Import?handler=Preview", PoliceMap(file))).Content.ReadAsStringAsync());
        preview.ShouldNotContain("other files are being read");
        preview.ShouldContain("id=\"preview-summary\"");
    }

    [Fact]
    public async Task Upload_SaysWhatIsMissingOrWrong()
    {
        var client = await _app.ClientAsync(DemoUsers.DataOfficer);
        var html = await (await UploadAsync(client, null, "notes.txt", "hello")).Content.ReadAsStringAsync();
        html.ShouldContain("There is a problem");
        html.ShouldContain("Choose the agency whose records these are");
        html.ShouldContain("The file must be a CSV, XES (.xes or .xes.gz) or OCEL 2.0 JSON (.jsonocel or .json) file");
    }

    [Fact]
    public async Task SomeoneElsesUpload_IsNotFound()
    {
        var (_, _, police) = await PoliceSubjectAsync();
        var officer = await _app.ClientAsync(DemoUsers.DataOfficer);
        var upload = await UploadAsync(officer, police, "mine.csv", "Ref,Subject,Occurred,Type\n");
        var study = await _app.ClientAsync(DemoUsers.Study);
        (await study.GetAsync(upload.Headers.Location!.ToString())).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await study.GetAsync($"/Flow/ImportProgress/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
