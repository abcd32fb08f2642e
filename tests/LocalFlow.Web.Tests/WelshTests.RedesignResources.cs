using System.Net;
using LocalFlow.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LocalFlow.Web.Tests;

/// <summary>
/// The resource side of the redesign programme in Welsh (issue 15): the resource database, money, buildings, workforce
/// gaps, import, needs, groups and members, each declared translated and showing none of its English.
/// </summary>
public partial class WelshTests
{
    /// <summary>
    /// A demo user who may see the page, the page asked for in Welsh ("{need}" and "{group}" stand for the demo's first
    /// need and group), the Welsh it must show, and English of that page that must not show.
    /// </summary>
    public static TheoryData<string, string, string, string[]> RedesignResourcePages => new()
    {
        { DemoUsers.Commissioner, "/Redesign/Gap", "Ychwanegu'r hyn sydd ar goll yn y gweithlu", ["Add what the workforce is missing", "The skill that is missing", "How many people", "Whole-time", "Save"] },
        { DemoUsers.Commissioner, "/Redesign/Resources", "Cronfa ddata adnoddau", ["Resource database", "Money by partner", "Buildings and assets", "What is missing", "Add a line of money", "Download the money as CSV", "Citizens put in", "Workforce"] },
        { DemoUsers.Commissioner, "/Redesign/Money", "Ychwanegu llinell o arian", ["Add a line of money", "Amount in pounds", "How often it is spent", "Every year", "Price year"] },
        { DemoUsers.Commissioner, "/Redesign/Building", "Ychwanegu adeilad neu ased", ["Add a building or asset", "Whose it is", "Opening hours", "How many people it holds"] },
        { DemoUsers.Commissioner, "/Redesign/ImportResources", "Mewnforio adnoddau o ffeil CSV", ["Import resources from a CSV file", "What the file holds", "The file replaces", "CSV file"] },
        { DemoUsers.Citizen, "/Redesign/Needs", "Cronfa ddata anghenion", ["Needs database", "communities' needs", "all needs", "Record a need", "raised from it"] },
        { DemoUsers.Citizen, "/Redesign/Need/{need}", "Tystiolaeth", ["All needs", "Commissioning questions raised from it", "Raise a commissioning question", "Change or remove this need"] },
        { DemoUsers.Citizen, "/Redesign/NewNeed", "Cofnodi angen", ["Record a need", "Whose need it is", "What it rests on", "The evidence in words"] },
        { DemoUsers.Steering, "/Redesign/Groups", "Grwpiau comisiynu", ["Commissioning groups", "Add a commissioning group", "Staff or citizen", "Where they come from", "assigned to this group"] },
        { DemoUsers.Steering, "/Redesign/Group/{group}", "Newid grŵp comisiynu", ["Change a commissioning group", "Whose lives and which services", "Back to the commissioning groups"] },
        { DemoUsers.Steering, "/Redesign/Member/{group}", "Ychwanegu aelod", ["Add a member", "Staff or citizen", "The agency or community", "Remove from the group"] },
    };

    [Theory]
    [MemberData(nameof(RedesignResourcePages))]
    public async Task ARedesignResourcePage_IsAllWelsh(string user, string path, string welsh, string[] english)
    {
        using (var scope = _app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LocalFlow.Data.LocalFlowDb>();
            var locality = await db.Localities.MinAsync(l => l.Id);
            var need = await db.Needs.Where(n => n.LocalityId == locality).OrderBy(n => n.Title).Select(n => n.Id).FirstAsync();
            var group = await db.CommissioningGroups.Where(g => g.LocalityId == locality).MinAsync(g => g.Id);
            path = path.Replace("{need}", need.ToString(), StringComparison.Ordinal)
                .Replace("{group}", group.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }
        var client = await _app.ClientAsync(user);
        (await client.GetAsync("/Language?to=cy&returnUrl=%2F")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var response = await client.GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        ShouldBeAllWelsh(await response.Content.ReadAsStringAsync(), path, welsh, english);
    }

    /// <summary>A workforce gap with people in words, posted in Welsh, is refused in Welsh, keeping what was typed.</summary>
    [Fact]
    public async Task AWorkforceGapWithPeopleInWords_InWelsh_IsRefusedInWelsh()
    {
        var client = await _app.ClientAsync(DemoUsers.Commissioner);
        (await client.GetAsync("/Language?to=cy&returnUrl=%2F")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var token = await LocalFlowApp.AntiforgeryTokenAsync(client, "/Redesign/Gap");
        var response = await client.PostAsync("/Redesign/Gap", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.Skill"] = "Therapyddion lleferydd",
            ["Input.People"] = "dau",
            ["Input.Version"] = "0",
        }));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        ShouldBeAllWelsh(html, "/Redesign/Gap (people in words)", "Rhaid i nifer y bobl fod yn rhif cyfan o 1 i 10,000", ["How many people must be", "There is a problem", "Error:"]);
        html.ShouldContain("value=\"Therapyddion lleferydd\"");
    }
}
