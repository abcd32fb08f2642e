using System.Security.Claims;
using LocalFlow.Data;
using LocalFlow.Data.Audit;
using LocalFlow.Data.LocalityWork;
using LocalFlow.Data.Trust;
using LocalFlow.Web.Pages;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.IdentityModel.Tokens;

namespace LocalFlow.Web.Security;

/// <summary>
/// The settings for signing in with the organisation's identity provider (OpenID Connect), from
/// <c>LocalFlow:Oidc</c> in appsettings or the environment. Off unless an authority and client id are given
/// (docs/operations.md).
/// </summary>
public sealed class OrganisationSignInOptions
{
    /// <summary>The provider's issuer address, whose <c>/.well-known/openid-configuration</c> LocalFlow reads.</summary>
    public string? Authority { get; set; }
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }
    /// <summary>Scopes to ask for, separated by spaces.</summary>
    public string Scopes { get; set; } = "openid profile email";
    /// <summary>The claim whose value names a new account (the subject when it is missing).</summary>
    public string UserNameClaim { get; set; } = "preferred_username";
    /// <summary>The claim with the person's name to show.</summary>
    public string NameClaim { get; set; } = "name";
    /// <summary>The claim holding role names (for example an Entra ID app role), used when <see cref="MapRolesFromClaims"/> is on.</summary>
    public string RoleClaim { get; set; } = "roles";
    /// <summary>The claim holding locality names or ids, used when <see cref="MapRolesFromClaims"/> is on.</summary>
    public string LocalityClaim { get; set; } = "localflow_localities";
    /// <summary>
    /// Off (the default): a new account waits for an administrator to give it roles and localities. On: roles and
    /// localities follow the provider's claims at every sign-in.
    /// </summary>
    public bool MapRolesFromClaims { get; set; }
    /// <summary>The button's words, for example "Sign in with your NHS Care Identity"; a plain default when empty.</summary>
    public string? ButtonText { get; set; }

    /// <summary>Whether organisation sign-in is configured.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId);
}

/// <summary>
/// Sign-in with the organisation's identity provider beside local accounts (issue 14, item 15; docs/security.md).
/// The provider's ID token is validated by ASP.NET Core's OpenID Connect handler (signature against the provider's
/// published keys, issuer, audience, lifetime, nonce, PKCE); then <see cref="ExternalSignIn"/> matches its issuer and
/// subject to a LocalFlow user and the session is LocalFlow's own cookie with the same claims and security stamp as a
/// local sign-in, so sessions, audit and four-eyes rules apply unchanged.
/// </summary>
public static class OrganisationSignIn
{
    /// <summary>The authentication scheme's name.</summary>
    public const string Scheme = "organisation";

    /// <summary>Where the provider sends the person back.</summary>
    public const string CallbackPath = "/signin-oidc";

    /// <summary>Reads the settings and, when configured, adds the OpenID Connect handler.</summary>
    public static OrganisationSignInOptions Configure(AuthenticationBuilder authentication, IConfiguration configuration)
    {
        var settings = configuration.GetSection("LocalFlow:Oidc").Get<OrganisationSignInOptions>() ?? new OrganisationSignInOptions();
        authentication.Services.AddSingleton(settings);
        if (!settings.Enabled)
        {
            return settings;
        }
        var authority = new Uri(settings.Authority!, UriKind.Absolute);
        authentication.AddOpenIdConnect(Scheme, o =>
        {
            o.Authority = settings.Authority;
            o.ClientId = settings.ClientId;
            o.ClientSecret = string.IsNullOrEmpty(settings.ClientSecret) ? null : settings.ClientSecret;
            o.ResponseType = "code";
            o.UsePkce = true;
            // back by a plain redirect: the correlation and nonce cookies can then be SameSite=Lax rather than None
            o.ResponseMode = "query";
            o.CallbackPath = CallbackPath;
            o.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
            o.Scope.Clear();
            foreach (var scope in settings.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                o.Scope.Add(scope);
            }
            o.MapInboundClaims = false;
            o.SaveTokens = false;
            o.GetClaimsFromUserInfoEndpoint = false;
            // a provider on this machine (a test or a trial) may be plain HTTP; any other must be HTTPS
            o.RequireHttpsMetadata = !authority.IsLoopback;
            o.CorrelationCookie.SameSite = SameSiteMode.Lax;
            o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.NonceCookie.SameSite = SameSiteMode.Lax;
            o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.TokenValidationParameters.ValidateIssuer = true;
            o.TokenValidationParameters.ValidateAudience = true;
            o.TokenValidationParameters.ValidateLifetime = true;
            o.TokenValidationParameters.RequireSignedTokens = true;
            o.TokenValidationParameters.NameClaimType = settings.NameClaim;
            // keep the token's issuer as a claim: the account is matched by issuer and subject
            o.ClaimActions.Remove("iss");
            // The handler lets an unsigned ID token from the token endpoint through (the spec trusts the TLS channel
            // there); LocalFlow wants the provider's signature on every token, as every provider it meets gives one.
            o.Events.OnTokenResponseReceived = ctx =>
            {
                if (!IsSigned(ctx.TokenEndpointResponse.IdToken))
                {
                    ctx.Fail(new SecurityTokenInvalidSignatureException("The identity provider's ID token is not signed."));
                }
                return Task.CompletedTask;
            };
            // after every check (signature, issuer, audience, lifetime, nonce): only then is an account made or used
            o.Events.OnTicketReceived = ctx => SignedInAsync(ctx, settings);
            o.Events.OnRemoteFailure = ctx =>
            {
                // the reason goes to the log, never to the page (it can name the provider's internals)
                ctx.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(OrganisationSignIn))
                    .LogWarning("Sign-in through the organisation's identity provider was refused: {Reason}", ctx.Failure?.GetType().Name);
                ctx.Response.Redirect("/SignIn?organisation=refused");
                ctx.HandleResponse();
                return Task.CompletedTask;
            };
        });
        return settings;
    }

    /// <summary>The provider's token is valid: match it to a user and give them LocalFlow's own session, or none.</summary>
    private static async Task SignedInAsync(TicketReceivedContext ctx, OrganisationSignInOptions settings)
    {
        var principal = ctx.Principal!;
        var issuer = principal.FindFirstValue("iss");
        var subject = principal.FindFirstValue("sub");
        if (string.IsNullOrEmpty(issuer) || string.IsNullOrEmpty(subject))
        {
            ctx.Fail(new SecurityTokenValidationException("The ID token has no issuer or subject."));
            return;
        }
        var identity = new ExternalIdentity(issuer, subject, principal.FindFirstValue(settings.UserNameClaim) ?? principal.FindFirstValue("email"),
            principal.FindFirstValue(settings.NameClaim),
            [.. principal.FindAll(settings.RoleClaim).Select(c => c.Value)], [.. principal.FindAll(settings.LocalityClaim).Select(c => c.Value)]);
        var db = ctx.HttpContext.RequestServices.GetRequiredService<LocalFlowDb>();
        db.Actor = new SystemActor($"GET {CallbackPath}", identity.UserName ?? subject);
        var result = await ExternalSignIn.MatchAsync(db, identity, settings.MapRolesFromClaims, Policies.PeopleRoles, ctx.HttpContext.RequestAborted);
        if (result.Outcome != ExternalSignInOutcome.SignedIn)
        {
            ctx.HandleResponse();
            ctx.Response.Redirect(result.Outcome == ExternalSignInOutcome.Waiting ? "/SignIn?organisation=waiting" : "/SignIn?organisation=refused");
            return;
        }
        ctx.Principal = new ClaimsPrincipal(SignInModel.Identity(result.User, await Visibility.WorkerOfUserAsync(db, result.User.Id)));
    }

    /// <summary>Whether a compact JWT carries a signature (three parts, the last not empty, an algorithm other than none).</summary>
    private static bool IsSigned(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Split('.') is not [_, _, { Length: > 0 }])
        {
            return false;
        }
        try
        {
            return new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(token).Alg is { Length: > 0 } alg && !string.Equals(alg, "none", StringComparison.OrdinalIgnoreCase);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
