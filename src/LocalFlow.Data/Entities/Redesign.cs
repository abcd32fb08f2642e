using LocalFlow.Analytics.Redesign;

namespace LocalFlow.Data.Entities;

/// <summary>
/// A locality's redesign programme (Outcomes &amp; Efficiency): its vision and commissioning principles, shown on every
/// group's pages. One per locality. Holds no personal data.
/// </summary>
public sealed class RedesignProgramme
{
    public int LocalityId { get; set; }
    public required string Name { get; set; }
    /// <summary>The vision for a better system, in plain words.</summary>
    public string Vision { get; set; } = "";
    /// <summary>The commissioning principles, one a line.</summary>
    public string Principles { get; set; } = "";
    /// <summary>Raised by one at each save; a save made from an older version is refused, not lost.</summary>
    public int Version { get; set; }
    public string? UpdatedBy { get; set; }
    public DateTime? UpdatedUtc { get; set; }
}

/// <summary>Whether a group member is a member of staff or a citizen. Both have equal standing; the number is stored.</summary>
public enum MemberKind
{
    Staff = 1,
    Citizen = 2,
}

/// <summary>A commissioning group: eight to ten staff and citizens with equal standing, and the remit they work to.</summary>
public sealed class CommissioningGroup
{
    public int Id { get; set; }
    public int LocalityId { get; set; }
    public required string Name { get; set; }
    public string Remit { get; set; } = "";
    public List<GroupMember> Members { get; set; } = [];
    /// <summary>Raised on every save of the name or remit; a save from an older version is refused (schema 37).</summary>
    public int Version { get; set; }
    /// <summary>Who saved the name or remit last (schema 37).</summary>
    public string UpdatedBy { get; set; } = "";
}

/// <summary>One member of a commissioning group. There is no chair or rank: every member has the same standing.</summary>
public sealed class GroupMember
{
    public int Id { get; set; }
    public int GroupId { get; set; }
    public required string Name { get; set; }
    public MemberKind Kind { get; set; }
    /// <summary>What they bring, in their words: "Parent of two, runs the toddler group", "Duty social worker".</summary>
    public string Background { get; set; } = "";
    /// <summary>Their LocalFlow sign-in, when they have one.</summary>
    public int? UserId { get; set; }
    /// <summary>Raised on every save; a save from an older version is refused (schema 37).</summary>
    public int Version { get; set; }
    /// <summary>Who saved the member last (schema 37).</summary>
    public string UpdatedBy { get; set; } = "";
}

/// <summary>What a commissioning question was raised from. The numbers are stored and never change meaning.</summary>
public enum QuestionSource
{
    /// <summary>Posed by a group without a piece of LocalFlow evidence.</summary>
    None = 0,
    SystemCondition = 1,
    DemandType = 2,
    FlowSignal = 3,
    Measure = 4,
    PictureFinding = 5,
    /// <summary>A need of the needs database.</summary>
    Need = 6,
}

/// <summary>
/// A commissioning question: a challenge to think the unthinkable, worked through by a group — feasibility, cost–benefit,
/// implementation plan — with steering-group gateway decisions. Its outcome is stated separately from how it will be
/// measured (handbook technique 2). Holds no personal data: its evidence is shown in aggregate.
/// </summary>
public sealed class CommissioningQuestion
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public int LocalityId { get; set; }
    /// <summary>Its number in the locality's portfolio (Q1, Q2…), given in order of raising.</summary>
    public int Number { get; set; }
    public required string Title { get; set; }
    /// <summary>The challenge as posed: "Could we…?"</summary>
    public string Prompt { get; set; } = "";
    /// <summary>The outcome it aims at, in words (never a target).</summary>
    public string Outcome { get; set; } = "";
    /// <summary>How the outcome will be known: a purpose measure, kept apart from the outcome itself.</summary>
    public string Measure { get; set; } = "";
    public int? GroupId { get; set; }
    public QuestionStage Stage { get; set; } = QuestionStage.Posed;
    public QuestionStatus Status { get; set; } = QuestionStatus.Open;
    public QuestionSource Source { get; set; }
    /// <summary>For <see cref="QuestionSource.SystemCondition"/>: the condition.</summary>
    public Guid? ConditionId { get; set; }
    /// <summary>For <see cref="QuestionSource.DemandType"/>: the failure demand type.</summary>
    public int? DemandTypeId { get; set; }
    /// <summary>For <see cref="QuestionSource.Need"/>: the need.</summary>
    public Guid? NeedId { get; set; }
    /// <summary>For a signal, a measure or a picture finding: what it was, in words (e.g. the signal's or measure's name).</summary>
    public string? SourceNote { get; set; }
    /// <summary>The group's feasibility finding.</summary>
    public string Feasibility { get; set; } = "";
    /// <summary>The implementation plan.</summary>
    public string Plan { get; set; } = "";
    /// <summary>The cost–benefit discount rate as a fraction (0.035), when a case is entered.</summary>
    public decimal? DiscountRate { get; set; }
    public string? Currency { get; set; }
    public int? PriceYear { get; set; }
    public List<QuestionYear> Years { get; set; } = [];
    public required string RaisedBy { get; set; }
    public DateTime RaisedUtc { get; set; }
    public string? UpdatedBy { get; set; }
    public DateTime? UpdatedUtc { get; set; }
    /// <summary>Raised by one at each save; a save made from an older version is refused, not lost.</summary>
    public int Version { get; set; }
}

/// <summary>One year of a question's cost–benefit case, in pounds at the question's price year.</summary>
public sealed class QuestionYear
{
    public int LocalityId { get; set; }
    public Guid QuestionId { get; set; }
    public int Year { get; set; }
    public decimal Cost { get; set; }
    public decimal Benefit { get; set; }
}

/// <summary>A steering-group decision at a gateway, with its reason. Never changed or removed.</summary>
public sealed class GatewayRecord
{
    public long Id { get; set; }
    public int LocalityId { get; set; }
    public Guid QuestionId { get; set; }
    public GatewayDecision Decision { get; set; }
    public required string Reason { get; set; }
    public QuestionStage FromStage { get; set; }
    public QuestionStage ToStage { get; set; }
    public QuestionStatus ToStatus { get; set; }
    public required string DecidedBy { get; set; }
    public DateTime DecidedUtc { get; set; }
}

/// <summary>One person's answer about one piece of the change jigsaw. Each person has at most one answer a piece.</summary>
public sealed class JigsawResponse
{
    public long Id { get; set; }
    public int LocalityId { get; set; }
    public int UserId { get; set; }
    public JigsawPiece Piece { get; set; }
    public JigsawAnswer Answer { get; set; }
    public DateTime AnsweredUtc { get; set; }
}
