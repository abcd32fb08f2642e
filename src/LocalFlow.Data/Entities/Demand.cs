namespace LocalFlow.Data.Entities;

/// <summary>Whether a service mostly answers requests (a bin, a bill) or responds when someone's life has fallen off the rails.</summary>
public enum StudyKind
{
    /// <summary>"Can I book a squash court?": a demand that can usually be met in one go.</summary>
    Transactional = 1,

    /// <summary>Social care, homelessness, domestic abuse: the person's context matters and is recorded as they told it.</summary>
    PeopleCentred = 2,
}

/// <summary>Value demand is what the service is there for; failure demand is caused by a failure to do something, or to do something right, for the person.</summary>
public enum DemandNature
{
    Value = 1,
    Failure = 2,
}

/// <summary>The kinds of failure demand the study distinguishes.</summary>
public enum FailureKind
{
    /// <summary>Coming back with the same problem.</summary>
    RePresenting = 1,

    /// <summary>"What is happening with my case?"</summary>
    ProgressChasing = 2,

    /// <summary>Not understood, or re-work: "I don't understand this form", sending it again.</summary>
    NotUnderstoodRework = 3,

    /// <summary>Something was done, but not right.</summary>
    NotDoneRight = 4,

    /// <summary>Something else, described in words.</summary>
    Other = 9,
}

/// <summary>What happened at the point of transaction: where the demand went.</summary>
public enum TransactionOutcome
{
    /// <summary>Resolved there and then, at first contact.</summary>
    ResolvedThere = 1,

    /// <summary>Advice or information only.</summary>
    AdviceOnly = 2,

    /// <summary>Referred on to someone else (say to whom).</summary>
    ReferredOn = 3,

    /// <summary>Screened out, no further action.</summary>
    ScreenedOut = 4,

    /// <summary>Booked in: an appointment, a visit, an assessment.</summary>
    Booked = 5,
}

/// <summary>
/// A demand study: a team listening to demand at some front doors, for some weeks, in the person's words.
/// Not personal data itself (the demands are), but it belongs to one locality.
/// </summary>
public sealed class DemandStudy
{
    public int Id { get; set; }
    public int LocalityId { get; set; }
    /// <summary>The service studied, e.g. "Adult social care contact team".</summary>
    public required string Service { get; set; }
    public StudyKind Kind { get; set; }
    /// <summary>The purpose of the service from the person's point of view, e.g. "Help me live the life I want, safely, at home".</summary>
    public string Purpose { get; set; } = "";
    public DateOnly StartsOn { get; set; }
    public DateOnly? EndsOn { get; set; }
    /// <summary>The team taking the demand (the study sits beside them).</summary>
    public int? TeamId { get; set; }
    public Team? Team { get; set; }
    /// <summary>The people in the study team, in their own names, one per line.</summary>
    public string StudyTeam { get; set; } = "";
    /// <summary>The chance of a new type (Good–Turing) at or below which the team calls demand predictable.</summary>
    public double PredictableLevel { get; set; } = 0.02;
    /// <summary>True when the study started from a ready-made list of types (imported or typed in), which the page warns against.</summary>
    public bool StartedWithReadyMadeTypes { get; set; }
    public DateTime CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public List<DemandStudyFrontDoor> FrontDoors { get; set; } = [];
}

/// <summary>A front door in scope of a study.</summary>
public sealed class DemandStudyFrontDoor
{
    public int StudyId { get; set; }
    public int FrontDoorId { get; set; }
    public FrontDoor? FrontDoor { get; set; }
}

/// <summary>A type of demand that emerged from listening. Merged types stay, pointing at the type they went into.</summary>
public sealed class DemandType
{
    public int Id { get; set; }
    public int StudyId { get; set; }
    public required string Name { get; set; }
    public string Description { get; set; } = "";
    /// <summary>Whether demands of this type are usually value or failure demand (each demand says for itself).</summary>
    public DemandNature Nature { get; set; }
    /// <summary>When merged: the type its demands moved into.</summary>
    public int? MergedIntoId { get; set; }
    /// <summary>True when the type came from a ready-made list rather than from listening.</summary>
    public bool ReadyMade { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>What happened to a type: created, renamed, merged, split, described. Kept for the record.</summary>
public enum DemandTypeChangeKind
{
    Created = 1,
    Renamed = 2,
    Described = 3,
    MergedInto = 4,
    MergedFrom = 5,
    SplitInto = 6,
    SplitFrom = 7,
}

/// <summary>One entry in a type's history.</summary>
public sealed class DemandTypeChange
{
    public long Id { get; set; }
    public int TypeId { get; set; }
    public DemandTypeChangeKind Kind { get; set; }
    public DateTime At { get; set; }
    public required string By { get; set; }
    public required string Detail { get; set; }
    /// <summary>How many demands moved, for merges and splits.</summary>
    public int DemandsMoved { get; set; }
}

/// <summary>One demand as it arrived at a front door, in the person's own words.</summary>
public sealed class Demand : IPersonalData
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public int LocalityId { get; set; }
    public int StudyId { get; set; }
    public int FrontDoorId { get; set; }
    public Channel Channel { get; set; }
    /// <summary>When the demand arrived (UTC).</summary>
    public DateTime ReceivedAt { get; set; }
    /// <summary>The demand in the person's words, kept exactly as written (any length, any script, emoji).</summary>
    public required string Verbatim { get; set; }
    /// <summary>The language the demand was made in, as a BCP 47 tag ("cy", "pl"); null for English (<see cref="SpokenLanguages"/>). The words are never translated.</summary>
    public string? Language { get; set; }
    /// <summary>What the person wanted, in the study team's words.</summary>
    public string WhatTheyWanted { get; set; } = "";
    public DemandNature Nature { get; set; }
    public FailureKind? FailureKind { get; set; }
    /// <summary>The failure in words when the kind is Other.</summary>
    public string? FailureOther { get; set; }
    public int? TypeId { get; set; }
    public TransactionOutcome Outcome { get; set; }
    /// <summary>To whom the demand was referred on.</summary>
    public string? ReferredTo { get; set; }
    /// <summary>People-centred studies: the context of the person's life as they told it.</summary>
    public string? LifeContext { get; set; }
    public required string CapturedBy { get; set; }
    public DateTime CapturedAt { get; set; }
    /// <summary>Row version: a correction made on an older copy is refused rather than overwriting someone else's.</summary>
    public int Version { get; set; } = 1;
}

/// <summary>One correction to a demand, field by field, with who made it and why.</summary>
public sealed class DemandCorrection : IPersonalData
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public int LocalityId { get; set; }
    public Guid DemandId { get; set; }
    public DateTime At { get; set; }
    public required string By { get; set; }
    public string Reason { get; set; } = "";
    /// <summary>"Field: old → new" lines.</summary>
    public required string Changes { get; set; }
}
