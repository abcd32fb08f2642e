using System.Net;
using LocalFlow.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace LocalFlow.Web.Tests;

/// <summary>The flow study's pages in Welsh (issue 15): each declared translated and showing none of its English; the names of kinds of record and signals in Welsh.</summary>
public partial class WelshTests
{
    /// <summary>
    /// A demo user, a flow page they ask for in Welsh ("{person}" is a demo case history's person, "{record}" their first
    /// record, "{import}" a stored import), the Welsh it must show, and English of that page that must not show.
    /// </summary>
    public static TheoryData<string, string, string, string[]> FlowPages => new()
    {
        { DemoUsers.Study, "/Flow", "Dilynwch alwadau pob person", ["Flow study", "Follow each person", "People with records", "Across everyone", "Case histories", "Search by name", "case history", "Import activity records"] },
        { DemoUsers.Study, "/Flow/Record/{record}", "Yr amser fel y'i rhoddwyd", ["Back to", "'s timeline", "Time as the source gave it", "What the record says", "Did it help?", "Not judged"] },
        { DemoUsers.Study, "/Flow/Judge/{person}", "Barnu'r cofnodion", ["Judge the records", "Read each record", "Helped the person", "What did the chosen records do?", "Approvals (panels", "Note (optional)", "Judge the chosen records", "Not judged", "Judged records by quarter"] },
        { DemoUsers.Study, "/Flow/Person/{person}", "Beth mae'r cofnodion yn ei ddangos", ["Back to the flow study", "What the records show", "Interactions", "Zoom to a year", "Agency and team", "activity records by", "Came back to", "Records by agency", "Each mark is one", "Cumulative cost", "Download the chart as", "Show the data as a table"] },
        { DemoUsers.Study, "/Flow/Cohort", "Cyfrifon y garfan", ["Totals", "Show the cohort", "Anyone with a record from", "People with most records", "Median a person", "everyone with records", "activity records by", "per person", "How many people"] },
        { DemoUsers.Analyst, "/Flow/Cohort?MinRecords=many", "Rhowch y nifer lleiaf o gofnodion fel rhif cyfan", ["Enter the least number", "There is a problem", "Error:", "Totals", "rounded to the nearest 5", "How figures are protected"] },
        { DemoUsers.Study, "/Flow/Signals", "Arwyddion o bob math", ["Failure-demand signals", "Kind of signal", "Show signals", "newest first", "What was found", "Came back to", "Referral ping-pong", "Signals of each kind"] },
        { DemoUsers.Study, "/Flow/Handoffs", "Y llwybrau mwyaf cyffredin", ["Who hands people on", "Between agencies", "Follow a cohort only", "Most common paths", "Share of people", "Hand-offs between", "everyone with records", "Median wait", "Download the chart as", " days"] },
        { DemoUsers.DataOfficer, "/Flow/Imports", "Mewnforion cofnodion gweithgarwch", ["Imports of activity records", "Each file is stored", "Import a file", "Imported by", "Skipped", "Stored", "Undo"] },
        { DemoUsers.DataOfficer, "/Flow/Undo/{import}", "Dadwneud mewnforiad", ["Undo the import", "Source system", "Imported", "will be deleted", "Undo this import", "Cancel", "Back to imports"] },
    };

    [Theory]
    [MemberData(nameof(FlowPages))]
    public async Task AFlowPage_IsAllWelsh(string user, string path, string welsh, string[] english)
    {
        var client = await _app.ClientAsync(user);
        (await client.GetAsync("/Language?to=cy&returnUrl=%2F")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var response = await client.GetAsync(await FlowPathAsync(path));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        ShouldBeAllWelsh(await response.Content.ReadAsStringAsync(), path, welsh, english);
    }

    /// <summary>Judging with no record chosen, in Welsh: the Welsh error, and the Welsh names of the kinds of record beside the boxes.</summary>
    [Fact]
    public async Task JudgingNoRecord_InWelsh_SaysSoInWelsh()
    {
        var client = await _app.ClientAsync(DemoUsers.Study);
        (await client.GetAsync("/Language?to=cy&returnUrl=%2F")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var path = await FlowPathAsync("/Flow/Judge/{person}");
        var response = await client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Judgement"] = "helped",
            ["__RequestVerificationToken"] = await LocalFlowApp.AntiforgeryTokenAsync(client, path),
        }));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        ShouldBeAllWelsh(html, path, "Dewiswch o leiaf un cofnod i'w farnu", ["Choose at least one record", "There is a problem", "Error:"]);
        html.ShouldContain("<title>Gwall: Barnu cofnodion");
        html.ShouldContain("Asesiad", Case.Sensitive, "the kinds of record the app defines have Welsh names");
    }

    private async Task<string> FlowPathAsync(string path)
    {
        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LocalFlow.Data.LocalFlowDb>();
        var person = (await LocalFlow.Data.Flow.FlowQueries.CaseHistoriesAsync(db))[0].PersonId;
        if (path.Contains("{record}", StringComparison.Ordinal))
        {
            path = path.Replace("{record}", db.ActivityRecords.Where(r => r.PersonId == person).OrderBy(r => r.StartUtc).First().Id.ToString(), StringComparison.Ordinal);
        }
        if (path.Contains("{import}", StringComparison.Ordinal))
        {
            var import = db.FlowImports.Where(i => i.LocalityId == db.Localities.Min(l => l.Id)).OrderBy(i => i.ImportedUtc).FirstOrDefault();
            if (import is null)
            {
                import = new LocalFlow.Data.Entities.FlowImport { LocalityId = db.Localities.OrderBy(l => l.Id).First().Id, FileName = "welsh.csv", SourceSystem = "Test", ImportedBy = "dataofficer", ImportedUtc = DateTime.UtcNow };
                db.FlowImports.Add(import);
                await db.SaveChangesAsync();
            }
            path = path.Replace("{import}", import.Id.ToString(), StringComparison.Ordinal);
        }
        return path.Replace("{person}", person.ToString(), StringComparison.Ordinal);
    }
}
