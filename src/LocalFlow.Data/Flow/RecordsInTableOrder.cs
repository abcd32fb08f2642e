using LocalFlow.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Data.Flow;

/// <summary>
/// Where to read a large share of a locality's activity records from. On SQLite with one locality in the database (the
/// usual case), the table in its own order ("NOT INDEXED"): a query filtered on anything but the locality's indexed
/// columns would otherwise walk the locality's index and look each row up in the table, one lookup a row. At 2 million
/// records, the locality picture's 167,883 records of the last two years and a quarter took 4.6 s that way and 0.3 s
/// in table order (benchmarks/results/amd-epyc-2core/LeaderPages.md). Otherwise, the table as usual. The flow engine's
/// own read makes the same choice by row counts (<see cref="FlowEngine"/>).
/// </summary>
internal static class RecordsInTableOrder
{
    public static async Task<IQueryable<ActivityRecord>> OfAsync(LocalFlowDb db, CancellationToken ct)
        => db.Database.IsSqlite() && await db.Localities.CountAsync(ct) <= 1
            ? db.ActivityRecords.FromSqlRaw("SELECT * FROM activity_records NOT INDEXED")
            : db.ActivityRecords;
}
