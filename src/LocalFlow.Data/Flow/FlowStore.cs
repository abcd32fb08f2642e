using LocalFlow.Data.Audit;
using LocalFlow.Data.Entities;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace LocalFlow.Data.Flow;

/// <summary>
/// Stores activity records in bulk and undoes imports as one unit. Bulk inserts bypass EF change tracking:
/// SQLite gets one prepared INSERT bound by position through the native API (SqliteActivityWriter) inside one transaction;
/// PostgreSQL gets binary COPY. Both write exactly the values EF reads back (UTC instants, upper-case
/// GUID text on SQLite). Rows are personal data: the caller audits the import as one entry.
/// </summary>
public static class FlowStore
{
    private static readonly string[] Columns =
    [
        "id", "locality_id", "person_id", "household_id", "agency_id", "team_id", "worker_id", "kind", "subtype",
        "referred_to_agency_id", "referred_to_team_id", "start_utc", "end_utc", "source_offset_minutes", "source_system",
        "source_record_id", "text", "cost", "cost_from_catalogue", "helped", "helped_reason", "helped_note", "import_id",
        "price_year",
    ];

    /// <summary>
    /// Stores a file's records as one import: the import row, every record (stamped with the import's id),
    /// and one audit entry, in one transaction. Any failure (a duplicate source id, a person that does not
    /// exist) rolls everything back and rethrows: a rejected file changes nothing.
    /// </summary>
    public static async Task<FlowImport> ImportAsync(LocalFlowDb db, FlowImport import, IEnumerable<ActivityRecord> records, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(import);
        import.ImportedBy = string.IsNullOrEmpty(import.ImportedBy) ? db.Actor.UserName : import.ImportedBy;
        import.ImportedByUserId ??= db.Actor.UserId;
        import.ImportedUtc = import.ImportedUtc == default ? db.Clock.GetUtcNow().UtcDateTime : import.ImportedUtc;
        import.Status = FlowImportStatus.Completed;
        var own = db.Database.CurrentTransaction is null;
        await db.Database.OpenConnectionAsync(ct);
        var tx = own ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            // what the import adds its records to: held until the end, so the last stamp can say only this import changed it
            var before = await FlowDataVersion.HoldAsync(db, import.LocalityId, ct);
            db.FlowImports.Add(import);
            await db.SaveChangesAsync(ct);
            var count = await BulkInsertAsync(db, Stamp(records, import), ct);
            import.RecordCount = checked((int)count);
            AuditTrail.Add(db, AuditEventType.FlowImported, AuditOperation.Create, nameof(FlowImport), import.Id.ToString(), import.LocalityId,
                $"Imported {count:N0} activity records from {import.FileName} ({import.SourceSystem})");
            await db.SaveChangesAsync(ct);
            await FlowDataVersion.AppendedAsync(db, import.LocalityId, import.Id, before, ct);
            if (tx is not null)
            {
                await tx.CommitAsync(ct);
            }
            return import;
        }
        catch
        {
            if (tx is not null)
            {
                await tx.RollbackAsync(CancellationToken.None);
            }
            db.ChangeTracker.Clear();
            throw;
        }
        finally
        {
            if (tx is not null)
            {
                await tx.DisposeAsync();
            }
        }
    }

    private static IEnumerable<ActivityRecord> Stamp(IEnumerable<ActivityRecord> records, FlowImport import)
    {
        foreach (var r in records)
        {
            if (r.LocalityId != import.LocalityId)
            {
                throw new InvalidOperationException($"Record {r.SourceRecordId} belongs to locality {r.LocalityId}, but the import is for locality {import.LocalityId}.");
            }
            r.ImportId = import.Id;
            yield return r;
        }
    }

    /// <summary>
    /// Deletes an import's records and marks it undone, in one transaction, with one audit entry.
    /// Returns the number of records deleted. Undoing an import that is already undone is refused.
    /// </summary>
    public static async Task<int> UndoImportAsync(LocalFlowDb db, int localityId, Guid importId, CancellationToken ct = default)
    {
        var import = await db.FlowImports.SingleOrDefaultAsync(i => i.LocalityId == localityId && i.Id == importId, ct)
            ?? throw new InvalidOperationException($"There is no import {importId} in this locality.");
        if (import.Status == FlowImportStatus.Undone)
        {
            throw new InvalidOperationException($"The import of {import.FileName} was already undone on {import.UndoneUtc:yyyy-MM-dd HH:mm} by {import.UndoneBy}.");
        }
        var own = db.Database.CurrentTransaction is null;
        await using var tx = own ? await db.Database.BeginTransactionAsync(ct) : null;
        var deleted = await db.ActivityRecords.Where(r => r.LocalityId == localityId && r.ImportId == importId).ExecuteDeleteAsync(ct);
        import.Status = FlowImportStatus.Undone;
        import.UndoneUtc = db.Clock.GetUtcNow().UtcDateTime;
        import.UndoneBy = db.Actor.UserName;
        AuditTrail.Add(db, AuditEventType.FlowImported, AuditOperation.Delete, nameof(FlowImport), import.Id.ToString(), localityId,
            $"Undid the import of {import.FileName}: {deleted:N0} activity records deleted");
        await db.SaveChangesAsync(ct);
        if (tx is not null)
        {
            await tx.CommitAsync(ct);
        }
        return deleted;
    }

    /// <summary>
    /// Inserts records without change tracking, inside the context's current transaction (or one of its own).
    /// Returns how many were stored, and stamps a new <see cref="FlowDataVersion"/> for each locality written to. Values that break a constraint
    /// throw and nothing of this call is kept.
    /// </summary>
    public static async Task<long> BulkInsertAsync(LocalFlowDb db, IEnumerable<ActivityRecord> records, CancellationToken ct = default)
    {
        await db.Database.OpenConnectionAsync(ct);
        var own = db.Database.CurrentTransaction is null;
        await using var tx = own ? await db.Database.BeginTransactionAsync(ct) : null;
        var conn = db.Database.GetDbConnection();
        var localities = new HashSet<int>();
        var count = conn switch
        {
            SqliteConnection sqlite => InsertSqlite(sqlite, Noting(records, localities), ct),
            NpgsqlConnection npgsql => await CopyPostgresAsync(npgsql, Noting(records, localities), ct),
            _ => throw new NotSupportedException($"Bulk insert is not written for {conn.GetType().Name}."),
        };
        foreach (var locality in localities)
        {
            await FlowDataVersion.ChangedAsync(db, locality, ct);
        }
        if (tx is not null)
        {
            await tx.CommitAsync(ct);
        }
        return count;
    }

    private static IEnumerable<ActivityRecord> Noting(IEnumerable<ActivityRecord> records, HashSet<int> localities)
    {
        var last = int.MinValue;
        foreach (var r in records)
        {
            if (r.LocalityId != last)
            {
                localities.Add(last = r.LocalityId);
            }
            yield return r;
        }
    }

    /// <summary>The page cache a bulk insert may use, in KiB (SQLite's default is 2 MiB).</summary>
    private const int BulkInsertCacheKiB = 128 * 1024;

    private static long InsertSqlite(SqliteConnection conn, IEnumerable<ActivityRecord> records, CancellationToken ct)
    {
        // The records arrive in file order, not in the order of the (person, time) and source-id indexes: with
        // the default 2 MiB cache their pages are written out and read back again and again. A larger cache for
        // the length of the insert (it grows only as pages are used) takes about a quarter off each record.
        var previousCache = Pragma(conn, "PRAGMA cache_size");
        Pragma(conn, $"PRAGMA cache_size = -{BulkInsertCacheKiB}");
        try
        {
            using var writer = new SqliteActivityWriter(conn, Columns);
            long n = 0;
            foreach (var r in records)
            {
                Validate(r);
                writer.Write(r);
                if ((++n & 0x3FFF) == 0)
                {
                    ct.ThrowIfCancellationRequested();
                }
            }
            return n;
        }
        finally
        {
            Pragma(conn, $"PRAGMA cache_size = {previousCache}");
        }
    }

    private static long Pragma(SqliteConnection conn, string sql)
    {
        using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(cmd.ExecuteScalar() ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<long> CopyPostgresAsync(NpgsqlConnection conn, IEnumerable<ActivityRecord> records, CancellationToken ct)
    {
        // Synchronous writes per value: the importer buffers, and an await per field costs more than the copy.
        await using var writer = await conn.BeginBinaryImportAsync($"COPY activity_records ({string.Join(", ", Columns)}) FROM STDIN (FORMAT BINARY)", ct);
        // The importer waits for the server with the connection's command timeout (30 s by default), not EF's: a large
        // file's final commit of rows and indexes on a busy server took longer and failed as "Exception while reading
        // from stream" (a timeout), so it gets the schema upgrade's ten minutes.
        writer.Timeout = TimeSpan.FromMinutes(10);
        long n = 0;
        foreach (var r in records)
        {
            Validate(r);
            writer.StartRow();
            writer.Write(r.Id, NpgsqlDbType.Uuid);
            writer.Write(r.LocalityId, NpgsqlDbType.Integer);
            writer.Write(r.PersonId, NpgsqlDbType.Uuid);
            WriteNullable(writer, r.HouseholdId, NpgsqlDbType.Uuid);
            writer.Write(r.AgencyId, NpgsqlDbType.Integer);
            WriteNullable(writer, r.TeamId, NpgsqlDbType.Integer);
            WriteNullable(writer, r.WorkerId, NpgsqlDbType.Integer);
            writer.Write((int)r.Kind, NpgsqlDbType.Integer);
            WriteText(writer, r.Subtype, NpgsqlDbType.Varchar);
            WriteNullable(writer, r.ReferredToAgencyId, NpgsqlDbType.Integer);
            WriteNullable(writer, r.ReferredToTeamId, NpgsqlDbType.Integer);
            writer.Write(Utc(r.StartUtc), NpgsqlDbType.TimestampTz);
            WriteNullable<DateTime>(writer, r.EndUtc is { } e ? Utc(e) : null, NpgsqlDbType.TimestampTz);
            WriteNullable(writer, r.SourceOffsetMinutes, NpgsqlDbType.Integer);
            writer.Write(r.SourceSystem, NpgsqlDbType.Varchar);
            writer.Write(r.SourceRecordId, NpgsqlDbType.Varchar);
            WriteText(writer, r.Text, NpgsqlDbType.Text);
            WriteNullable(writer, r.Cost, NpgsqlDbType.Numeric);
            writer.Write(r.CostFromCatalogue, NpgsqlDbType.Boolean);
            WriteNullable(writer, r.Helped, NpgsqlDbType.Boolean);
            WriteNullable<int>(writer, r.HelpedReason is { } why ? (int)why : null, NpgsqlDbType.Integer);
            WriteText(writer, r.HelpedNote, NpgsqlDbType.Text);
            WriteNullable(writer, r.ImportId, NpgsqlDbType.Uuid);
            WriteNullable(writer, r.PriceYear, NpgsqlDbType.Integer);
            if ((++n & 0x3FFF) == 0)
            {
                ct.ThrowIfCancellationRequested();
            }
        }
        await writer.CompleteAsync(ct);
        return n;
    }

    private static void WriteNullable<T>(NpgsqlBinaryImporter writer, T? value, NpgsqlDbType type) where T : struct
    {
        if (value is { } v)
        {
            writer.Write(v, type);
        }
        else
        {
            writer.WriteNull();
        }
    }

    private static void WriteText(NpgsqlBinaryImporter writer, string? value, NpgsqlDbType type)
    {
        if (value is null)
        {
            writer.WriteNull();
        }
        else
        {
            writer.Write(value, type);
        }
    }

    /// <summary>An instant as UTC: local times converted, unspecified ones taken as UTC already.</summary>
    internal static DateTime Utc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };

    private static void Validate(ActivityRecord r)
    {
        if (string.IsNullOrEmpty(r.SourceSystem) || string.IsNullOrEmpty(r.SourceRecordId))
        {
            throw new InvalidOperationException($"Activity record {r.Id} has no source system or source record id; every record must say where it came from.");
        }
        if (r.EndUtc is { } end && end < r.StartUtc)
        {
            throw new InvalidOperationException($"Activity record {r.SourceSystem}/{r.SourceRecordId} ends ({end:O}) before it starts ({r.StartUtc:O}).");
        }
        if (r.Cost is < 0)
        {
            throw new InvalidOperationException($"Activity record {r.SourceSystem}/{r.SourceRecordId} has a negative cost.");
        }
    }

}
