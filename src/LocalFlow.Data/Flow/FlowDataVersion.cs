using LocalFlow.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace LocalFlow.Data.Flow;

/// <summary>
/// The stamp that says whether a locality's flow engine data changed: a fresh random value is stored (in the
/// settings table) after every change to what the engine reads — activity records, imports and undos, people and
/// households, the workers named on restricted people, record linkage and the locality's flow windows — in the same transaction as the change or just
/// after it. Each locality has its own stamp (<c>flow.data-version.{id}</c>); changes to what every locality shares
/// (agencies, teams, workers) change the shared stamp (<c>flow.data-version</c>), and a locality's version is the
/// two together. <see cref="FlowEngines"/> keeps an engine while the version it was built under is still the
/// stored one, so a change made by any process (the web app, the CLI) is seen on the next view, and a change in
/// one locality leaves the others' engines (and everything kept with them) in place. An import that only adds
/// records stores a stamp that also names the import and the stamp it was added to (<see cref="AppendedAsync"/>), so
/// an engine kept under that one is brought up to date from the import's records alone.
/// </summary>
public static class FlowDataVersion
{
    /// <summary>The settings key of the shared stamp (agencies, teams, workers).</summary>
    public const string SettingKey = "flow.data-version";

    /// <summary>The settings key of one locality's stamp.</summary>
    public static string KeyOf(int localityId) => SettingKey + "." + localityId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static readonly HashSet<Type> EngineInputs =
    [
        typeof(ActivityRecord), typeof(FlowImport), typeof(Person), typeof(Household), typeof(FlowSettings),
        typeof(Agency), typeof(Team), typeof(Worker), typeof(SourceIdentity), typeof(NamedWorker),
    ];

    /// <summary>The stored version of a locality's data: its own stamp and the shared one ("/" when nothing has been stamped yet).</summary>
    public static async Task<string> ReadAsync(LocalFlowDb db, int localityId, CancellationToken ct = default)
    {
        var own = KeyOf(localityId);
        var stamps = await db.Settings.AsNoTracking().Where(s => s.Key == SettingKey || s.Key == own).Select(s => new { s.Key, s.Value }).ToListAsync(ct);
        return $"{stamps.Find(s => s.Key == own)?.Value}/{stamps.Find(s => s.Key == SettingKey)?.Value}";
    }

    /// <summary>Stores a new stamp for locality <paramref name="localityId"/>: its engines built before this are out of date.</summary>
    public static Task ChangedAsync(LocalFlowDb db, int localityId, CancellationToken ct = default) => StampAsync(db, KeyOf(localityId), ct);

    /// <summary>Stores a new shared stamp: every locality's engine built before this is out of date.</summary>
    public static Task ChangedEverywhereAsync(LocalFlowDb db, CancellationToken ct = default) => StampAsync(db, SettingKey, ct);

    /// <summary>
    /// Locks locality <paramref name="localityId"/>'s own stamp until the caller's transaction ends (no other change can
    /// stamp it meanwhile) and returns it (null when it was never stamped): what an import that only adds records
    /// was added on top of (<see cref="AppendedAsync"/>). Call it inside the import's transaction, before its changes.
    /// </summary>
    public static async Task<string?> HoldAsync(LocalFlowDb db, int localityId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var key = KeyOf(localityId);
        await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE settings SET value = value WHERE key = {key}", ct);
        return await db.Settings.AsNoTracking().Where(s => s.Key == key).Select(s => s.Value).SingleOrDefaultAsync(ct);
    }

    /// <summary>
    /// Stores a new stamp for locality <paramref name="localityId"/> that says what changed: import
    /// <paramref name="importId"/> only added records on top of the data stamped <paramref name="before"/> (from
    /// <see cref="HoldAsync"/>, in the same transaction). An engine kept under <paramref name="before"/> is then brought
    /// up to date by reading the import's records alone (<see cref="FlowEngines"/>); with no stamp before, it is a
    /// plain new stamp. The stamp is "<c>new+import@before</c>" (each part 32 hex digits).
    /// </summary>
    public static Task AppendedAsync(LocalFlowDb db, int localityId, Guid importId, string? before, CancellationToken ct = default)
        => before is null ? ChangedAsync(db, localityId, ct)
            : StampAsync(db, KeyOf(localityId), ct, $"+{importId:N}@{OwnStampOf(before)}");

    /// <summary>
    /// What <paramref name="version"/> (from <see cref="ReadAsync"/>) says changed, when only one import's records
    /// were added: the import and the version of the data it was added to (the same shared stamp); otherwise null.
    /// </summary>
    public static (Guid ImportId, string Before)? AppendOf(string version)
    {
        ArgumentNullException.ThrowIfNull(version);
        var slash = version.IndexOf('/', StringComparison.Ordinal);
        var own = slash < 0 ? version : version[..slash];
        var plus = own.IndexOf('+', StringComparison.Ordinal);
        var at = own.IndexOf('@', StringComparison.Ordinal);
        if (plus < 0 || at < plus || !Guid.TryParseExact(own[(plus + 1)..at], "N", out var import))
        {
            return null;
        }
        return (import, own[(at + 1)..] + version[slash..]);
    }

    /// <summary>
    /// Whether an engine built under <paramref name="built"/> holds the data <paramref name="before"/> names (from
    /// <see cref="AppendOf"/>): the same shared stamp, and an own stamp of the same first part (what names it).
    /// </summary>
    public static bool IsVersion(string built, string before)
    {
        ArgumentNullException.ThrowIfNull(built);
        ArgumentNullException.ThrowIfNull(before);
        var slash = built.IndexOf('/', StringComparison.Ordinal);
        return slash >= 0 && string.Equals(OwnStampOf(built[..slash]) + built[slash..], before, StringComparison.Ordinal);
    }

    /// <summary>The part of a locality's own stamp that names it (before any "+import@before").</summary>
    private static string OwnStampOf(string own)
    {
        var plus = own.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? own : own[..plus];
    }

    private static async Task StampAsync(LocalFlowDb db, string key, CancellationToken ct, string what = "")
    {
        var stamp = Guid.NewGuid().ToString("N") + what;
        // The same upsert is valid on SQLite and PostgreSQL.
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO settings (key, value) VALUES ({key}, {stamp}) ON CONFLICT (key) DO UPDATE SET value = excluded.value", ct);
    }

    /// <summary>Stores new stamps for what <see cref="Touched"/> found.</summary>
    internal static async Task ChangedAsync(LocalFlowDb db, Touch touched, CancellationToken ct = default)
    {
        if (touched.Everywhere)
        {
            await ChangedEverywhereAsync(db, ct);
        }
        foreach (var locality in touched.Localities)
        {
            await ChangedAsync(db, locality, ct);
        }
    }

    /// <summary>What a save changes of the engines' data: the localities whose own data change, and whether shared data change.</summary>
    internal sealed record Touch(bool Everywhere, IReadOnlyCollection<int> Localities)
    {
        public bool Any => Everywhere || Localities.Count > 0;
    }

    /// <summary>Which localities' engine data the changes about to be saved touch (by each entity's <c>LocalityId</c>; entities without one touch every locality).</summary>
    internal static Touch Touched(ChangeTracker tracker)
    {
        var everywhere = false;
        var localities = new HashSet<int>();
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted) || !EngineInputs.Contains(entry.Metadata.ClrType))
            {
                continue;
            }
            if (entry.Metadata.FindProperty("LocalityId") is { } property)
            {
                var value = entry.Property(property.Name);
                localities.Add((int)value.CurrentValue!);
                if (entry.State == EntityState.Modified)
                {
                    localities.Add((int)value.OriginalValue!);
                }
            }
            else
            {
                everywhere = true;
            }
        }
        return new Touch(everywhere, localities);
    }
}
