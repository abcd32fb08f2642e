using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace LocalFlow.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// Where LocalFlow keeps its data. With no connection string, an embedded SQLite file in the data
/// folder; with <c>ConnectionStrings:LocalFlow</c> (or <c>--database</c>) set, that database:
/// PostgreSQL for "Host=..." strings, SQLite for "Data Source=..." strings.
/// </summary>
public sealed record DatabaseOptions(DatabaseProvider Provider, string ConnectionString)
{
    public const string DefaultFileName = "localflow.db";

    public static DatabaseOptions FromConfiguration(IConfiguration configuration, string contentRoot)
    {
        var cs = configuration.GetConnectionString("LocalFlow");
        if (!string.IsNullOrWhiteSpace(cs))
        {
            return FromConnectionString(cs);
        }
        var dataDir = configuration["LocalFlow:DataDirectory"];
        if (string.IsNullOrWhiteSpace(dataDir))
        {
            dataDir = Path.Combine(contentRoot, "data");
        }
        return ForSqliteFile(Path.Combine(Path.GetFullPath(dataDir), DefaultFileName));
    }

    /// <summary>
    /// A SQLite file. A folder or file LocalFlow creates for it is readable by its owner only (0700 and 0600 on Linux
    /// and macOS); SQLite gives its journal and WAL files the database file's permissions (docs/operations.md).
    /// </summary>
    public static DatabaseOptions ForSqliteFile(string path)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(dir))
        {
            OwnerOnly.CreateDirectory(dir);
        }
        OwnerOnly.CreateFile(path);
        return new DatabaseOptions(DatabaseProvider.Sqlite, $"Data Source={path};Foreign Keys=True;Pooling=True");
    }

    public static DatabaseOptions FromConnectionString(string connectionString)
    {
        var cs = connectionString.Trim();
        var isSqlite = cs.StartsWith("Data Source=", StringComparison.OrdinalIgnoreCase)
            || cs.StartsWith("DataSource=", StringComparison.OrdinalIgnoreCase)
            || cs.StartsWith("Filename=", StringComparison.OrdinalIgnoreCase);
        return isSqlite
            ? new DatabaseOptions(DatabaseProvider.Sqlite, cs)
            : new DatabaseOptions(DatabaseProvider.Postgres, cs);
    }

    public void Configure(DbContextOptionsBuilder builder)
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            builder.UseSqlite(ConnectionString, o => o.CommandTimeout(120));
        }
        else
        {
            builder.UseNpgsql(ConnectionString, o => o.SetPostgresVersion(15, 0).CommandTimeout(120));
        }
    }

    public LocalFlowDb CreateContext(Audit.IAuditActor? actor = null, TimeProvider? clock = null)
    {
        var builder = new DbContextOptionsBuilder<LocalFlowDb>();
        Configure(builder);
        return new LocalFlowDb(builder.Options, actor ?? new Audit.SystemActor("system"), clock ?? TimeProvider.System);
    }

    /// <summary>A description for people: the file for SQLite, host and database for PostgreSQL (never the password).</summary>
    public string Describe()
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            var b = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(ConnectionString);
            return $"SQLite file {b.DataSource}";
        }
        var n = new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString);
        return $"PostgreSQL database {n.Database} on {n.Host}:{n.Port}";
    }
}
