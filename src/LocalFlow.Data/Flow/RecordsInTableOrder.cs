using LocalFlow.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Data.Flow;

/// <summary>
/// Where to read a large share of a locality's activity records from, on SQLite: when the locality's records are at
/// least half of the table's rows (one locality per database, as usual), the table in its own order ("NOT INDEXED").
/// A query filtered on anything but the locality's indexed columns would otherwise walk the locality's index and look
/// each row up in the table, one lookup a row. At 2 million records the flow engine's read spent most of its time so
/// (EnginePages.md), and the locality picture's 167,883 records of the last two years and a quarter took 4.6 s that way
/// and 0.3 s in table order (LeaderPages.md). One rule for both: the engine's raw read asks <see cref="IsFaster"/>.
/// </summary>
internal static class RecordsInTableOrder
{
    /// <summary>Whether reading the table in its own order beats the index for a locality holding <paramref name="localityRecords"/> of the table's rows up to <paramref name="lastRowid"/>.</summary>
    public static bool IsFaster(long localityRecords, long lastRowid) => localityRecords > 0 && localityRecords * 2L >= lastRowid;

    /// <summary>The activity records to read <paramref name="localityId"/>'s from: the table in its own order when <see cref="IsFaster"/>, else as usual.</summary>
    public static async Task<IQueryable<ActivityRecord>> OfAsync(LocalFlowDb db, int localityId, CancellationToken ct)
    {
        if (!db.Database.IsSqlite())
        {
            return db.ActivityRecords;
        }
        var count = await db.ActivityRecords.CountAsync(r => r.LocalityId == localityId, ct);
        var lastRowid = await db.Database.SqlQueryRaw<long>("SELECT coalesce(max(rowid), 0) AS \"Value\" FROM activity_records").SingleAsync(ct);
        return IsFaster(count, lastRowid) ? db.ActivityRecords.FromSqlRaw("SELECT * FROM activity_records NOT INDEXED") : db.ActivityRecords;
    }
}
