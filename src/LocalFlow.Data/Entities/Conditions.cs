using LocalFlow.Analytics.Flow;

namespace LocalFlow.Data.Entities;

/// <summary>
/// The kinds of system condition the Locality report found in every study (the causes of failure in the design,
/// not in the people doing the work), plus the team's own. The numbers are stored and never change meaning.
/// </summary>
public enum ConditionCategory
{
    /// <summary>Specialisation: many front doors, fitting need to provision; many agencies involved.</summary>
    Specialisation = 1,
    /// <summary>Budget management: the driver for "managing demand" (keeping people out).</summary>
    BudgetManagement = 2,
    /// <summary>Standardisation and commissioning: services that fail to meet individual needs.</summary>
    StandardisationAndCommissioning = 3,
    /// <summary>Activity measures and targets: assessments completed, people referred on, an episodic approach.</summary>
    ActivityMeasuresAndTargets = 4,
    /// <summary>Lack of continuity in relationships: knowledge of people lost, activity duplicated.</summary>
    LackOfContinuity = 5,
    /// <summary>Thresholds and criteria: people turned away.</summary>
    ThresholdsAndCriteria = 6,
    /// <summary>Risk management: keeping the organisation safe rather than the person.</summary>
    RiskManagement = 7,
    /// <summary>IT that forces a process: the system's workflow decides the work.</summary>
    ItThatForcesAProcess = 8,
    /// <summary>The team's own category, named in <see cref="SystemCondition.OwnCategory"/>.</summary>
    Own = 99,
}

/// <summary>
/// A cause of failure the study team found in the design of the system, in plain words, linked to its evidence.
/// Its reach (demands, people, cost) is always computed from the evidence, never typed in.
/// </summary>
public sealed class SystemCondition : IPersonalData
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public int LocalityId { get; set; }
    public ConditionCategory Category { get; set; }
    /// <summary>The team's own name for the category, when <see cref="Category"/> is <see cref="ConditionCategory.Own"/>.</summary>
    public string? OwnCategory { get; set; }
    /// <summary>A short title: "Assessment is the service".</summary>
    public required string Title { get; set; }
    /// <summary>What the team found, in plain words.</summary>
    public string Finding { get; set; } = "";
    public required string RecordedBy { get; set; }
    public int? RecordedByUserId { get; set; }
    public DateTime RecordedUtc { get; set; }
    public string? UpdatedBy { get; set; }
    public DateTime? UpdatedUtc { get; set; }
}

/// <summary>What a piece of evidence points at. The numbers are stored and never change meaning.</summary>
public enum EvidenceKind
{
    /// <summary>A failure demand type of a demand study: its failure demands.</summary>
    DemandType = 1,
    /// <summary>A kind of failure-demand signal the flow engine finds in the records, optionally narrowed to an agency.</summary>
    FlowSignal = 2,
    /// <summary>One activity record.</summary>
    ActivityRecord = 3,
    /// <summary>One person's whole case history (every record about them).</summary>
    CaseHistory = 4,
}

/// <summary>One piece of evidence for a system condition, with the team's note on what it shows.</summary>
public sealed class ConditionEvidence : IPersonalData
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public int LocalityId { get; set; }
    public Guid ConditionId { get; set; }
    public EvidenceKind Kind { get; set; }
    /// <summary>For <see cref="EvidenceKind.DemandType"/>: the type (its study is the type's).</summary>
    public int? DemandTypeId { get; set; }
    /// <summary>For <see cref="EvidenceKind.FlowSignal"/>: which signal.</summary>
    public FlowSignalKind? SignalKind { get; set; }
    /// <summary>For <see cref="EvidenceKind.FlowSignal"/>: only signals with a record made by this agency (null: any agency).</summary>
    public int? AgencyId { get; set; }
    /// <summary>For <see cref="EvidenceKind.ActivityRecord"/>: the record (not a foreign key: undoing an import may remove it).</summary>
    public Guid? RecordId { get; set; }
    /// <summary>For <see cref="EvidenceKind.CaseHistory"/>: the person.</summary>
    public Guid? PersonId { get; set; }
    /// <summary>What this evidence shows, in the team's words.</summary>
    public string Note { get; set; } = "";
    public required string AddedBy { get; set; }
    public DateTime AddedUtc { get; set; }
}
