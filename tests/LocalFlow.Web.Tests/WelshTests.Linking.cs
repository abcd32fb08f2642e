using System.Net;
using LocalFlow.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace LocalFlow.Web.Tests;

/// <summary>
/// The last linking pages (the landing page, a run, a person's records, bringing in an agency's records, who a demand
/// came from) and the flow import page in Welsh (issue 15): each declared translated and showing none of its English.
/// </summary>
public partial class WelshTests
{
    /// <summary>
    /// A demo user who may see the page, the page asked for in Welsh ("{run}" stands for the demo's latest linking run,
    /// "{person}" for a demo person the team works with, "{demand}" for a demo demand), the Welsh it must show, and
    /// English of that page that must not show.
    /// </summary>
    public static TheoryData<string, string, string, string[]> LinkingPages => new()
    {
        { DemoUsers.DataOfficer, "/Linking", "Beth na all cysylltu ei addo", ["Linking records", "pairs waiting", "people known", "Bring in an agency", "Link records now", "Systems", "Quality of the latest run", "Estimated precision", "Pairs per weight band", "Recent runs", "What linking cannot promise", "Finished"] },
        { DemoUsers.DataOfficer, "/Linking/Run/{run}", "Mae cysylltu wedi gorffen", ["Linking run started", "Back to linking records", "Linking finished", " into ", " linked", "flagged", "for review"] },
        { DemoUsers.DataOfficer, "/Linking/Person/{person}", "Cysylltu cofnod asiantaeth arall", ["Agencies' records for", "Back to", "Linking found these", "System and record", "Date of birth", "Unlink a record", "Which record is not", "Link another agency", "Find a record", "Search"] },
        { DemoUsers.DataOfficer, "/Linking/Import", "O ba system y daw?", ["Bring in an agency", "Back to linking", "Upload one system", "Which system", "Which agency holds", "Not said", "The extract", "Check the file"] },
        { DemoUsers.DataOfficer, "/Linking/Demand/{demand}", "Gan bwy y daeth galw", ["Who a demand came from", "Back", "A demand heard", "Received", "Front door", "Linked person", "Who the front door", "Given names", "Phone number", "Save the details", "Find a person", "Search"] },
        { DemoUsers.DataOfficer, "/Flow/Import", "Mewnforio cofnodion gweithgarwch", ["Import activity records", "Back to imports", "Bring an agency", "People are found", "Whose records", "File", "up to", "Upload"] },
    };

    [Theory]
    [MemberData(nameof(LinkingPages))]
    public async Task ALinkingPage_IsAllWelsh(string user, string path, string welsh, string[] english)
    {
        var (person, _, _) = TeamWorksWith(_app);
        path = path.Replace("{person}", person.ToString(), StringComparison.Ordinal);
        if (path.Contains("{run}", StringComparison.Ordinal))
        {
            path = path.Replace("{run}", Id(db => db.LinkRuns.Where(r => r.Status == LocalFlow.Data.Entities.LinkRunStatus.Finished).Select(r => r.Id)), StringComparison.Ordinal);
        }
        if (path.Contains("{demand}", StringComparison.Ordinal))
        {
            using var scope = _app.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<LocalFlow.Data.LocalFlowDb>();
            path = path.Replace("{demand}", db.Demands.OrderBy(d => d.ReceivedAt).ThenBy(d => d.Id).Select(d => d.Id).First().ToString(), StringComparison.Ordinal);
        }
        await AskedInWelsh_IsAllWelshAsync(user, path, welsh, english);
    }

    /// <summary>An agency's extract with no system named and no file, posted in Welsh, is refused in Welsh and nothing is stored.</summary>
    [Fact]
    public async Task BringingInNoExtract_InWelsh_IsRefusedInWelsh()
    {
        var client = await WelshClientAsync(DemoUsers.DataOfficer);
        var token = await LocalFlowApp.AntiforgeryTokenAsync(client, "/Linking/Import");
        var response = await client.PostAsync("/Linking/Import?handler=Upload", new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { new StringContent(""), "Source" } });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        ShouldBeAllWelsh(html, "/Linking/Import (nothing)", "Dewiswch y dyfyniad: ffeil CSV gyda rhes pennawd", ["Choose the extract", "Name the system", "There is a problem", "Error:"]);
        html.ShouldContain("Rhowch enw&#x27;r system y daw&#x27;r dyfyniad ohoni");
        html.ShouldNotContain("id=\"preview-summary\"");
    }

    /// <summary>
    /// The flow import in Welsh: a file with no agency and nothing chosen is refused in Welsh; a police extract's
    /// columns are chosen on a Welsh page, and its preview (nothing stored) is Welsh but for the readers' own problems,
    /// which are marked as English.
    /// </summary>
    [Fact]
    public async Task ImportingActivityRecords_InWelsh_IsInWelsh_ItsRefusalsToo()
    {
        var client = await WelshClientAsync(DemoUsers.DataOfficer);
        var refused = await Flow.FlowImportPagesTests.UploadAsync(client, null, "dim.txt", "");
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        ShouldBeAllWelsh(await refused.Content.ReadAsStringAsync(), "/Flow/Import (nothing)", "Dewiswch yr asiantaeth y mae'r cofnodion hyn yn perthyn iddi", ["Choose the agency", "Choose a file", "There is a problem", "Error:"]);

        using (var scope = _app.Services.CreateScope())
        {
            var police = scope.ServiceProvider.GetRequiredService<LocalFlow.Data.LocalFlowDb>().Agencies.Single(a => a.ShortName == "Police").Id;
            var upload = await Flow.FlowImportPagesTests.UploadAsync(client, police, "heddlu.csv", "Ref,Subject,Occurred,Type,Outcome\nCY-1,NP-NEB,2025-06-01 22:15,INC,Galwad\n");
            upload.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            var mapPage = upload.Headers.Location!.ToString();
            ShouldBeAllWelsh(await client.GetStringAsync(mapPage), "/Flow/Import (columns)", "Pa golofn yw pa un?", ["Which column is which", "The file's first rows", "Kind of activity", "(optional)", "Not in the file", "Time zone", "Source system", "Preview"]);
            var file = System.Text.RegularExpressions.Regex.Match(mapPage, "file=([0-9a-f-]+)").Groups[1].Value;
            var preview = await (await Flow.FlowImportPagesTests.PostFormAsync(client, mapPage, "/Flow/Import?handler=Preview", Flow.FlowImportPagesTests.PoliceMap(file))).Content.ReadAsStringAsync();
            ShouldBeAllWelsh(preview, "/Flow/Import (preview)", "Rhesi a ddarllenwyd", ["Rows read", "Ready to store", "With errors", "Nothing in this file"]);
            preview.ShouldContain("lang=\"en-GB\">no identity has the id");
        }
    }
}
