using System.Net;
using System.Net.Http.Headers;
using LocalFlow.Data;
using LocalFlow.Web.Infrastructure;
using LocalFlow.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LocalFlow.Web.Tests.Trust;

/// <summary>Hardening (issue 14, item 9): caching, TLS, the API description, the 429 and 413 pages, the upload area and key files.</summary>
public partial class SessionTests
{
    [Fact]
    public async Task PagesAndApiAnswers_AreNeverStored_AndTheApiDescriptionNeedsSignIn()
    {
        var worker = await _app.ClientAsync(DemoUsers.Worker);
        var person = await FirstPersonAsync();
        var api = await worker.GetAsync($"/api/people/{person}");
        api.StatusCode.ShouldBe(HttpStatusCode.OK);
        api.Headers.CacheControl!.NoStore.ShouldBeTrue();
        (await worker.GetAsync($"/Locality/Person/{person}")).Headers.CacheControl!.NoStore.ShouldBeTrue();

        var anonymous = await _app.ClientAsync();
        (await anonymous.GetAsync("/api/openapi/v1.json")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await worker.GetStringAsync("/api/openapi/v1.json")).ShouldContain("/api/people/{id}");
    }

    [Fact]
    public async Task OverTls_CookiesAreSecure_AndHstsIsSent()
    {
        var (user, _) = await NewUserAsync();
        var tls = _app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localflow.example/"), AllowAutoRedirect = false, HandleCookies = true });
        var page = await tls.GetAsync("/SignIn");
        page.Headers.GetValues("Strict-Transport-Security").Single().ShouldContain("max-age=31536000");
        page.Headers.GetValues("Set-Cookie").ShouldAllBe(c => c.Contains("secure", StringComparison.OrdinalIgnoreCase));
        var signedIn = await LocalFlowApp.SignInAsync(tls, user, Password);
        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("localflow=", StringComparison.Ordinal)).ShouldContain("secure", Case.Insensitive);
        // plain HTTP on localhost (the tests' own address) gets neither
        (await (await _app.ClientAsync()).GetAsync("/SignIn")).Headers.Contains("Strict-Transport-Security").ShouldBeFalse();
    }

    [Fact]
    public async Task TooManySignInAttempts_FromOneAddress_GetTheGovUkPage()
    {
        var limit = _app.Services.GetRequiredService<IConfiguration>().GetValue("LocalFlow:SignInAttemptsPerMinute", 30);
        var address = IPAddress.Parse("203.0.113." + Random.Shared.Next(1, 250).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Microsoft.AspNetCore.Http.HttpContext? last = null;
        for (var i = 0; i <= limit; i++)
        {
            last = await _app.Server.SendAsync(c =>
            {
                c.Request.Method = "POST";
                c.Request.Path = "/SignIn";
                c.Connection.RemoteIpAddress = address;
            });
            if (i < limit)
            {
                last.Response.StatusCode.ShouldNotBe(429);
            }
        }
        last!.Response.StatusCode.ShouldBe(429);
        last.Response.ContentType!.ShouldStartWith("text/html");
        var html = await new StreamReader(last.Response.Body).ReadToEndAsync();
        html.ShouldContain("govuk-heading-l");
        html.ShouldContain("Too many sign-in attempts from this computer");
    }

    [Fact]
    public async Task AnOversizedUpload_GetsTheGovUkSizeMessage_NotA500()
    {
        var response = await _app.Server.SendAsync(c =>
        {
            c.Request.Method = "POST";
            c.Request.Path = "/Flow/Import";
            c.Request.QueryString = new Microsoft.AspNetCore.Http.QueryString("?handler=Upload");
            c.Request.ContentType = "multipart/form-data; boundary=x";
            c.Request.ContentLength = 300L * 1024 * 1024;
            c.Request.Body = new MemoryStream(new byte[16]);
        });
        response.Response.StatusCode.ShouldBe(413);
        var html = await new StreamReader(response.Response.Body).ReadToEndAsync();
        html.ShouldContain("The file is too big");
        html.ShouldContain("The selected file must be smaller than 200 MB");
    }

    [Fact]
    public async Task TheUploadArea_HasAQuotaPerUser_AndIsCleanedAfterAStop()
    {
        var runner = _app.Services.GetRequiredService<FlowImportRunner>();
        var configuration = _app.Services.GetRequiredService<IConfiguration>();
        var study = await _app.ClientAsync(DemoUsers.Study);
        int agency;
        using (var scope = _app.Services.CreateScope())
        {
            agency = await scope.ServiceProvider.GetRequiredService<LocalFlowDb>().Agencies.OrderBy(a => a.Id).Select(a => a.Id).FirstAsync();
        }
        configuration["Import:TempQuotaPerUserMB"] = "0.001";
        try
        {
            using var form = new MultipartFormDataContent
            {
                { new StringContent(await LocalFlowApp.AntiforgeryTokenAsync(study, "/Flow/Import")), "__RequestVerificationToken" },
                { new StringContent(agency.ToString(System.Globalization.CultureInfo.InvariantCulture)), "AgencyId" },
            };
            var file = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes("person,start,kind\n" + string.Concat(Enumerable.Repeat("p1,2024-01-01T10:00:00Z,Contact\n", 100))));
            file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            form.Add(file, "Upload", "big.csv");
            var refused = await study.PostAsync("/Flow/Import?handler=Upload", form);
            refused.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await refused.Content.ReadAsStringAsync()).ShouldContain("each user may keep 1 MB");
        }
        finally
        {
            configuration["Import:TempQuotaPerUserMB"] = null;
        }

        // What a killed server leaves: an upload's file without its description, and a description without its file.
        var token = Guid.NewGuid().ToString("N");
        var orphans = new[] { Path.Combine(runner.Folder, Guid.NewGuid().ToString("N") + ".csv"), Path.Combine(runner.Folder, Guid.NewGuid().ToString("N") + ".upload.json") };
        var whole = new[] { Path.Combine(runner.Folder, token + ".csv"), Path.Combine(runner.Folder, token + ".upload.json") };
        foreach (var f in orphans.Concat(whole))
        {
            await File.WriteAllTextAsync(f, "{}");
            File.SetLastWriteTimeUtc(f, DateTime.UtcNow.AddHours(-1));
        }
        runner.CleanUpAfterStop(DateTime.UtcNow.AddMinutes(-1));
        orphans.ShouldAllBe(f => !File.Exists(f));
        whole.ShouldAllBe(f => File.Exists(f));
        foreach (var f in whole)
        {
            File.Delete(f);
        }
    }

    [Fact]
    public void TheKeysThatProtectSignIns_AreReadableByTheirOwnerOnly()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        _ = _app.Server;
        var keys = Path.Combine(_app.DataDirectory, "keys");
        File.GetUnixFileMode(keys).ShouldBe(LocalFlow.Data.OwnerOnly.DirectoryMode);
        var files = Directory.GetFiles(keys);
        files.ShouldNotBeEmpty();
        foreach (var f in files)
        {
            File.GetUnixFileMode(f).ShouldBe(LocalFlow.Data.OwnerOnly.FileMode, f);
        }
    }

    private async Task<Guid> FirstPersonAsync()
    {
        _ = _app.Server;
        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LocalFlowDb>();
        return await db.People.Where(p => !p.Restricted && p.Household != null && !p.Household.Restricted).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
    }
}
