using LocalFlow.Data;
using LocalFlow.Data.Audit;
using LocalFlow.Data.Demo;
using LocalFlow.Data.Schema;
using LocalFlow.Web.Api;
using LocalFlow.Web.Infrastructure;
using LocalFlow.Web.Security;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;

var builder = WebApplication.CreateBuilder(args);
// `--database "Host=..."` is the same as ConnectionStrings__LocalFlow; `--demo false` skips the demo.
builder.Configuration.AddCommandLine(args, new Dictionary<string, string>
{
    ["--database"] = "ConnectionStrings:LocalFlow",
    ["--demo"] = "LocalFlow:Demo",
    ["--data-dir"] = "LocalFlow:DataDirectory",
});

var database = DatabaseOptions.FromConfiguration(builder.Configuration, builder.Environment.ContentRootPath);
// The most one field, attribute or text of an imported file may hold (docs/flow-import.md); 64 KB unless set.
if (LocalFlow.Analytics.Flow.Formats.ReadLimits.Configure(builder.Configuration["Import:MaxFieldBytes"]) is { } limitError)
{
    throw new InvalidOperationException("Import:MaxFieldBytes: " + limitError);
}
// Logs with no personal data, and OpenTelemetry when configured (docs/operations.md).
SafeLogging.Configure(builder);
OpenTelemetrySetup.Configure(builder.Services, builder.Configuration);
builder.Services.AddSingleton(database);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddHttpContextAccessor();
builder.Services.AddScoped<CurrentUser>();
builder.Services.AddSingleton<LocalFlow.Web.Pages.Admin.AuditChainStatus>();
builder.Services.AddSingleton<LocalFlow.Web.Infrastructure.LinkingRunner>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<LocalFlow.Web.Infrastructure.LinkingRunner>());
builder.Services.AddSingleton<FlowImportRunner>();
// One analysed flow engine per locality, kept until the data change (docs/flow-study.md).
builder.Services.AddSingleton<LocalFlow.Data.Flow.FlowEngines>();
// The locality picture and the economics cohort of each locality, kept on the same stamp (docs/locality-picture.md, docs/economics.md).
builder.Services.AddSingleton<LocalFlow.Data.LocalityWork.LocalityPictures>();
builder.Services.AddSingleton<LocalFlow.Data.Economics.EconomicsCohorts>();
builder.Services.AddSingleton<LocalFlow.Web.Infrastructure.FlowEngineWarmer>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<LocalFlow.Web.Infrastructure.FlowEngineWarmer>());
builder.Services.AddHostedService(sp => sp.GetRequiredService<FlowImportRunner>());
builder.Services.AddScoped<IAuditActor>(sp => sp.GetRequiredService<CurrentUser>());
builder.Services.AddDbContext<LocalFlowDb>(database.Configure);
// Keys that protect sign-in cookies live beside the data, so sign-ins survive a restart.
var keysDir = builder.Configuration["LocalFlow:KeysDirectory"];
if (string.IsNullOrWhiteSpace(keysDir))
{
    var dataDir = builder.Configuration["LocalFlow:DataDirectory"];
    keysDir = Path.Combine(string.IsNullOrWhiteSpace(dataDir) ? Path.Combine(builder.Environment.ContentRootPath, "data") : dataDir, "keys");
}
// Readable by LocalFlow's own account only (0700/0600), and encrypted at rest with a certificate when one is given (docs/operations.md).
OwnerOnly.CreateDirectory(keysDir);
OwnerOnly.Tighten(keysDir);
var protection = builder.Services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(keysDir)).SetApplicationName("LocalFlow");
if (builder.Configuration["LocalFlow:KeysCertificate"] is { Length: > 0 } certificate)
{
    protection.ProtectKeysWithCertificate(System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(certificate, builder.Configuration["LocalFlow:KeysCertificatePassword"]));
}
var tls = Transport.Configure(builder.Services, builder.Configuration);

var authentication = builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme);
authentication.AddCookie(o =>
    {
        o.LoginPath = "/SignIn";
        o.LogoutPath = "/SignOut";
        o.AccessDeniedPath = "/AccessDenied";
        o.Cookie.Name = "localflow";
        o.Cookie.HttpOnly = true;
        o.Cookie.SameSite = SameSiteMode.Strict;
        o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        o.SlidingExpiration = true;
        o.ExpireTimeSpan = TimeSpan.FromHours(8);
        // The API answers 401/403 instead of redirecting to the sign-in page.
        o.Events.OnRedirectToLogin = ctx => ApiAwareRedirect(ctx, StatusCodes.Status401Unauthorized);
        o.Events.OnRedirectToAccessDenied = ctx => ApiAwareRedirect(ctx, StatusCodes.Status403Forbidden);
        // Sign-out, disabling and role changes end a session on its next request (docs/trust.md).
        o.Events.OnValidatePrincipal = Sessions.ValidateAsync;
    });
// Sign-in with the organisation's identity provider (OpenID Connect) beside local accounts, when configured (docs/operations.md).
OrganisationSignIn.Configure(authentication, builder.Configuration);
builder.Services.AddAuthorization(Policies.Register);
// Password guessing: sign-in attempts per address per minute (docs/trust.md); accounts also lock after repeated failures.
var signInsPerMinute = builder.Configuration.GetValue("LocalFlow:SignInAttemptsPerMinute", 30);
builder.Services.AddRateLimiter(o =>
{
    o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
    o.GlobalLimiter = System.Threading.RateLimiting.PartitionedRateLimiter.Create<HttpContext, string>(ctx =>
        HttpMethods.IsPost(ctx.Request.Method) && ctx.Request.Path.Equals("/SignIn", StringComparison.OrdinalIgnoreCase)
            ? System.Threading.RateLimiting.RateLimitPartition.GetFixedWindowLimiter(ctx.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new System.Threading.RateLimiting.FixedWindowRateLimiterOptions { PermitLimit = signInsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
            : System.Threading.RateLimiting.RateLimitPartition.GetNoLimiter(""));
    // No body: the status code pages show the GOV.UK page for 429 (Pages/Error), in English or Welsh.
    o.OnRejected = (_, _) => ValueTask.CompletedTask;
});
builder.Services.AddRazorPages(o =>
{
    o.Conventions.AllowAnonymousToPage("/Index");
    o.Conventions.AllowAnonymousToPage("/SignIn");
    o.Conventions.AllowAnonymousToPage("/AccessDenied");
    o.Conventions.AllowAnonymousToPage("/Error");
    o.Conventions.AllowAnonymousToPage("/Accessibility");
    o.Conventions.AuthorizeFolder("/Admin", Policies.AdminManage);
});
builder.Services.AddAntiforgery(o =>
{
    o.HeaderName = "RequestVerificationToken";
    // Secure whenever the page came over TLS (directly or through a proxy: docs/operations.md).
    o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
});
// Show people's words as they wrote them (£, emoji, right-to-left scripts) rather than as numeric entities.
builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
// Health and readiness for a load balancer (docs/operations.md).
Health.Configure(builder.Services);
builder.Services.AddOpenApi();
builder.Services.AddProblemDetails();
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));

var app = builder.Build();

// Upgrade the schema and make the first administrator (and the demo) before serving anything.
var makeDemo = !string.Equals(app.Configuration["LocalFlow:Demo"], "false", StringComparison.OrdinalIgnoreCase);
try
{
    var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("LocalFlow.Startup");
    logger.LogInformation("Using the {Database}", database.Describe());
    // Each part of the demo once (a part may report its own finish before the demo says it is done), in order.
    var finished = new HashSet<string>(StringComparer.Ordinal);
    var progress = new InlineProgress<DemoProgress>(p =>
    {
        if (p.Fraction >= 1 && finished.Add(p.Part))
        {
            logger.LogInformation("Demo: {Part} done{Detail}", p.Part, p.Message == "done" ? "" : ": " + p.Message);
        }
    });
    var report = await DatabaseStartup.RunAsync(database, makeDemo, app.Configuration.GetSection("LocalFlow:DemoOptions").Get<DemoOptions>(), progress, app.Services.GetRequiredService<TimeProvider>(),
        upgraded: v => logger.LogInformation("Schema upgraded to version {Version} ({Name})", v.Version, v.Name));
    // The audit chain from its last anchor, so that a tampered trail is shown to administrators (docs/trust.md).
    await using (var auditDb = database.CreateContext(new SystemActor("start-up"), app.Services.GetRequiredService<TimeProvider>()))
    {
        var chain = await app.Services.GetRequiredService<LocalFlow.Web.Pages.Admin.AuditChainStatus>().CheckAsync(auditDb, fromLastAnchor: true);
        if (!chain.Whole)
        {
            logger.LogError("The audit chain is broken at entry {Entry}: {Problem}", chain.BrokenAt, chain.Problem);
        }
    }
    if (report.DemoCreated)
    {
        logger.LogInformation("Demo locality {Name} created. Demo sign-ins are listed in the README.", DemoLocality.Name);
    }
    if (report.OneTimeAdminPassword is not null)
    {
        Console.WriteLine();
        Console.WriteLine("  First run: an administrator account was created.");
        Console.WriteLine($"  Sign in as '{DatabaseStartup.FirstAdministrator}' with the one-time password: {report.OneTimeAdminPassword}");
        Console.WriteLine("  You will be asked to choose a new password. This password is not shown again.");
        Console.WriteLine();
    }
}
catch (DatabaseStartupException ex)
{
    Console.Error.WriteLine();
    Console.Error.WriteLine("LocalFlow cannot start: " + ex.Message);
    Environment.ExitCode = 1;
    return;
}

// Behind a proxy, TLS, HTTPS redirect and HSTS (docs/operations.md).
Transport.Use(app, tls);
app.UseMiddleware<RequestLog>();
app.UseExceptionHandler("/Error/500");
app.UseStatusCodePagesWithReExecute("/Error/{0}");
app.UseMiddleware<SecurityHeaders>();
app.UseStaticFiles();
// govuk-frontend's stylesheet looks for its fonts and images under /assets.
app.UseStaticFiles(new StaticFileOptions
{
    FileProvider = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(Path.Combine(app.Environment.WebRootPath, "lib", "govuk", "assets")),
    RequestPath = "/assets",
});
// English or Welsh, by the user's choice (docs/welsh.md).
app.UseRequestLocalization(Languages.Options());
app.UseRateLimiter();
app.UseRouting();
app.Use(RequestLog.RememberRoute);
// An upload over the page's limit gets the GOV.UK size message (413), never a 500, before its body is read.
app.UseMiddleware<UploadLimit>();
app.UseAuthentication();
app.UseAuthorization();
app.UseMiddleware<MustChangePassword>();
// ?download=svg|csv&of=ID: a chart or table of the page, after the page itself has passed every rule (docs/exports.md).
app.UseMiddleware<PageExport>();
app.UseAntiforgery();

// The API's description is for signed-in users only (issue 14, item 9).
app.MapOpenApi("/api/openapi/{documentName}.json").RequireAuthorization(Policies.SignedIn);
app.MapLocalFlowApi();
app.MapRazorPages();
app.MapLanguageChoice();
app.MapGet("/health", () => Results.Text("ok")).AllowAnonymous().ExcludeFromDescription();
Health.Map(app);

app.Run();

static Task ApiAwareRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> ctx, int status)
{
    if (ctx.Request.Path.StartsWithSegments("/api"))
    {
        ctx.Response.StatusCode = status;
        return Task.CompletedTask;
    }
    ctx.Response.Redirect(ctx.RedirectUri);
    return Task.CompletedTask;
}

/// <summary>The web app's entry point (public for WebApplicationFactory in tests).</summary>
public partial class Program;
