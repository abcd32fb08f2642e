using Npgsql;

namespace LocalFlow.TestSupport;

/// <summary>
/// Databases on the throwaway PostgreSQL server named by <see cref="TestDatabase.PostgresVariable"/>: made empty or
/// as a copy of a template database (PostgreSQL's own <c>CREATE DATABASE … TEMPLATE</c>), and dropped.
/// </summary>
public static class PostgresDatabases
{
    /// <summary>Whether the web tests run on PostgreSQL: ./test.sh sets LOCALFLOW_WEB_DB=postgres for its second pass.</summary>
    public static bool WebTestsOnPostgres => string.Equals(Environment.GetEnvironmentVariable("LOCALFLOW_WEB_DB"), "postgres", StringComparison.OrdinalIgnoreCase);

    private static string Admin => Environment.GetEnvironmentVariable(TestDatabase.PostgresVariable) is { Length: > 0 } admin
        ? admin
        : throw new InvalidOperationException($"PostgreSQL tests need {TestDatabase.PostgresVariable} (./test.sh starts a throwaway server and sets it).");

    /// <summary>
    /// Makes a new database (a copy of <paramref name="template"/> when given) and returns its name and connection
    /// string. Data tests ask for no connection pooling, so that a dropped database leaves nothing behind.
    /// </summary>
    public static (string Name, string ConnectionString) Create(string? template = null, string prefix = "lf_web_", bool pooling = true)
    {
        var name = prefix + Guid.NewGuid().ToString("N")[..16];
        Execute(template is null ? $"CREATE DATABASE {name}" : $"CREATE DATABASE {name} TEMPLATE {template}");
        return (name, new NpgsqlConnectionStringBuilder(Admin) { Database = name, Pooling = pooling }.ConnectionString);
    }

    /// <summary>Drops a database, closing any connection still open to it.</summary>
    public static void Drop(string name, string connectionString)
    {
        ClosePooledConnections(connectionString);
        Execute($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
    }

    /// <summary>
    /// Closes this process's idle pooled connections to one database (a template must have none). Only that
    /// database's pool: other tests' connections are left alone.
    /// </summary>
    public static void ClosePooledConnections(string connectionString)
    {
        using var conn = new NpgsqlConnection(connectionString);
        NpgsqlConnection.ClearPool(conn);
    }

    private static void Execute(string sql)
    {
        using var conn = new NpgsqlConnection(Admin);
        conn.Open();
        using var cmd = new NpgsqlCommand(sql, conn);
        cmd.ExecuteNonQuery();
    }
}
