using System.Globalization;
using LocalFlow.Data.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LocalFlow.Data.Trust;

/// <summary>The kinds of record a retention rule covers, with fixed numbers (stored).</summary>
public enum RetentionKind
{
    /// <summary>The agencies' activity records of a person (dated by when the activity started or ended).</summary>
    AgencyRecords = 1,
    /// <summary>Demands heard at a front door and linked to the person (dated by when the demand arrived).</summary>
    Demands = 2,
    /// <summary>The locality team's work with the person: conversations, what mattered, "I" statements, actions.</summary>
    LocalityWork = 3,
    /// <summary>The agencies' identifying records linked to the person (dated by the record's own date).</summary>
    LinkedRecords = 4,
    /// <summary>Audit entries: how long the audit trail is kept (docs/security.md says how old entries are removed).</summary>
    AuditEntries = 9,
}

/// <summary>An administrator's rule: records of <see cref="Kind"/> are kept for <see cref="KeepYears"/> years after their date, for <see cref="Reason"/>.</summary>
public sealed class RetentionRule
{
    public int Id { get; set; }
    public RetentionKind Kind { get; set; }
    public int KeepYears { get; set; }
    /// <summary>Why (the law or policy that requires it), as the administrator wrote it.</summary>
    public required string Reason { get; set; }
    public required string ChangedBy { get; set; }
    public DateTime ChangedUtc { get; set; }
}

internal sealed class RetentionRuleConfiguration : IEntityTypeConfiguration<RetentionRule>
{
    public void Configure(EntityTypeBuilder<RetentionRule> e)
    {
        e.HasIndex(x => x.Kind).IsUnique();
        e.Property(x => x.Reason).HasMaxLength(500);
        e.Property(x => x.ChangedBy).HasMaxLength(200);
    }
}

/// <summary>A retention rule that was refused, naming the field (Kind, KeepYears or Reason).</summary>
public sealed class RetentionInputException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}

/// <summary>Retention rules an administrator sets per record kind (docs/security.md). Changing one is audited.</summary>
public static class Retention
{
    /// <summary>The longest a rule may keep records for.</summary>
    public const int MaxYears = 150;

    /// <summary>The words for a kind, as pages and refusals use them.</summary>
    public static string Describe(RetentionKind kind) => kind switch
    {
        RetentionKind.AgencyRecords => "Agencies' activity records",
        RetentionKind.Demands => "Demands heard at front doors",
        RetentionKind.LocalityWork => "The locality team's work (conversations, what matters, plans, actions)",
        RetentionKind.LinkedRecords => "Agencies' identifying records linked to a person",
        RetentionKind.AuditEntries => "Audit entries",
        _ => kind.ToString(),
    };

    /// <summary>Every rule, in kind order.</summary>
    public static Task<List<RetentionRule>> RulesAsync(LocalFlowDb db, CancellationToken ct = default)
        => db.RetentionRules.AsNoTracking().OrderBy(r => r.Kind).ToListAsync(ct);

    /// <summary>Sets (or, with <paramref name="years"/> null, removes) the rule for one kind. Audited as a change of reference data.</summary>
    public static async Task SetAsync(LocalFlowDb db, RetentionKind kind, int? years, string? reason, CancellationToken ct = default)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new RetentionInputException("Kind", "Choose the kind of record");
        }
        var rule = await db.RetentionRules.SingleOrDefaultAsync(r => r.Kind == kind, ct);
        if (years is null)
        {
            if (rule is not null)
            {
                db.RetentionRules.Remove(rule);
                AuditTrail.Add(db, AuditEventType.RetentionRuleChanged, AuditOperation.Delete, nameof(RetentionRule), ((int)kind).ToString(CultureInfo.InvariantCulture), null, $"{kind}: no rule");
                await db.SaveChangesAsync(ct);
            }
            return;
        }
        if (years is < 0 or > MaxYears)
        {
            throw new RetentionInputException("KeepYears", $"Years to keep must be a whole number from 0 to {MaxYears}");
        }
        reason = reason?.Trim() ?? "";
        if (reason.Length == 0)
        {
            throw new RetentionInputException("Reason", "Enter why these records are kept (for example the law that requires it)");
        }
        if (reason.Length > 500)
        {
            throw new RetentionInputException("Reason", "The reason must be 500 characters or fewer");
        }
        rule ??= db.RetentionRules.Add(new RetentionRule { Kind = kind, Reason = reason, ChangedBy = db.Actor.UserName }).Entity;
        rule.KeepYears = years.Value;
        rule.Reason = reason;
        rule.ChangedBy = db.Actor.UserName;
        rule.ChangedUtc = db.Clock.GetUtcNow().UtcDateTime;
        AuditTrail.Add(db, AuditEventType.RetentionRuleChanged, AuditOperation.Update, nameof(RetentionRule), ((int)kind).ToString(CultureInfo.InvariantCulture), null,
            $"{kind}: keep {years.Value.ToString(CultureInfo.InvariantCulture)} years");
        await db.SaveChangesAsync(ct);
    }
}
