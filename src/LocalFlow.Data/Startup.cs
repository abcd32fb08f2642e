using LocalFlow.Data.Audit;
using LocalFlow.Data.Demo;
using LocalFlow.Data.Entities;
using LocalFlow.Data.Schema;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Data;

/// <summary>What start-up did, for the console.</summary>
public sealed record StartupReport(int SchemaVersion, IReadOnlyList<SchemaVersion> Applied, string? OneTimeAdminPassword, bool DemoCreated);

/// <summary>Start-up for the web app and the CLI: upgrade the schema, create the first administrator, make the demo if asked.</summary>
public static class DatabaseStartup
{
    public const string FirstAdministrator = "administrator";

    /// <summary>Upgrades the schema, creates the first administrator on an empty database and makes the demo if asked.</summary>
    /// <param name="options">The database.</param>
    /// <param name="createDemo">Make the demo locality unless a locality exists.</param>
    /// <param name="demo">How big a demo, and from which seed.</param>
    /// <param name="progress">Told how the demo is coming on, part by part.</param>
    /// <param name="clock">The clock (tests use a fake one).</param>
    /// <param name="upgraded">Told of each schema version applied, as soon as the upgrade is done (before the demo is made).</param>
    /// <param name="ct">Cancels start-up.</param>
    public static async Task<StartupReport> RunAsync(DatabaseOptions options, bool createDemo, DemoOptions? demo = null, IProgress<DemoProgress>? progress = null, TimeProvider? clock = null, Action<SchemaVersion>? upgraded = null, CancellationToken ct = default)
    {
        await using var db = options.CreateContext(new SystemActor("start-up"), clock);
        var applied = await SchemaUpgrader.UpgradeAsync(db, options.Provider, ct: ct);
        foreach (var v in applied)
        {
            upgraded?.Invoke(v);
        }
        string? oneTime = null;
        if (!await db.Users.AnyAsync(ct))
        {
            // First run on an empty database: an administrator with a password shown once.
            oneTime = Accounts.NewOneTimePassword();
            var admin = new User
            {
                UserName = FirstAdministrator,
                DisplayName = "Administrator",
                Roles = Roles.Administrator,
                MustChangePassword = true,
                CreatedAt = db.Clock.GetUtcNow().UtcDateTime,
            };
            Accounts.SetPassword(admin, oneTime);
            db.Users.Add(admin);
            AuditTrail.Add(db, AuditEventType.UserCreated, AuditOperation.Create, nameof(User), FirstAdministrator, null, "First administrator created at start-up with a one-time password");
            await db.SaveChangesAsync(ct);
        }
        var demoCreated = false;
        if (createDemo && !await DemoLocality.HasLocalityAsync(db, ct))
        {
            await DemoLocality.CreateAsync(db, demo ?? new DemoOptions(), progress, ct);
            demoCreated = true;
            // The first administrator can work in the demo locality too.
            var loc = await db.Localities.SingleAsync(l => l.Name == DemoLocality.Name, ct);
            var admin = await db.Users.SingleOrDefaultAsync(u => u.UserName == FirstAdministrator, ct);
            if (admin is not null && !await db.UserLocalities.AnyAsync(x => x.UserId == admin.Id && x.LocalityId == loc.Id, ct))
            {
                db.UserLocalities.Add(new UserLocality { UserId = admin.Id, LocalityId = loc.Id });
                await db.SaveChangesAsync(ct);
            }
        }
        var version = await SchemaUpgrader.CurrentVersionAsync(db, options.Provider, ct);
        return new StartupReport(version, applied, oneTime, demoCreated);
    }
}
