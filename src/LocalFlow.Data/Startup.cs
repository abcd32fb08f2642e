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

    public static async Task<StartupReport> RunAsync(DatabaseOptions options, bool createDemo, DemoOptions? demo = null, IProgress<DemoProgress>? progress = null, TimeProvider? clock = null, CancellationToken ct = default)
    {
        await using var db = options.CreateContext(new SystemActor("start-up"), clock);
        var applied = await SchemaUpgrader.UpgradeAsync(db, options.Provider, ct: ct);
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
