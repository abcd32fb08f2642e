using System.Net;
using LocalFlow.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

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
        { DemoUsers.Admin, "/Admin", "Data cyfeirio y mae pob rhan", ["Administration", "Reference data", "Localities", "Agencies and teams", "Front doors", "Unit costs", "Sign-ins", "Audit trail", "entries", "waiting"] },
        { DemoUsers.Admin, "/Admin/Users", "Cyfrifon mewngofnodi", ["Sign-ins", "accounts", "User name", "Roles", "Status", "Active", "Add a sign-in", "Full name"] },
        { DemoUsers.Admin, "/Admin/User/{admin}", "Ardaloedd y cânt weld eu data", ["Back to sign-ins", "Roles", "Localities whose data", "Agencies they belong to", "Special permissions", "Save changes", "Reset password"] },
        { DemoUsers.Admin, "/Admin/Agencies", "Asiantaethau sy'n gwasanaethu'r ardal", ["Agencies and teams", "Agencies serving", "Kind", "Add an agency", "Short name", "Kind of agency"] },
        { DemoUsers.Admin, "/Admin/Agency/{agency}", "Ychwanegu tîm", ["Back to agencies", "Short name", "Save name", "Teams", "Add a team", "For example"] },
        { DemoUsers.Admin, "/Admin/FrontDoors", "Pob man lle mae galw'n dod i mewn", ["Front doors", "Every place demand", "Channel", "Add a front door"] },
        { DemoUsers.Admin, "/Admin/Locality", "Ychwanegu stryd", ["Localities", "streets in", "Town", "Postcodes", "Add a street", "Add a locality", "Description"] },
        { DemoUsers.Admin, "/Admin/Workers", "Dangos gweithwyr", ["Workers", "Staff and volunteers", "Show workers of", "All agencies", "Job title", "Add a worker"] },
        { DemoUsers.Admin, "/Admin/UnitCosts", "Ychwanegu cost uned", ["Unit costs", "What one unit", "Price year", "Add a unit cost", "Cost in pounds"] },
        { DemoUsers.Admin, "/Admin/UnitCost/{cost}", "Newid cost uned", ["Change a unit cost", "Back to unit costs", "Description", "Cost in pounds", "Price year", "Save changes"] },
        { DemoUsers.Admin, "/Admin/PriceIndex", "Mynegai prisiau", ["Price index", "One number for each year", "Add or change a year", "Save year", "in the index"] },
        { DemoUsers.Admin, "/Admin/Retention", "Cadw cofnodion", ["Retention", "How long each kind", "Kind of record", "Kept for", "Set a rule", "Years to keep", "Save rule", "Audit entries", "No rule"] },
        { DemoUsers.Admin, "/Admin/Security", "Dim ond pan fydd ail weinyddwr", ["Security", "Access to people's records", "grant", "Latest decisions", "Approved by", "Asked for by"] },
        { DemoUsers.Admin, "/Admin/Sharing", "Cytundebau rhannu data", ["Data sharing agreements", "A user always sees", "Agreements", "Lawful basis", "In force", "Make an agreement", "Purposes", "Save agreement", "Day", "Month"] },
        { DemoUsers.DataOfficer, "/Linking/Review", "Adolygu parau", ["Review pairs", "Back to linking records", "Each pair scored", "decided so far", "pairs waiting", "First record", "Match weight", "cluster flagged"] },
        { DemoUsers.DataOfficer, "/Linking/Pair/{pair}", "Ai'r un unigolyn yw'r rhain?", ["Are these the same person?", "Back to the review queue", "side by side", "Your decision", "Same person: link them", "Save decision"] },
        { DemoUsers.Analyst, "/Help/flow", "Sut i'w ddefnyddio", ["What it is for", "How to use it", "The cohort page sums", "All help pages", "Go to flow"] },
        { DemoUsers.Admin, "/Admin/Audit?p=2", "Pob tro y caiff data personol", ["Audit trail", "Every read and change", "User name", "What happened", "Anything", "matching entries", "Signed in", "Page /", "Every entry for it", "Previous", "Next"] },
    };

    [Theory]
    [MemberData(nameof(AdminAreaPages))]
    public async Task AnAdminAreaPage_IsAllWelsh(string user, string path, string welsh, string[] english)
    {
        var (person, _, _) = TeamWorksWith(_app);
        var client = await _app.ClientAsync(user);
        (await client.GetAsync("/Language?to=cy&returnUrl=%2F")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        if (path.Contains("{pair}", StringComparison.Ordinal))
        {
            using var scope = _app.Services.CreateScope();
            path = path.Replace("{pair}", (await LinkingData.AnyReviewAsync(scope.ServiceProvider.GetRequiredService<LocalFlow.Data.LocalFlowDb>())).ToString(), StringComparison.Ordinal);
        }
        var response = await client.GetAsync(path.Replace("{person}", person.ToString(), StringComparison.Ordinal)
            .Replace("{admin}", path.Contains("{admin}", StringComparison.Ordinal) ? Id(db => db.Users.Where(u => u.UserName == DemoUsers.Admin).Select(u => u.Id)) : "", StringComparison.Ordinal)
            .Replace("{agency}", path.Contains("{agency}", StringComparison.Ordinal) ? Id(db => db.Agencies.Select(a => a.Id)) : "", StringComparison.Ordinal)
            .Replace("{cost}", path.Contains("{cost}", StringComparison.Ordinal) ? Id(db => db.UnitCosts.Select(c => c.Id)) : "", StringComparison.Ordinal));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        ShouldBeAllWelsh(await response.Content.ReadAsStringAsync(), path, welsh, english);
    }

    /// <summary>The smallest id a query of the demo's database gives.</summary>
    private string Id(Func<LocalFlow.Data.LocalFlowDb, IQueryable<int>> ids)
    {
        using var scope = _app.Services.CreateScope();
        return ids(scope.ServiceProvider.GetRequiredService<LocalFlow.Data.LocalFlowDb>()).Min().ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A unit cost with no amount, posted in Welsh, is refused in Welsh, keeping what was typed.</summary>
    [Fact]
    public async Task AUnitCostWithNoAmount_InWelsh_IsRefusedInWelsh()
    {
        var client = await _app.ClientAsync(DemoUsers.Admin);
        (await client.GetAsync("/Language?to=cy&returnUrl=%2F")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var token = await LocalFlowApp.AntiforgeryTokenAsync(client, "/Admin/UnitCosts");
        var response = await client.PostAsync("/Admin/UnitCosts", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.Description"] = "Ymweliad prawf Cymraeg",
            ["Input.Amount"] = "",
        }));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        ShouldBeAllWelsh(html, "/Admin/UnitCosts (no amount)", "Rhowch y gost mewn punnoedd", ["Enter the cost in pounds", "Choose the agency", "There is a problem", "Error:"]);
        html.ShouldContain("value=\"Ymweliad prawf Cymraeg\"");
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
