using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Data.Audit;

/// <summary>What a check of the audit chain found.</summary>
/// <param name="Whole">True when every entry checked is as it was written and none is missing.</param>
/// <param name="Checked">How many chained entries were read.</param>
/// <param name="BrokenAt">The id of the first entry that does not check out (or that an anchor names and is gone); null when whole.</param>
/// <param name="Problem">What is wrong there, in plain English; null when whole.</param>
/// <param name="BeforeChain">Entries written before the chain began (schema version 20), which no hash covers.</param>
/// <param name="FromAnchor">The entry the check started after (a bounded check from the last anchor), or null for a check of everything.</param>
public sealed record AuditVerification(bool Whole, long Checked, long? BrokenAt, string? Problem, long BeforeChain, long? FromAnchor);

/// <summary>
/// The hash chain that makes the audit trail prove itself (docs/trust.md). Each entry stores the hash of the one before
/// it and its own SHA-256 over that and its canonical form, so a rewritten, replaced or removed entry breaks the chain
/// at a place <see cref="VerifyAsync"/> names. Anchors record how far a verification found the chain whole.
/// </summary>
public static class AuditChain
{
    /// <summary>The "previous hash" of the first chained entry.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>Any number; PostgreSQL's advisory lock that serializes the hash step across every writer.</summary>
    private const long ChainLock = 0x4C46_4155_4449_54; // "LFAUDIT"

    /// <summary>The audit entries this save will add, in the order they were added.</summary>
    internal static List<AuditEvent> Pending(LocalFlowDb db)
    {
        var added = new List<AuditEvent>();
        foreach (var entry in db.ChangeTracker.Entries<AuditEvent>())
        {
            if (entry.State == EntityState.Added)
            {
                added.Add(entry.Entity);
            }
        }
        return added;
    }

    /// <summary>
    /// Gives each new entry its id, predecessor and hash. Must run inside the transaction that saves them, after taking
    /// the database's write lock: SQLite's transactions begin IMMEDIATE (one writer at a time), and on PostgreSQL an
    /// advisory transaction lock is taken here. So two writers never both follow the same entry; the unique index on
    /// previous_hash refuses a fork even if they did.
    /// </summary>
    internal static async Task LinkAsync(LocalFlowDb db, List<AuditEvent> added, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock({0})", [ChainLock], ct);
        }
        var last = await db.AuditEvents.AsNoTracking().OrderByDescending(e => e.Id)
            .Select(e => new { e.Id, e.Hash }).FirstOrDefaultAsync(ct);
        Link(db, added, last?.Id ?? 0, last?.Hash ?? Genesis);
    }

    /// <summary>The same, without async (for <see cref="LocalFlowDb.SaveChanges(bool)"/>).</summary>
    internal static void Link(LocalFlowDb db, List<AuditEvent> added)
    {
        if (db.Database.IsNpgsql())
        {
            db.Database.ExecuteSqlRaw("SELECT pg_advisory_xact_lock({0})", ChainLock);
        }
        var last = db.AuditEvents.AsNoTracking().OrderByDescending(e => e.Id)
            .Select(e => new { e.Id, e.Hash }).FirstOrDefault();
        Link(db, added, last?.Id ?? 0, last?.Hash ?? Genesis);
    }

    private static void Link(LocalFlowDb db, List<AuditEvent> added, long lastId, string previous)
    {
        foreach (var e in added)
        {
            // Through the change tracker: the key of an added entry holds a temporary value, and with automatic change
            // detection off (bulk writers) a value set on the object alone would be missed, and PostgreSQL's identity
            // would number the entry instead.
            var id = db.Entry(e).Property(x => x.Id);
            id.CurrentValue = ++lastId;
            id.IsTemporary = false;
            e.Id = lastId;
            // PostgreSQL keeps microseconds: hash what both providers will give back
            e.At = new DateTime(e.At.Ticks - (e.At.Ticks % 10), DateTimeKind.Utc);
            e.PreviousHash = previous;
            e.Hash = HashOf(e, previous);
            previous = e.Hash;
        }
    }

    /// <summary>
    /// SHA-256 of the previous hash and the entry's canonical form: each field in a fixed order as its length, a colon and
    /// its text (invariant culture; the time as microseconds since 0001-01-01 UTC), or "-" for none, so that no two entries
    /// share a form.
    /// </summary>
    public static string HashOf(AuditEvent e, string previous)
    {
        var sb = new StringBuilder(256);
        Field(sb, previous);
        Field(sb, e.Id.ToString(CultureInfo.InvariantCulture));
        Field(sb, (e.At.Ticks / 10).ToString(CultureInfo.InvariantCulture));
        Field(sb, e.UserId?.ToString(CultureInfo.InvariantCulture));
        Field(sb, e.UserName);
        Field(sb, ((int)e.EventType).ToString(CultureInfo.InvariantCulture));
        Field(sb, ((int)e.Operation).ToString(CultureInfo.InvariantCulture));
        Field(sb, e.EntityType);
        Field(sb, e.EntityId);
        Field(sb, e.LocalityId?.ToString(CultureInfo.InvariantCulture));
        Field(sb, e.Source);
        Field(sb, e.Detail);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())));
    }

    private static void Field(StringBuilder sb, string? value)
    {
        if (value is null)
        {
            sb.Append('-');
            return;
        }
        sb.Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value);
    }

    /// <summary>
    /// Walks the chain in id order and names the first entry that does not check out. With <paramref name="fromLastAnchor"/>
    /// it starts after the latest anchor (the web app's bounded start-up check), else from the beginning, also checking
    /// that every anchored entry is still there. When the chain is whole, records a new anchor at its last entry.
    /// </summary>
    public static async Task<AuditVerification> VerifyAsync(LocalFlowDb db, bool fromLastAnchor = false, CancellationToken ct = default)
    {
        var anchors = await db.AuditAnchors.AsNoTracking().OrderBy(a => a.Id).ToListAsync(ct);
        var start = fromLastAnchor && anchors.Count > 0 ? anchors[^1] : null;
        string? previous = null;
        long afterId = 0;
        if (start is not null)
        {
            var anchored = await db.AuditEvents.AsNoTracking().Where(e => e.Id == start.AuditEventId).Select(e => e.Hash).FirstOrDefaultAsync(ct);
            if (anchored != start.Hash)
            {
                return Broken(start.AuditEventId, anchored is null ? Missing(start) : Changed(start.AuditEventId), 0, 0, start.AuditEventId);
            }
            previous = start.Hash;
            afterId = start.AuditEventId;
        }
        var expectAnchors = start is null ? anchors.GroupBy(a => a.AuditEventId).ToDictionary(g => g.Key, g => g.First()) : [];
        long chained = 0, beforeChain = 0, lastId = afterId;
        string? lastHash = previous;
        await foreach (var e in db.AuditEvents.AsNoTracking().Where(e => e.Id > afterId).OrderBy(e => e.Id).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (e.Hash is null && previous is null)
            {
                beforeChain++;
                continue;
            }
            if (e.Hash is null || e.PreviousHash is null || HashOf(e, e.PreviousHash) != e.Hash)
            {
                return Broken(e.Id, Changed(e.Id), chained, beforeChain, start?.AuditEventId);
            }
            if (e.PreviousHash != (previous ?? Genesis))
            {
                return Broken(e.Id, $"Entry {e.Id} does not follow the entry before it: entries before it were removed, or replaced.", chained, beforeChain, start?.AuditEventId);
            }
            if (expectAnchors.Remove(e.Id, out var anchor) && anchor.Hash != e.Hash)
            {
                return Broken(e.Id, Changed(e.Id), chained, beforeChain, null);
            }
            previous = e.Hash;
            chained++;
            lastId = e.Id;
            lastHash = e.Hash;
        }
        if (expectAnchors.Count > 0)
        {
            var gone = expectAnchors.Values.OrderBy(a => a.AuditEventId).First();
            return Broken(gone.AuditEventId, Missing(gone), chained, beforeChain, null);
        }
        if (lastHash is not null && lastId > afterId)
        {
            db.AuditAnchors.Add(new AuditAnchor { AuditEventId = lastId, Hash = lastHash, At = db.Clock.GetUtcNow().UtcDateTime, Checked = chained });
            await db.SaveChangesAsync(ct);
        }
        return new AuditVerification(true, chained, null, null, beforeChain, start?.AuditEventId);
    }

    private static string Changed(long id) => $"Entry {id} is not as it was written: it was changed or replaced.";

    private static string Missing(AuditAnchor a) => string.Create(CultureInfo.InvariantCulture, $"Entry {a.AuditEventId}, found whole on {a.At:yyyy-MM-dd HH:mm} UTC, is missing: entries were removed.");

    private static AuditVerification Broken(long id, string problem, long chained, long beforeChain, long? from)
        => new(false, chained, id, problem, beforeChain, from);
}
