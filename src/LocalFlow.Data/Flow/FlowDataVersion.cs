using LocalFlow.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace LocalFlow.Data.Flow;

/// <summary>
/// The stamp that says whether the flow engine's data changed: a fresh random value is stored (in the settings
/// table) after every change to what the engine reads — activity records, imports and undos, people and
/// households, record linkage, agencies, teams, workers and the locality's flow windows — in the same transaction
/// as the change or just after it. <see cref="FlowEngines"/> keeps an engine while the stamp it was built under
/// is still the stored one, so a change made by any process (the web app, the CLI) is seen on the next view.
/// </summary>
public static class FlowDataVersion
{
    /// <summary>The settings key that holds the stamp.</summary>
    public const string SettingKey = "flow.data-version";

    private static readonly HashSet<Type> EngineInputs =
    [
        typeof(ActivityRecord), typeof(FlowImport), typeof(Person), typeof(Household), typeof(FlowSettings),
        typeof(Agency), typeof(Team), typeof(Worker), typeof(SourceIdentity),
    ];

    /// <summary>The stored stamp ("" when nothing has been stamped yet).</summary>
    public static async Task<string> ReadAsync(LocalFlowDb db, CancellationToken ct = default)
        => await db.Settings.AsNoTracking().Where(s => s.Key == SettingKey).Select(s => s.Value).SingleOrDefaultAsync(ct) ?? "";

    /// <summary>Stores a new stamp: every engine built before this is out of date.</summary>
    public static async Task ChangedAsync(LocalFlowDb db, CancellationToken ct = default)
    {
        var stamp = Guid.NewGuid().ToString("N");
        // The same upsert is valid on SQLite and PostgreSQL.
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO settings (key, value) VALUES ({SettingKey}, {stamp}) ON CONFLICT (key) DO UPDATE SET value = excluded.value", ct);
    }

    /// <summary>Whether the changes about to be saved touch anything the flow engine reads.</summary>
    internal static bool Touched(ChangeTracker tracker)
    {
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && EngineInputs.Contains(entry.Metadata.ClrType))
            {
                return true;
            }
        }
        return false;
    }
}
