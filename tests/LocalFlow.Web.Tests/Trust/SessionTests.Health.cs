using System.Net;
using LocalFlow.Data;
using LocalFlow.Data.Schema;
using LocalFlow.TestSupport;
using LocalFlow.Web.Infrastructure;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Abstractions;

namespace LocalFlow.Web.Tests.Trust;

/// <summary>Health and readiness (issue 14, item 16): anonymous, never cached, no personal data, and not ready when the schema is behind.</summary>
public partial class SessionTests
{
    [Fact]
    public async Task LiveAndReady_AnswerWithoutSignIn_NameOnlyTheirChecks_AndAreNeverCached()
    {
        var anonymous = await _app.ClientAsync();

        var live = await anonymous.GetAsync("/health/live");
        live.StatusCode.ShouldBe(HttpStatusCode.OK);
        live.Headers.CacheControl!.NoStore.ShouldBeTrue();
        (await live.Content.ReadAsStringAsync()).ShouldBe("status: Healthy\n");

        var ready = await anonymous.GetAsync("/health/ready");
        ready.StatusCode.ShouldBe(HttpStatusCode.OK);
        ready.Headers.CacheControl!.NoStore.ShouldBeTrue();
        ready.Headers.Contains("Set-Cookie").ShouldBeFalse();
        (await ready.Content.ReadAsStringAsync()).ShouldBe("status: Healthy\ndatabase and schema: Healthy\nsign-in keys: Healthy\n");
    }

    [Fact]
    public async Task Readiness_FailsWithAPlainReason_WhenTheDatabaseIsASchemaVersionBehind_OrDoesNotAnswer()
    {
        using var dir = new TempDirectory();
        var options = DatabaseOptions.ForSqliteFile(Path.Combine(dir.Path, "behind.db"));
        await using (var db = options.CreateContext())
        {
            var latest = SchemaUpgrader.LatestVersion(options.Provider);
            await SchemaUpgrader.UpgradeAsync(db, options.Provider, targetVersion: latest - 1);
            var behind = await new SchemaCheck(db, options, NullLogger<SchemaCheck>.Instance).CheckHealthAsync(new HealthCheckContext());
            behind.Status.ShouldBe(HealthStatus.Unhealthy);
            behind.Description.ShouldBe("1 schema version(s) not applied; restart LocalFlow to upgrade");

            await SchemaUpgrader.UpgradeAsync(db, options.Provider);
            (await new SchemaCheck(db, options, NullLogger<SchemaCheck>.Instance).CheckHealthAsync(new HealthCheckContext())).Status.ShouldBe(HealthStatus.Healthy);
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        // a file that is not a database: SQLite cannot read it
        var path = Path.Combine(dir.Path, "not-a-database.db");
        await File.WriteAllTextAsync(path, new string('x', 4096));
        var missing = DatabaseOptions.ForSqliteFile(path);
        await using var broken = missing.CreateContext();
        var down = await new SchemaCheck(broken, missing, NullLogger<SchemaCheck>.Instance).CheckHealthAsync(new HealthCheckContext());
        down.Status.ShouldBe(HealthStatus.Unhealthy);
        down.Description.ShouldBe("the database did not answer");
    }
}
