using System.Net;
using System.Text.RegularExpressions;
using LocalFlow.Data;
using LocalFlow.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LocalFlow.Web.Tests.Locality;

/// <summary>
/// A "help me" demand handed from the demand record's page to the locality team and linked to someone already known;
/// someone who presents added with their household; a conversation changed by two workers at once.
/// </summary>
public partial class FrontDoorTests(SmokeTests.App app) : IClassFixture<SmokeTests.App>
{
    private readonly LocalFlowApp _app = app.Factory;

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string page, Dictionary<string, string> fields, string handler = "")
    {
        fields["__RequestVerificationToken"] = await LocalFlowApp.AntiforgeryTokenAsync(client, page);
        return await client.PostAsync(handler.Length == 0 ? page : $"{page}{(page.Contains('?', StringComparison.Ordinal) ? "&" : "?")}handler={handler}", new FormUrlEncodedContent(fields));
    }

    [Fact]
    public async Task HandedOverDemand_IsLinkedToSomeoneKnown_AndTheirWordsShowOnTheirPage()
    {
        int study;
        Guid demand;
        string words;
        LocalFlow.Data.Entities.Person known;
        using (var scope = _app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LocalFlowDb>();
            study = await db.DemandStudies.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync();
            var d = await db.Demands.Where(x => x.StudyId == study && !db.FrontDoorHandovers.Any(h => h.DemandId == x.Id)).OrderBy(x => x.ReceivedAt).ThenBy(x => x.Id).Skip(5).FirstAsync();
            (demand, words) = (d.Id, d.Verbatim);
            known = await db.People.Where(p => !p.Restricted && p.Household != null && !p.Household.Restricted && !db.Supports.Any(s => s.HouseholdId == p.HouseholdId))
                .OrderBy(p => p.FamilyName).ThenBy(p => p.Id).Skip(2).FirstAsync();
        }
        var front = await _app.ClientAsync("study");
        var record = $"/Demand/Correct/{study}/{demand}";
        (await PostAsync(front, record, new() { ["HandoverNote"] = "Gave her name as " + known.DisplayName }, "HandOver")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await front.GetStringAsync(record)).ShouldContain("The team has not picked it up yet.");

        var kim = await _app.ClientAsync("keyworker");
        var landing = WebUtility.HtmlDecode(await kim.GetStringAsync("/Locality"));
        var link = Regex.Match(landing, "href=\"(/Locality/Handover/[0-9a-f-]{36})\"[^>]*>“<bdi class=\"lf-verbatim\" lang=\"en-GB\">" + Regex.Escape(words));
        link.Success.ShouldBeTrue("the hand-over waits for the team on its landing page");
        var page = link.Groups[1].Value;
        var search = $"{page}?q={Uri.EscapeDataString(known.DisplayName)}";
        var found = await kim.GetStringAsync(search);
        found.ShouldContain($"value=\"{known.Id}\"");
        var version = Regex.Match(found, "name=\"Version\" value=\"(\\d+)\"").Groups[1].Value;

        var none = WebUtility.HtmlDecode(await (await PostAsync(kim, page, new() { ["q"] = known.DisplayName, ["Version"] = version, ["KeyWorkerId"] = "" })).Content.ReadAsStringAsync());
        none.ShouldContain("<a href=\"#PersonId\">Choose who it is, or add them as someone new");

        var kimWorker = Regex.Match(found, "<option value=\"(\\d+)\" selected>Kim Key</option>").Groups[1].Value;
        kimWorker.ShouldNotBeEmpty("the signed-in worker is offered as key worker");
        var linked = await PostAsync(kim, page, new() { ["q"] = known.DisplayName, ["Version"] = version, ["KeyWorkerId"] = kimWorker, ["PersonId"] = known.Id.ToString() });
        linked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        linked.Headers.Location!.ToString().ShouldBe($"/Locality/Person/{known.Id}#heard");

        var person = WebUtility.HtmlDecode(await kim.GetStringAsync($"/Locality/Person/{known.Id}"));
        person.ShouldContain("Heard at the front door");
        person.ShouldContain(words);
        person.ShouldContain("From the front door: <span class=\"lf-pre\">Gave her name as " + known.DisplayName);
        (await kim.GetStringAsync("/Locality")).ShouldNotContain(page, Case.Sensitive, "picked up: no longer waiting");
        WebUtility.HtmlDecode(await kim.GetStringAsync("/Locality/Board")).ShouldContain("new, no conversation yet");
        (await front.GetStringAsync(record)).ShouldContain("The team picked it up");
    }

    [Fact]
    public async Task AHandOver_IsTakenBackWithAReason_BeforeTheTeamPicksItUp_AndNotAfter()
    {
        int study;
        Guid demand;
        string words;
        using (var scope = _app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LocalFlowDb>();
            study = await db.DemandStudies.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync();
            var d = await db.Demands.Where(x => x.StudyId == study && !db.FrontDoorHandovers.Any(h => h.DemandId == x.Id)).OrderBy(x => x.ReceivedAt).ThenBy(x => x.Id).Skip(9).FirstAsync();
            (demand, words) = (d.Id, d.Verbatim);
        }
        var front = await _app.ClientAsync("study");
        var record = $"/Demand/Correct/{study}/{demand}";
        (await PostAsync(front, record, new() { ["HandoverNote"] = "By mistake" }, "HandOver")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var shown = await front.GetStringAsync(record);
        var version = Regex.Match(shown, "name=\"HandoverVersion\" value=\"(\\d+)\"").Groups[1].Value;
        version.ShouldNotBeEmpty("a waiting hand-over can be taken back");

        // No reason: refused, nothing changed, and the form says why.
        var typed = new string('x', 501);
        var refused = WebUtility.HtmlDecode(await (await PostAsync(front, record, new() { ["HandoverVersion"] = version, ["TakeBackReason"] = "  " }, "TakeBack")).Content.ReadAsStringAsync());
        refused.ShouldContain("<a href=\"#TakeBackReason\">Enter why you are taking the hand-over back");
        var tooLong = WebUtility.HtmlDecode(await (await PostAsync(front, record, new() { ["HandoverVersion"] = version, ["TakeBackReason"] = typed }, "TakeBack")).Content.ReadAsStringAsync());
        tooLong.ShouldContain("The reason must be 500 characters or fewer (it has 501)");
        tooLong.ShouldContain(typed, Case.Sensitive, "the form keeps what was typed");
        var kim = await _app.ClientAsync("keyworker");
        WebUtility.HtmlDecode(await kim.GetStringAsync("/Locality")).ShouldContain(words, Case.Sensitive, "still waiting for the team");

        var taken = await PostAsync(front, record, new() { ["HandoverVersion"] = version, ["TakeBackReason"] = "Handed over by mistake: she only wanted a bin" }, "TakeBack");
        taken.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var after = WebUtility.HtmlDecode(await front.GetStringAsync(record));
        after.ShouldContain("Handed over by mistake: she only wanted a bin");
        after.ShouldContain("id=\"hand-over\"", Case.Sensitive, "it can be handed over again");
        WebUtility.HtmlDecode(await kim.GetStringAsync("/Locality")).ShouldNotContain(words, Case.Sensitive, "no longer waiting for the team");
        using (var scope = _app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LocalFlowDb>();
            var h = await db.FrontDoorHandovers.SingleAsync(x => x.DemandId == demand);
            h.RemovedBy.ShouldBe("study");
            (await db.AuditEvents.CountAsync(a => a.EntityType == nameof(LocalFlow.Data.Entities.FrontDoorHandover) && a.EntityId == h.Id.ToString())).ShouldBeGreaterThanOrEqualTo(2, "handed over and taken back are both audited");
        }

        // Handed over again and picked up by the team: it can no longer be taken back, and a stale form is refused.
        (await PostAsync(front, record, new() { ["HandoverNote"] = "Second time" }, "HandOver")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var again = Regex.Match(await front.GetStringAsync(record), "name=\"HandoverVersion\" value=\"(\\d+)\"").Groups[1].Value;
        using (var scope = _app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LocalFlowDb>();
            var h = await db.FrontDoorHandovers.SingleAsync(x => x.DemandId == demand && x.RemovedUtc == null);
            h.Version++;
            await db.SaveChangesAsync();
        }
        var stale = WebUtility.HtmlDecode(await (await PostAsync(front, record, new() { ["HandoverVersion"] = again, ["TakeBackReason"] = "Too late" }, "TakeBack")).Content.ReadAsStringAsync());
        stale.ShouldContain("Nothing was changed.");
        using (var scope = _app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LocalFlowDb>();
            (await db.FrontDoorHandovers.CountAsync(x => x.DemandId == demand && x.RemovedUtc == null)).ShouldBe(1);
        }
    }

    [Fact]
    public async Task SomeoneWhoPresents_NeedsOnlyTheirName_KeepsWhatWasTyped_AndJoinsAHousehold()
    {
        var kim = await _app.ClientAsync("keyworker");
        var form = await kim.GetStringAsync("/Locality/NewPerson");
        var me = Regex.Match(form, "<option value=\"(\\d+)\" selected>Kim Key</option>").Groups[1].Value;
        var bad = WebUtility.HtmlDecode(await (await PostAsync(kim, "/Locality/NewPerson", new() { ["GivenName"] = "Zofia", ["FamilyName"] = " ", ["Where"] = "new", ["AddressLine"] = "2 Lock Row", ["Postcode"] = "", ["KeyWorkerId"] = me, ["DateOfBirthDay"] = "30", ["DateOfBirthMonth"] = "2", ["DateOfBirthYear"] = "1961" })).Content.ReadAsStringAsync());
        bad.ShouldContain("<a href=\"#DateOfBirth\">Enter the date of birth as day, month and year");
        bad.ShouldContain("value=\"Zofia\"");
        bad.ShouldContain("value=\"2 Lock Row\"");
        bad.ShouldContain("name=\"DateOfBirthDay\" type=\"text\" inputmode=\"numeric\" value=\"30\"");
        var noName = WebUtility.HtmlDecode(await (await PostAsync(kim, "/Locality/NewPerson", new() { ["GivenName"] = "Zofia", ["FamilyName"] = " ", ["Where"] = "none", ["KeyWorkerId"] = me })).Content.ReadAsStringAsync());
        noName.ShouldContain("<a href=\"#FamilyName\">Enter their last name, as they give it");

        var made = await PostAsync(kim, "/Locality/NewPerson", new() { ["GivenName"] = "Zofia", ["FamilyName"] = "Nowak-Łukasz", ["Where"] = "new", ["AddressLine"] = "2 Lock Row", ["Postcode"] = "nf3 3lr", ["KeyWorkerId"] = me, ["DateOfBirthDay"] = "3", ["DateOfBirthMonth"] = "2", ["DateOfBirthYear"] = "1961" });
        made.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = made.Headers.Location!.ToString().Split('#')[0];
        var html = WebUtility.HtmlDecode(await kim.GetStringAsync(page));
        html.ShouldContain("<h1 class=\"govuk-heading-l\">Zofia Nowak-Łukasz</h1>");
        html.ShouldContain("2 Lock Row, NF3 3LR");
        html.ShouldContain("3 February 1961");
        html.ShouldContain("Key worker</dt><dd class=\"govuk-summary-list__value\">Kim Key");
        var household = Regex.Match(html, "href=\"/Locality/NewPerson\\?household=([0-9a-f-]{36})\"").Groups[1].Value;
        household.ShouldNotBeEmpty();

        var child = await PostAsync(kim, $"/Locality/NewPerson?household={household}", new() { ["Household"] = household, ["GivenName"] = "Kuba", ["FamilyName"] = "Nowak", ["KeyWorkerId"] = me });
        child.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var childPage = WebUtility.HtmlDecode(await kim.GetStringAsync(child.Headers.Location!.ToString().Split('#')[0]));
        childPage.ShouldContain("2 Lock Row, NF3 3LR");
        childPage.ShouldContain(">Zofia Nowak-Łukasz</a>");
        (await kim.GetAsync($"/Locality/NewPerson?household={Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ConversationChangedByTwoWorkersAtOnce_LosesNothing_AndShowsBothTexts()
    {
        var kim = await _app.ClientAsync("keyworker");
        var theo = await _app.ClientAsync("teamworker");
        Guid conversation;
        using (var scope = _app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LocalFlowDb>();
            conversation = await db.GoodLifeConversations.Where(c => !db.People.Any(p => p.Id == c.PersonId && (p.Restricted || (p.Household != null && p.Household.Restricted))))
                .OrderByDescending(c => c.Id).Select(c => c.Id).FirstAsync();
        }
        var page = $"/Locality/EditConversation/{conversation}";
        var form = await kim.GetStringAsync(page);
        var version = Regex.Match(form, "name=\"Version\" value=\"(\\d+)\"").Groups[1].Value;
        string Field(string part) => Regex.Match(form, $"name=\"HeldOn{part}\" type=\"text\" inputmode=\"numeric\" value=\"(\\d+)\"").Groups[1].Value;
        Dictionary<string, string> Fields(string goodLife) => new() { ["Version"] = version, ["HeldOnDay"] = Field("Day"), ["HeldOnMonth"] = Field("Month"), ["HeldOnYear"] = Field("Year"), ["GoodLife"] = goodLife, ["HelpWanted"] = "Help with the garden" };

        var future = Fields("x");
        future["HeldOnYear"] = "2999";
        WebUtility.HtmlDecode(await (await PostAsync(kim, page, future)).Content.ReadAsStringAsync()).ShouldContain("<a href=\"#HeldOn\">The date must be today or in the past");
        var none = Fields("Kept when the date is missing");
        (none["HeldOnDay"], none["HeldOnMonth"], none["HeldOnYear"]) = ("", "", "");
        var noDate = WebUtility.HtmlDecode(await (await PostAsync(kim, page, none)).Content.ReadAsStringAsync());
        noDate.ShouldContain("<a href=\"#HeldOn\">Enter the date of the conversation", Case.Sensitive, "an edited conversation keeps a date: it is not today by default");
        noDate.ShouldContain("Kept when the date is missing");

        (await PostAsync(theo, page, Fields("Theo's note: back at the allotment by spring"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        const string mine = "Kim's note: “seeing the grandchildren every Sunday”";
        var clash = await PostAsync(kim, page, Fields(mine));
        clash.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await clash.Content.ReadAsStringAsync());
        html.ShouldContain("Someone else saved this after you opened it");
        html.ShouldContain("Theo's note: back at the allotment by spring", Case.Sensitive, "theirs is shown");
        html.ShouldContain(mine, Case.Sensitive, "what was typed is kept");
        var next = Regex.Match(html, "name=\"Version\" value=\"(\\d+)\"").Groups[1].Value;
        next.ShouldNotBe(version);
        var again = Fields(mine);
        again["Version"] = next;
        (await PostAsync(kim, page, again)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }
}
