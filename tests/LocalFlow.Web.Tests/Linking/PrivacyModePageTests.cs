using System.Net;
using LocalFlow.Data;
using LocalFlow.Data.Entities;
using LocalFlow.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LocalFlow.Web.Tests.Linking;

/// <summary>The privacy-preserving (Bloom-filter) mode offered on the linking page, and the page's caveats.</summary>
public class PrivacyModePageTests : IClassFixture<PrivacyModePageTests.App>
{
    public sealed class App : IDisposable
    {
        public LocalFlowApp Factory { get; } = new(households: 120);

        public void Dispose() => Factory.Dispose();
    }

    private readonly LocalFlowApp _app;

    public PrivacyModePageTests(App app) => _app = app.Factory;

    [Fact]
    public async Task ThePage_OffersThePrivacyMode_AndStatesItsCaveats_AndARunInThatModeLinksOnEncodings()
    {
        var client = await _app.ClientAsync(DemoUsers.DataOfficer);
        var page = await client.GetStringAsync("/Linking");
        page.ShouldContain("Link without comparing names (privacy-preserving mode)");
        page.ShouldContain("What linking cannot promise");
        page.ShouldContain("a record with no first name can still be put with the wrong twin");

        var token = await LocalFlowApp.AntiforgeryTokenAsync(client, "/Linking");
        var started = await client.PostAsync("/Linking", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["PrivacyPreserving"] = "true" }));
        started.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var runPage = started.Headers.Location!.ToString();
        var html = "";
        for (var i = 0; i < 120; i++)
        {
            html = await client.GetStringAsync(runPage);
            if (!html.Contains("Linking is running", StringComparison.Ordinal))
            {
                break;
            }
            await Task.Delay(500);
        }
        html.ShouldContain("Linking finished");
        html.ShouldContain("Privacy-preserving mode: only Bloom-filter encodings");
        using (var scope = _app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LocalFlowDb>();
            var run = await db.LinkRuns.AsNoTracking().OrderByDescending(r => r.Id).FirstAsync();
            run.Status.ShouldBe(LinkRunStatus.Finished);
            run.PrivacyPreserving.ShouldBeTrue();
            run.ModelJson!.ShouldContain("Dice");
        }
        var summary = await client.GetStringAsync("/Linking");
        summary.ShouldContain("Privacy-preserving: Bloom-filter encodings only, no names compared");
    }
}
