using System.Net;
using LocalFlow.Data;
using LocalFlow.Data.Entities;
using LocalFlow.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LocalFlow.Web.Tests.Linking;

/// <summary>Linking in the web app on the demo's agencies' records: a run with progress, the queue, decisions remembered and audited.</summary>
public partial class LinkingPagesTests : IClassFixture<LinkingPagesTests.App>
{
    public sealed class App : IDisposable
    {
        public LocalFlowApp Factory { get; } = new(households: 300);

        public void Dispose() => Factory.Dispose();
    }

    private readonly LocalFlowApp _app;

    public LinkingPagesTests(App app) => _app = app.Factory;

    [Fact]
    public async Task Summary_ShowsEachSystem_AndTheLatestRunsQuality()
    {
        var client = await _app.ClientAsync(DemoUsers.DataOfficer);
        var html = await client.GetStringAsync("/Linking");
        html.ShouldContain("Police (Niche)");
        html.ShouldContain("Housing (Northfield Homes)");
        html.ShouldContain("Estimated precision and recall");
        html.ShouldContain("Pairs per weight band");
        html.ShouldNotContain("Not built yet");
    }

    [Fact]
    public async Task LinkRecordsNow_RunsInTheBackground_AndKeepsEveryPersonId()
    {
        Dictionary<Guid, Guid?> before;
        using (var scope = _app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LocalFlowDb>();
            before = await db.SourceIdentities.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.PersonId);
        }
        var client = await _app.ClientAsync(DemoUsers.DataOfficer);
        var token = await LocalFlowApp.AntiforgeryTokenAsync(client, "/Linking");
        var started = await client.PostAsync("/Linking", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        started.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var runPage = started.Headers.Location!.ToString();
        runPage.ShouldStartWith("/Linking/Run/");
        string html = "";
        for (var i = 0; i < 120; i++)
        {
            html = await client.GetStringAsync(runPage);
            if (!html.Contains("Linking is running", StringComparison.Ordinal))
            {
                break;
            }
            await Task.Delay(500);
        }
        html.ShouldContain("Linking finished");
        using (var scope = _app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LocalFlowDb>();
            var after = await db.SourceIdentities.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.PersonId);
            // Linking the same records again keeps every record with the person it had (stable ids).
            var kept = before.Count(kv => kv.Value is not null && after[kv.Key] == kv.Value);
            kept.ShouldBe(before.Count(kv => kv.Value is not null));
            (await db.AuditEvents.AnyAsync(e => e.EntityType == "LinkRun" && e.UserName == DemoUsers.DataOfficer)).ShouldBeTrue();
        }
    }

    [Fact]
    public async Task AcceptingAPair_LinksBothRecordsToOnePerson_RemembersIt_AndAuditsIt()
    {
        Guid reviewId;
        using (var scope = _app.Services.CreateScope())
        {
            reviewId = await LinkingData.AnyReviewAsync(scope.ServiceProvider.GetRequiredService<LocalFlowDb>());
        }
        var client = await _app.ClientAsync(DemoUsers.DataOfficer);
        var page = await client.GetStringAsync($"/Linking/Pair/{reviewId}");
        page.ShouldContain("Are these the same person?");
        page.ShouldContain("Why this pair scored as it did");
        page.ShouldContain("<svg");

        var token = await LocalFlowApp.AntiforgeryTokenAsync(client, $"/Linking/Pair/{reviewId}");
        // No choice: a clear error, nothing decided.
        var refused = await client.PostAsync($"/Linking/Pair/{reviewId}", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        (await refused.Content.ReadAsStringAsync()).ShouldContain("Choose whether these records are about the same person");

        var saved = await client.PostAsync($"/Linking/Pair/{reviewId}", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Decision"] = "same" }));
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        using (var scope2 = _app.Services.CreateScope())
        {
            var db = scope2.ServiceProvider.GetRequiredService<LocalFlowDb>();
            var review = await db.LinkReviews.SingleAsync(r => r.Id == reviewId);
            review.Status.ShouldBe(LinkReviewStatus.Accepted);
            review.DecidedBy.ShouldBe(DemoUsers.DataOfficer);
            var a = await db.SourceIdentities.SingleAsync(s => s.Id == review.IdentityAId);
            var b = await db.SourceIdentities.SingleAsync(s => s.Id == review.IdentityBId);
            a.PersonId.ShouldNotBeNull();
            b.PersonId.ShouldBe(a.PersonId);
            (await db.LinkDecisions.AnyAsync(d => d.IdentityAId == a.Id && d.IdentityBId == b.Id && d.IsMatch && d.Origin == "review")).ShouldBeTrue();
            (await db.AuditEvents.AnyAsync(e => e.EntityType == nameof(LinkDecision) && e.UserName == DemoUsers.DataOfficer)).ShouldBeTrue();
            (await db.AuditEvents.AnyAsync(e => e.EntityType == nameof(LinkReview) && e.EntityId == reviewId.ToString() && e.Operation == LocalFlow.Data.Audit.AuditOperation.Read)).ShouldBeTrue();
        }
        // Deciding twice is refused with a clear message.
        var again = await client.PostAsync($"/Linking/Pair/{reviewId}", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Decision"] = "different" }));
        (await again.Content.ReadAsStringAsync()).ShouldContain("already decided");
    }

    [Fact]
    public async Task RuthsFlowPage_ShowsHerLinkedFromSeveralAgenciesExtracts()
    {
        Guid ruth;
        using (var scope = _app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LocalFlowDb>();
            ruth = (await LocalFlow.Data.Flow.FlowQueries.CaseHistoriesAsync(db)).First().PersonId;
            var systems = await db.SourceIdentities.Where(s => s.PersonId == ruth).Select(s => s.Source).Distinct().CountAsync();
            systems.ShouldBeGreaterThanOrEqualTo(3);
        }
        var client = await _app.ClientAsync(DemoUsers.Study);
        var html = await client.GetStringAsync($"/Flow/Person/{ruth}");
        html.ShouldContain("Known to these systems");
        html.ShouldContain("id=\"source-records\"");
        // The engine's figures and signals are on the same page.
        html.ShouldContain("What the records show");
        html.ShouldContain("Failure-demand signals");
    }

    [Fact]
    public async Task ManualUnlinkThenLink_AsksForAReason_RemembersBothDecisions_AndAuditsThem()
    {
        Guid person;
        SourceIdentity record;
        using (var scope = _app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LocalFlowDb>();
            var stories = (await LocalFlow.Data.Flow.FlowQueries.CaseHistoriesAsync(db)).Select(c => c.PersonId).ToList();
            person = await db.SourceIdentities.Where(s => s.PersonId != null && !stories.Contains(s.PersonId.Value) && !s.Person!.Restricted && !s.Person.Household!.Restricted)
                .GroupBy(s => s.PersonId!.Value).Where(g => g.Count() >= 3).OrderBy(g => g.Key).Select(g => g.Key).FirstAsync();
            record = await db.SourceIdentities.Where(s => s.PersonId == person).OrderBy(s => s.Source).ThenBy(s => s.SourceRecordId).LastAsync();
        }
        var officer = await _app.ClientAsync(DemoUsers.DataOfficer);
        (await officer.GetStringAsync($"/Flow/Person/{person}")).ShouldContain("id=\"manage-links\"");
        (await (await _app.ClientAsync(DemoUsers.Study)).GetStringAsync($"/Flow/Person/{person}")).ShouldNotContain("id=\"manage-links\"", customMessage: "only those who manage linking are offered it");
        var page = $"/Linking/Person/{person}";
        (await officer.GetStringAsync(page)).ShouldContain(record.SourceRecordId);
        var token = await LocalFlowApp.AntiforgeryTokenAsync(officer, page);

        var noReason = await officer.PostAsync(page + "?handler=Unlink", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["IdentityId"] = record.Id.ToString() }));
        (await noReason.Content.ReadAsStringAsync()).ShouldContain("Say why this record is not about this person");
        var unlinked = await officer.PostAsync(page + "?handler=Unlink", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["IdentityId"] = record.Id.ToString(), ["Reason"] = "Different date of birth, checked with the GP" }));
        unlinked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        Guid? apart;
        using (var scope = _app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LocalFlowDb>();
            apart = (await db.SourceIdentities.SingleAsync(s => s.Id == record.Id)).PersonId;
            apart.ShouldNotBeNull();
            apart.ShouldNotBe(person);
            (await db.LinkDecisions.CountAsync(d => d.IdentityAId == record.Id && !d.IsMatch && d.Origin == "manual unlink" && d.Note == "Different date of birth, checked with the GP")).ShouldBeGreaterThanOrEqualTo(2);
            (await db.AuditEvents.AnyAsync(e => e.EntityType == nameof(SourceIdentity) && e.EntityId == record.Id.ToString() && e.UserName == DemoUsers.DataOfficer)).ShouldBeTrue();
        }

        // Found again by its record id, and linked back.
        var search = await officer.GetStringAsync(page + "?q=" + Uri.EscapeDataString(record.SourceRecordId));
        search.ShouldContain(record.Id.ToString());
        var linked = await officer.PostAsync(page + "?handler=Link", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["IdentityId"] = record.Id.ToString(), ["Reason"] = "Same NHS number after all" }));
        linked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        using (var scope = _app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LocalFlowDb>();
            (await db.SourceIdentities.SingleAsync(s => s.Id == record.Id)).PersonId.ShouldBe(person);
            (await db.LinkDecisions.AnyAsync(d => d.IdentityBId == record.Id && d.IsMatch && d.Origin == "manual link" && d.Note == "Same NHS number after all")).ShouldBeTrue();
        }
    }

    [Fact]
    public async Task BringingInAnExtract_ShowsColumnsAndProblemsByLine_ThenStoresItWhole()
    {
        var client = await _app.ClientAsync(DemoUsers.DataOfficer);
        (await client.GetStringAsync("/Linking")).ShouldContain("href=\"/Linking/Import\"");
        var token = await LocalFlowApp.AntiforgeryTokenAsync(client, "/Linking/Import");
        var source = $"Fire and rescue {Guid.NewGuid():N}"[..30];
        MultipartFormDataContent Upload(string csv) => new()
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(source), "Source" },
            { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv)), "Upload", "fire.csv" },
        };
        var refused = await (await client.PostAsync("/Linking/Import?handler=Upload", Upload("id,surname,dob\nF1,Hallam,1941-03-02\nF1,Pryce,1970-01-01\n"))).Content.ReadAsStringAsync();
        refused.ShouldContain("Line 3: the same record id is on line 2");
        refused.ShouldNotContain("id=\"store-form\"");

        var csv = "id,given name,surname,dob,postcode\nF1,Ruth,Hallam,1941-03-02,NF1 2AB\nF2,Mel,Pryce,1970-01-01,NF2 9ZZ\n";
        var preview = await (await client.PostAsync("/Linking/Import?handler=Upload", Upload(csv))).Content.ReadAsStringAsync();
        preview.ShouldContain("2 records, of which 2 are new");
        preview.ShouldContain("id=\"store-form\"");
        var stored = await client.PostAsync("/Linking/Import?handler=Store", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Source"] = source,
            ["FileName"] = "fire.csv",
            ["CsvText"] = csv,
        }));
        stored.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.GetStringAsync("/Linking")).ShouldContain("Stored 2 new and 0 updated records");
        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LocalFlowDb>();
        (await db.SourceIdentities.Where(s => s.Source == source).Select(s => s.SourceRecordId).OrderBy(x => x).ToListAsync()).ShouldBe(["F1", "F2"]);
    }

    [Fact]
    public async Task AnUnknownPair_IsNotFound()
    {
        var client = await _app.ClientAsync(DemoUsers.DataOfficer);
        (await client.GetAsync($"/Linking/Pair/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
