using System.Text;
using LocalFlow.Data;
using LocalFlow.Data.Schema;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LocalFlow.Web.Infrastructure;

/// <summary>
/// Health and readiness for a load balancer or orchestrator (issue 14, item 16; docs/operations.md), anonymous and
/// never cached. <c>/health/live</c>: the process answers. <c>/health/ready</c>: the database answers, its schema is
/// the one this build expects, and the keys that protect sign-ins can be read. Answers name each check and its state
/// only: no personal data, no connection string, no exception text (those go to the log).
/// </summary>
public static class Health
{
    private const string Ready = "ready";

    /// <summary>Registers the readiness checks.</summary>
    public static void Configure(IServiceCollection services)
        => services.AddHealthChecks()
            .AddCheck<SchemaCheck>("database and schema", tags: [Ready], timeout: TimeSpan.FromSeconds(10))
            .AddCheck<KeysCheck>("sign-in keys", tags: [Ready], timeout: TimeSpan.FromSeconds(10));

    /// <summary>Maps <c>/health/live</c> and <c>/health/ready</c>.</summary>
    public static void Map(WebApplication app)
    {
        // no check at all: the answer itself shows the process is up and serving
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready), ResponseWriter = WriteAsync }).AllowAnonymous();
    }

    /// <summary>One line for the whole and one for each check: "ready: Healthy", "database and schema: Healthy".</summary>
    private static Task WriteAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "text/plain; charset=utf-8";
        var text = new StringBuilder();
        text.Append("status: ").Append(report.Status).Append('\n');
        foreach (var (name, entry) in report.Entries.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            text.Append(name).Append(": ").Append(entry.Status);
            if (entry.Description is { Length: > 0 } why)
            {
                text.Append(" (").Append(why).Append(')');
            }
            text.Append('\n');
        }
        return http.Response.WriteAsync(text.ToString());
    }
}

/// <summary>The database answers and holds every schema version this build knows.</summary>
public sealed class SchemaCheck(LocalFlowDb db, DatabaseOptions database, ILogger<SchemaCheck> logger) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var pending = await SchemaUpgrader.PendingVersionsAsync(db, database.Provider, cancellationToken);
            return pending.Count == 0
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"{pending.Count} schema version(s) not applied; restart LocalFlow to upgrade");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError("Readiness: the database did not answer: {Failure}", SafeLogging.Describe(ex));
            return HealthCheckResult.Unhealthy("the database did not answer");
        }
    }
}

/// <summary>The data-protection keys that protect sign-in cookies can be read and used (and decrypted, when protected by a certificate).</summary>
public sealed class KeysCheck(IDataProtectionProvider protection, ILogger<KeysCheck> logger) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var protector = protection.CreateProtector("LocalFlow.Health");
            var ok = protector.Unprotect(protector.Protect("ready")) == "ready";
            return Task.FromResult(ok ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("the keys gave back something else"));
        }
        catch (Exception ex) when (ex is System.Security.Cryptography.CryptographicException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            logger.LogError("Readiness: the sign-in keys cannot be read: {Failure}", SafeLogging.Describe(ex));
            return Task.FromResult(HealthCheckResult.Unhealthy("the keys cannot be read"));
        }
    }
}
