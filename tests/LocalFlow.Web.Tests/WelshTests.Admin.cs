using System.Net;
using LocalFlow.Web.Tests.Support;

namespace LocalFlow.Web.Tests;

/// <summary>
/// The last locality pages (the picture and its rules, a person's records across agencies, subject access), linking,
/// administration and a help topic in Welsh (issue 15): each declared translated and showing none of its English.
/// </summary>
public partial class WelshTests
{
    /// <summary>
    /// A demo user who may see the page, the page asked for in Welsh ("{person}" stands for a demo person the team works
    /// with), the Welsh it must show, and English of that page that must not show.
    /// </summary>
    public static TheoryData<string, string, string, string[]> AdminAreaPages => new()
    {
        { DemoUsers.Worker, "/Locality/Picture", "Darlun o'r ardal yw haen", ["Locality picture and tiers", "In brief", "The flags", "Households by flag", "Street by street", "Postcode by postcode", "Households with flags", "Place a household", "Save the tier", "Tier and why"] },
        { DemoUsers.Analyst, "/Locality/PictureRules", "Rheolau baneri a rheol haenau", ["Flag rules", "Add a flag rule", "Name of the flag", "Any record with", "Tier rule", "Flags, or more", "Everyone else", "Save the tier rule"] },
        { DemoUsers.Worker, "/Locality/Records/{person}", "Cofnodion ar draws asiantaethau", ["Records across agencies", "Back to", "Every view is kept", "You work with them", "Cost of what was done", "Timeline", "Cumulative cost"] },
        { DemoUsers.DataOfficer, "/Locality/Person/{person}/SubjectAccess", "Popeth a gedwir am", ["Everything held about", "Subject access", "Made on", "Download as JSON", "Print this page", "Erase this person", "Why they are erased"] },
    };

    [Theory]
    [MemberData(nameof(AdminAreaPages))]
    public async Task AnAdminAreaPage_IsAllWelsh(string user, string path, string welsh, string[] english)
    {
        var (person, _, _) = TeamWorksWith(_app);
        var client = await _app.ClientAsync(user);
        (await client.GetAsync("/Language?to=cy&returnUrl=%2F")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var response = await client.GetAsync(path.Replace("{person}", person.ToString(), StringComparison.Ordinal));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        ShouldBeAllWelsh(await response.Content.ReadAsStringAsync(), path, welsh, english);
    }

    /// <summary>A flag rule with no name, posted in Welsh, is refused in Welsh, keeping what was typed.</summary>
    [Fact]
    public async Task AFlagRuleWithNoName_InWelsh_IsRefusedInWelsh()
    {
        var client = await _app.ClientAsync(DemoUsers.Analyst);
        (await client.GetAsync("/Language?to=cy&returnUrl=%2F")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var token = await LocalFlowApp.AntiforgeryTokenAsync(client, "/Locality/PictureRules");
        var response = await client.PostAsync("/Locality/PictureRules?handler=Add", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Rule.Name"] = "",
            ["Rule.Agency"] = "Heddlu Welsh test",
        }));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        ShouldBeAllWelsh(html, "/Locality/PictureRules (no name)", "Rhowch enw'r faner", ["Enter the flag's name", "There is a problem", "Error:"]);
        html.ShouldContain("value=\"Heddlu Welsh test\"");
    }
}
