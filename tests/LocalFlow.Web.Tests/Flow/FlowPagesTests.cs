using System.Net;
using System.Net.Http.Json;
using LocalFlow.Data;
using LocalFlow.Data.Audit;
using LocalFlow.Data.Flow;
using LocalFlow.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LocalFlow.Web.Tests.Flow;

/// <summary>The flow study's pages and API against the real app and its demo (Ruth's case history and the generated records).</summary>
public class FlowPagesTests(FlowPagesTests.App app) : IClassFixture<FlowPagesTests.App>
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

    private Task<Guid> RuthAsync() => WithDbAsync(async db => (await FlowQueries.CaseHistoriesAsync(db)).Single(s => s.Story == "Ruth").PersonId);

    [Fact]
    public async Task StudyPage_ListsTheCaseHistoriesFirst_AndAuditsTheList()
    {
        var client = await _app.ClientAsync(DemoUsers.Study);
        var html = await client.GetStringAsync("/Flow");
        // The case histories come first: their heading, then Ruth under it.
        var histories = html.IndexOf("id=\"case-histories\">Case histories</h2>", StringComparison.Ordinal);
        histories.ShouldBeGreaterThan(0);
        var ruth = html.IndexOf(">Ruth<", StringComparison.Ordinal);
        ruth.ShouldBeGreaterThan(histories);
        html.IndexOf(">Child A<", StringComparison.Ordinal).ShouldBeGreaterThan(ruth);
        html.IndexOf("People with records</h2>", StringComparison.Ordinal).ShouldBeGreaterThan(html.IndexOf(">Paul<", StringComparison.Ordinal));
        (await WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.EventType == AuditEventType.PersonalDataListed && a.UserName == "study" && a.Detail!.StartsWith("Flow study people")))).ShouldBeTrue();
    }

    [Fact]
    public async Task AnAnalyst_SeesTheCounts_ButNoNames()
    {
        var client = await _app.ClientAsync(DemoUsers.Analyst);
        var html = await client.GetStringAsync("/Flow");
        html.ShouldContain("Activity records");
        html.ShouldNotContain("/Flow/Person/");
        html.ShouldContain("only the study team and data officers");
    }

    [Fact]
    public async Task RuthsTimeline_ShowsHerCounts_Lanes_CostCurve_AndEveryRecord()
    {
        var id = await RuthAsync();
        var client = await _app.ClientAsync(DemoUsers.Study);
        var html = await client.GetStringAsync($"/Flow/Person/{id}");
        html.ShouldContain("Case history: Ruth");
        html.ShouldContain("129 activity records");
        html.ShouldContain("from 36 teams; 16 assessments, 30 referrals");
        html.ShouldContain("lf-chart--timeline");
        html.ShouldContain("lf-chart--cost");
        html.ShouldContain("Cost of what mattered");
        html.ShouldContain("£20,760");
        // Every record is in the list below the chart, with the anchor the chart's marks link to.
        System.Text.RegularExpressions.Regex.Count(html, "<tr class=\"govuk-table__row\" id=\"record-").ShouldBe(129);
        System.Text.RegularExpressions.Regex.Matches(html, "href=\"#record-([0-9a-f-]+)\"").Select(m => m.Groups[1].Value).Distinct().Count().ShouldBe(129);
        (await WithDbAsync(db => db.AuditEvents.CountAsync(a => a.EventType == AuditEventType.FlowRecordRead && a.EntityId == id.ToString()))).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Timeline_ZoomsToAYear_AndFiltersByAgencyAndKind()
    {
        var id = await RuthAsync();
        var client = await _app.ClientAsync(DemoUsers.Study);
        var html = await client.GetStringAsync($"/Flow/Person/{id}?year=2008");
        var rows = System.Text.RegularExpressions.Regex.Count(html, "id=\"record-");
        rows.ShouldBe(24);
        html.ShouldContain("Showing 24 of 129 records");
        var referrals = await client.GetStringAsync($"/Flow/Person/{id}?kind=Referral");
        System.Text.RegularExpressions.Regex.Count(referrals, "<tr class=\"govuk-table__row\" id=\"record-").ShouldBe(30);
        var police = await WithDbAsync(db => db.Agencies.Where(a => a.ShortName == "Police").Select(a => a.Id).SingleAsync());
        var policeHtml = await client.GetStringAsync($"/Flow/Person/{id}?agency={police}");
        System.Text.RegularExpressions.Regex.Count(policeHtml, "<tr class=\"govuk-table__row\" id=\"record-").ShouldBe(19);
    }

    [Fact]
    public async Task RecordDetail_ShowsTheSourceAndTheCostsOrigin()
    {
        var id = await RuthAsync();
        var recordId = await WithDbAsync(db => db.ActivityRecords.Where(r => r.PersonId == id && r.Subtype == "Parenting programme").OrderBy(r => r.StartUtc).Select(r => r.Id).FirstAsync());
        var client = await _app.ClientAsync(DemoUsers.DataOfficer);
        var html = await client.GetStringAsync($"/Flow/Record/{recordId}");
        html.ShouldContain("Service provided: Parenting programme");
        html.ShouldContain("From the unit-cost catalogue");
        html.ShouldContain("No: it served targets");
        html.ShouldContain("Mosaic, record demo-Ruth-");
    }

    [Fact]
    public async Task Api_GivesTheSummaryInTheSeedsSentence()
    {
        var id = await RuthAsync();
        var client = await _app.ClientAsync(DemoUsers.Study);
        var summary = await client.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/flow/people/{id}/summary");
        summary.GetProperty("sentence").GetString()!.ShouldStartWith("Over 16 years: 129 activity records");
        summary.GetProperty("costOfWhatMattered").GetDecimal().ShouldBe(20_760m);
        var records = await client.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/flow/people/{id}/records");
        records.GetArrayLength().ShouldBe(129);
        records[0].GetProperty("kind").GetString().ShouldBe("Contact");
    }

    [Fact]
    public async Task ARestrictedPerson_IsHidden_FromPagesAndApi()
    {
        var (personId, recordId) = await WithDbAsync(async db =>
        {
            var stories = (await FlowQueries.CaseHistoriesAsync(db)).Select(s => s.PersonId).ToList();
            var record = await db.ActivityRecords.Where(r => !stories.Contains(r.PersonId)).OrderBy(r => r.Id).FirstAsync();
            var person = await db.People.SingleAsync(p => p.Id == record.PersonId);
            person.Restricted = true;
            await db.SaveChangesAsync();
            return (person.Id, record.Id);
        });
        var client = await _app.ClientAsync(DemoUsers.Study);
        (await client.GetAsync($"/Flow/Person/{personId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync($"/Flow/Record/{recordId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync($"/api/flow/people/{personId}/records")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetStringAsync("/Flow?q=" + Uri.EscapeDataString(""))).ShouldNotContain(personId.ToString());
    }
}
