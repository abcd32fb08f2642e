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
/// one locality leaves the others' engines (and everything kept with them) in place.
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

    private static async Task StampAsync(LocalFlowDb db, string key, CancellationToken ct)
    {
        var stamp = Guid.NewGuid().ToString("N");
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
