using System.Net;
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
            var p = await db.People.Where(x => !x.Restricted && (x.Household == null || !x.Household.Restricted) && !db.TeamActions.Any(a => a.PersonId == x.Id))
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

    [Fact]
    public async Task Erasure_IsRefusedWhileARetentionRuleHoldsTheRecords_NamingIt_ThenErasesEverythingWithOneAuditEntry()
    {
        Guid person;
        int records;
        using (var scope = _app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LocalFlowDb>();
            // someone the locality team works with: conversations, what mattered and actions as well as agencies' records
            person = await db.People.Where(x => !x.Restricted && (x.Household == null || !x.Household.Restricted)
                    && db.TeamActions.Any(a => a.PersonId == x.Id) && db.ActivityRecords.Any(r => r.PersonId == x.Id))
                .OrderBy(x => x.Id).Select(x => x.Id).FirstAsync();
            records = await db.ActivityRecords.CountAsync(r => r.PersonId == person);
        }

        var admin = await _app.ClientAsync(DemoUsers.Admin);
        var token = await LocalFlowApp.AntiforgeryTokenAsync(admin, "/Admin/Retention");
        var bad = await admin.PostAsync("/Admin/Retention", Form(token, ("Input.Kind", "1"), ("Input.KeepYears", "six"), ("Input.Reason", "Limitation Act 1980")));
        var badHtml = await bad.Content.ReadAsStringAsync();
        badHtml.ShouldContain("Years to keep must be a whole number from 0 to 150");
        badHtml.ShouldContain("Limitation Act 1980");
        (await admin.PostAsync("/Admin/Retention", Form(token, ("Input.Kind", "1"), ("Input.KeepYears", "150"), ("Input.Reason", "Limitation Act 1980")))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await admin.GetStringAsync("/Admin/Retention")).ShouldContain("150 years");

        var officer = await _app.ClientAsync(DemoUsers.DataOfficer);
        var path = $"/Locality/Person/{person}/SubjectAccess";
        var officerToken = await LocalFlowApp.AntiforgeryTokenAsync(officer, path);
        var refused = await (await officer.PostAsync(path + "?handler=Erase", Form(officerToken, ("Reason", "Request SAR-17")))).Content.ReadAsStringAsync();
        refused.ShouldContain("Not erased: Agencies&#x27; activity records are kept for 150 years (Limitation Act 1980): the newest, of ");
        refused.ShouldContain("Request SAR-17"); // the form keeps what was typed
        using (var scope = _app.Services.CreateScope())
        {
            (await scope.ServiceProvider.GetRequiredService<LocalFlowDb>().ActivityRecords.CountAsync(r => r.PersonId == person)).ShouldBe(records);
        }

        // the rule removed, nothing holds the records back
        (await admin.PostAsync("/Admin/Retention", Form(token, ("Input.Kind", "1"), ("Input.KeepYears", ""), ("Input.Reason", "")))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var erased = await (await officer.PostAsync(path + "?handler=Erase", Form(officerToken, ("Reason", "Request SAR-17")))).Content.ReadAsStringAsync();
        erased.ShouldContain("Everything LocalFlow held about them has been deleted");
        using (var scope = _app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LocalFlowDb>();
            (await db.People.AnyAsync(p => p.Id == person)).ShouldBeFalse();
            (await db.ActivityRecords.AnyAsync(r => r.PersonId == person)).ShouldBeFalse();
            (await db.TeamActions.AnyAsync(a => a.PersonId == person)).ShouldBeFalse();
            (await db.WhatMattered.AnyAsync(w => w.PersonId == person)).ShouldBeFalse();
            (await db.SourceIdentities.AnyAsync(s => s.PersonId == person)).ShouldBeFalse();
            var entry = await db.AuditEvents.SingleAsync(e => e.EventType == AuditEventType.PersonErased && e.EntityId == person.ToString());
            entry.UserName.ShouldBe(DemoUsers.DataOfficer);
            entry.Detail!.ShouldStartWith("Erased (Request SAR-17): ");
            entry.Detail.ShouldContain($"{records} activity records");
        }
        (await officer.GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private static FormUrlEncodedContent Form(string token, params (string Key, string Value)[] fields)
        => new(fields.Select(f => KeyValuePair.Create(f.Key, f.Value)).Append(KeyValuePair.Create("__RequestVerificationToken", token)));
}
