using System.Net;
using LocalFlow.Data;
using LocalFlow.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LocalFlow.Web.Tests.Trust;

/// <summary>The web app checks the audit chain at start-up and on request, and shows administrators a break (issue 14, item 5).</summary>
public class AuditChainPageTests(SmokeTests.App app) : IClassFixture<SmokeTests.App>
{
    private readonly LocalFlowApp _app = app.Factory;

    [Fact]
    public async Task ARewrittenEntry_IsShownToAdministrators_AfterTheyCheckTheChain()
    {
        var admin = await _app.ClientAsync(DemoUsers.Admin);
        var before = await admin.GetStringAsync("/Admin/Audit");
        before.ShouldContain("id=\"audit-chain-whole\"");
        before.ShouldNotContain("audit-chain-broken");

        long id;
        using (var scope = _app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LocalFlowDb>();
            id = await db.AuditEvents.OrderBy(e => e.Id).Select(e => e.Id).Skip(3).FirstAsync();
            var sqlite = db.Database.IsSqlite();
            await db.Database.ExecuteSqlRawAsync(sqlite ? "DROP TRIGGER audit_events_no_update" : "ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_change");
            await db.Database.ExecuteSqlAsync($"UPDATE audit_events SET detail = 'nothing happened' WHERE id = {id}");
            await db.Database.ExecuteSqlRawAsync(sqlite
                ? "CREATE TRIGGER \"audit_events_no_update\" BEFORE UPDATE ON \"audit_events\" BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;"
                : "ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_change");
        }
        var token = await LocalFlowApp.AntiforgeryTokenAsync(admin, "/Admin/Audit");
        (await admin.PostAsync("/Admin/Audit?handler=Check", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var home = await admin.GetStringAsync("/Admin");
        home.ShouldContain("id=\"audit-chain-broken\"");
        home.ShouldContain($"its chain is broken at entry {id}. Entry {id} is not as it was written");
    }
}
