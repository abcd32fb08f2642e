using System.Net;
using System.Text.Json;
using LocalFlow.Data;
using LocalFlow.Data.Audit;
using LocalFlow.Data.Entities;
using LocalFlow.Data.Flow;
using LocalFlow.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LocalFlow.Web.Tests.Conditions;

/// <summary>The system conditions pages and API against the real app and its demo conditions.</summary>
public class ConditionsPagesTests(ConditionsPagesTests.App app) : IClassFixture<ConditionsPagesTests.App>
{
    public sealed class App : IDisposable
    {
        public LocalFlowApp Factory { get; } = new(households: 120);

        public void Dispose() => Factory.Dispose();
    }

    private readonly LocalFlowApp _app = app.Factory;

    private async Task<T> WithDbAsync<T>(Func<LocalFlowDb, Task<T>> work)
    {
        using var scope = _app.Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<LocalFlowDb>());
    }

    private Task<SystemCondition> ConditionAsync(ConditionCategory category)
        => WithDbAsync(db => db.SystemConditions.AsNoTracking().FirstAsync(c => c.Category == category));

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string page, string action, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await LocalFlowApp.AntiforgeryTokenAsync(client, page);
        return await client.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    [Fact]
    public async Task ListPage_GroupsConditionsByCategory_WithReachChartsAndTables_AndNoNames()
    {
        var client = await _app.ClientAsync(DemoUsers.Commissioner);
        var html = await client.GetStringAsync("/Conditions");
        html.ShouldContain("Thresholds and criteria");
        html.ShouldContain("Lack of continuity in relationships");
        html.ShouldContain("Turned away until they are worse");
        System.Text.RegularExpressions.Regex.Count(html, "lf-chart--bar").ShouldBeGreaterThanOrEqualTo(3);
        html.ShouldContain("Failure demands linked to each condition");
        html.ShouldContain("Cost of the activity involved in each condition");
        html.ShouldNotContain("/Flow/Person/");
        html.ShouldNotContain("Record a system condition");
    }

    [Fact]
    public async Task ConditionPage_NamesPeople_OnlyForRolesThatMaySeeThem_AndAuditsThatView()
    {
        var continuity = await ConditionAsync(ConditionCategory.LackOfContinuity);
        var ruth = await WithDbAsync(async db => (await FlowQueries.CaseHistoriesAsync(db)).Single(s => s.Story == "Ruth").PersonId);

        var study = await _app.ClientAsync(DemoUsers.Study);
        var html = await study.GetStringAsync($"/Conditions/Condition/{continuity.Id}");
        html.ShouldContain($"/Flow/Person/{ruth}");
        html.ShouldContain("Ruth ");
        html.ShouldContain("Add or remove evidence");
        (await WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.EventType == AuditEventType.ConditionRead && a.UserName == "study" && a.EntityId == continuity.Id.ToString()))).ShouldBeTrue();

        var analyst = await _app.ClientAsync(DemoUsers.Analyst);
        var seen = await analyst.GetStringAsync($"/Conditions/Condition/{continuity.Id}");
        seen.ShouldContain("case history (the study team and data officers can open it)");
        seen.ShouldNotContain("/Flow/Person/");
        seen.ShouldNotContain("Add or remove evidence");
        seen.ShouldContain("/Demand/Analysis/", Case.Sensitive, "analysts open the demand study's analysis for a failure type");
        (await WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.EventType == AuditEventType.ConditionRead && a.UserName == "analyst"))).ShouldBeFalse();
    }

    /// <summary>The form's hint counts the kinds it offers (issue 15, item 4: it said "the first seven" beside eight).</summary>
    [Fact]
    public async Task CreateForm_SaysHowManyKindsItOffers()
    {
        var client = await _app.ClientAsync(DemoUsers.Study);
        var html = await client.GetStringAsync("/Conditions/Create");
        var kinds = System.Text.RegularExpressions.Regex.Matches(html, "name=\"Input.Category\" type=\"radio\" value=\"(?!Own\")").Count;
        kinds.ShouldBe(Enum.GetValues<LocalFlow.Data.Entities.ConditionCategory>().Length - 1);
        html.ShouldContain($"none of the {(kinds == 8 ? "eight" : kinds.ToString(System.Globalization.CultureInfo.InvariantCulture))} fits");
        html.ShouldContain("The first six are the Locality report&#x27;s own list");
    }

    [Fact]
    public async Task CreateForm_RefusesAnEmptyTitle_AndKeepsWhatWasTyped()
    {
        var client = await _app.ClientAsync(DemoUsers.Study);
        var response = await PostFormAsync(client, "/Conditions/Create", "/Conditions/Create", new()
        {
            ["Input.Category"] = "Own",
            ["Input.OwnCategory"] = "Eligibility forms",
            ["Input.Title"] = "  ",
            ["Input.Finding"] = "The form asks 40 questions before anyone listens.",
        });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("govuk-error-summary");
        html.ShouldContain("Enter a title for the system condition");
        html.ShouldContain("The form asks 40 questions before anyone listens.");
        html.ShouldContain("value=\"Eligibility forms\"");
        html.ShouldContain("value=\"Own\" checked");

        var saved = await PostFormAsync(client, "/Conditions/Create", "/Conditions/Create", new()
        {
            ["Input.Category"] = "Own",
            ["Input.OwnCategory"] = "Eligibility forms",
            ["Input.Title"] = "The form decides who is listened to",
            ["Input.Finding"] = "The form asks 40 questions before anyone listens.",
        });
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        saved.Headers.Location!.ToString().ShouldStartWith("/Conditions/Evidence/");
    }

    [Fact]
    public async Task AddingEvidence_FromAPersonsTimeline_LinksTheirCaseHistory_AndTheReachFollows()
    {
        var client = await _app.ClientAsync(DemoUsers.Study);
        var jakeId = await WithDbAsync(async db => (await FlowQueries.CaseHistoriesAsync(db)).Single(s => s.Story == "Jake").PersonId);
        (await client.GetStringAsync($"/Flow/Person/{jakeId}")).ShouldContain($"/Conditions/Choose?person={jakeId}");
        var risk = await ConditionAsync(ConditionCategory.RiskManagement);
        (await client.GetStringAsync($"/Conditions/Choose?person={jakeId}")).ShouldContain($"/Conditions/Evidence/{risk.Id}?kind=CaseHistory&amp;person={jakeId}");
        var page = $"/Conditions/Evidence/{risk.Id}?kind=CaseHistory&person={jakeId}";
        (await client.GetStringAsync(page)).ShouldContain("id=\"chosen-person\"");
        var before = await client.GetStringAsync($"/Conditions/Condition/{risk.Id}");

        // A record id that is not a record: refused, with the note kept.
        var bad = await PostFormAsync(client, $"/Conditions/Evidence/{risk.Id}?kind=ActivityRecord", $"/Conditions/Evidence/{risk.Id}?handler=Add", new()
        {
            ["Input.Kind"] = "ActivityRecord",
            ["Input.RecordId"] = Guid.NewGuid().ToString(),
            ["Input.Note"] = "Another risk form",
        });
        bad.StatusCode.ShouldBe(HttpStatusCode.OK);
        var badHtml = await bad.Content.ReadAsStringAsync();
        badHtml.ShouldContain("Enter the id of an activity record in this locality");
        badHtml.ShouldContain("Another risk form");

        var added = await PostFormAsync(client, page, $"/Conditions/Evidence/{risk.Id}?handler=Add", new()
        {
            ["Input.Kind"] = "CaseHistory",
            ["Input.PersonId"] = jakeId.ToString(),
            ["Input.Note"] = "Jake: eight closures and NFAs in two years",
        });
        added.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var after = await client.GetStringAsync($"/Conditions/Condition/{risk.Id}");
        after.ShouldContain("Jake: eight closures and NFAs in two years");
        after.ShouldContain($"/Flow/Person/{jakeId}");
        after.ShouldNotBe(before);
        (await WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.EventType == AuditEventType.ConditionChanged && a.Operation == AuditOperation.Create
            && a.EntityType == nameof(ConditionEvidence) && a.UserName == "study"))).ShouldBeTrue();
    }

    [Fact]
    public async Task ARestrictedPerson_CannotBeLinked_AndIsNotNamed_WhereLinkedBefore()
    {
        var (personId, condition) = await WithDbAsync(async db =>
        {
            var stories = (await FlowQueries.CaseHistoriesAsync(db)).Select(s => s.PersonId).ToList();
            var record = await db.ActivityRecords.Where(r => !stories.Contains(r.PersonId)).OrderByDescending(r => r.Id).FirstAsync();
            var person = await db.People.SingleAsync(p => p.Id == record.PersonId);
            var c = await LocalFlow.Data.Conditions.SystemConditions.CreateAsync(db, person.LocalityId, new LocalFlow.Data.Conditions.ConditionInput { Category = ConditionCategory.Own, OwnCategory = "Test", Title = "Restricted test" });
            await LocalFlow.Data.Conditions.SystemConditions.AddEvidenceAsync(db, person.LocalityId, c.Id, new LocalFlow.Data.Conditions.EvidenceInput { Kind = EvidenceKind.CaseHistory, PersonId = person.Id });
            person.Restricted = true;
            await db.SaveChangesAsync();
            return (person.Id, c.Id);
        });
        var client = await _app.ClientAsync(DemoUsers.Study);
        var html = await client.GetStringAsync($"/Conditions/Condition/{condition}");
        html.ShouldContain("The case history of a person with a restricted record");
        html.ShouldNotContain(personId.ToString());
        var refused = await PostFormAsync(client, $"/Conditions/Evidence/{condition}?kind=CaseHistory", $"/Conditions/Evidence/{condition}?handler=Add", new()
        {
            ["Input.Kind"] = "CaseHistory",
            ["Input.PersonId"] = personId.ToString(),
        });
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("Choose a person in this locality");
        (await WithDbAsync(db => db.ConditionEvidence.CountAsync(e => e.ConditionId == condition))).ShouldBe(1);
    }

    [Fact]
    public async Task EditAndDelete_ChangeTheCondition_AndAreAudited()
    {
        var client = await _app.ClientAsync(DemoUsers.Study);
        var created = await PostFormAsync(client, "/Conditions/Create", "/Conditions/Create", new()
        {
            ["Input.Category"] = "ItThatForcesAProcess",
            ["Input.Title"] = "The case system decides",
        });
        var id = Guid.Parse(created.Headers.Location!.ToString().Split('/')[^1]);
        (await client.GetStringAsync($"/Conditions/Edit/{id}")).ShouldContain("value=\"The case system decides\"");
        var edited = await PostFormAsync(client, $"/Conditions/Edit/{id}", $"/Conditions/Edit/{id}", new()
        {
            ["Input.Category"] = "ItThatForcesAProcess",
            ["Input.Title"] = "The case system's workflow decides the work",
            ["Input.Finding"] = "Every contact must become a referral to close the screen.",
        });
        edited.Headers.Location!.ToString().ShouldBe($"/Conditions/Condition/{id}");
        (await client.GetStringAsync($"/Conditions/Condition/{id}")).ShouldContain("Every contact must become a referral to close the screen.");

        (await client.GetStringAsync($"/Conditions/Delete/{id}")).ShouldContain("will be deleted");
        var deleted = await PostFormAsync(client, $"/Conditions/Delete/{id}", $"/Conditions/Delete/{id}", []);
        deleted.Headers.Location!.ToString().ShouldBe("/Conditions");
        (await client.GetAsync($"/Conditions/Condition/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var trail = await WithDbAsync(db => db.AuditEvents.Where(a => a.EntityId == id.ToString() && a.EventType == AuditEventType.ConditionChanged).Select(a => a.Operation).ToListAsync());
        trail.ShouldBe([AuditOperation.Create, AuditOperation.Update, AuditOperation.Delete], ignoreOrder: true);
    }

    [Fact]
    public async Task Api_ListsConditionsWithReach_AndHidesPeopleFromAnalysts()
    {
        var analyst = await _app.ClientAsync(DemoUsers.Analyst);
        using var list = JsonDocument.Parse(await analyst.GetStringAsync("/api/conditions"));
        var conditions = list.RootElement.GetProperty("conditions");
        conditions.GetArrayLength().ShouldBeGreaterThanOrEqualTo(7);
        conditions.EnumerateArray().ShouldContain(c => c.GetProperty("category").GetString() == "ThresholdsAndCriteria" && c.GetProperty("reach").GetProperty("people").GetInt32() > 0);
        list.RootElement.GetProperty("all").GetProperty("cost").GetDecimal().ShouldBeGreaterThan(0m);

        var continuity = await ConditionAsync(ConditionCategory.LackOfContinuity);
        using var one = JsonDocument.Parse(await analyst.GetStringAsync($"/api/conditions/{continuity.Id}"));
        var evidence = one.RootElement.GetProperty("evidence").EnumerateArray().ToList();
        evidence.ShouldContain(e => e.GetProperty("kind").GetString() == "CaseHistory");
        evidence.ShouldAllBe(e => e.GetProperty("personId").ValueKind == JsonValueKind.Null);

        var study = await _app.ClientAsync(DemoUsers.Study);
        using var named = JsonDocument.Parse(await study.GetStringAsync($"/api/conditions/{continuity.Id}"));
        named.RootElement.GetProperty("evidence").EnumerateArray().ShouldContain(e => e.GetProperty("personId").ValueKind == JsonValueKind.String);
    }
}
