using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using LocalFlow.Data;
using LocalFlow.Data.Demo;
using LocalFlow.Data.Entities;
using LocalFlow.Data.Flow;
using LocalFlow.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LocalFlow.Web.Tests.Trust;

/// <summary>
/// Data sharing agreements decide what a user of one agency sees of another's records (issue 14, item 11), through the
/// person page, its CSV download, the API, the flow study's lists and search, and a record's own page: the demo's
/// police records are shared with the council but not with the housing provider, and Women's Aid shares a person's
/// records with the council only while they consent. The pure rule is tested as a matrix in LocalFlow.Data.Tests.
/// </summary>
public partial class SessionTests
{
    private sealed record RecordJson(Guid Id, int AgencyId, string? Text);

    [Fact]
    public async Task PoliceRecords_AreSeenByTheCouncilsStudyTeam_ButNotByTheHousingProviders_OnPageApiListAndExport()
    {
        var (ruth, police, housingAgency, policeRecord, housingUser) = await PoliceAndHousingAsync();
        var council = await _app.ClientAsync(DemoUsers.Study);
        var housing = await _app.FreshSignInAsync(housingUser, Password);

        var councilRecords = (await council.GetFromJsonAsync<List<RecordJson>>($"/api/flow/people/{ruth}/records"))!;
        var housingRecords = (await housing.GetFromJsonAsync<List<RecordJson>>($"/api/flow/people/{ruth}/records"))!;
        councilRecords.ShouldContain(r => r.AgencyId == police);
        housingRecords.ShouldNotContain(r => r.AgencyId == police);
        housingRecords.ShouldAllBe(r => councilRecords.Any(c => c.Id == r.Id));
        housingRecords.Count(r => r.AgencyId == housingAgency).ShouldBe(councilRecords.Count(r => r.AgencyId == housingAgency), "their own agency's records, always");
        housingRecords.Count.ShouldBeGreaterThan(housingRecords.Count(r => r.AgencyId == housingAgency), "and other agencies' under the locality agreement");

        // the person page, its records download, and the record itself
        (await council.GetStringAsync($"/Flow/Person/{ruth}")).ShouldContain($"/Flow/Record/{policeRecord.Id}");
        var page = await housing.GetStringAsync($"/Flow/Person/{ruth}");
        page.ShouldNotContain($"/Flow/Record/{policeRecord.Id}");
        page.ShouldContain("id=\"shared-records\"");
        (await council.GetStringAsync($"/Flow/Person/{ruth}?download=csv&of=flow-records")).ShouldContain(policeRecord.Text!);
        (await housing.GetStringAsync($"/Flow/Person/{ruth}?download=csv&of=flow-records")).ShouldNotContain(policeRecord.Text!);
        (await council.GetAsync($"/Flow/Record/{policeRecord.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await housing.GetAsync($"/Flow/Record/{policeRecord.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // the flow study's list of case histories counts each person's records as the user may see them
        CountIn(await council.GetStringAsync("/Flow"), ruth).ShouldBe(councilRecords.Count);
        CountIn(await housing.GetStringAsync("/Flow"), ruth).ShouldBe(housingRecords.Count);
    }

    [Fact]
    public async Task WomensAidRecords_OfAPersonWhoWithdrewConsent_AreHidden_UntilTheDataOfficerRecordsConsentGiven()
    {
        var (person, name, womensAid, agreement) = await WithdrawnAsync();
        var study = await _app.ClientAsync(DemoUsers.Study);
        async Task<int> WomensAidSeenAsync() => (await study.GetFromJsonAsync<List<RecordJson>>($"/api/flow/people/{person}/records"))!.Count(r => r.AgencyId == womensAid);
        (await WomensAidSeenAsync()).ShouldBe(0);
        // search finds the person, counting only the records shared with the council
        var all = (await study.GetFromJsonAsync<List<RecordJson>>($"/api/flow/people/{person}/records"))!.Count;
        CountIn(await study.GetStringAsync("/Flow?q=" + Uri.EscapeDataString(name)), person).ShouldBe(all);

        var officer = await _app.ClientAsync(DemoUsers.DataOfficer);
        var url = $"/Locality/Person/{person}/Consent";
        (await officer.GetStringAsync(url)).ShouldContain("Withdrawn on");
        // refused, naming the fields and keeping what was typed
        var refused = await PostConsentAsync(officer, url, agreement: "", given: "yes", day: "31", month: "2", year: "2026");
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await refused.Content.ReadAsStringAsync();
        html.ShouldContain("Choose the agreement");
        html.ShouldContain("Enter the date as day, month and year");
        html.ShouldContain("value=\"31\"");

        var said = new DateOnly(2026, 11, 1);
        (await PostConsentAsync(officer, url, agreement.ToString(CultureInfo.InvariantCulture), "yes", S(said.Day), S(said.Month), S(said.Year))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await WomensAidSeenAsync()).ShouldBeGreaterThan(0);
        (await PostConsentAsync(officer, url, agreement.ToString(CultureInfo.InvariantCulture), "no", S(said.Day), S(said.Month), S(said.Year))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await WomensAidSeenAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task TheSharingPage_ListsTheAgreements_RefusesAnIncompleteOne_KeepingWhatWasTyped_AndSavesAVersion()
    {
        var admin = await _app.ClientAsync(DemoUsers.Admin);
        var page = await admin.GetStringAsync("/Admin/Sharing");
        page.ShouldContain(NorthfieldSharing.LocalityAgreement);
        page.ShouldContain(NorthfieldSharing.PoliceAgreement);
        page.ShouldContain("outreach, with consent");
        int council, fire;
        using (var scope = _app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LocalFlowDb>();
            council = await db.Agencies.Where(a => a.ShortName == "Council").Select(a => a.Id).SingleAsync();
            fire = await db.Agencies.Where(a => a.ShortName == "Fire").Select(a => a.Id).SingleAsync();
        }
        var name = "Test agreement " + Guid.NewGuid().ToString("N")[..6];
        async Task<HttpResponseMessage> PostAsync(params (string Key, string Value)[] fields)
        {
            var token = await LocalFlowApp.AntiforgeryTokenAsync(admin, "/Admin/Sharing");
            return await admin.PostAsync("/Admin/Sharing", new FormUrlEncodedContent([.. fields.Select(f => KeyValuePair.Create(f.Key, f.Value)), KeyValuePair.Create("__RequestVerificationToken", token)]));
        }
        var refused = await PostAsync(("Input.Name", name), ("Input.Description", "Fire safety visits"), ("Input.Purposes", "Support"), ("Input.Agencies", S(council)),
            ("Input.Categories", "FireAndRescue"), ("Input.Article6", "PublicTask"), ("Input.Article9", "None"), ("Input.ConsentBased", "no"),
            ("StartsOnDay", "1"), ("StartsOnMonth", "4"), ("StartsOnYear", "2020"));
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await refused.Content.ReadAsStringAsync();
        html.ShouldContain("Choose at least two agencies party to the agreement");
        html.ShouldContain($"value=\"{name}\"");
        html.ShouldContain("Fire safety visits");

        // one that ended long ago changes nothing anyone sees
        (await PostAsync(("Input.Name", name), ("Input.Description", "Fire safety visits"), ("Input.Purposes", "Support"), ("Input.Agencies", S(council)), ("Input.Agencies", S(fire)),
            ("Input.Categories", "FireAndRescue"), ("Input.Article6", "PublicTask"), ("Input.Article9", "None"), ("Input.ConsentBased", "no"),
            ("StartsOnDay", "1"), ("StartsOnMonth", "4"), ("StartsOnYear", "2020"), ("EndsOnDay", "31"), ("EndsOnMonth", "3"), ("EndsOnYear", "2021"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page = await admin.GetStringAsync("/Admin/Sharing");
        page.ShouldContain(name);
        page.ShouldContain("Not in force");
        using (var scope = _app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LocalFlowDb>();
            var saved = await db.SharingAgreements.SingleAsync(a => a.Name == name);
            saved.Version.ShouldBe(1);
            (await db.AuditEvents.CountAsync(e => e.EventType == LocalFlow.Data.Audit.AuditEventType.SharingAgreementChanged && e.EntityId == S(saved.Id))).ShouldBe(1);
        }
    }

    private static string S(int i) => i.ToString(CultureInfo.InvariantCulture);

    private static Task<HttpResponseMessage> PostConsentAsync(HttpClient client, string url, string agreement, string given, string day, string month, string year)
        => PostFormAsync(client, url, new Dictionary<string, string> { ["Agreement"] = agreement, ["Given"] = given, ["OnDay"] = day, ["OnMonth"] = month, ["OnYear"] = year });

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, Dictionary<string, string> form)
    {
        form["__RequestVerificationToken"] = await LocalFlowApp.AntiforgeryTokenAsync(client, url);
        return await client.PostAsync(url, new FormUrlEncodedContent(form));
    }

    /// <summary>The records count in the flow study's row for a person (case histories or search results).</summary>
    private static int CountIn(string html, Guid person)
    {
        var m = Regex.Match(html, $"href=\"/Flow/Person/{person}\">.*?</a></td>\\s*<td class=\"govuk-table__cell govuk-table__cell--numeric\">([0-9,]+)</td>", RegexOptions.Singleline);
        m.Success.ShouldBeTrue($"a row for {person}");
        return int.Parse(m.Groups[1].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
    }

    /// <summary>Ruth, the police and housing agencies, one of Ruth's police records whose text no other record of hers has, and a study-team user of the housing provider.</summary>
    private async Task<(Guid Ruth, int Police, int Housing, ActivityRecord Record, string HousingUser)> PoliceAndHousingAsync()
    {
        _ = _app.Server;
        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LocalFlowDb>();
        var ruth = (await FlowQueries.CaseHistoriesAsync(db)).Single(s => s.Story == "Ruth").PersonId;
        var police = await db.Agencies.Where(a => a.ShortName == "Police").Select(a => a.Id).SingleAsync();
        var housing = await db.Agencies.Where(a => a.ShortName == "Housing").Select(a => a.Id).SingleAsync();
        var records = await db.ActivityRecords.AsNoTracking().Where(r => r.PersonId == ruth).ToListAsync();
        var record = records.Where(r => r.AgencyId == police && r.Text is { Length: > 10 } t && t.All(c => char.IsLetterOrDigit(c) || c == ' ') && records.Count(o => o.Text == t) == 1).OrderBy(r => r.StartUtc).First();
        var user = new User { UserName = "housing" + Guid.NewGuid().ToString("N")[..8], DisplayName = "Harriet Housing", Roles = Roles.StudyTeam, CreatedAt = DateTime.UtcNow };
        Accounts.SetPassword(user, Password);
        user.Localities.Add(new UserLocality { LocalityId = await db.Localities.OrderBy(l => l.Id).Select(l => l.Id).FirstAsync() });
        user.Agencies.Add(new UserAgency { AgencyId = housing });
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return (ruth, police, housing, record, user.UserName);
    }

    /// <summary>The demo's person who withdrew consent to the Women's Aid agreement, their name, Women's Aid's id and the agreement's.</summary>
    private async Task<(Guid Person, string Name, int WomensAid, int Agreement)> WithdrawnAsync()
    {
        _ = _app.Server;
        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LocalFlowDb>();
        var id = Guid.Parse(await db.Settings.Where(s => s.Key == NorthfieldSharing.WithdrewSettingKey).Select(s => s.Value).SingleAsync());
        var person = await db.People.SingleAsync(p => p.Id == id);
        var womensAid = await db.Agencies.Where(a => a.ShortName == "Women's Aid").Select(a => a.Id).SingleAsync();
        var agreement = await db.SharingAgreements.Where(a => a.Name == NorthfieldSharing.WomensAidAgreement).Select(a => a.Id).SingleAsync();
        return (id, person.GivenName + " " + person.FamilyName, womensAid, agreement);
    }
}
