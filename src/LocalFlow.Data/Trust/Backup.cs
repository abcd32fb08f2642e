using System.Diagnostics;
using System.Globalization;
using LocalFlow.Data.Audit;
using LocalFlow.Data.Schema;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace LocalFlow.Data.Trust;

/// <summary>Why a backup or a restore was refused or failed, in words for the person running it.</summary>
public sealed class BackupException(string message) : Exception(message);

/// <summary>What a restore did: the schema version restored and the audit chain's state afterwards.</summary>
public sealed record RestoreResult(int SchemaVersion, AuditVerification Audit);

/// <summary>
/// Backup and restore of a whole LocalFlow database (docs/security.md, issue 14 item 13). SQLite: an online copy
/// through SQLite's backup API, taken while people keep working. PostgreSQL: pg_dump and pg_restore from Debian's
/// PostgreSQL package, in pg_dump's custom format.
/// </summary>
public static class Backup
{
    private static readonly byte[] SqliteHeader = "SQLite format 3\0"u8.ToArray();
    private static readonly byte[] PostgresHeader = "PGDMP"u8.ToArray();

    /// <summary>
    /// Copies the database to <paramref name="file"/>, which must not exist yet, readable by its owner only. An audit
    /// entry saying who made the backup is written first, so the backup holds it too.
    /// </summary>
    public static async Task MakeAsync(DatabaseOptions options, string file, IAuditActor actor, CancellationToken ct = default)
    {
        file = Path.GetFullPath(file);
        if (File.Exists(file))
        {
            throw new BackupException($"{file} already exists. Choose a new file name: a backup never overwrites a file.");
        }
        var dir = Path.GetDirectoryName(file)!;
        if (!Directory.Exists(dir))
        {
            throw new BackupException($"The folder {dir} does not exist.");
        }
        await using (var db = options.CreateContext(actor))
        {
            AuditTrail.Add(db, AuditEventType.BackupMade, AuditOperation.Read, "Database", null, null, $"Backup to {Path.GetFileName(file)}");
            await db.SaveChangesAsync(ct);
        }
        CreateOwnerOnly(file);
        try
        {
            if (options.Provider == DatabaseProvider.Sqlite)
            {
                await using var source = new SqliteConnection(options.ConnectionString);
                await source.OpenAsync(ct);
                await using var target = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ConnectionString);
                await target.OpenAsync(ct);
                source.BackupDatabase(target);
            }
            else
            {
                await RunAsync("pg_dump", options.ConnectionString, ["--format=custom", "--no-owner", "--no-privileges", "--file", file], ct);
            }
        }
        catch
        {
            File.Delete(file);
            throw;
        }
    }

    /// <summary>
    /// Replaces the database with the backup in <paramref name="file"/>. Refuses a database that holds any table unless
    /// <paramref name="force"/>, refuses a file that is not a backup of this provider or that comes from a newer
    /// LocalFlow, then checks the restored audit chain and records the restore in it.
    /// </summary>
    public static async Task<RestoreResult> RestoreAsync(DatabaseOptions options, string file, bool force, IAuditActor actor, CancellationToken ct = default)
    {
        file = Path.GetFullPath(file);
        if (!File.Exists(file))
        {
            throw new BackupException($"{file} does not exist.");
        }
        var header = new byte[16];
        await using (var f = File.OpenRead(file))
        {
            await f.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, ct);
        }
        var isSqlite = header.AsSpan().StartsWith(SqliteHeader);
        var isPostgres = header.AsSpan().StartsWith(PostgresHeader);
        if (options.Provider == DatabaseProvider.Sqlite && !isSqlite)
        {
            throw new BackupException(isPostgres
                ? $"{file} is a PostgreSQL backup (pg_dump), but the database to restore into is SQLite. Restore it into a PostgreSQL database with --database \"Host=...\"."
                : $"{file} is not a LocalFlow backup: it is neither a SQLite database nor a pg_dump file.");
        }
        if (options.Provider == DatabaseProvider.Postgres && !isPostgres)
        {
            throw new BackupException(isSqlite
                ? $"{file} is a SQLite backup, but the database to restore into is PostgreSQL. Restore it into a SQLite file with --data-dir or --database \"Data Source=...\"."
                : $"{file} is not a LocalFlow backup: it is neither a SQLite database nor a pg_dump file.");
        }

        await using (var db = options.CreateContext(actor))
        {
            var tables = await SchemaUpgrader.CountTablesAsync(db, options.Provider, ct);
            if (tables > 0 && !force)
            {
                throw new BackupException($"The {options.Describe()} is not empty (it holds {tables.ToString(CultureInfo.InvariantCulture)} tables). Restoring replaces everything in it: add --force to do so, or restore into an empty database.");
            }
        }

        if (options.Provider == DatabaseProvider.Sqlite)
        {
            await RestoreSqliteAsync(options, file, ct);
        }
        else
        {
            var args = new List<string> { "--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction" };
            if (force)
            {
                args.AddRange(["--clean", "--if-exists"]);
            }
            args.Add(file);
            await RunAsync("pg_restore", options.ConnectionString, args, ct);
            NpgsqlConnection.ClearAllPools();
        }

        await using (var db = options.CreateContext(actor))
        {
            var version = await SchemaUpgrader.CurrentVersionAsync(db, options.Provider, ct);
            var audit = await AuditChain.VerifyAsync(db, ct: ct);
            AuditTrail.Add(db, AuditEventType.Restored, AuditOperation.Other, "Database", null, null,
                $"Restored from {Path.GetFileName(file)}; audit chain {(audit.Whole ? "whole" : $"broken at entry {audit.BrokenAt}")}");
            await db.SaveChangesAsync(ct);
            return new RestoreResult(version, audit);
        }
    }

    private static async Task RestoreSqliteAsync(DatabaseOptions options, string file, CancellationToken ct)
    {
        await using var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ConnectionString);
        await source.OpenAsync(ct);
        var version = await BackupVersionAsync(source, ct);
        var latest = SchemaUpgrader.LatestVersion(DatabaseProvider.Sqlite);
        if (version > latest)
        {
            throw new BackupException($"{file} was made by a newer LocalFlow (schema version {version}; this one knows up to {latest}). Restore it with that version. Nothing was changed.");
        }
        SqliteConnection.ClearAllPools();
        await using var target = new SqliteConnection(options.ConnectionString);
        await target.OpenAsync(ct);
        source.BackupDatabase(target);
        SqliteConnection.ClearAllPools();
    }

    private static async Task<int> BackupVersionAsync(SqliteConnection source, CancellationToken ct)
    {
        try
        {
            await using var cmd = source.CreateCommand();
            cmd.CommandText = $"SELECT COALESCE(MAX(version), 0) FROM {SchemaUpgrader.VersionTable}";
            return Convert.ToInt32(await cmd.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
        }
        catch (SqliteException)
        {
            throw new BackupException($"{source.DataSource} is a SQLite database but not a LocalFlow one (it has no {SchemaUpgrader.VersionTable} table). Nothing was changed.");
        }
    }

    // The connection goes to pg_dump and pg_restore as libpq environment variables, so the password never appears in
    // a process list.
    private static async Task RunAsync(string tool, string connectionString, IEnumerable<string> args, CancellationToken ct)
    {
        var path = FindPostgresTool(tool);
        var cs = new NpgsqlConnectionStringBuilder(connectionString);
        var psi = new ProcessStartInfo(path) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }
        psi.ArgumentList.Add("--dbname=" + cs.Database);
        psi.Environment["PGHOST"] = cs.Host ?? "localhost";
        psi.Environment["PGPORT"] = cs.Port.ToString(CultureInfo.InvariantCulture);
        psi.Environment["PGDATABASE"] = cs.Database ?? "";
        if (cs.Username is { Length: > 0 } user)
        {
            psi.Environment["PGUSER"] = user;
        }
        if (cs.Password is { Length: > 0 } password)
        {
            psi.Environment["PGPASSWORD"] = password;
        }
        psi.Environment["PGSSLMODE"] = cs.SslMode switch
        {
            SslMode.Disable => "disable",
            SslMode.Require => "require",
            SslMode.VerifyCA => "verify-ca",
            SslMode.VerifyFull => "verify-full",
            _ => "prefer",
        };
        using var p = Process.Start(psi) ?? throw new BackupException($"{path} could not be started.");
        var stdout = p.StandardOutput.ReadToEndAsync(ct);
        var stderr = p.StandardError.ReadToEndAsync(ct);
        await p.WaitForExitAsync(ct);
        await stdout;
        var errors = (await stderr).Trim();
        if (p.ExitCode != 0)
        {
            throw new BackupException($"{tool} failed (exit code {p.ExitCode.ToString(CultureInfo.InvariantCulture)}): {errors}");
        }
    }

    /// <summary>
    /// The newest <paramref name="tool"/> of Debian's PostgreSQL packages (/usr/lib/postgresql/N/bin, which may hold
    /// several versions; the newest dumps every older server), else the one on the PATH.
    /// </summary>
    internal static string FindPostgresTool(string tool)
    {
        const string debian = "/usr/lib/postgresql";
        if (Directory.Exists(debian))
        {
            var found = Directory.EnumerateDirectories(debian)
                .Select(d => (Dir: d, Version: int.TryParse(Path.GetFileName(d), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : -1))
                .OrderByDescending(d => d.Version)
                .Select(d => Path.Combine(d.Dir, "bin", tool))
                .FirstOrDefault(File.Exists);
            if (found is not null)
            {
                return found;
            }
        }
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, tool);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new BackupException($"{tool} was not found in /usr/lib/postgresql/*/bin or on the PATH. Install Debian's PostgreSQL client (apt-get install postgresql-client) at the server's version or newer, and try again.");
    }

    private static void CreateOwnerOnly(string file)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        using var _ = new FileStream(file, options);
    }
}
