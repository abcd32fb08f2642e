using System.Net;
using System.Text.RegularExpressions;
using LocalFlow.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace LocalFlow.Web.Tests;

public class SmokeTests : IClassFixture<SmokeTests.App>
{
    public sealed class App : IDisposable
    {
        public LocalFlowApp Factory { get; } = new();

        public void Dispose() => Factory.Dispose();
    }

    private readonly LocalFlowApp _app;

    public SmokeTests(App app) => _app = app.Factory;

    [Fact]
    public async Task Home_ExplainsLocalFlow_AndShowsTheDemoLocality()
    {
        var client = await _app.ClientAsync();
        var html = await client.GetStringAsync("/");
        html.ShouldContain("LocalFlow");
        html.ShouldContain("Northfield");
        html.ShouldContain("120 households");
        html.ShouldNotContain("Not built yet");
    }

    [Fact]
    public async Task UnknownRoute_GetsAHelpful404()
    {
        var client = await _app.ClientAsync();
        var response = await client.GetAsync("/no/such/page");
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Page not found");
    }

    [Fact]
    public async Task SignIn_WithAWrongPassword_SaysSo_KeepsTheUserName_AndIsAudited()
    {
        var client = await _app.ClientAsync();
        var response = await LocalFlowApp.SignInAsync(client, "worker", "not the password");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("There is a problem");
        html.ShouldContain("The user name or password is not right");
        html.ShouldContain("value=\"worker\"");
        var admin = await _app.ClientAsync(DemoUsers.Admin);
        (await admin.GetStringAsync("/Admin/Audit?type=SignInFailed")).ShouldContain("Wrong password");
    }

    [Fact]
    public async Task AuditTrail_SaysWhatHappenedInPlainEnglish_NamesRecords_AndComesInPagesOf50()
    {
        await _app.ClientAsync(DemoUsers.Study);
        using (var scope = _app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LocalFlow.Data.LocalFlowDb>();
            var door = db.FrontDoors.OrderBy(f => f.Id).First();
            for (var i = 0; i < 60; i++)
            {
                LocalFlow.Data.Audit.AuditTrail.Add(db, LocalFlow.Data.Audit.AuditEventType.ReferenceDataChanged, LocalFlow.Data.Audit.AuditOperation.Update, "FrontDoor",
                    door.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), door.LocalityId, $"Test change {i}");
            }
            await db.SaveChangesAsync();
        }
        var admin = await _app.FreshSignInAsync(DemoUsers.Admin);
        var html = await admin.GetStringAsync("/Admin/Audit");
        var text = CrawlTests.VisibleText(html);
        text.ShouldContain("Signed in");
        text.ShouldContain("Form on /SignIn");
        text.ShouldNotContain("POST /SignIn");
        text.ShouldNotContain(" SignIn ");
        Regex.IsMatch(text, @"User “[^”]+”").ShouldBeTrue("the user signing in is named");
        text.ShouldContain("Front door “");
        text.ShouldContain("Reference data changed");
        Regex.Matches(html, "<tr class=\"govuk-table__row\">").Count.ShouldBe(51, "50 entries and the header row");
        html.ShouldContain("class=\"govuk-pagination\"");
        html.ShouldContain("href=\"/Admin/Audit?p=2\"");
        var second = await admin.GetStringAsync("/Admin/Audit?p=2");
        second.ShouldContain("aria-current=\"page\">2</a>");
    }

    [Fact]
    public async Task OpenApiDescription_ListsTheApi()
    {
        var client = await _app.ClientAsync(DemoUsers.Analyst);
        var json = await client.GetStringAsync("/api/openapi/v1.json");
        json.ShouldContain("/api/agencies");
        json.ShouldContain("/api/people/{id}");
    }

    [Fact]
    public async Task AdminForm_WithErrors_ShowsTheSummary_AndKeepsWhatWasTyped()
    {
        var client = await _app.ClientAsync(DemoUsers.Admin);
        var token = await LocalFlowApp.AntiforgeryTokenAsync(client, "/Admin/UnitCosts");
        var response = await client.PostAsync("/Admin/UnitCosts", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Description"] = "Night visit <by two staff>",
            ["Input.Amount"] = "a lot",
            ["Input.PriceYear"] = "23",
            ["__RequestVerificationToken"] = token,
        }));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("govuk-error-summary");
        html.ShouldContain("Enter the cost in pounds, like 120.50");
        html.ShouldContain("Enter the price year as 4 digits");
        html.ShouldContain("Choose the agency");
        html.ShouldContain("value=\"Night visit &lt;by two staff&gt;\"");
        html.ShouldContain("value=\"a lot\"");
    }

    [Fact]
    public async Task ChangingAUnitCost_IsSaved_AndAuditedWithOldAndNewValues()
    {
        var admin = await _app.ClientAsync(DemoUsers.Admin);
        int id;
        using (var scope = _app.Services.CreateScope())
        {
            id = scope.ServiceProvider.GetRequiredService<LocalFlow.Data.LocalFlowDb>().UnitCosts.Single(c => c.Description == "GP consultation").Id;
        }
        var token = await LocalFlowApp.AntiforgeryTokenAsync(admin, $"/Admin/UnitCost/{id}");
        var response = await admin.PostAsync($"/Admin/UnitCost/{id}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Description"] = "GP consultation",
            ["Input.Amount"] = "£49.00",
            ["Input.PriceYear"] = "2024",
            ["Input.Source"] = "Practice's own costing, 2024",
            ["__RequestVerificationToken"] = token,
        }));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await admin.GetStringAsync("/Admin/UnitCosts")).ShouldContain("£49.00");
        (await admin.GetStringAsync("/Admin/Audit?type=ReferenceDataChanged")).ShouldContain("GP consultation: £42.00 (2023) → GP consultation: £49.00 (2024)");
    }

    [Fact]
    public async Task OneTimePassword_MustBeChanged_BeforeAnythingElse()
    {
        var admin = await _app.ClientAsync(DemoUsers.Admin);
        var token = await LocalFlowApp.AntiforgeryTokenAsync(admin, "/Admin/Users");
        var name = "newcomer" + Guid.NewGuid().ToString("N")[..6];
        var created = await admin.PostAsync("/Admin/Users", new FormUrlEncodedContent(new List<KeyValuePair<string, string>>
        {
            new("Input.UserName", name),
            new("Input.DisplayName", "New Comer"),
            new("Input.Roles", "Analyst"),
            new("__RequestVerificationToken", token),
        }));
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await admin.GetStringAsync("/Admin/Users");
        var oneTime = System.Text.RegularExpressions.Regex.Match(page, @"<strong>([A-Za-z0-9]{5}-[A-Za-z0-9]{5}-[A-Za-z0-9]{5}-[A-Za-z0-9]{5})</strong>").Groups[1].Value;
        oneTime.ShouldNotBeNullOrEmpty();

        var client = await _app.ClientAsync();
        (await LocalFlowApp.SignInAsync(client, name, oneTime)).Headers.Location!.ToString().ShouldBe("/Account/ChangePassword");
        var blocked = await client.GetAsync("/Measures");
        blocked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        blocked.Headers.Location!.ToString().ShouldBe("/Account/ChangePassword");
        var t2 = await LocalFlowApp.AntiforgeryTokenAsync(client, "/Account/ChangePassword");
        var changed = await client.PostAsync("/Account/ChangePassword", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Current"] = oneTime,
            ["NewPassword"] = "correct horse battery staple",
            ["Confirm"] = "correct horse battery staple",
            ["__RequestVerificationToken"] = t2,
        }));
        changed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.GetAsync("/Measures")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task PersonPage_IsAudited_AndRestrictedAddressesStayHidden()
    {
        var worker = await _app.ClientAsync(DemoUsers.Worker);
        var api = await worker.GetStringAsync("/api/people/" + await RestrictedPersonIdAsync());
        api.ShouldContain("\"restricted\":true");
        api.ShouldContain("\"address\":null");
        var admin = await _app.ClientAsync(DemoUsers.Admin);
        var audit = await admin.GetStringAsync("/Admin/Audit?type=PersonRead");
        audit.ShouldContain("Restricted record: address hidden");
        audit.ShouldContain("GET /api/people/");
    }

    private async Task<string> RestrictedPersonIdAsync()
    {
        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LocalFlow.Data.LocalFlowDb>();
        var household = db.Households.FirstOrDefault(h => h.Restricted);
        if (household is null)
        {
            // Small demos may have no restricted household: make one, as a data officer would.
            household = db.Households.OrderBy(h => h.Postcode).First();
            household.Restricted = true;
            foreach (var p in db.People.Where(p => p.HouseholdId == household.Id))
            {
                p.Restricted = true;
            }
            await db.SaveChangesAsync();
        }
        return db.People.First(p => p.HouseholdId == household.Id).Id.ToString();
    }
}
