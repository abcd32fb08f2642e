using System.Net;
using LocalFlow.Data;
using LocalFlow.Data.Audit;
using LocalFlow.Data.Entities;
using LocalFlow.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LocalFlow.Web.Tests.Flow;

/// <summary>The study team judging records as helping the person or serving the system (/Flow/Judge), against the real app.</summary>
public class JudgePagesTests(JudgePagesTests.App app) : IClassFixture<JudgePagesTests.App>
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

    /// <summary>A person the study team may see with at least <paramref name="unjudged"/> records nobody has judged, and those records.</summary>
    private Task<(Guid Person, List<Guid> Records)> UnjudgedAsync(int unjudged, int skip) => WithDbAsync(async db =>
    {
        var person = await db.ActivityRecords.Where(r => r.Helped == null && !db.People.Any(p => p.Id == r.PersonId && (p.Restricted || (p.Household != null && p.Household.Restricted))))
            .GroupBy(r => r.PersonId).Where(g => g.Count() >= unjudged).OrderBy(g => g.Key).Select(g => g.Key).Skip(skip).FirstAsync();
        var records = await db.ActivityRecords.Where(r => r.PersonId == person && r.Helped == null).OrderBy(r => r.StartUtc).ThenBy(r => r.Id).Select(r => r.Id).Take(unjudged).ToListAsync();
        return (person, records);
    });

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, Guid person, IEnumerable<(string Key, string Value)> fields)
    {
        var form = fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)).ToList();
        form.Add(new("__RequestVerificationToken", await LocalFlowApp.AntiforgeryTokenAsync(client, $"/Flow/Judge/{person}")));
        return await client.PostAsync($"/Flow/Judge/{person}", new FormUrlEncodedContent(form));
    }

    [Fact]
    public async Task JudgingManyRecords_StoresEachJudgement_AuditsEachRecord_AndMovesTheShare()
    {
        var (person, records) = await UnjudgedAsync(4, 0);
        var client = await _app.ClientAsync(DemoUsers.Study);
        var before = await WithDbAsync(db => db.ActivityRecords.Where(r => r.PersonId == person).Select(r => r.Helped).ToListAsync());

        var helped = await PostAsync(client, person, [("Selected", records[0].ToString()), ("Selected", records[1].ToString()), ("Selected", records[2].ToString()), ("Judgement", "helped"), ("Note", "Listened to her")]);
        helped.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var served = await PostAsync(client, person, [("Selected", records[3].ToString()), ("Judgement", "served"), ("Served", "Targets"), ("Note", "Done to meet the 28-day target")]);
        served.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var stored = await WithDbAsync(db => db.ActivityRecords.AsNoTracking().Where(r => records.Contains(r.Id)).ToDictionaryAsync(r => r.Id));
        stored[records[0]].Helped.ShouldBe(true);
        stored[records[2]].HelpedNote.ShouldBe("Listened to her");
        stored[records[3]].Helped.ShouldBe(false);
        stored[records[3]].HelpedReason.ShouldBe(ActivityServed.Targets);
        var audited = await WithDbAsync(db => db.AuditEvents.Where(a => a.EventType == AuditEventType.FlowRecordChanged && a.UserName == "study").Select(a => a.EntityId).ToListAsync());
        foreach (var r in records)
        {
            audited.ShouldContain(r.ToString());
        }

        // The figures follow the judgement: the engine is rebuilt and the person's share counts the new judgements.
        var judgedBefore = before.Count(h => h is not null);
        var helpedBefore = before.Count(h => h == true);
        var share = (double)(helpedBefore + 3) / (judgedBefore + 4);
        var html = await client.GetStringAsync($"/Flow/Judge/{person}");
        html.ShouldContain($"{share.ToString("P0", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))} of {judgedBefore + 4} judged records helped");
        html.ShouldContain("id=\"judged-quarters\"");

        // Taking a judgement back leaves the record unjudged, with no reason or note.
        (await PostAsync(client, person, [("Selected", records[3].ToString()), ("Judgement", "clear")])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var cleared = await WithDbAsync(db => db.ActivityRecords.AsNoTracking().SingleAsync(r => r.Id == records[3]));
        cleared.Helped.ShouldBeNull();
        cleared.HelpedReason.ShouldBeNull();
        cleared.HelpedNote.ShouldBeNull();
    }

    [Fact]
    public async Task AJudgementWithoutRecordsOrReason_IsRefusedByField_KeepingWhatWasTyped()
    {
        var (person, records) = await UnjudgedAsync(2, 1);
        var client = await _app.ClientAsync(DemoUsers.Study);

        var none = await PostAsync(client, person, [("Judgement", "helped"), ("Note", "A note kept")]);
        none.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await none.Content.ReadAsStringAsync();
        html.ShouldContain("Choose at least one record to judge");
        html.ShouldContain("A note kept");

        var noReason = await PostAsync(client, person, [("Selected", records[0].ToString()), ("Judgement", "served"), ("Served", "Other")]);
        html = await noReason.Content.ReadAsStringAsync();
        html.ShouldContain("Say in the note what the records served instead of the person");
        html.ShouldContain($"value=\"{records[0]}\" checked");
        html.ShouldContain("value=\"Other\" checked");

        var unknown = await PostAsync(client, person, [("Selected", records[1].ToString()), ("Judgement", "served"), ("Served", "3")]);
        (await unknown.Content.ReadAsStringAsync()).ShouldContain("Choose what the records served instead of the person");
        (await WithDbAsync(db => db.ActivityRecords.CountAsync(r => records.Contains(r.Id) && r.Helped != null))).ShouldBe(0);
    }

    [Fact]
    public async Task AnotherPersonsRecord_CannotBeJudgedThroughThisPersonsPage()
    {
        var (person, _) = await UnjudgedAsync(1, 2);
        var (_, others) = await UnjudgedAsync(1, 3);
        var client = await _app.ClientAsync(DemoUsers.Study);
        var response = await PostAsync(client, person, [("Selected", others[0].ToString()), ("Judgement", "helped")]);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Choose at least one record to judge");
        (await WithDbAsync(db => db.ActivityRecords.SingleAsync(r => r.Id == others[0]))).Helped.ShouldBeNull();
    }
}
