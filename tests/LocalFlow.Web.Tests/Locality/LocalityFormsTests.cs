using System.Net;
using System.Text.RegularExpressions;
using LocalFlow.Web.Tests.Support;

namespace LocalFlow.Web.Tests.Locality;

/// <summary>The person page's forms below the team's operations: the avoided tally, involving an expert, naming a worker on a restricted record.</summary>
public partial class LocalityFormsTests(SmokeTests.App app) : IClassFixture<SmokeTests.App>
{
    private readonly LocalFlowApp _app = app.Factory;

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string page, string handler, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await LocalFlowApp.AntiforgeryTokenAsync(client, page);
        return await client.PostAsync(handler.Length == 0 ? page : $"{page}?handler={handler}", new FormUrlEncodedContent(fields));
    }

    private static async Task<string> FirstOfMyPeopleAsync(HttpClient client)
        => PersonLink().Match(await client.GetStringAsync("/Locality")).Groups[1].Value;

    [Fact]
    public async Task AvoidedTally_RefusesABadDate_KeepingWhatWasTyped_ThenAddsTheReason()
    {
        var client = await _app.ClientAsync("keyworker");
        var page = await FirstOfMyPeopleAsync(client);
        const string reason = "Rent arrears paid off with the landlord's agreement — no court";
        var bad = await PostAsync(client, page, "Avoided", new() { ["AvoidedKind"] = "EvictionStopped", ["AvoidedReason"] = reason, ["AvoidedOnDay"] = "31", ["AvoidedOnMonth"] = "2", ["AvoidedOnYear"] = "2026" });
        bad.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync());
        html.ShouldContain("<a href=\"#AvoidedOn\">Enter the date as day, month and year");
        html.ShouldContain(reason, Case.Sensitive, "what was typed is kept");
        html.ShouldContain("name=\"AvoidedOnDay\" type=\"text\" inputmode=\"numeric\" value=\"31\"");

        var noReason = WebUtility.HtmlDecode(await (await PostAsync(client, page, "Avoided", new() { ["AvoidedKind"] = "EvictionStopped", ["AvoidedReason"] = " " })).Content.ReadAsStringAsync());
        noReason.ShouldContain("<a href=\"#AvoidedReason\">Say why it was avoided");

        var ok = await PostAsync(client, page, "Avoided", new() { ["AvoidedKind"] = "EvictionStopped", ["AvoidedReason"] = reason, ["AvoidedOnDay"] = "2", ["AvoidedOnMonth"] = "3", ["AvoidedOnYear"] = "2026" });
        ok.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var after = WebUtility.HtmlDecode(await client.GetStringAsync(page));
        after.ShouldContain($"Eviction stopped: <span class=\"lf-pre\">{reason}</span> (2 March 2026)");
    }

    [Fact]
    public async Task AContact_TakesItsDateAsDayMonthAndYear_RefusingAFutureOne_KeepingWhatWasTyped()
    {
        var client = await _app.ClientAsync("keyworker");
        var page = await FirstOfMyPeopleAsync(client);
        const string what = "Rang about the food bank voucher";
        var future = WebUtility.HtmlDecode(await (await PostAsync(client, page, "Contact", new() { ["ContactWhat"] = what, ["ContactOnDay"] = "1", ["ContactOnMonth"] = "1", ["ContactOnYear"] = "2999" })).Content.ReadAsStringAsync());
        future.ShouldContain("<a href=\"#ContactOn\">The date must be today or in the past");
        future.ShouldContain(what, Case.Sensitive, "what was typed is kept");
        future.ShouldContain("name=\"ContactOnYear\" type=\"text\" inputmode=\"numeric\" value=\"2999\"");
        var notADate = WebUtility.HtmlDecode(await (await PostAsync(client, page, "Contact", new() { ["ContactWhat"] = what, ["ContactOnDay"] = "31", ["ContactOnMonth"] = "4", ["ContactOnYear"] = "2026" })).Content.ReadAsStringAsync());
        notADate.ShouldContain("<a href=\"#ContactOn\">Enter the date as day, month and year");
        (await PostAsync(client, page, "Contact", new() { ["ContactWhat"] = what, ["ContactOnDay"] = "3", ["ContactOnMonth"] = "11", ["ContactOnYear"] = "2026" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task AnAction_TakesItsDateAsDayMonthAndYear_AFutureOneAsAPlan_KeepingWhatWasTypedWhenItIsNotADate()
    {
        var client = await _app.ClientAsync("keyworker");
        var person = await FirstOfMyPeopleAsync(client);
        var page = person.Replace("/Locality/Person/", "/Locality/Action/", StringComparison.Ordinal);
        const string what = "Go with her to the housing office";
        var worker = Regex.Match(await client.GetStringAsync(page), "<option value=\"(w:\\d+)\"").Groups[1].Value;
        Dictionary<string, string> Fields(string day, string month, string year) => new() { ["What"] = what, ["Kind"] = "Meeting", ["Who"] = worker, ["WhenDay"] = day, ["WhenMonth"] = month, ["WhenYear"] = year };
        var notADate = WebUtility.HtmlDecode(await (await PostAsync(client, page, "", Fields("30", "2", "2027"))).Content.ReadAsStringAsync());
        notADate.ShouldContain("<a href=\"#When\">Enter the date as day, month and year");
        notADate.ShouldContain(what, Case.Sensitive, "what was typed is kept");
        notADate.ShouldContain("name=\"WhenDay\" type=\"text\" inputmode=\"numeric\" value=\"30\"");
        (await PostAsync(client, page, "", Fields("3", "4", "2099"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        WebUtility.HtmlDecode(await client.GetStringAsync(person)).ShouldContain("3 April 2099", Case.Sensitive, "a planned action keeps its day to come");
    }

    [Fact]
    public async Task InvolvingAnExpert_NeedsAReason_AndKeepsTheKeyWorker()
    {
        var client = await _app.ClientAsync("keyworker");
        var page = await FirstOfMyPeopleAsync(client);
        var html = await client.GetStringAsync(page);
        ExpertOption().IsMatch(html).ShouldBeFalse("experts are offered one agency at a time, not every worker on the page");
        var agency = AgencyOption().Match(html);
        agency.Success.ShouldBeTrue("the other agencies are offered to choose an expert's agency from");
        var expert = ExpertOption().Match(await client.GetStringAsync($"{page}?from={agency.Groups[1].Value}"));
        expert.Success.ShouldBeTrue("workers of the chosen agency are offered as experts");
        var noWhy = WebUtility.HtmlDecode(await (await PostAsync(client, page, "Involve", new() { ["InvolveWorkerId"] = expert.Groups[1].Value, ["InvolveWhy"] = "" })).Content.ReadAsStringAsync());
        noWhy.ShouldContain("<a href=\"#InvolveWhy\">Say why they are involved");
        (await PostAsync(client, page, "Involve", new() { ["InvolveWorkerId"] = expert.Groups[1].Value, ["InvolveWhy"] = "Knows housing law: the eviction notice" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var after = WebUtility.HtmlDecode(await client.GetStringAsync(page));
        after.ShouldContain(": Knows housing law: the eviction notice");
        after.ShouldContain("Key worker</dt><dd class=\"govuk-summary-list__value\">Kim Key");
    }

    [Fact]
    public async Task NamingAWorker_IsOfferedOnlyToThoseWhoSeeTheRestrictedRecord()
    {
        var theo = await _app.ClientAsync("teamworker");
        var board = await theo.GetStringAsync("/Locality/Board");
        var restricted = RestrictedRow().Match(board);
        restricted.Success.ShouldBeTrue("the board shows the restricted household as restricted to a worker not named on it");
        var page = restricted.Groups[1].Value;
        (await theo.GetStringAsync(page)).ShouldNotContain("id=\"name-worker\"");
        var refused = await theo.PostAsync($"{page}?handler=Name", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await LocalFlowApp.AntiforgeryTokenAsync(theo, "/Locality"),
            ["NameWorkerId"] = "1",
        }));
        refused.StatusCode.ShouldBeOneOf(HttpStatusCode.NotFound, HttpStatusCode.BadRequest);

        var kim = await _app.ClientAsync("keyworker");
        var html = WebUtility.HtmlDecode(await kim.GetStringAsync(page));
        html.ShouldContain("id=\"name-worker\"");
        html.ShouldContain("see the address and the team's work with them: Kim Key.");
        var other = Regex.Match(html, "<select class=\"govuk-select\" id=\"NameWorkerId\"[^>]*>.*?<option value=\"(\\d+)\">((?!Kim Key|Theo Team)[^<]+)</option>", RegexOptions.Singleline);
        other.Success.ShouldBeTrue();
        (await PostAsync(kim, page, "Name", new() { ["NameWorkerId"] = other.Groups[1].Value })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        WebUtility.HtmlDecode(await kim.GetStringAsync(page)).ShouldContain($"the team's work with them: {string.Join(", ", new[] { "Kim Key", other.Groups[2].Value }.Order(StringComparer.Ordinal))}.");
    }

    [Fact]
    public async Task PurposeEditedByTwoWorkersAtOnce_LosesNothing_AndShowsBothTexts()
    {
        var kim = await _app.ClientAsync("keyworker");
        var theo = await _app.ClientAsync("teamworker");
        var form = await kim.GetStringAsync("/Locality/Purpose");
        var version = Regex.Match(form, "name=\"Version\" value=\"(\\d+)\"").Groups[1].Value;
        var original = WebUtility.HtmlDecode(Regex.Match(form, "id=\"Purpose\" name=\"Purpose\" type=\"text\" value=\"([^\"]*)\"").Groups[1].Value);
        original.ShouldBe("Help me live a good life or die a good death");
        (await PostAsync(theo, "/Locality/Purpose", "", new() { ["Purpose"] = original, ["Principles"] = "Theo's principle", ["Version"] = version })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        const string mine = "Kim's principle: ask what matters";
        var clash = await PostAsync(kim, "/Locality/Purpose", "", new() { ["Purpose"] = original, ["Principles"] = mine, ["Version"] = version });
        clash.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await clash.Content.ReadAsStringAsync());
        html.ShouldContain("Someone else saved this after you opened it");
        html.ShouldContain("Theo's principle", Case.Sensitive, "theirs is shown");
        html.ShouldContain(mine, Case.Sensitive, "what was typed is kept");
        var empty = WebUtility.HtmlDecode(await (await PostAsync(kim, "/Locality/Purpose", "", new() { ["Purpose"] = " ", ["Principles"] = mine, ["Version"] = version })).Content.ReadAsStringAsync());
        empty.ShouldContain("<a href=\"#Purpose\">Write the team's purpose");
    }

    [GeneratedRegex("href=\"(/Locality/Person/[0-9a-f-]{36})\"")]
    private static partial Regex PersonLink();

    [GeneratedRegex("<option value=\"(\\d+)\">[^<]+\\((?!our team)[^)]+\\)</option>")]
    private static partial Regex ExpertOption();

    [GeneratedRegex("<select class=\"govuk-select\" id=\"from\" name=\"from\"[^>]*><option value=\"\">[^<]*</option><option value=\"(\\d+)\">")]
    private static partial Regex AgencyOption();

    [GeneratedRegex("href=\"(/Locality/Person/[0-9a-f-]{36})\">[^<]+</a>\\s*<br>\\s*<span class=\"govuk-tag govuk-tag--red\">Restricted")]
    private static partial Regex RestrictedRow();
}
