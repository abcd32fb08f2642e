using System.Net;
using LocalFlow.Data;
using LocalFlow.Data.Entities;
using LocalFlow.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LocalFlow.Web.Tests.Trust;

/// <summary>
/// Sessions end (issue 14, item 3): a copy of a session's cookie, taken as an attacker would, stops working on the next
/// request after sign-out, disabling or a change of role. Each test signs in a user of its own, so the demo users'
/// shared sign-ins stay open.
/// </summary>
public partial class SessionTests(SmokeTests.App app) : IClassFixture<SmokeTests.App>
{
    private const string Password = "a long test pass phrase 42";
    private readonly LocalFlowApp _app = app.Factory;

    [Fact]
    public async Task ACapturedCookie_IsRefused_AfterSignOut()
    {
        var (user, _) = await NewUserAsync();
        var (client, captured) = await SignInTwiceAsync(user);
        (await captured.GetAsync("/Measures")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var token = await LocalFlowApp.AntiforgeryTokenAsync(client, "/Measures");
        (await client.PostAsync("/SignOut", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }))).StatusCode.ShouldBe(HttpStatusCode.OK);

        ShouldBeSentToSignIn(await captured.GetAsync("/Measures"));
        (await captured.GetAsync("/api/demand/studies")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("disable")]
    [InlineData("role")]
    [InlineData("locality")]
    public async Task AnOpenSession_Ends_WhenAnAdministratorDisablesTheUser_OrChangesTheirAccess(string change)
    {
        var (user, id) = await NewUserAsync();
        var (_, captured) = await SignInTwiceAsync(user);
        (await captured.GetAsync("/Measures")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var admin = await _app.ClientAsync(DemoUsers.Admin);
        var token = await LocalFlowApp.AntiforgeryTokenAsync(admin, $"/Admin/User/{id}");
        var form = new List<KeyValuePair<string, string>>
        {
            new("Input.Roles", change == "role" ? "Commissioner" : "Analyst"),
            new("__RequestVerificationToken", token),
        };
        if (change != "locality")
        {
            form.Add(new("Input.Localities", (await NorthfieldAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        if (change == "disable")
        {
            form.Add(new("Input.Flags", "disabled"));
        }
        (await admin.PostAsync($"/Admin/User/{id}", new FormUrlEncodedContent(form))).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        ShouldBeSentToSignIn(await captured.GetAsync("/Measures"));
        // the administrator's own session is untouched
        (await admin.GetAsync("/Admin/Users")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task SavingAUserWithoutChangingTheirAccess_KeepsTheirSessionOpen()
    {
        var (user, id) = await NewUserAsync();
        var (_, captured) = await SignInTwiceAsync(user);
        var admin = await _app.ClientAsync(DemoUsers.Admin);
        var token = await LocalFlowApp.AntiforgeryTokenAsync(admin, $"/Admin/User/{id}");
        (await admin.PostAsync($"/Admin/User/{id}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Roles"] = "Analyst",
            ["Input.Localities"] = (await NorthfieldAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["__RequestVerificationToken"] = token,
        }))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await captured.GetAsync("/Measures")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task TenWrongPasswords_LockTheAccount_SoEvenTheRightOneIsRefused_AndTheFormKeepsTheName()
    {
        var (user, _) = await NewUserAsync();
        var client = await _app.ClientAsync();
        for (var i = 0; i < 10; i++)
        {
            (await LocalFlowApp.SignInAsync(client, user, "not the password " + i)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        var locked = await LocalFlowApp.SignInAsync(client, user, Password);
        locked.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await locked.Content.ReadAsStringAsync();
        html.ShouldContain("This account is locked after too many wrong passwords. Try again in 1 minutes");
        html.ShouldContain($"value=\"{user}\"");
        var admin = await _app.ClientAsync(DemoUsers.Admin);
        (await admin.GetStringAsync("/Admin/Audit?type=SignInFailed")).ShouldContain("Account locked after repeated wrong passwords");
    }

    private static void ShouldBeSentToSignIn(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.AbsolutePath.ShouldBe("/SignIn");
    }

    /// <summary>Signs in through the sign-in page, and returns that client and a second one holding a copy of its cookies.</summary>
    private async Task<(HttpClient Client, HttpClient Captured)> SignInTwiceAsync(string user)
    {
        var jar = new CookieContainer();
        var client = _app.CreateDefaultClient(_app.ClientOptions.BaseAddress, new CookieContainerHandler(jar));
        (await LocalFlowApp.SignInAsync(client, user, Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var copy = new CookieContainer();
        foreach (Cookie c in jar.GetCookies(_app.ClientOptions.BaseAddress))
        {
            copy.Add(new Cookie(c.Name, c.Value, c.Path, c.Domain));
        }
        return (client, _app.CreateDefaultClient(_app.ClientOptions.BaseAddress, new CookieContainerHandler(copy)));
    }

    private async Task<int> NorthfieldAsync()
    {
        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LocalFlowDb>();
        return await db.Localities.OrderBy(l => l.Id).Select(l => l.Id).FirstAsync();
    }

    /// <summary>A user in Northfield (an analyst unless told) with a known password, made as an administrator would.</summary>
    private async Task<(string Name, int Id)> NewUserAsync(Roles roles = Roles.Analyst)
    {
        _ = _app.Server;
        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LocalFlowDb>();
        var user = new User { UserName = "session" + Guid.NewGuid().ToString("N")[..8], DisplayName = "Session Test", Roles = roles, CreatedAt = DateTime.UtcNow };
        Accounts.SetPassword(user, Password);
        user.Localities.Add(new UserLocality { LocalityId = await db.Localities.OrderBy(l => l.Id).Select(l => l.Id).FirstAsync() });
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return (user.UserName, user.Id);
    }
}
