using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using LocalFlow.Data;
using LocalFlow.Data.Audit;
using LocalFlow.Data.Demands;
using LocalFlow.Web.Infrastructure;
using LocalFlow.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LocalFlow.Web.Tests;

/// <summary>
/// Downloads of charts (SVG) and tables (CSV): each is the page's own chart or table, under the page's own rules,
/// with formulas neutralised, and a table of people is audited as an export.
/// </summary>
public partial class ExportTests(ExportTests.App app) : IClassFixture<ExportTests.App>
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

    /// <summary>The text of each cell of the HTML table with this id, row by row, as the page shows it.</summary>
    private static List<string[]> HtmlRows(string html, string id)
    {
        var table = Regex.Match(html, $"<table[^>]*id=\"{Regex.Escape(id)}\".*?</table>", RegexOptions.Singleline);
        table.Success.ShouldBeTrue($"the page should have a table #{id}");
        return [.. Regex.Matches(table.Value, "<tr[^>]*>(.*?)</tr>", RegexOptions.Singleline)
            .Select(r => Regex.Matches(r.Groups[1].Value, "<t[hd][^>]*>(.*?)</t[hd]>", RegexOptions.Singleline)
                .Select(c => Regex.Replace(WebUtility.HtmlDecode(Regex.Replace(c.Groups[1].Value, "<[^>]+>", " ")), "\\s+", " ").Trim().Replace("\u2068", "").Replace("\u2069", ""))
                .ToArray())];
    }

    [Fact]
    public async Task SignalsTable_DownloadsAsCsv_WithTheSameRowsAsThePage()
    {
        var client = await _app.ClientAsync(DemoUsers.Study);
        var html = await client.GetStringAsync("/Flow/Signals");
        html.ShouldContain("download=csv&amp;of=signal-table");

        var response = await client.GetAsync("/Flow/Signals?download=csv&of=signal-table");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        response.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        var csv = CsvText.Read(Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()));
        var page = HtmlRows(html, "signal-table");
        page.Count.ShouldBeGreaterThan(1);
        csv.Select(r => r.Fields.Select(CsvFormula).ToArray()).ToList().ShouldBe(page);
    }

    private static string CsvFormula(string field) => Analytics.CsvFormula.Restore(field);

    [Fact]
    public async Task ChartDownload_IsAStandaloneSvg_WithoutLinks()
    {
        var client = await _app.ClientAsync(DemoUsers.Commissioner);
        var html = await client.GetStringAsync("/Flow/Handoffs");
        html.ShouldContain("download=svg&amp;of=handoff-map");
        html.ShouldContain("data-lf-png=\"handoff-map\"");

        var response = await client.GetAsync("/Flow/Handoffs?download=svg&of=handoff-map");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("image/svg+xml");
        var svg = await response.Content.ReadAsStringAsync();
        svg.ShouldStartWith("<?xml");
        svg.ShouldContain("<title id=\"handoff-map-title\">Hand-offs between agencies</title>");
        svg.ShouldNotContain("<a ");
        svg.ShouldNotContain("width=\"100%\" role");
        System.Xml.Linq.XDocument.Parse(svg).Root!.Name.LocalName.ShouldBe("svg");
    }

    [Fact]
    public async Task Download_KeepsThePageFilters()
    {
        var client = await _app.ClientAsync(DemoUsers.Commissioner);
        var html = await client.GetStringAsync("/Flow/Handoffs?level=team");
        html.ShouldContain("?level=team&amp;download=svg&amp;of=");
    }

    [Fact]
    public async Task Download_OfAPageTheUserMayNotOpen_IsRefusedLikeThePage()
    {
        var admin = await _app.ClientAsync(DemoUsers.Admin);
        var response = await admin.GetAsync("/Flow/Signals?download=csv&of=signal-table");
        response.StatusCode.ShouldNotBe(HttpStatusCode.OK);
        (response.Content.Headers.ContentType?.MediaType ?? "").ShouldNotBe("text/csv");
    }

    [Fact]
    public async Task Download_OfATableThePageDoesNotHave_SaysSo()
    {
        var client = await _app.ClientAsync(DemoUsers.Study);
        var response = await client.GetAsync("/Flow/Signals?download=csv&of=no-such-table");
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).ShouldContain("no table called \"no-such-table\"");
    }

    [Fact]
    public async Task CohortPeopleCsv_HidesRestrictedPeople_AndIsAuditedAsAnExport()
    {
        var client = await _app.ClientAsync(DemoUsers.Study);
        var before = await client.GetStringAsync("/Flow/Cohort");
        var first = HtmlRows(before, "cohort-people")[1][0];
        var person = await WithDbAsync(db => db.People.FirstAsync(p => p.GivenName + " " + p.FamilyName == first));
        await WithDbAsync(async db =>
        {
            (await db.People.SingleAsync(p => p.Id == person.Id)).Restricted = true;
            return await db.SaveChangesAsync();
        });
        try
        {
            var csv = await client.GetStringAsync("/Flow/Cohort?download=csv&of=cohort-people");
            csv.ShouldContain("Person,Records,Agencies");
            csv.ShouldNotContain(first);
            (await WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.EventType == AuditEventType.DataExported && a.UserName == "study"
                && a.Detail!.Contains("cohort-people") && a.Detail.Contains("/Flow/Cohort")))).ShouldBeTrue();
        }
        finally
        {
            await WithDbAsync(async db =>
            {
                (await db.People.SingleAsync(p => p.Id == person.Id)).Restricted = false;
                return await db.SaveChangesAsync();
            });
        }
    }

    [Fact]
    public void TableCsv_NeutralisesFormulas_AndTakesTheCellsText()
    {
        const string html = """
            <table class="govuk-table" id="t"><tr><th>Name</th><th>Note</th></tr>
            <tr><td><a href="/x"><bdi>=HYPERLINK("http://evil")</bdi></a></td><td>-12.5</td></tr>
            <tr><td>@SUM(A1)<span class="govuk-visually-hidden"> hidden words</span></td><td>a, &quot;b&quot; &amp; c</td></tr></table>
            """;
        var csv = PageExport.TableCsv(html, "t")!;
        csv.ShouldBe("Name,Note\r\n\"'=HYPERLINK(\"\"http://evil\"\")\",-12.5\r\n'@SUM(A1),\"a, \"\"b\"\" & c\"\r\n");
        PageExport.TableCsv(html, "other").ShouldBeNull();
    }

    [Fact]
    public async Task MeasureCsv_HoldingNoPeople_IsNotAuditedAsAnExport()
    {
        var client = await _app.ClientAsync(DemoUsers.Analyst);
        var before = await WithDbAsync(db => db.AuditEvents.CountAsync(a => a.EventType == AuditEventType.DataExported));
        var response = await client.GetAsync("/Measures?download=csv&of=phase-limits");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Phase");
        (await WithDbAsync(db => db.AuditEvents.CountAsync(a => a.EventType == AuditEventType.DataExported))).ShouldBe(before);
    }
}
