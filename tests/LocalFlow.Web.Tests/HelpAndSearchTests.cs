using System.Net;
using LocalFlow.Data;
using LocalFlow.Data.Audit;
using LocalFlow.Web.Pages.Help;
using LocalFlow.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LocalFlow.Web.Tests;

/// <summary>The help pages show the definitions written in docs/, and the search in the header finds only what the user may see.</summary>
public class HelpAndSearchTests(HelpAndSearchTests.App app) : IClassFixture<HelpAndSearchTests.App>
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

    private static string RepoFile(string relative)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "LocalFlow.slnx")))
        {
            dir = dir.Parent;
        }
        return File.ReadAllText(Path.Combine(dir!.FullName, relative));
    }

    [Fact]
    public async Task EveryHelpPage_ShowsItsDefinitions_FromDocs_WithoutNamesOfCodeOrFiles()
    {
        var client = await _app.ClientAsync(DemoUsers.Analyst);
        foreach (var topic in HelpTopics.All)
        {
            var html = WebUtility.HtmlDecode(await client.GetStringAsync("/Help/" + topic.Slug));
            html.ShouldContain(topic.Purpose);
            html.ShouldNotContain("src/");
            html.ShouldNotContain(".md");
            html.ShouldNotContain("`");
            foreach (var d in topic.Definitions)
            {
                var section = DocsDefinitions.Section(d.File, d.Heading);
                (section.Contains("<li", StringComparison.Ordinal) || section.Contains("<tr", StringComparison.Ordinal)).ShouldBeTrue($"{d.File}: {d.Heading} has definitions");
                html.ShouldContain(WebUtility.HtmlDecode(section));
            }
        }
        var flow = WebUtility.HtmlDecode(await client.GetStringAsync("/Help/flow"));
        // The words of docs/flow-study.md's table of counts, not a copy typed into the help page.
        RepoFile("docs/flow-study.md").ShouldContain("| assess–do–refer cycles | an assessment followed by a referral");
        flow.ShouldContain("<td class=\"govuk-table__cell\">assess–do–refer cycles</td>");
        flow.ShouldContain("an assessment followed by a referral (by any agency)");
        flow.ShouldNotContain("PersonFigures");
        (await client.GetAsync("/Help/nothing-here")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task EachCapabilitysPages_LinkToItsHelp_AndTheHelpLinksBackOnlyWhenAllowed()
    {
        var study = await _app.ClientAsync(DemoUsers.Study);
        (await study.GetStringAsync("/Flow/Cohort")).ShouldContain("href=\"/Help/flow\"");
        (await study.GetStringAsync("/Conditions")).ShouldContain("href=\"/Help/conditions\"");
        (await study.GetStringAsync("/Help/flow")).ShouldContain("id=\"open-capability\"");
        // A study team member may not open linking, so its help page does not link there.
        (await study.GetStringAsync("/Help/linking")).ShouldNotContain("id=\"open-capability\"");
    }

    [Fact]
    public async Task Search_FindsPeopleTheUserMaySee_NeverARestrictedPerson_AndAuditsIt()
    {
        var (visible, restricted) = await WithDbAsync(async db =>
        {
            var people = await db.People.Where(p => !p.Restricted && (p.Household == null || !p.Household.Restricted)).OrderBy(p => p.FamilyName).Take(2).ToListAsync();
            people[1].Restricted = true;
            await db.SaveChangesAsync();
            return (people[0], people[1]);
        });
        try
        {
            var study = await _app.ClientAsync(DemoUsers.Study);
            var html = await study.GetStringAsync("/Search?q=" + Uri.EscapeDataString(visible.FamilyName.ToUpperInvariant()));
            html.ShouldContain($"href=\"/Flow/Person/{visible.Id}\"");
            (await WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.EventType == AuditEventType.PersonalDataListed && a.UserName == "study" && a.Detail!.StartsWith("Site search")))).ShouldBeTrue();
            // The administrator reads the audit trail, not what was searched for (issue 14).
            var audit = WebUtility.HtmlDecode(await (await _app.ClientAsync(DemoUsers.Admin)).GetStringAsync("/Admin/Audit?type=PersonalDataListed"));
            audit.ShouldContain("Site search (a search of 1 word)");
            audit.ShouldNotContain(visible.FamilyName.ToUpperInvariant());

            var hidden = await study.GetStringAsync("/Search?q=" + Uri.EscapeDataString(restricted.GivenName + " " + restricted.FamilyName));
            hidden.ShouldNotContain(restricted.Id.ToString());
            WebUtility.HtmlDecode(hidden).ShouldNotContain($">{restricted.GivenName} {restricted.FamilyName}<");

            // A worker reaches people through the locality pages.
            var worker = await _app.ClientAsync(DemoUsers.Worker);
            (await worker.GetStringAsync("/Search?q=" + Uri.EscapeDataString(visible.FamilyName))).ShouldContain($"href=\"/Locality/Person/{visible.Id}\"");

            // An analyst may not see people at all.
            var analyst = await _app.ClientAsync(DemoUsers.Analyst);
            var before = await WithDbAsync(db => db.AuditEvents.CountAsync(a => a.UserName == "analyst" && a.EventType == AuditEventType.PersonalDataListed));
            (await analyst.GetStringAsync("/Search?q=" + Uri.EscapeDataString(visible.FamilyName))).ShouldNotContain(visible.Id.ToString());
            (await WithDbAsync(db => db.AuditEvents.CountAsync(a => a.UserName == "analyst" && a.EventType == AuditEventType.PersonalDataListed))).ShouldBe(before);
        }
        finally
        {
            await WithDbAsync(async db =>
            {
                (await db.People.SingleAsync(p => p.Id == restricted.Id)).Restricted = false;
                return await db.SaveChangesAsync();
            });
        }
    }

    [Fact]
    public async Task Search_FindsStudiesTypesAndConditions_LinkingOnlyToPagesTheUserMayOpen()
    {
        var (study, type, condition) = await WithDbAsync(async db => (
            await db.DemandStudies.OrderBy(s => s.Id).FirstAsync(),
            await db.DemandTypes.Where(t => t.MergedIntoId == null).OrderBy(t => t.Id).FirstAsync(),
            await db.SystemConditions.OrderBy(c => c.Title).FirstAsync()));

        var team = await _app.ClientAsync(DemoUsers.Study);
        (await team.GetStringAsync("/Search?q=" + Uri.EscapeDataString(study.Service))).ShouldContain($"href=\"/Demand/Analysis/{study.Id}\"");
        (await team.GetStringAsync("/Search?q=" + Uri.EscapeDataString(type.Name))).ShouldContain($"href=\"/Demand/Type/{type.StudyId}/{type.Id}\"");
        (await team.GetStringAsync("/Search?q=" + Uri.EscapeDataString(condition.Title))).ShouldContain($"href=\"/Conditions/Condition/{condition.Id}\"");

        // A locality worker sees the board, not the analysis, and no types or conditions.
        var worker = await _app.ClientAsync(DemoUsers.Worker);
        var html = await worker.GetStringAsync("/Search?q=" + Uri.EscapeDataString(study.Service));
        html.ShouldContain($"href=\"/Demand/Board/{study.Id}\"");
        html.ShouldNotContain("/Demand/Analysis/");
        (await worker.GetStringAsync("/Search?q=" + Uri.EscapeDataString(condition.Title))).ShouldNotContain("/Conditions/Condition/");
    }

    [Fact]
    public async Task Search_WithOneLetter_SaysWhatIsWrong_AndKeepsWhatWasTyped()
    {
        var client = await _app.ClientAsync(DemoUsers.Study);
        var html = await client.GetStringAsync("/Search?q=x");
        html.ShouldContain("govuk-error-summary");
        html.ShouldContain("Enter at least 2 characters to search for");
        html.ShouldContain("value=\"x\"");
    }
}
