using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;

namespace LocalFlow.Web.Tests.Trust;

/// <summary>
/// An organisation's identity provider for the tests: a real OpenIddict server (authorisation code flow with PKCE)
/// served by Kestrel on 127.0.0.1 inside the test process. It signs in whoever <see cref="Next"/> names without asking,
/// as a provider does for someone already signed in there. Its signing key is <see cref="Key"/>, so a test can also
/// make tokens the provider would (or would not) have signed.
/// </summary>
public sealed class TestIdentityProvider : IAsyncDisposable
{
    public const string ClientId = "localflow-test";
    public const string ClientSecret = "a test secret, not a real one";

    private readonly WebApplication _app;

    private TestIdentityProvider(WebApplication app, RSA key)
    {
        _app = app;
        Key = key;
    }

    /// <summary>The key the provider signs its tokens with.</summary>
    public RSA Key { get; }

    /// <summary>The provider's address and issuer, ending in a slash.</summary>
    public string Issuer { get; private set; } = "";

    /// <summary>When set, the ID token the token endpoint gives is replaced by this one, made from its nonce and subject.</summary>
    public Func<string, string, string>? SwapIdToken { get; set; }

    /// <summary>The person the provider signs in next: their subject and any further claims (a claim may repeat).</summary>
    public (string Subject, (string Type, string Value)[] Claims) Next { get; set; } = ("nobody", []);

    public static async Task<TestIdentityProvider> StartAsync()
    {
        var key = RSA.Create(2048);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        TestIdentityProvider? self = null;
        builder.Services.AddOpenIddict().AddServer(o =>
        {
            o.SetAuthorizationEndpointUris("connect/authorize").SetTokenEndpointUris("connect/token");
            o.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
            o.RegisterScopes(OpenIddictConstants.Scopes.Profile, OpenIddictConstants.Scopes.Email);
            o.AddSigningKey(new RsaSecurityKey(key) { KeyId = "test-idp" });
            o.AddEphemeralEncryptionKey();
            o.DisableAccessTokenEncryption();
            // no database of clients or tokens: the test's one client, checked below
            o.EnableDegradedMode();
            o.DisableTokenStorage();
            o.DisableAuthorizationStorage();
            o.AddEventHandler<OpenIddict.Server.OpenIddictServerEvents.ValidateAuthorizationRequestContext>(h => h.UseInlineHandler(ctx =>
            {
                if (ctx.ClientId != ClientId)
                {
                    ctx.Reject(OpenIddictConstants.Errors.InvalidClient, "Unknown client.");
                }
                return default;
            }));
            o.AddEventHandler<OpenIddict.Server.OpenIddictServerEvents.ValidateTokenRequestContext>(h => h.UseInlineHandler(ctx =>
            {
                if (ctx.ClientId != ClientId || ctx.ClientSecret != ClientSecret)
                {
                    ctx.Reject(OpenIddictConstants.Errors.InvalidClient, "Wrong client or secret.");
                }
                return default;
            }));
            o.UseAspNetCore().EnableAuthorizationEndpointPassthrough().DisableTransportSecurityRequirement();
        });
        var app = builder.Build();
        self = new TestIdentityProvider(app, key);
        // a provider that went wrong, or a man in the middle: the token endpoint's ID token swapped for another
        app.Use(async (http, next) =>
        {
            var swap = self.SwapIdToken;
            if (swap is null || http.Request.Path != "/connect/token")
            {
                await next();
                return;
            }
            var original = http.Response.Body;
            using var buffer = new MemoryStream();
            http.Response.Body = buffer;
            await next();
            http.Response.Body = original;
            var json = System.Text.Json.Nodes.JsonNode.Parse(buffer.ToArray())!.AsObject();
            if (json["id_token"]?.GetValue<string>() is { } issued)
            {
                var token = new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(issued);
                json["id_token"] = swap(token.GetClaim("nonce").Value, token.Subject);
            }
            var bytes = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(json);
            http.Response.ContentLength = bytes.Length;
            await original.WriteAsync(bytes);
        });
        app.UseAuthentication();
        app.MapGet("/connect/authorize", (HttpContext http) =>
        {
            var request = http.GetOpenIddictServerRequest()!;
            var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, "name", "role");
            identity.AddClaim(new Claim(OpenIddictConstants.Claims.Subject, self.Next.Subject));
            foreach (var (type, value) in self.Next.Claims)
            {
                identity.AddClaim(new Claim(type, value));
            }
            foreach (var claim in identity.Claims)
            {
                claim.SetDestinations(OpenIddictConstants.Destinations.IdentityToken, OpenIddictConstants.Destinations.AccessToken);
            }
            var principal = new ClaimsPrincipal(identity);
            principal.SetScopes(request.GetScopes());
            return Results.SignIn(principal, properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        self.Issuer = address.TrimEnd('/') + "/";
        return self;
    }

    /// <summary>
    /// An ID token as the provider would sign it for an analyst in Northfield, with the parts given (a test changes one
    /// to forge it).
    /// </summary>
    public string Token(string issuer, string audience, string nonce, string subject, SigningCredentials? signing)
    {
        var now = DateTime.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(5),
            Claims = new Dictionary<string, object> { ["sub"] = subject, ["nonce"] = nonce, ["roles"] = "Analyst", ["localflow_localities"] = "Northfield" },
            SigningCredentials = signing,
        };
        return new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler().CreateToken(descriptor);
    }

    /// <summary>The provider's own signing credentials.</summary>
    public SigningCredentials Signing => new(new RsaSecurityKey(Key) { KeyId = "test-idp" }, SecurityAlgorithms.RsaSha256);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Key.Dispose();
    }
}
