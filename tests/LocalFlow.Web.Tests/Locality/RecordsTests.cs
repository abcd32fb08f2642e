using System.Net;
using LocalFlow.Data;
using LocalFlow.Data.Audit;
using LocalFlow.Data.Flow;
using LocalFlow.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LocalFlow.Web.Tests.Locality;

/// <summary>
/// A person's records across agencies from the locality team: their key worker sees them at once; another worker of
/// the team gives a reason first, and the reason is audited; a restricted person stays hidden from a worker not named.
/// </summary>
public class RecordsTests(SmokeTests.App app) : IClassFixture<SmokeTests.App>
{
    private readonly LocalFlowApp _app = app.Factory;

    private async Task<Guid> MelvynAsync()
    {
        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LocalFlowDb>();
        return (await FlowQueries.CaseHistoriesAsync(db)).Single(s => s.Story == "Melvyn").PersonId;
    }

    private async Task<List<string?>> AuditedAsync(Guid person, string user)
    {
        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LocalFlowDb>();
        var id = person.ToString();
        return await db.AuditEvents.AsNoTracking().Where(a => a.EntityId == id && a.UserName == user && a.EventType == AuditEventType.FlowRecordRead)
            .OrderBy(a => a.Id).Select(a => a.Detail).ToListAsync();
    }

    [Fact]
    public async Task KeyWorker_SeesTheTimelineAndCostCurve_FromThePersonPage_WithoutAReason()
    {
        var melvyn = await MelvynAsync();
        var kim = await _app.ClientAsync("keyworker");
        var person = await kim.GetStringAsync($"/Locality/Person/{melvyn}");
        person.ShouldContain($"href=\"/Locality/Records/{melvyn}\"");
        person.ShouldNotContain("you will be asked why");
        var html = WebUtility.HtmlDecode(await kim.GetStringAsync($"/Locality/Records/{melvyn}"));
        html.ShouldContain("id=\"timeline\"");
        html.ShouldContain("id=\"cost-curve\"");
        html.ShouldContain("You work with them.");
        html.ShouldNotContain("id=\"give-reason\"");
        (await AuditedAsync(melvyn, "keyworker")).ShouldContain(d => d != null && d.Contains("works with them", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnotherWorker_GivesAReason_WhichIsRequired_Kept_AndAudited()
    {
        var melvyn = await MelvynAsync();
        var theo = await _app.ClientAsync("teamworker");
        (await theo.GetStringAsync($"/Locality/Person/{melvyn}")).ShouldContain("you will be asked why you need to see them");
        var page = $"/Locality/Records/{melvyn}";
        var first = await theo.GetStringAsync(page);
        first.ShouldContain("id=\"give-reason\"");
        first.ShouldNotContain("id=\"timeline\"", Case.Sensitive, "nothing is shown before a reason is given");

        var token = await LocalFlowApp.AntiforgeryTokenAsync(theo, page);
        var empty = await theo.PostAsync(page, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Reason"] = "  " }));
        empty.StatusCode.ShouldBe(HttpStatusCode.OK);
        var emptyHtml = WebUtility.HtmlDecode(await empty.Content.ReadAsStringAsync());
        emptyHtml.ShouldContain("<a href=\"#Reason\">Say why you need to see their records");
        emptyHtml.ShouldNotContain("id=\"timeline\"");

        var tooLong = new string('x', 501) + " <keep me>";
        var longHtml = WebUtility.HtmlDecode(await (await theo.PostAsync(page, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Reason"] = tooLong }))).Content.ReadAsStringAsync());
        longHtml.ShouldContain("The reason must be 500 characters or fewer");
        longHtml.ShouldContain(tooLong, Case.Sensitive, "the form keeps what was typed");

        const string reason = "Covering Kim's visit today: Melvyn's daughter rang about a hospital letter";
        var given = await theo.PostAsync(page, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Reason"] = reason }));
        given.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var shown = WebUtility.HtmlDecode(await theo.GetStringAsync(page));
        shown.ShouldContain("id=\"timeline\"");
        shown.ShouldContain($"You gave this reason today: {reason}");
        var audited = await AuditedAsync(melvyn, "teamworker");
        audited.ShouldContain("Reason: " + reason);
        audited.ShouldContain(d => d != null && d.StartsWith("Flow timeline for the locality team (reason given today: " + reason, StringComparison.Ordinal));
    }

    [Fact]
    public async Task RestrictedPerson_IsNotFound_ForAWorkerNotNamed_WhateverTheReason()
    {
        Guid restricted;
        using (var scope = _app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LocalFlowDb>();
            restricted = await db.People.Where(p => p.Household != null && p.Household.Restricted).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
        }
        var theo = await _app.ClientAsync("teamworker");
        (await theo.GetAsync($"/Locality/Records/{restricted}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var token = await LocalFlowApp.AntiforgeryTokenAsync(theo, "/Locality");
        (await theo.PostAsync($"/Locality/Records/{restricted}", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Reason"] = "Curious" })))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await theo.GetStringAsync($"/Locality/Person/{restricted}")).ShouldNotContain("/Locality/Records/");

        var kim = await _app.ClientAsync("keyworker");
        WebUtility.HtmlDecode(await kim.GetStringAsync($"/Locality/Records/{restricted}")).ShouldContain("You work with them.", Case.Sensitive, "Kim is named on the restricted household");
    }
}
