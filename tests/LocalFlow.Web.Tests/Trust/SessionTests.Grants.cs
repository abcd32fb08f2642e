using System.Net;
using LocalFlow.Data;
using LocalFlow.Data.Entities;
using LocalFlow.Web.Resources;
using LocalFlow.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LocalFlow.Web.Tests.Trust;

/// <summary>
/// Four eyes on access to people (issue 14, item 8): a grant of a role that opens people's records, or of restricted
/// records, waits on the Security page until a second administrator approves it; nobody approves their own.
/// </summary>
public partial class SessionTests
{
    [Fact]
    public async Task AGrantOfAccessToPeople_WaitsForASecondAdministrator_WhoAloneMayApproveIt()
    {
        var northfield = (await NorthfieldAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var (second, secondId) = await NewUserAsync(Roles.Administrator);
        var (_, targetId) = await NewUserAsync();
        var asker = await SignedInAsync(second);

        // The second administrator gives an analyst case work and restricted records: held, not given.
        (await PostAsync(asker, $"/Admin/User/{targetId}", [new("Input.Roles", "Analyst"), new("Input.Roles", "LocalityWorker"), new("Input.Localities", northfield), new("Input.Flags", "restricted")]))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await asker.GetStringAsync($"/Admin/User/{targetId}")).ShouldContain("waits for a second administrator");
        var target = await UserAsync(targetId);
        target.Roles.ShouldBe(Roles.Analyst);
        target.MaySeeRestricted.ShouldBeFalse();
        var grant = await PendingGrantAsync(targetId);

        // ... and themselves case work: held too.
        (await PostAsync(asker, $"/Admin/User/{secondId}", [new("Input.Roles", "Administrator"), new("Input.Roles", "LocalityWorker"), new("Input.Localities", northfield)]))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await UserAsync(secondId)).Roles.ShouldBe(Roles.Administrator);
        var own = await PendingGrantAsync(secondId);

        // They may decide neither.
        var security = await asker.GetStringAsync("/Admin/Security");
        security.ShouldContain("Another administrator must decide");
        var refused = await PostAsync(asker, $"/Admin/Security?handler=Approve&id={grant}", []);
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await refused.Content.ReadAsStringAsync()).ShouldContain(SecurityText.OwnGrant);
        (await PostAsync(asker, $"/Admin/Security?handler=Approve&id={own}", [])).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await UserAsync(targetId)).Roles.ShouldBe(Roles.Analyst);
        (await UserAsync(secondId)).Roles.ShouldBe(Roles.Administrator);

        // Another administrator sees both, approves the one and refuses the other; both decisions are audited.
        var admin = await _app.ClientAsync(DemoUsers.Admin);
        (await admin.GetStringAsync("/Admin/Security")).ShouldContain($"id=\"grant-{grant}\"");
        (await PostAsync(admin, $"/Admin/Security?handler=Approve&id={grant}", [])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await PostAsync(admin, $"/Admin/Security?handler=Refuse&id={own}", [])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        target = await UserAsync(targetId);
        target.Roles.ShouldBe(Roles.Analyst | Roles.LocalityWorker);
        target.MaySeeRestricted.ShouldBeTrue();
        (await UserAsync(secondId)).Roles.ShouldBe(Roles.Administrator);
        var audit = await admin.GetStringAsync("/Admin/Audit");
        audit.ShouldContain("Access to people approved");
        audit.ShouldContain("Access to people refused");
        (await PostAsync(admin, $"/Admin/Security?handler=Approve&id={own}", [])).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await UserAsync(secondId)).Roles.ShouldBe(Roles.Administrator);
    }

    private async Task<HttpClient> SignedInAsync(string user)
    {
        var client = _app.CreateDefaultClient(_app.ClientOptions.BaseAddress, new CookieContainerHandler(new CookieContainer()));
        (await LocalFlowApp.SignInAsync(client, user, Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return client;
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, List<KeyValuePair<string, string>> form)
    {
        form.Add(new("__RequestVerificationToken", await LocalFlowApp.AntiforgeryTokenAsync(client, url.Split('?')[0])));
        return await client.PostAsync(url, new FormUrlEncodedContent(form));
    }

    private async Task<User> UserAsync(int id)
    {
        using var scope = _app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<LocalFlowDb>().Users.AsNoTracking().SingleAsync(u => u.Id == id);
    }

    private async Task<int> PendingGrantAsync(int userId)
    {
        using var scope = _app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<LocalFlowDb>().AccessGrants.Where(g => g.UserId == userId && g.Decision == GrantDecision.Pending).Select(g => g.Id).SingleAsync();
    }
}
