using LocalFlow.Analytics.Flow;

namespace LocalFlow.Data.Entities;

/// <summary>
/// A locality's rule for raising a flag on a household from its activity records (<c>Analytics.Locality.FlagRule</c>):
/// the parts given must all match. A locality with no stored rules uses the defaults (<c>Picture.DefaultRules</c>).
/// </summary>
public sealed class FlagRuleRow
{
    public int Id { get; set; }
    public int LocalityId { get; set; }
    /// <summary>The order the rules are shown in.</summary>
    public int Position { get; set; }
    public required string Name { get; set; }
    public string? Agency { get; set; }
    public string? Team { get; set; }
    public ActivityKind? Kind { get; set; }
    public string? Type { get; set; }
    public string? UpdatedBy { get; set; }
    public DateTime UpdatedUtc { get; set; }
}

/// <summary>A locality's tier rule (<c>Analytics.Locality.TierRule</c>); a locality without one uses the defaults.</summary>
public sealed class TierRuleRow
{
    public int LocalityId { get; set; }
    public int SeriousFlags { get; set; }
    public int SeriousServices { get; set; }
    public int EitherWayFlags { get; set; }
    public int EitherWayServices { get; set; }
    public string? UpdatedBy { get; set; }
    public DateTime UpdatedUtc { get; set; }
}

/// <summary>The locality team's own placing of a household in a tier, with its note: it wins over the rule, and every change is audited.</summary>
public sealed class TierOverride : IPersonalData
{
    public Guid Id { get; set; }
    public int LocalityId { get; set; }
    public Guid HouseholdId { get; set; }
    /// <summary>The tier (<c>Analytics.Locality.Tier</c>: 1 in balance, 2 either way, 3 serious help).</summary>
    public int Tier { get; set; }
    public required string Note { get; set; }
    public string? SetBy { get; set; }
    public DateTime SetUtc { get; set; }
}
