using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace LocalFlow.Data.Flow;

/// <summary>
/// Runs a query's own command (as EF Core writes it, <c>IQueryable.CreateDbCommand()</c>) through SQLite's functions
/// directly, reading each row with <see cref="SqliteRows"/>: for reads of a hundred thousand rows and more, where the
/// per-column cost of Microsoft.Data.Sqlite's reader and of parsing its text into dates and ids outweighs SQLite's own
/// work. The parameters are bound as Microsoft.Data.Sqlite binds them (numbers as integers, dates as
/// "yyyy-MM-dd HH:mm:ss.FFFFFFF", days as "yyyy-MM-dd"); a command with a parameter of any other type is not run here,
/// and the caller reads it the usual way.
/// </summary>
internal static class SqliteCommandRows
{
    /// <summary>
    /// Runs <paramref name="command"/> on its open SQLite connection, calling <paramref name="row"/> for each row; false,
    /// having run nothing, when the connection is not SQLite's or a parameter is of a type not bound here.
    /// </summary>
    public static bool TryRead(DbCommand command, Action<SqliteRows> row, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(row);
        if (command.Connection is not SqliteConnection { Handle: { } handle } || command.Parameters.Cast<DbParameter>().Any(p => !Bindable(p.Value)))
        {
            return false;
        }
        if (raw.sqlite3_prepare_v2(handle, command.CommandText, out var statement) != 0)
        {
            throw new SqliteException(raw.sqlite3_errmsg(handle).utf8_to_string(), raw.sqlite3_errcode(handle));
        }
        using (statement)
        {
            foreach (DbParameter p in command.Parameters)
            {
                var at = raw.sqlite3_bind_parameter_index(statement, p.ParameterName);
                if (at > 0)
                {
                    Bind(statement, at, p.Value);
                }
            }
            using var rows = new SqliteRows(statement);
            var read = 0;
            int error;
            while (rows.Next(out error))
            {
                row(rows);
                if ((++read & 0xFFFF) == 0)
                {
                    ct.ThrowIfCancellationRequested();
                }
            }
            if (error != 0)
            {
                throw new SqliteException(raw.sqlite3_errmsg(handle).utf8_to_string(), error);
            }
        }
        return true;
    }

    private static bool Bindable(object? value) => value is null or DBNull or int or long or short or bool or string or DateTime or DateOnly or double;

    private static void Bind(sqlite3_stmt statement, int at, object? value)
    {
        var rc = value switch
        {
            null or DBNull => raw.sqlite3_bind_null(statement, at),
            int i => raw.sqlite3_bind_int64(statement, at, i),
            long l => raw.sqlite3_bind_int64(statement, at, l),
            short s => raw.sqlite3_bind_int64(statement, at, s),
            bool b => raw.sqlite3_bind_int64(statement, at, b ? 1 : 0),
            string text => raw.sqlite3_bind_text(statement, at, text),
            DateTime d => raw.sqlite3_bind_text(statement, at, d.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture)),
            DateOnly d => raw.sqlite3_bind_text(statement, at, d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            double d => raw.sqlite3_bind_double(statement, at, d),
            _ => throw new ArgumentOutOfRangeException(nameof(value), value.GetType().Name, "Not a parameter type bound here."),
        };
        if (rc != 0)
        {
            throw new InvalidOperationException($"SQLite refused parameter {at} ({rc}).");
        }
    }
}
