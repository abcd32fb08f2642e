using LocalFlow.Analytics.Redesign;

namespace LocalFlow.Data.Entities;

/// <summary>
/// One line of the resource database's money: what a partner (council, NHS, police, schools, benefits, citizens
/// themselves) spends in the locality on a purpose, in pounds at a price year, per year, month, week or once.
/// Holds no personal data.
/// </summary>
public sealed class ResourceMoney
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public int LocalityId { get; set; }
    public FundingPartner Partner { get; set; }
    /// <summary>The body within the partner that spends it, in words ("Northfield City Council, adult social care").</summary>
    public string Body { get; set; } = "";
    /// <summary>What it is spent on, in words ("Home care", "Early help").</summary>
    public required string Purpose { get; set; }
    public decimal Amount { get; set; }
    public int PriceYear { get; set; }
    public MoneyPeriod Period { get; set; }
    public string Note { get; set; } = "";
    public required string UpdatedBy { get; set; }
    public DateTime UpdatedUtc { get; set; }
    /// <summary>Raised by one at each save; a save made from an older version is refused, not lost.</summary>
    public int Version { get; set; }
    /// <summary>The first stage of the user pathway it is placed on (null: not placed on the pathway).</summary>
    public LocalFlow.Analytics.Redesign.LifeStage? FirstStage { get; set; }
    /// <summary>The last stage of the pathway it is placed on (null with a first stage: that stage only).</summary>
    public LocalFlow.Analytics.Redesign.LifeStage? LastStage { get; set; }
}

/// <summary>
/// A building or community asset of the resource database: what it is, where, when it is open, how many it holds and
/// who uses it when ("a school with excellent grounds that closes at 18:00 every day"). Holds no personal data.
/// </summary>
public sealed class ResourceBuilding
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public int LocalityId { get; set; }
    public required string Name { get; set; }
    /// <summary>What it is, in words ("Primary school", "Library", "Community centre").</summary>
    public string Kind { get; set; } = "";
    public FundingPartner Owner { get; set; }
    /// <summary>Where it is: its address or the area, in words.</summary>
    public string Place { get; set; } = "";
    public string OpeningHours { get; set; } = "";
    /// <summary>How many people it holds at once, when known.</summary>
    public int? Capacity { get; set; }
    /// <summary>Who uses it when, in words ("Toddler group Monday 9–11; empty every evening").</summary>
    public string UsedBy { get; set; } = "";
    /// <summary>The first stage of the user pathway it is placed on (null: not placed on the pathway).</summary>
    public LocalFlow.Analytics.Redesign.LifeStage? FirstStage { get; set; }
    /// <summary>The last stage of the pathway it is placed on (null with a first stage: that stage only).</summary>
    public LocalFlow.Analytics.Redesign.LifeStage? LastStage { get; set; }
    public required string UpdatedBy { get; set; }
    public DateTime UpdatedUtc { get; set; }
    /// <summary>Raised on every save; a save from an older version is refused (schema 36).</summary>
    public int Version { get; set; }
}

/// <summary>
/// What the workforce is missing, as the people involved see it: a skill or role an agency (or nobody yet) should
/// have in the locality, and how many people it would take. The workforce itself is the workers and teams already held.
/// </summary>
public sealed class WorkforceGap
{
    public int Id { get; set; }
    public int LocalityId { get; set; }
    /// <summary>The agency that would hold the skill, when one is named.</summary>
    public int? AgencyId { get; set; }
    public required string Skill { get; set; }
    /// <summary>People it would take (whole-time equivalents, rounded up).</summary>
    public int People { get; set; }
    public string Note { get; set; } = "";
    /// <summary>Who saved it last (schema 36).</summary>
    public string UpdatedBy { get; set; } = "";
    /// <summary>Raised on every save; a save from an older version is refused (schema 36).</summary>
    public int Version { get; set; }
}

/// <summary>Whose need it is. The numbers are stored and never change meaning.</summary>
public enum NeedOf
{
    Community = 1,
    Families = 2,
}

/// <summary>What a need rests on. The numbers are stored and never change meaning.</summary>
public enum NeedEvidenceKind
{
    /// <summary>A demand study of this locality (its demands are counted).</summary>
    DemandStudy = 1,
    /// <summary>A finding of the locality picture, in words.</summary>
    LocalityPicture = 2,
    /// <summary>What-matters statements, in aggregate (what many people said, never one person's words).</summary>
    WhatMatters = 3,
    /// <summary>A theme of a consultation already held.</summary>
    ConsultationTheme = 4,
}

/// <summary>
/// A need of a community or of families in the locality (the needs database): in plain words a frontline worker or
/// citizen can read, with the evidence it rests on. Holds no personal data: evidence is in aggregate.
/// </summary>
public sealed class Need
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public int LocalityId { get; set; }
    public required string Title { get; set; }
    public NeedOf Who { get; set; }
    /// <summary>Where, in words ("the Meadows estate", "all of Northfield").</summary>
    public string Area { get; set; } = "";
    public string Description { get; set; } = "";
    public NeedEvidenceKind EvidenceKind { get; set; }
    /// <summary>The evidence in words: the finding, the theme, what many people said.</summary>
    public string Evidence { get; set; } = "";
    /// <summary>For <see cref="NeedEvidenceKind.DemandStudy"/>: the study.</summary>
    public int? DemandStudyId { get; set; }
    public required string RecordedBy { get; set; }
    public DateTime RecordedUtc { get; set; }
    /// <summary>The first stage of the user pathway it is placed on (null: not placed on the pathway).</summary>
    public LocalFlow.Analytics.Redesign.LifeStage? FirstStage { get; set; }
    /// <summary>The last stage of the pathway it is placed on (null with a first stage: that stage only).</summary>
    public LocalFlow.Analytics.Redesign.LifeStage? LastStage { get; set; }
    /// <summary>Who changed it last, after it was recorded; empty until then (schema 36).</summary>
    public string UpdatedBy { get; set; } = "";
    /// <summary>Raised on every change; a change from an older version is refused (schema 36).</summary>
    public int Version { get; set; }
}
