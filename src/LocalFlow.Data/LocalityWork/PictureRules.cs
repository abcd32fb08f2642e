using System.Globalization;
using LocalFlow.Analytics.Locality;
using LocalFlow.Data.Audit;
using LocalFlow.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Data.LocalityWork;

/// <summary>
/// Changing a locality's picture rules (docs/locality-picture.md): add or remove a flag rule, set the tier rule.
/// The first change stores the default rules as the locality's own, so that removing one default keeps the rest.
/// Every change is audited as a reference-data change with what it was and what it became.
/// </summary>
public sealed class PictureRules(LocalFlowDb db)
{
    /// <summary>The locality's stored rules, storing the defaults first when it has none.</summary>
    public async Task<List<FlagRuleRow>> OwnRulesAsync(int localityId, string by, CancellationToken ct = default)
    {
        var rows = await db.FlagRules.Where(r => r.LocalityId == localityId).OrderBy(r => r.Position).ThenBy(r => r.Id).ToListAsync(ct);
        if (rows.Count > 0)
        {
            return rows;
        }
        var now = db.Clock.GetUtcNow().UtcDateTime;
        rows = Picture.DefaultRules.Select((r, i) => new FlagRuleRow { LocalityId = localityId, Position = i + 1, Name = r.Name, Agency = r.Agency, Team = r.Team, Kind = r.Kind, Type = r.Type, UpdatedBy = by, UpdatedUtc = now }).ToList();
        db.FlagRules.AddRange(rows);
        AuditTrail.Add(db, AuditEventType.ReferenceDataChanged, AuditOperation.Create, nameof(FlagRuleRow), null, localityId, $"Default flag rules stored as the locality's own: {rows.Count}");
        await db.SaveChangesAsync(ct);
        return rows;
    }

    /// <summary>Adds <paramref name="rule"/> after the others.</summary>
    public async Task AddAsync(int localityId, FlagRule rule, string by, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var rows = await OwnRulesAsync(localityId, by, ct);
        db.FlagRules.Add(new FlagRuleRow
        {
            LocalityId = localityId,
            Position = rows.Count == 0 ? 1 : rows.Max(r => r.Position) + 1,
            Name = rule.Name,
            Agency = rule.Agency,
            Team = rule.Team,
            Kind = rule.Kind,
            Type = rule.Type,
            UpdatedBy = by,
            UpdatedUtc = db.Clock.GetUtcNow().UtcDateTime,
        });
        AuditTrail.Add(db, AuditEventType.ReferenceDataChanged, AuditOperation.Create, nameof(FlagRuleRow), rule.Name, localityId, $"Flag rule added: {rule}");
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Removes the rule at <paramref name="position"/>; false when there is none there.</summary>
    public async Task<bool> RemoveAsync(int localityId, int position, string by, CancellationToken ct = default)
    {
        var rows = await OwnRulesAsync(localityId, by, ct);
        if (rows.FirstOrDefault(r => r.Position == position) is not { } row)
        {
            return false;
        }
        db.FlagRules.Remove(row);
        AuditTrail.Add(db, AuditEventType.ReferenceDataChanged, AuditOperation.Delete, nameof(FlagRuleRow), row.Name, localityId, $"Flag rule removed: {row.Name}");
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Sets the tier rule (checked first with <see cref="TierRule.Problem"/>).</summary>
    public async Task SetTierRuleAsync(int localityId, TierRule rule, string by, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (rule.Problem() is { } problem)
        {
            throw new ArgumentException(problem, nameof(rule));
        }
        var row = await db.TierRules.SingleOrDefaultAsync(r => r.LocalityId == localityId, ct);
        var old = row is null ? new TierRule() : new TierRule(row.SeriousFlags, row.SeriousServices, row.EitherWayFlags, row.EitherWayServices);
        if (row is null)
        {
            row = new TierRuleRow { LocalityId = localityId };
            db.TierRules.Add(row);
        }
        (row.SeriousFlags, row.SeriousServices, row.EitherWayFlags, row.EitherWayServices) = (rule.SeriousFlags, rule.SeriousServices, rule.EitherWayFlags, rule.EitherWayServices);
        row.UpdatedBy = by;
        row.UpdatedUtc = db.Clock.GetUtcNow().UtcDateTime;
        AuditTrail.Add(db, AuditEventType.ReferenceDataChanged, AuditOperation.Update, nameof(TierRuleRow), localityId.ToString(CultureInfo.InvariantCulture), localityId, $"Tier rule: {old} → {rule}");
        await db.SaveChangesAsync(ct);
    }
}
