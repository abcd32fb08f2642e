using System.Globalization;
using System.Text;
using LocalFlow.Data.Entities;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace LocalFlow.Data.Flow;

/// <summary>
/// Writes activity records into SQLite through the native statement API: one prepared INSERT, values bound by
/// position as UTF-8 straight from the record (no parameter objects, no boxing, no strings made per value),
/// stepped and reset per row inside the caller's transaction. Values are written in exactly the text forms
/// Microsoft.Data.Sqlite and EF Core write and read: GUIDs as upper-case text, instants as
/// "yyyy-MM-dd HH:mm:ss.FFFFFFF" (UTC), decimals as invariant text, booleans as 0/1. A constraint failure
/// throws <see cref="SqliteException"/> with SQLite's own message, as the parameterised command did.
/// </summary>
internal sealed class SqliteActivityWriter : IDisposable
{
    private const int SqliteOk = 0;
    private const int SqliteDone = 101;
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _stmt;
    private readonly byte[] _buffer = new byte[64];

    public SqliteActivityWriter(SqliteConnection connection, IReadOnlyList<string> columns)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("The SQLite connection is not open.");
        var sql = $"INSERT INTO activity_records ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select(_ => "?"))})";
        Check(raw.sqlite3_prepare_v2(_db, sql, out _stmt));
    }

    public void Write(ActivityRecord r)
    {
        var s = _stmt;
        BindGuid(1, r.Id);
        raw.sqlite3_bind_int(s, 2, r.LocalityId);
        BindGuid(3, r.PersonId);
        BindGuid(4, r.HouseholdId);
        raw.sqlite3_bind_int(s, 5, r.AgencyId);
        BindInt(6, r.TeamId);
        BindInt(7, r.WorkerId);
        raw.sqlite3_bind_int(s, 8, (int)r.Kind);
        BindText(9, r.Subtype);
        BindInt(10, r.ReferredToAgencyId);
        BindInt(11, r.ReferredToTeamId);
        BindTime(12, r.StartUtc);
        BindTime(13, r.EndUtc);
        BindInt(14, r.SourceOffsetMinutes);
        BindText(15, r.SourceSystem);
        BindText(16, r.SourceRecordId);
        BindText(17, r.Text);
        BindDecimal(18, r.Cost);
        raw.sqlite3_bind_int(s, 19, r.CostFromCatalogue ? 1 : 0);
        BindInt(20, r.Helped is { } helped ? (helped ? 1 : 0) : null);
        BindInt(21, r.HelpedReason is { } why ? (int)why : null);
        BindText(22, r.HelpedNote);
        BindGuid(23, r.ImportId);
        BindInt(24, r.PriceYear);
        var rc = raw.sqlite3_step(s);
        raw.sqlite3_reset(s);
        if (rc != SqliteDone)
        {
            throw Error(rc);
        }
    }

    private void BindGuid(int index, Guid? value)
    {
        if (value is not { } g)
        {
            raw.sqlite3_bind_null(_stmt, index);
            return;
        }
        g.TryFormat(_buffer, out var written, "D");
        var span = _buffer.AsSpan(0, written);
        for (var i = 0; i < span.Length; i++)
        {
            if (span[i] is >= (byte)'a' and <= (byte)'f')
            {
                span[i] -= 'a' - 'A';
            }
        }
        raw.sqlite3_bind_text(_stmt, index, span);
    }

    private void BindInt(int index, int? value)
    {
        if (value is { } v)
        {
            raw.sqlite3_bind_int(_stmt, index, v);
        }
        else
        {
            raw.sqlite3_bind_null(_stmt, index);
        }
    }

    private void BindText(int index, string? value)
    {
        if (value is null)
        {
            raw.sqlite3_bind_null(_stmt, index);
        }
        else if (Encoding.UTF8.GetMaxByteCount(value.Length) <= _buffer.Length)
        {
            var written = Encoding.UTF8.GetBytes(value, _buffer);
            raw.sqlite3_bind_text(_stmt, index, _buffer.AsSpan(0, written));
        }
        else
        {
            raw.sqlite3_bind_text(_stmt, index, value);
        }
    }

    private void BindTime(int index, DateTime? value)
    {
        if (value is not { } v)
        {
            raw.sqlite3_bind_null(_stmt, index);
            return;
        }
        FlowStore.Utc(v).TryFormat(_buffer, out var written, @"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF", CultureInfo.InvariantCulture);
        raw.sqlite3_bind_text(_stmt, index, _buffer.AsSpan(0, written));
    }

    private void BindDecimal(int index, decimal? value)
    {
        if (value is not { } v)
        {
            raw.sqlite3_bind_null(_stmt, index);
            return;
        }
        v.TryFormat(_buffer, out var written, "0.0###########################", CultureInfo.InvariantCulture);
        raw.sqlite3_bind_text(_stmt, index, _buffer.AsSpan(0, written));
    }

    private void Check(int rc)
    {
        if (rc != SqliteOk)
        {
            throw Error(rc);
        }
    }

    private SqliteException Error(int rc)
        => new(raw.sqlite3_errmsg(_db).utf8_to_string(), rc, raw.sqlite3_extended_errcode(_db));

    public void Dispose() => _stmt.Dispose();
}
