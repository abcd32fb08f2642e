using System.Data.Common;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Data.Schema;

/// <summary>A database LocalFlow must not touch: it cannot be opened, is not LocalFlow's, or is newer than this code.</summary>
public sealed class DatabaseStartupException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>One versioned schema step, written as SQL for one provider.</summary>
public sealed record SchemaVersion(int Version, string Name, string Sql);

/// <summary>
/// Versioned schema without <c>dotnet ef</c>: each version is a SQL file per provider in
/// Schema/sqlite and Schema/postgres (embedded), applied in order inside a transaction at start-up
/// and recorded in <c>localflow_schema</c>. A test checks that the scripts build exactly the EF model.
/// </summary>
public static partial class SchemaUpgrader
{
    public const string VersionTable = "localflow_schema";

    [GeneratedRegex(@"Schema\.(sqlite|postgres)\.(\d{4})_([A-Za-z0-9_]+)\.sql$")]
    private static partial Regex ResourceName();

    /// <summary>All versions known to this build, in order, for a provider.</summary>
    public static IReadOnlyList<SchemaVersion> Versions(DatabaseProvider provider)
    {
        var folder = provider == DatabaseProvider.Sqlite ? "sqlite" : "postgres";
        var asm = typeof(SchemaUpgrader).Assembly;
        var list = new List<SchemaVersion>();
        foreach (var name in asm.GetManifestResourceNames())
        {
            var m = ResourceName().Match(name);
            if (!m.Success || m.Groups[1].Value != folder)
            {
                continue;
            }
            using var stream = asm.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            list.Add(new SchemaVersion(int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture), m.Groups[3].Value, reader.ReadToEnd()));
        }
        list.Sort((a, b) => a.Version.CompareTo(b.Version));
        // Capabilities are built in parallel branches that each take the next number, so a branch may hold
        // version 7 before version 6 has been merged. A gap is allowed; a number used twice is not. Upgrades
        // apply every version the database has not recorded (see UpgradeAsync), so the missing one is applied
        // when it arrives.
        for (var i = 1; i < list.Count; i++)
        {
            if (list[i].Version == list[i - 1].Version)
            {
                throw new InvalidOperationException($"Schema version {list[i].Version} for {folder} is used twice: {list[i - 1].Name} and {list[i].Name}.");
            }
        }
        if (list.Count > 0 && list[0].Version != 1)
        {
            throw new InvalidOperationException($"Schema versions for {folder} must start at 1; the first is {list[0].Version}.");
        }
        return list;
    }

    /// <summary>The highest version known to this build.</summary>
    public static int LatestVersion(DatabaseProvider provider) => Versions(provider) is { Count: > 0 } v ? v[^1].Version : 0;

    /// <summary>The version the database is at: 0 for an empty database.</summary>
    public static async Task<int> CurrentVersionAsync(LocalFlowDb db, DatabaseProvider provider, CancellationToken ct = default)
    {
        var conn = db.Database.GetDbConnection();
        await OpenAsync(conn, db, ct);
        if (!await TableExistsAsync(conn, provider, VersionTable, ct))
        {
            if (await CountTablesAsync(conn, provider, ct) > 0)
            {
                throw new DatabaseStartupException(
                    $"The database at {Describe(db, provider)} already holds tables but is not a LocalFlow database (it has no {VersionTable} table). LocalFlow has changed nothing. Point LocalFlow at an empty database or a LocalFlow one.");
            }
            return 0;
        }
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = $"SELECT COALESCE(MAX(version), 0) FROM {VersionTable}";
        return Convert.ToInt32(await cmd.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Brings the database up to <paramref name="targetVersion"/> (default: the latest), one transaction per version.</summary>
    /// <returns>The versions applied.</returns>
    public static async Task<IReadOnlyList<SchemaVersion>> UpgradeAsync(LocalFlowDb db, DatabaseProvider provider, int? targetVersion = null, CancellationToken ct = default)
    {
        var versions = Versions(provider);
        var target = targetVersion ?? (versions.Count == 0 ? 0 : versions[^1].Version);
        int current;
        try
        {
            current = await CurrentVersionAsync(db, provider, ct);
        }
        catch (DatabaseStartupException)
        {
            throw;
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException or IOException)
        {
            throw new DatabaseStartupException($"LocalFlow could not open the database at {Describe(db, provider)}: {ex.Message}. Nothing was changed.", ex);
        }
        var latest = versions.Count == 0 ? 0 : versions[^1].Version;
        if (current > latest)
        {
            throw new DatabaseStartupException(
                $"The database at {Describe(db, provider)} is at schema version {current}, but this LocalFlow only knows versions up to {latest}. It was made by a newer LocalFlow: run that version, or restore a backup. Nothing was changed.");
        }
        var applied = new List<SchemaVersion>();
        var conn = db.Database.GetDbConnection();
        var done = current == 0 ? [] : await AppliedVersionsAsync(conn, ct);
        if (provider == DatabaseProvider.Sqlite && current == 0)
        {
            // WAL lets several people capture at once while others read the analysis.
            await using var wal = conn.CreateCommand();
            wal.CommandText = "PRAGMA journal_mode=WAL;";
            await wal.ExecuteNonQueryAsync(ct);
        }
        foreach (var v in versions)
        {
            // A version below the current one that the database has not recorded came from a branch merged
            // later (its tables are new to this database): it is applied now, in number order.
            if (done.Contains(v.Version) || v.Version > target)
            {
                continue;
            }
            await using var tx = await conn.BeginTransactionAsync(ct);
            if (v.Version == 1)
            {
                await using var create = conn.CreateCommand();
                create.Transaction = tx;
                create.CommandText = provider == DatabaseProvider.Sqlite
                    ? $"CREATE TABLE IF NOT EXISTS {VersionTable} (version INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL);"
                    : $"CREATE TABLE IF NOT EXISTS {VersionTable} (version integer NOT NULL PRIMARY KEY, name text NOT NULL, applied_at timestamp with time zone NOT NULL);";
                await create.ExecuteNonQueryAsync(ct);
            }
            await using (var cmd = conn.CreateCommand())
            {
                cmd.Transaction = tx;
                cmd.CommandText = v.Sql;
                cmd.CommandTimeout = 600;
                await cmd.ExecuteNonQueryAsync(ct);
            }
            await using (var record = conn.CreateCommand())
            {
                record.Transaction = tx;
                record.CommandText = $"INSERT INTO {VersionTable} (version, name, applied_at) VALUES (@v, @n, @a)";
                AddParameter(record, "@v", v.Version);
                AddParameter(record, "@n", v.Name);
                AddParameter(record, "@a", provider == DatabaseProvider.Sqlite ? DateTime.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture) : DateTime.UtcNow);
                await record.ExecuteNonQueryAsync(ct);
            }
            await tx.CommitAsync(ct);
            applied.Add(v);
        }
        return applied;
    }

    /// <summary>
    /// The versions this build knows that the database has not recorded, in order: every one for an empty
    /// database, and also any lower version merged after a higher one was applied. Empty when it is up to date.
    /// </summary>
    public static async Task<IReadOnlyList<SchemaVersion>> PendingVersionsAsync(LocalFlowDb db, DatabaseProvider provider, CancellationToken ct = default)
    {
        var versions = Versions(provider);
        if (await CurrentVersionAsync(db, provider, ct) == 0)
        {
            return versions;
        }
        var done = await AppliedVersionsAsync(db.Database.GetDbConnection(), ct);
        return [.. versions.Where(v => !done.Contains(v.Version))];
    }

    private static async Task<HashSet<int>> AppliedVersionsAsync(DbConnection conn, CancellationToken ct)
    {
        var done = new HashSet<int>();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = $"SELECT version FROM {VersionTable}";
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            done.Add(Convert.ToInt32(r.GetValue(0), System.Globalization.CultureInfo.InvariantCulture));
        }
        return done;
    }

    private static void AddParameter(DbCommand cmd, string name, object value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        cmd.Parameters.Add(p);
    }

    private static async Task OpenAsync(DbConnection conn, LocalFlowDb db, CancellationToken ct)
    {
        if (conn.State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(ct);
        }
    }

    private static async Task<bool> TableExistsAsync(DbConnection conn, DatabaseProvider provider, string table, CancellationToken ct)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = provider == DatabaseProvider.Sqlite
            ? "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = @t"
            : "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = @t";
        AddParameter(cmd, "@t", table);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    /// <summary>How many tables the database holds (0 for an empty one), LocalFlow's or not.</summary>
    internal static async Task<long> CountTablesAsync(LocalFlowDb db, DatabaseProvider provider, CancellationToken ct)
    {
        var conn = db.Database.GetDbConnection();
        await OpenAsync(conn, db, ct);
        return await CountTablesAsync(conn, provider, ct);
    }

    private static async Task<long> CountTablesAsync(DbConnection conn, DatabaseProvider provider, CancellationToken ct)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = provider == DatabaseProvider.Sqlite
            ? "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            : "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()";
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string Describe(LocalFlowDb db, DatabaseProvider provider)
        => new DatabaseOptions(provider, db.Database.GetConnectionString() ?? "").Describe();

    /// <summary>The CREATE script EF would write for the current model (used to write a new version's SQL, and by the drift test).</summary>
    public static string ModelCreateScript(LocalFlowDb db) => db.Database.GenerateCreateScript();

    internal static Assembly Assembly => typeof(SchemaUpgrader).Assembly;
}
