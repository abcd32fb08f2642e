using System.Net;
using System.Security.Cryptography;
using LocalFlow.Data;
using LocalFlow.Data.Entities;
using LocalFlow.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace LocalFlow.Web.Tests.Trust;

/// <summary>
/// Sign-in with the organisation's identity provider (issue 14, item 15), against a real OpenIddict server in the test
/// process: a first sign-in waits for an administrator; a user whose provider gives them roles gets them (people's
/// records only through four eyes); a forged, unsigned or wrongly issued token is refused; local sign-in still works.
/// </summary>
public sealed class OrganisationSignInTests(OrganisationSignInTests.App app) : IClassFixture<OrganisationSignInTests.App>
{
    /// <summary>The small demo, with organisation sign-in pointed at the test's provider and mapping from claims on.</summary>
    public sealed class App : IAsyncLifetime
    {
        private readonly LocalFlowApp _root = new(households: 40);

        public TestIdentityProvider Provider { get; private set; } = null!;

        public WebApplicationFactory<Program> Factory { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Provider = await TestIdentityProvider.StartAsync();
            // settings on top of the shared small demo, so no demo is made for this class alone
            Factory = _root.WithWebHostBuilder(b => b
                .UseSetting("LocalFlow:Oidc:Authority", Provider.Issuer)
                .UseSetting("LocalFlow:Oidc:ClientId", TestIdentityProvider.ClientId)
                .UseSetting("LocalFlow:Oidc:ClientSecret", TestIdentityProvider.ClientSecret)
                .UseSetting("LocalFlow:Oidc:MapRolesFromClaims", "true"));
            _ = Factory.Server;
        }

        public async Task DisposeAsync()
        {
            await Factory.DisposeAsync();
            await _root.DisposeAsync();
            await Provider.DisposeAsync();
        }
    }

    private readonly WebApplicationFactory<Program> _app = app.Factory;
    private readonly TestIdentityProvider _provider = app.Provider;

    [Fact]
    public async Task AFirstSignIn_MakesAnAccountWithNoRole_ThatWaitsForAnAdministrator_AndSeesNothing()
    {
        var subject = "first-" + Guid.NewGuid().ToString("N")[..8];
        _provider.Next = (subject, [("preferred_username", "pat.first@example.org"), ("name", "Pat First")]);
        var client = NewClient();

        var back = await SignInThroughProviderAsync(client);
        back.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        back.Headers.Location!.OriginalString.ShouldBe("/SignIn?organisation=waiting");
        (await client.GetStringAsync("/SignIn?organisation=waiting")).ShouldContain("A LocalFlow administrator must now give your account a role");
        var measures = await client.GetAsync("/Measures");
        measures.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        measures.Headers.Location!.AbsolutePath.ShouldBe("/SignIn");

        var user = await UserOfAsync(subject);
        user.UserName.ShouldBe("pat.first@example.org");
        user.DisplayName.ShouldBe("Pat First");
        user.Roles.ShouldBe(Roles.None);
        user.Localities.ShouldBeEmpty();
        user.MaySeeRestricted.ShouldBeFalse();
        var audit = await AuditOfAsync(user);
        audit.ShouldContain(e => e.EventType == LocalFlow.Data.Audit.AuditEventType.UserCreated && e.Detail!.Contains("no role until an administrator gives one"));
        audit.ShouldContain(e => e.EventType == LocalFlow.Data.Audit.AuditEventType.SignInFailed && e.Detail!.Contains("waiting for an administrator"));
        var admin = NewClient();
        (await LocalFlowApp.SignInAsync(admin, DemoUsers.Admin, LocalFlowApp.DemoPassword)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var users = await admin.GetStringAsync("/Admin/Users");
        users.ShouldContain($"/Admin/User/{user.Id}\">pat.first@example.org</a>");
        users.ShouldContain("Waiting for a role");

        // once the provider gives a role, the same person signs in to the same account
        _provider.Next = (subject, [("roles", "Analyst"), ("localflow_localities", "Northfield")]);
        var again = await SignInThroughProviderAsync(client);
        again.Headers.Location!.OriginalString.ShouldStartWith("/SignIn?organisation=signed-in");
        (await client.GetAsync("/Measures")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await CountAccountsAsync(subject)).ShouldBe(1);
    }

    [Fact]
    public async Task AMappedUser_GetsTheirRoles_FromTheProvider_ButPeoplesRecordsAndTheirLocalityWaitForFourEyes()
    {
        var subject = "mapped-" + Guid.NewGuid().ToString("N")[..8];
        // the same user name as a local demo account: it must not take that account over
        _provider.Next = (subject, [("preferred_username", DemoUsers.Analyst), ("roles", "Analyst"), ("roles", "LocalityWorker"), ("roles", "Administrator"),
            ("localflow_localities", "Northfield")]);
        var client = NewClient();

        var back = await SignInThroughProviderAsync(client);
        back.Headers.Location!.OriginalString.ShouldBe("/SignIn?organisation=signed-in&ReturnUrl=%2F");
        var landing = await client.GetAsync(back.Headers.Location);
        landing.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        landing.Headers.Location!.OriginalString.ShouldBe("/");
        (await client.GetAsync("/Measures")).StatusCode.ShouldBe(HttpStatusCode.OK);
        // no administrator from a claim, and a locality worker's access to people waits for a second administrator
        (await client.GetAsync("/Admin/Users")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var user = await UserOfAsync(subject);
        user.UserName.ShouldBe(DemoUsers.Analyst + "-2");
        user.Roles.ShouldBe(Roles.Analyst);
        // the locality comes with the role that opens people's records, so it waits with it
        user.Localities.ShouldBeEmpty();
        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LocalFlowDb>();
        var held = await db.AccessGrants.AsNoTracking().Where(g => g.UserId == user.Id && g.Decision == GrantDecision.Pending).ToListAsync();
        held.Count.ShouldBe(1);
        held[0].Roles.ShouldBe(Roles.LocalityWorker);
        held[0].Localities.Count.ShouldBe(1);
    }

    [Theory]
    [InlineData("signed by the provider", true)]
    [InlineData("unsigned", false)]
    [InlineData("signed with another key", false)]
    [InlineData("from another issuer", false)]
    [InlineData("for another client", false)]
    [InlineData("with another nonce", false)]
    public async Task TheProvidersIdToken_IsAcceptedOnlyWhenItSignedItForUs(string token, bool accepted)
    {
        var subject = "token-" + Guid.NewGuid().ToString("N")[..8];
        _provider.Next = (subject, []);
        using var otherKey = RSA.Create(2048);
        _provider.SwapIdToken = (nonce, sub) => token switch
        {
            "unsigned" => _provider.Token(_provider.Issuer, TestIdentityProvider.ClientId, nonce, sub, signing: null),
            "signed with another key" => _provider.Token(_provider.Issuer, TestIdentityProvider.ClientId, nonce, sub,
                new SigningCredentials(new RsaSecurityKey(otherKey) { KeyId = "test-idp" }, SecurityAlgorithms.RsaSha256)),
            "from another issuer" => _provider.Token("https://login.example.org/", TestIdentityProvider.ClientId, nonce, sub, _provider.Signing),
            "for another client" => _provider.Token(_provider.Issuer, "another-client", nonce, sub, _provider.Signing),
            "with another nonce" => _provider.Token(_provider.Issuer, TestIdentityProvider.ClientId, "another-nonce", sub, _provider.Signing),
            _ => _provider.Token(_provider.Issuer, TestIdentityProvider.ClientId, nonce, sub, _provider.Signing),
        };
        var client = NewClient();
        HttpResponseMessage back;
        try
        {
            back = await SignInThroughProviderAsync(client);
        }
        finally
        {
            _provider.SwapIdToken = null;
        }

        back.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        if (accepted)
        {
            back.Headers.Location!.OriginalString.ShouldStartWith("/SignIn?organisation=signed-in");
            (await client.GetAsync("/Measures")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        else
        {
            back.Headers.Location!.OriginalString.ShouldBe("/SignIn?organisation=refused");
            (await client.GetAsync("/Measures")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
            (await client.GetStringAsync("/SignIn?organisation=refused")).ShouldContain("Signing in with your organisation did not work");
            (await CountAccountsAsync(subject)).ShouldBe(0);
        }
    }

    [Fact]
    public async Task AnIdTokenSentStraightToLocalFlow_IsRefused_EvenWhenTheProviderSignedIt()
    {
        var client = NewClient();
        var query = QueryHelpers.ParseQuery((await StartSignInAsync(client)).Query);
        var idToken = _provider.Token(_provider.Issuer, TestIdentityProvider.ClientId, query["nonce"]!, "straight-" + Guid.NewGuid().ToString("N")[..8], _provider.Signing);
        var back = await client.GetAsync($"/signin-oidc?state={Uri.EscapeDataString(query["state"]!)}&id_token={idToken}");
        back.Headers.Location!.OriginalString.ShouldBe("/SignIn?organisation=refused");
        (await client.GetAsync("/Measures")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task LocalSignIn_StillWorks_BesideTheOrganisationsButton()
    {
        var client = NewClient();
        var page = await client.GetStringAsync("/SignIn");
        page.ShouldContain("Sign in with your organisation");
        page.ShouldContain("name=\"Password\"");
        (await LocalFlowApp.SignInAsync(client, DemoUsers.Analyst, LocalFlowApp.DemoPassword)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.GetAsync("/Measures")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private HttpClient NewClient() => _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Presses "Sign in with your organisation" and returns the provider's address it sends the browser to.</summary>
    private async Task<Uri> StartSignInAsync(HttpClient client)
    {
        var token = await LocalFlowApp.AntiforgeryTokenAsync(client, "/SignIn");
        var challenge = await client.PostAsync("/SignIn?handler=Organisation", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["ReturnUrl"] = "/",
            ["__RequestVerificationToken"] = token,
        }));
        challenge.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var location = challenge.Headers.Location!;
        location.GetLeftPart(UriPartial.Path).ShouldBe(_provider.Issuer + "connect/authorize");
        return location;
    }

    /// <summary>The whole round trip: LocalFlow → provider → LocalFlow's callback; returns the callback's answer.</summary>
    private async Task<HttpResponseMessage> SignInThroughProviderAsync(HttpClient client)
    {
        var toProvider = await StartSignInAsync(client);
        using var browserAtProvider = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var fromProvider = await browserAtProvider.GetAsync(toProvider);
        fromProvider.StatusCode.ShouldBe(HttpStatusCode.Redirect, await fromProvider.Content.ReadAsStringAsync());
        var callback = fromProvider.Headers.Location!;
        callback.AbsolutePath.ShouldBe("/signin-oidc");
        return await client.GetAsync(callback.PathAndQuery);
    }

    private async Task<User> UserOfAsync(string subject)
    {
        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LocalFlowDb>();
        var login = await db.ExternalLogins.AsNoTracking().SingleAsync(l => l.Issuer == _provider.Issuer && l.Subject == subject);
        return await db.Users.AsNoTracking().Include(u => u.Localities).SingleAsync(u => u.Id == login.UserId);
    }

    private async Task<int> CountAccountsAsync(string subject)
    {
        using var scope = _app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<LocalFlowDb>().ExternalLogins.CountAsync(l => l.Subject == subject);
    }

    private async Task<List<LocalFlow.Data.Audit.AuditEvent>> AuditOfAsync(User user)
    {
        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LocalFlowDb>();
        var key = user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await db.AuditEvents.AsNoTracking().Where(e => e.EntityId == key || e.EntityId == user.UserName).ToListAsync();
    }
}
