namespace LocalFlow.Data.Entities;

/// <summary>
/// A commissioning strategy (handbook, chapter 4): approved commissioning questions brought together with their
/// implementation plans and expected benefits, under a title and a purpose in words, owned by a group. Its benefits
/// are the questions' cost–benefit estimates, never targets. Holds no personal data.
/// </summary>
public sealed class CommissioningStrategy
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public int LocalityId { get; set; }
    public required string Title { get; set; }
    /// <summary>What the strategy is for, in plain words.</summary>
    public string Purpose { get; set; } = "";
    /// <summary>The commissioning group that owns it.</summary>
    public int? OwnerGroupId { get; set; }
    public List<StrategyQuestion> Questions { get; set; } = [];
    public required string UpdatedBy { get; set; }
    public DateTime UpdatedUtc { get; set; }
    /// <summary>Raised by one at each save; a save made from an older version is refused, not lost.</summary>
    public int Version { get; set; }
}

/// <summary>One approved question in a strategy.</summary>
public sealed class StrategyQuestion
{
    public int LocalityId { get; set; }
    public Guid StrategyId { get; set; }
    public Guid QuestionId { get; set; }
}
