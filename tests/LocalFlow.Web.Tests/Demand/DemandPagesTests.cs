using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LocalFlow.Data;
using LocalFlow.Data.Audit;
using LocalFlow.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LocalFlow.Web.Tests.Demand;

/// <summary>The demand pages and API against the real app and database: capture with and without htmx, bad input, exact words, import, analysis.</summary>
public class DemandPagesTests : IClassFixture<DemandPagesTests.App>
{
    public sealed class App : IDisposable
    {
        public LocalFlowApp Factory { get; } = new(households: 40);

        public void Dispose() => Factory.Dispose();
    }

    private readonly LocalFlowApp _app;

    public DemandPagesTests(App app) => _app = app.Factory;

    /// <summary>The demo's study still in progress (transactional, two front doors).</summary>
    private (int StudyId, int DoorId) RunningStudy()
    {
        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LocalFlowDb>();
        var study = db.DemandStudies.OrderBy(s => s.Id).Last();
        return (study.Id, db.DemandStudyFrontDoors.Where(f => f.StudyId == study.Id).Select(f => f.FrontDoorId).First());
    }

    private async Task<T> WithDbAsync<T>(Func<LocalFlowDb, Task<T>> f)
    {
        using var scope = _app.Services.CreateScope();
        return await f(scope.ServiceProvider.GetRequiredService<LocalFlowDb>());
    }

    private static Dictionary<string, string> Form(string token, int door, string verbatim, string nature = "Value", string outcome = "ResolvedThere") => new()
    {
        ["__RequestVerificationToken"] = token,
        ["Input.Verbatim"] = verbatim,
        ["Input.WhatTheyWanted"] = "Kept when the form comes back",
        ["Input.Nature"] = nature,
        ["Input.Outcome"] = outcome,
        ["Input.FrontDoorId"] = door.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Input.NewTypeName"] = "Test captures",
    };

    [Fact]
    public async Task Capture_WithoutJavaScript_PostsAndRedirects_ShowingTheWordsBack()
    {
        var (study, door) = RunningStudy();
        var client = await _app.ClientAsync(DemoUsers.Study);
        var token = await LocalFlowApp.AntiforgeryTokenAsync(client, $"/Demand/Capture/{study}");
        var response = await client.PostAsync($"/Demand/Capture/{study}", new FormUrlEncodedContent(Form(token, door, "Plain post: where is my bin? 🗑️")));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var location = response.Headers.Location!.ToString();
        location.ShouldStartWith($"/Demand/Capture/{study}?saved=");
        var html = await client.GetStringAsync(location);
        // Characters outside the Basic Multilingual Plane (emoji) are written as character references: read the page as a browser would.
        WebUtility.HtmlDecode(html).ShouldContain("Plain post: where is my bin? 🗑️");
        html.ShouldContain($"<option value=\"{door}\" selected>", Case.Sensitive, "the front door stays set for the next demand");
    }

    [Fact]
    public async Task Capture_WithoutJavaScript_SuggestsTypesOnRequest_KeepingWhatWasTyped_AndSavingNothing()
    {
        var (study, door) = RunningStudy();
        var heard = await WithDbAsync(db => db.Demands.Where(d => d.StudyId == study && d.TypeId != null).OrderBy(d => d.ReceivedAt).Select(d => d.Verbatim).FirstAsync());
        var client = await _app.ClientAsync(DemoUsers.Study);
        var page = await client.GetStringAsync($"/Demand/Capture/{study}");
        page.ShouldContain("formaction=\"?handler=Suggest\"", customMessage: "the button is on the page (hidden when JavaScript runs)");
        var token = await LocalFlowApp.AntiforgeryTokenAsync(client, $"/Demand/Capture/{study}");
        var before = await WithDbAsync(db => db.Demands.CountAsync(d => d.StudyId == study));
        var form = Form(token, door, heard);
        var response = await client.PostAsync($"/Demand/Capture/{study}?handler=Suggest", new FormUrlEncodedContent(form));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        html.ShouldContain("Suggested from similar demands heard before");
        html.ShouldContain(heard);
        html.ShouldContain("<optgroup label=\"Suggested\">");
        html.ShouldNotContain("There is a problem");
        (await WithDbAsync(db => db.Demands.CountAsync(d => d.StudyId == study))).ShouldBe(before);
    }

    [Fact]
    public async Task Capture_WithASuggestedTypeChosen_SavesTheNewTypeTyped()
    {
        var (study, door) = RunningStudy();
        var client = await _app.ClientAsync(DemoUsers.Study);
        var suggested = await WithDbAsync(db => db.DemandTypes.Where(t => t.StudyId == study && t.MergedIntoId == null).OrderBy(t => t.Id).Select(t => t.Id).FirstAsync());
        var token = await LocalFlowApp.AntiforgeryTokenAsync(client, $"/Demand/Capture/{study}");
        var form = Form(token, door, "There is black mould all over the bedroom wall");
        form["Input.TypeId"] = suggested.ToString(System.Globalization.CultureInfo.InvariantCulture);
        form["Input.NewTypeName"] = "Mould in the home";
        var response = await client.PostAsync($"/Demand/Capture/{study}", new FormUrlEncodedContent(form));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var saved = await WithDbAsync(db => db.Demands.Where(d => d.Verbatim == "There is black mould all over the bedroom wall").Select(d => d.TypeId).SingleAsync());
        (await WithDbAsync(db => db.DemandTypes.Where(t => t.Id == saved).Select(t => t.Name).SingleAsync())).ShouldBe("Mould in the home");
    }

    [Fact]
    public async Task Capture_WithHtmx_ReturnsOnlyTheFormPart_ClearedForTheNextDemand()
    {
        var (study, door) = RunningStudy();
        var client = await _app.ClientAsync(DemoUsers.Study);
        var token = await LocalFlowApp.AntiforgeryTokenAsync(client, $"/Demand/Capture/{study}");
        var before = await WithDbAsync(db => db.Demands.CountAsync(d => d.StudyId == study));
        var request = new HttpRequestMessage(HttpMethod.Post, $"/Demand/Capture/{study}") { Content = new FormUrlEncodedContent(Form(token, door, "htmx: can I pay my council tax?")) };
        request.Headers.Add("HX-Request", "true");
        var response = await client.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldNotContain("<html");
        html.ShouldStartWith("<div id=\"capture\">");
        html.ShouldContain("htmx: can I pay my council tax?");
        html.ShouldNotContain("Kept when the form comes back", Case.Sensitive, "the form is cleared after a save");
        (await WithDbAsync(db => db.Demands.CountAsync(d => d.StudyId == study))).ShouldBe(before + 1);
    }

    [Fact]
    public async Task Capture_KeepsTheLanguageTheDemandWasMadeIn_MarksTheWordsWithIt_AndAsksAgainForOneItDoesNotKnow()
    {
        var (study, door) = RunningStudy();
        var client = await _app.ClientAsync(DemoUsers.Study);
        var token = await LocalFlowApp.AntiforgeryTokenAsync(client, $"/Demand/Capture/{study}");
        var form = Form(token, door, "Mae'r bin heb ei gasglu eto");
        form["Input.Language"] = "Cymraeg";
        var response = await client.PostAsync($"/Demand/Capture/{study}", new FormUrlEncodedContent(form));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var id = Guid.Parse(response.Headers.Location!.ToString().Split("saved=")[1].Split('&')[0]);
        (await WithDbAsync(db => db.Demands.Where(d => d.Id == id).Select(d => d.Language).SingleAsync())).ShouldBe("cy");
        (await client.GetStringAsync(response.Headers.Location!.ToString())).ShouldContain("id=\"saved-verbatim\" lang=\"cy\"");
        var list = await client.GetStringAsync($"/Demand/Demands/{study}");
        list.ShouldContain("lang=\"cy\">Mae&#x27;r bin heb ei gasglu eto</bdi>", Case.Sensitive, "the words stay in Welsh and are marked as Welsh");
        list.ShouldContain("lang=\"en-GB\">", Case.Sensitive, "words with no language recorded are English");

        var before = await WithDbAsync(db => db.Demands.CountAsync());
        token = await LocalFlowApp.AntiforgeryTokenAsync(client, $"/Demand/Capture/{study}");
        form = Form(token, door, "nuqneH");
        form["Input.Language"] = "Klingonese";
        response = await client.PostAsync($"/Demand/Capture/{study}", new FormUrlEncodedContent(form));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("LocalFlow does not know the language");
        html.ShouldContain("value=\"Klingonese\"", Case.Sensitive, "what was typed is kept");
        (await WithDbAsync(db => db.Demands.CountAsync())).ShouldBe(before, "nothing is saved");
    }

    [Fact]
    public async Task Capture_WithAnEmptyVerbatim_IsRefusedClearly_KeepsWhatWasTyped_AndSavesNothing()
    {
        var (study, door) = RunningStudy();
        var client = await _app.ClientAsync(DemoUsers.Study);
        var token = await LocalFlowApp.AntiforgeryTokenAsync(client, $"/Demand/Capture/{study}");
        var before = await WithDbAsync(db => db.Demands.CountAsync());
        var response = await client.PostAsync($"/Demand/Capture/{study}", new FormUrlEncodedContent(Form(token, door, "   ", nature: "Failure")));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("There is a problem");
        html.ShouldContain("Enter the demand in the person&#x27;s own words");
        html.ShouldContain("Choose the kind of failure demand");
        html.ShouldContain("value=\"Kept when the form comes back\"");
        html.ShouldContain("value=\"Failure\" checked");
        (await WithDbAsync(db => db.Demands.CountAsync())).ShouldBe(before);
    }

    [Fact]
    public async Task Capture_KeepsEmojiRightToLeftAndVeryLongText_Exactly_AndShowsThemBack()
    {
        var (study, door) = RunningStudy();
        var client = await _app.ClientAsync(DemoUsers.Study);
        var longText = string.Concat(Enumerable.Repeat("Nobody has rung me back about the bin and I have rung every day for a fortnight. ", 150));
        foreach (var words in new[] { "  The bin 🗑️🙄 again!  ", "صندوق القمامة لم يُفرغ منذ أسبوعين", longText })
        {
            var token = await LocalFlowApp.AntiforgeryTokenAsync(client, $"/Demand/Capture/{study}");
            var response = await client.PostAsync($"/Demand/Capture/{study}", new FormUrlEncodedContent(Form(token, door, words)));
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            var id = Guid.Parse(response.Headers.Location!.ToString().Split("saved=")[1].Split('&')[0]);
            (await WithDbAsync(db => db.Demands.Where(d => d.Id == id).Select(d => d.Verbatim).SingleAsync())).ShouldBe(words);
            var page = await client.GetStringAsync($"/Demand/Correct/{study}/{id}");
            WebUtility.HtmlDecode(page).ShouldContain(words);
        }
    }

    [Fact]
    public async Task Correction_ByPage_IsKept_AndAudited()
    {
        var (study, door) = RunningStudy();
        var client = await _app.ClientAsync(DemoUsers.Study);
        var token = await LocalFlowApp.AntiforgeryTokenAsync(client, $"/Demand/Capture/{study}");
        var saved = await client.PostAsync($"/Demand/Capture/{study}", new FormUrlEncodedContent(Form(token, door, "Correct me later")));
        var id = Guid.Parse(saved.Headers.Location!.ToString().Split("saved=")[1].Split('&')[0]);
        var page = $"/Demand/Correct/{study}/{id}";
        token = await LocalFlowApp.AntiforgeryTokenAsync(client, page);
        var form = Form(token, door, "Correct me later", nature: "Failure");
        form["Input.FailureKind"] = "ProgressChasing";
        form["When"] = "2026-11-20T10:30";
        form["Version"] = "1";
        form["Reason"] = "She had rung before";
        (await client.PostAsync(page, new FormUrlEncodedContent(form))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var html = await client.GetStringAsync(page);
        html.ShouldContain("She had rung before");
        html.ShouldContain("Value or failure: Value → Failure");
        var audit = await WithDbAsync(db => db.AuditEvents.Where(e => e.EntityId == id.ToString() && e.Operation == AuditOperation.Update).ToListAsync());
        audit.ShouldHaveSingleItem().UserName.ShouldBe(DemoUsers.Study);
        // A second correction made on the old copy (version 1) is refused.
        form["Reason"] = "stale";
        var stale = await client.PostAsync(page, new FormUrlEncodedContent(form));
        (await stale.Content.ReadAsStringAsync()).ShouldContain("Someone else corrected this demand after you opened it");
    }

    [Fact]
    public async Task Api_CapturesADemand_AndTheAnalysisFiguresIncludeIt()
    {
        var (study, door) = RunningStudy();
        var client = await _app.ClientAsync(DemoUsers.Study);
        var token = JsonDocument.Parse(await client.GetStringAsync("/api/antiforgery")).RootElement.GetProperty("token").GetString()!;
        client.DefaultRequestHeaders.Add("RequestVerificationToken", token);
        var before = JsonDocument.Parse(await client.GetStringAsync($"/api/demand/studies/{study}/analysis")).RootElement;
        var bad = await client.PostAsJsonAsync($"/api/demand/studies/{study}/demands", new { frontDoorId = door, verbatim = "", nature = "Value", outcome = "ResolvedThere" });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadAsStringAsync()).ShouldContain("Enter the demand in the person's own words");
        var ok = await client.PostAsJsonAsync($"/api/demand/studies/{study}/demands", new { frontDoorId = door, verbatim = "API: missed bin 🙄", nature = "Failure", failureKind = "NotDoneRight", outcome = "Booked" });
        ok.StatusCode.ShouldBe(HttpStatusCode.Created);
        var after = JsonDocument.Parse(await client.GetStringAsync($"/api/demand/studies/{study}/analysis")).RootElement;
        after.GetProperty("total").GetInt32().ShouldBe(before.GetProperty("total").GetInt32() + 1);
        after.GetProperty("failure").GetInt32().ShouldBe(before.GetProperty("failure").GetInt32() + 1);
        after.GetProperty("predictability").GetProperty("reading").GetString()!.ShouldContain("new type");
        after.GetProperty("demandsPerDay").GetArrayLength().ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Api_RenamesMergesAndSplitsTypes_KeepsTheirHistory_AndCorrectsADemandOnce()
    {
        var (study, door) = RunningStudy();
        var client = await _app.ClientAsync(DemoUsers.Study);
        var token = JsonDocument.Parse(await client.GetStringAsync("/api/antiforgery")).RootElement.GetProperty("token").GetString()!;
        client.DefaultRequestHeaders.Add("RequestVerificationToken", token);
        async Task<int> NewTypeAsync(string name)
            => JsonDocument.Parse(await (await client.PostAsJsonAsync($"/api/demand/studies/{study}/types", new { name, nature = "Failure" })).Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt32();
        async Task<Guid> CaptureAsync(int typeId, string verbatim)
            => JsonDocument.Parse(await (await client.PostAsJsonAsync($"/api/demand/studies/{study}/demands", new { frontDoorId = door, verbatim, nature = "Failure", failureKind = "ProgressChasing", typeId, outcome = "AdviceOnly" })).Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
        var chasing = await NewTypeAsync($"Chasing a visit {Guid.NewGuid():N}");
        var where = await NewTypeAsync($"Where is my OT {Guid.NewGuid():N}");
        var first = await CaptureAsync(chasing, "When is someone coming out?");
        var second = await CaptureAsync(where, "Still no OT, it's been weeks");
        var third = await CaptureAsync(where, "Rang last Tuesday about the rail");

        var renamed = await client.PutAsJsonAsync($"/api/demand/studies/{study}/types/{chasing}", new { name = $"Chasing a visit we promised {Guid.NewGuid():N}", description = "People ringing to ask when" });
        renamed.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.PostAsJsonAsync($"/api/demand/studies/{study}/types/{where}/merge", new { intoTypeId = where })).StatusCode.ShouldBe(HttpStatusCode.BadRequest, "a type cannot be merged into itself");
        var merged = JsonDocument.Parse(await (await client.PostAsJsonAsync($"/api/demand/studies/{study}/types/{where}/merge", new { intoTypeId = chasing })).Content.ReadAsStringAsync()).RootElement;
        merged.GetProperty("demandsMoved").GetInt32().ShouldBe(2);
        (await WithDbAsync(db => db.Demands.CountAsync(d => d.TypeId == chasing))).ShouldBe(3);

        var split = await client.PostAsJsonAsync($"/api/demand/studies/{study}/types/{chasing}/split", new { name = $"OT waits {Guid.NewGuid():N}", demandIds = new[] { second, third } });
        split.StatusCode.ShouldBe(HttpStatusCode.Created);
        var splitId = JsonDocument.Parse(await split.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt32();
        (await WithDbAsync(db => db.Demands.Where(d => d.TypeId == splitId).Select(d => d.Id).ToListAsync())).ShouldBe([second, third], ignoreOrder: true);
        (await client.PostAsJsonAsync($"/api/demand/studies/{study}/types/{chasing}/split", new { name = "Nothing chosen", demandIds = Array.Empty<Guid>() })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var history = JsonDocument.Parse(await client.GetStringAsync($"/api/demand/studies/{study}/types/{chasing}/history")).RootElement;
        var kinds = history.EnumerateArray().Select(h => h.GetProperty("kind").GetString()).ToList();
        kinds.ShouldContain("Renamed");
        kinds.ShouldContain("MergedFrom");
        kinds.ShouldContain("SplitInto");

        var correction = new { version = 1, reason = "Misheard: she said Tuesday", demand = new { frontDoorId = door, verbatim = "When is someone coming out? I rang Tuesday", nature = "Failure", failureKind = "ProgressChasing", typeId = chasing, outcome = "AdviceOnly" } };
        var corrected = await client.PutAsJsonAsync($"/api/demand/studies/{study}/demands/{first}", correction);
        corrected.StatusCode.ShouldBe(HttpStatusCode.OK);
        JsonDocument.Parse(await corrected.Content.ReadAsStringAsync()).RootElement.GetProperty("verbatim").GetString().ShouldBe("When is someone coming out? I rang Tuesday");
        (await client.PutAsJsonAsync($"/api/demand/studies/{study}/demands/{first}", correction)).StatusCode.ShouldBe(HttpStatusCode.Conflict, "a stale version is refused");
        (await WithDbAsync(db => db.AuditEvents.CountAsync(e => e.EntityId == first.ToString() && e.Operation == AuditOperation.Update))).ShouldBe(1);
    }

    [Fact]
    public async Task Import_Page_MapsPreviews_ReportsBadRowsByLine_AndTakesOnlyTheValidRowsWhenAsked()
    {
        var (study, _) = RunningStudy();
        var client = await _app.ClientAsync(DemoUsers.Study);
        var page = $"/Demand/Import/{study}";
        var token = await LocalFlowApp.AntiforgeryTokenAsync(client, page);
        var csv = "Said,What happened,V or F,Door\r\n\"Bins, again 🙄\",Booked,failure,Council web form\r\n,Booked,value,Council web form\r\nPay my tax,resolved,value,Council web form\r\n";
        using var upload = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv)), "Upload", "bins.csv" },
        };
        var mapped = await (await client.PostAsync(page + "?handler=Upload", upload)).Content.ReadAsStringAsync();
        mapped.ShouldContain("Which column is which in bins.csv?");
        mapped.ShouldContain("<option value=\"What happened\" selected>", Case.Sensitive, "columns named like a field are mapped for you");
        var before = await WithDbAsync(db => db.Demands.CountAsync(d => d.StudyId == study));
        var form = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["CsvText"] = csv,
            ["FileName"] = "bins.csv",
            ["Map[verbatim]"] = "Said",
            ["Map[what_happened]"] = "What happened",
            ["Map[value_or_failure]"] = "V or F",
            ["Map[front_door]"] = "Door",
        };
        var all = await client.PostAsync(page + "?handler=Import", new FormUrlEncodedContent(form));
        var refused = await all.Content.ReadAsStringAsync();
        refused.ShouldContain("2 rows have problems, so the file was not imported and nothing changed");
        refused.ShouldContain("Enter the demand in the person&#x27;s own words");
        refused.ShouldContain("Choose the kind of failure demand");
        (await WithDbAsync(db => db.Demands.CountAsync(d => d.StudyId == study))).ShouldBe(before);
        var some = await client.PostAsync(page + "?handler=Import&onlyValid=true", new FormUrlEncodedContent(form));
        some.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await WithDbAsync(db => db.Demands.CountAsync(d => d.StudyId == study))).ShouldBe(before + 1);
        (await WithDbAsync(db => db.Demands.AnyAsync(d => d.Verbatim == "Pay my tax"))).ShouldBeTrue();
    }

    [Fact]
    public async Task Board_IsOpenToALocalityWorker_AndPrintsOnA3()
    {
        var client = await _app.ClientAsync(DemoUsers.Worker);
        var study = await WithDbAsync(db => db.DemandStudies.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync());
        var html = await client.GetStringAsync($"/Demand/Board/{study}");
        html.ShouldContain("What we have heard so far");
        html.ShouldContain("lf-board-type");
        html.ShouldNotContain("/Demand/Capture/", Case.Sensitive, "no study links for someone without study rights");
        (await client.GetAsync($"/Demand/Capture/{study}")).Headers.Location!.ToString().ShouldContain("/AccessDenied");
        // The board page links its own print sheet (A3); every other page prints on A4.
        html.ShouldContain("/css/print-board.css");
        var css = await client.GetStringAsync("/css/print-board.css");
        css.ShouldContain("size: A3 landscape");
        (await client.GetStringAsync("/css/print.css")).ShouldContain(".lf-board-grid");
    }
}
