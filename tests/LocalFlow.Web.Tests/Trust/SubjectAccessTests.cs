using System.Text.Json;
using LocalFlow.Data;
using LocalFlow.Data.Audit;
using LocalFlow.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LocalFlow.Web.Tests.Trust;

/// <summary>Subject access: everything held about one person, readable and as JSON, audited (issue 14, item 12).</summary>
public class SubjectAccessTests(SmokeTests.App app) : IClassFixture<SmokeTests.App>
{
    private readonly LocalFlowApp _app = app.Factory;

    [Fact]
    public async Task TheDataOfficer_GetsEveryAgencysRecordsOfThePerson_AsAPageAndAsJson_AndEachReportIsAudited()
    {
        Guid person;
        string name;
        List<string> sourceIds;
        int auditedBefore;
        using (var scope = _app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LocalFlowDb>();
            // someone with records from several agencies, not restricted
            var p = await db.People.Where(x => !x.Restricted && (x.Household == null || !x.Household.Restricted))
                .OrderByDescending(x => db.ActivityRecords.Where(r => r.PersonId == x.Id).Select(r => r.AgencyId).Distinct().Count()).ThenBy(x => x.Id).FirstAsync();
            person = p.Id;
            name = p.DisplayName;
            sourceIds = await db.ActivityRecords.Where(r => r.PersonId == person).Select(r => r.SourceRecordId).ToListAsync();
            auditedBefore = await db.AuditEvents.CountAsync(e => e.EventType == AuditEventType.SubjectAccessExported && e.EntityId == person.ToString());
        }
        sourceIds.ShouldNotBeEmpty();

        var officer = await _app.ClientAsync(DemoUsers.DataOfficer);
        (await officer.GetStringAsync($"/Locality/Person/{person}")).ShouldContain($"/Locality/Person/{person}/SubjectAccess");
        var page = await officer.GetAsync($"/Locality/Person/{person}/SubjectAccess");
        page.Headers.CacheControl!.NoStore.ShouldBeTrue();
        var html = await page.Content.ReadAsStringAsync();
        html.ShouldContain($"Everything held about {System.Net.WebUtility.HtmlEncode(name)}");
        html.ShouldContain("Records of every agency");
        foreach (var id in sourceIds)
        {
            html.ShouldContain(id);
        }

        var json = await officer.GetAsync($"/Locality/Person/{person}/SubjectAccess?handler=Json");
        json.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        using var doc = JsonDocument.Parse(await json.Content.ReadAsStringAsync());
        doc.RootElement.GetProperty("person").GetGuid().ShouldBe(person);
        var records = doc.RootElement.GetProperty("sections").EnumerateArray().Single(s => s.GetProperty("title").GetString() == "Records of every agency");
        records.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("Record id in the source").GetString()).Order().ShouldBe(sourceIds.Order());
        var audit = doc.RootElement.GetProperty("sections").EnumerateArray().Single(s => s.GetProperty("title").GetString() == "Who saw or changed their records");
        // the person page opened above is one of the entries about them
        audit.GetProperty("rows").EnumerateArray().ShouldContain(r => r.GetProperty("Who").GetString() == DemoUsers.DataOfficer && r.GetProperty("What happened").GetString() == nameof(AuditEventType.PersonRead));

        using (var scope = _app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LocalFlowDb>();
            (await db.AuditEvents.CountAsync(e => e.EventType == AuditEventType.SubjectAccessExported && e.EntityId == person.ToString() && e.UserName == DemoUsers.DataOfficer))
                .ShouldBe(auditedBefore + 2);
        }

        // a locality worker sees the person but not the subject access link
        var worker = await _app.ClientAsync(DemoUsers.Worker);
        (await worker.GetStringAsync($"/Locality/Person/{person}")).ShouldNotContain("/SubjectAccess");
    }
}
