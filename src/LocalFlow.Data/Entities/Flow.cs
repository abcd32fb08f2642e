using LocalFlow.Analytics.Flow;

namespace LocalFlow.Data.Entities;

/// <summary>
/// What an activity that did not help the person served instead, as the study team judged it. The numbers
/// are stored and never change meaning.
/// </summary>
public enum ActivityServed
{
    /// <summary>Gaining approval (panels, sign-off, eligibility checks before anything is done).</summary>
    Approvals = 1,
    /// <summary>Reporting (returns, data collection, case recording for its own sake).</summary>
    Reporting = 2,
    /// <summary>Targets and activity measures (an assessment done to meet a time target, a CQUIN form).</summary>
    Targets = 3,
    /// <summary>Compliance and risk management (procedures, risk assessments that protect the organisation).</summary>
    Compliance = 4,
    /// <summary>Something else, said in the note.</summary>
    Other = 99,
}

/// <summary>
/// One thing an agency did or recorded for a person: the unit of a flow study. Records come from agencies'
/// extracts (imports), from demand studies, or from the demo. Instants are UTC; the offset the source
/// gave is kept beside them so that nothing is shifted silently.
/// </summary>
public sealed class ActivityRecord : IPersonalData
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public int LocalityId { get; set; }
    public Guid PersonId { get; set; }
    public Guid? HouseholdId { get; set; }
    public int AgencyId { get; set; }
    public int? TeamId { get; set; }
    public int? WorkerId { get; set; }
    public ActivityKind Kind { get; set; }
    /// <summary>The type of assessment, referral, service or meeting in the source's words ("Falls risk assessment", "Section 47 enquiry").</summary>
    public string? Subtype { get; set; }
    /// <summary>For a referral: the agency referred to.</summary>
    public int? ReferredToAgencyId { get; set; }
    /// <summary>For a referral: the team referred to, when known.</summary>
    public int? ReferredToTeamId { get; set; }
    public DateTime StartUtc { get; set; }
    public DateTime? EndUtc { get; set; }
    /// <summary>The UTC offset the source gave with its time, in minutes (60 for BST); null when the source gave none.</summary>
    public int? SourceOffsetMinutes { get; set; }
    /// <summary>The system the record came from ("Mosaic", "SystmOne", "Niche RMS", "demo").</summary>
    public required string SourceSystem { get; set; }
    /// <summary>The record's id in its source system; unique per locality and source system.</summary>
    public required string SourceRecordId { get; set; }
    /// <summary>Free text from the record (case note summary).</summary>
    public string? Text { get; set; }
    /// <summary>What the activity cost, in pounds; from the record, or from the unit-cost catalogue when the record gave none.</summary>
    public decimal? Cost { get; set; }
    /// <summary>True when <see cref="Cost"/> came from the unit-cost catalogue rather than the record.</summary>
    public bool CostFromCatalogue { get; set; }
    /// <summary>Whether the activity helped the person (true), did not (false), or has not been judged (null).</summary>
    public bool? Helped { get; set; }
    /// <summary>When it did not help: what it served instead.</summary>
    public ActivityServed? HelpedReason { get; set; }
    /// <summary>The study team's reason in words.</summary>
    public string? HelpedNote { get; set; }
    /// <summary>The import that brought the record in; null for records made by hand or by the demo.</summary>
    public Guid? ImportId { get; set; }
    /// <summary>The year whose prices <see cref="Cost"/> is in: the catalogue entry's price year when the cost came from the catalogue; null means the year the activity took place.</summary>
    public int? PriceYear { get; set; }
}

public enum FlowImportStatus
{
    /// <summary>Stored: its records are in the database.</summary>
    Completed = 1,
    /// <summary>Undone: its records were deleted as one unit.</summary>
    Undone = 2,
}

/// <summary>One import of activity records from one file: a unit that can be undone as a whole.</summary>
public sealed class FlowImport
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public int LocalityId { get; set; }
    public required string FileName { get; set; }
    /// <summary>The source system the file came from.</summary>
    public required string SourceSystem { get; set; }
    /// <summary>The agency whose extract it is, when the file holds one agency's records.</summary>
    public int? AgencyId { get; set; }
    public int? ImportedByUserId { get; set; }
    public required string ImportedBy { get; set; }
    public DateTime ImportedUtc { get; set; }
    public int RecordCount { get; set; }
    /// <summary>Rows of the file that were not stored (reported to the person importing; the import stores none of them).</summary>
    public int SkippedCount { get; set; }
    public FlowImportStatus Status { get; set; } = FlowImportStatus.Completed;
    public DateTime? UndoneUtc { get; set; }
    public string? UndoneBy { get; set; }
}

/// <summary>
/// One thing that mattered to a person, in their words, and what meeting it would have cost: for Ruth,
/// "help with housework" (a cleaner, 10 hours a week for four years, £14,560). Drawn beside the cumulative
/// cost of what was done. The one store of what matters: the locality team's good-life conversations add their
/// statements here too (said by whom, when, in which conversation and language), unpriced until someone prices them.
/// </summary>
public sealed class WhatMattered : IPersonalData, ISoftRemoved
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public int LocalityId { get; set; }
    public Guid PersonId { get; set; }
    /// <summary>What mattered, in the person's own words.</summary>
    public required string InTheirWords { get; set; }
    /// <summary>What meeting it takes ("Cleaner, 10 hours a week for four years"); empty while not priced.</summary>
    public required string Item { get; set; }
    public decimal Cost { get; set; }
    public int? PriceYear { get; set; }
    /// <summary>When it was said, or first asked for (where the comparison line steps up).</summary>
    public DateOnly AskedOn { get; set; }
    /// <summary>Who said it, when not the person themselves (a carer, a daughter), as they were named.</summary>
    public string? SaidBy { get; set; }
    /// <summary>The person who said it, when they are known to LocalFlow (a carer with their own statements is the <see cref="PersonId"/>).</summary>
    public Guid? SaidByPersonId { get; set; }
    /// <summary>The good-life conversation it was said in; null for what a flow study heard.</summary>
    public Guid? ConversationId { get; set; }
    /// <summary>The language it was said in, when not English; the words are kept as they were said.</summary>
    public string? Language { get; set; }
    public int Version { get; set; } = 1;
    public DateTime? RemovedUtc { get; set; }
    public string? RemovedBy { get; set; }
}

/// <summary>
/// A locality's windows for flow signals, in days. Defaults are documented in docs/flow-demo.md and used
/// when a locality has no row.
/// </summary>
public sealed class FlowSettings
{
    /// <summary>The engine's options with this locality's windows (the defaults are the engine's, see docs/flow-study.md).</summary>
    public LocalFlow.Analytics.Flow.FlowOptions ToOptions() => new()
    {
        RePresentationDays = ReentryDays,
        RepeatAssessmentDays = RepeatAssessmentDays,
        AssessReferDays = AssessReferDays,
        PingPongDays = PingPongDays,
        ScreenedOutReturnDays = ScreenedOutReturnDays,
        ProgressChasingDays = ProgressChasingDays,
        WorkerChainLength = WorkerChainLength,
    };

    public const int DefaultReentryDays = 28;
    public const int DefaultRepeatAssessmentDays = 365;
    public const int DefaultAssessReferDays = 90;
    public const int DefaultPingPongDays = 180;
    public const int DefaultScreenedOutReturnDays = 730;
    public const int DefaultProgressChasingDays = 90;
    public const int DefaultWorkerChainLength = 6;

    public int LocalityId { get; set; }
    /// <summary>Re-presentation within this many days of a closure, NFA or advice.</summary>
    public int ReentryDays { get; set; } = DefaultReentryDays;
    /// <summary>The same assessment type again within this many days, by any agency, is a repeat.</summary>
    public int RepeatAssessmentDays { get; set; } = DefaultRepeatAssessmentDays;
    /// <summary>An assessment followed within this many days only by a referral or NFA is "assess–refer".</summary>
    public int AssessReferDays { get; set; } = DefaultAssessReferDays;
    /// <summary>A referral A→B followed by B→A within this many days is ping-pong.</summary>
    public int PingPongDays { get; set; } = DefaultPingPongDays;
    /// <summary>Screened out, then back within this many days with greater need.</summary>
    public int ScreenedOutReturnDays { get; set; } = DefaultScreenedOutReturnDays;
    /// <summary>Contacts from the person within this many days of a referral, with no service in between, are progress chasing.</summary>
    public int ProgressChasingDays { get; set; } = DefaultProgressChasingDays;
    /// <summary>This many different workers in a row, each seen once, is a long chain of workers.</summary>
    public int WorkerChainLength { get; set; } = DefaultWorkerChainLength;
}

/// <summary>
/// A CSV column mapping saved for one agency's extracts (reference data, not personal data): the
/// <see cref="LocalFlow.Analytics.Flow.Formats.CsvMapping"/> JSON under a name people recognise, "Police — Niche incidents".
/// </summary>
public sealed class FlowMapping
{
    public int Id { get; set; }
    public int LocalityId { get; set; }
    public int AgencyId { get; set; }
    public required string Name { get; set; }
    /// <summary>The mapping as <see cref="LocalFlow.Analytics.Flow.Formats.CsvMapping.ToJson"/> writes it.</summary>
    public required string MappingJson { get; set; }
    public required string SavedBy { get; set; }
    public DateTime SavedUtc { get; set; }
}
