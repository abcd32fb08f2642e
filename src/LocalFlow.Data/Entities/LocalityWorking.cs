namespace LocalFlow.Data.Entities;

// Locality working (issue 9): the multi-agency team that helps. What matters to a person is stored once, in
// WhatMattered (Flow.cs); what the team does and every contact is stored as an ActivityRecord of the team's
// agency, so the flow engine, signals, cost curve and timeline count them with no second set of figures.
// The entity map is in docs/locality-working.md.

/// <summary>Marks a record that is never deleted outright: removal is soft (who and when) and audited.</summary>
public interface ISoftRemoved
{
    DateTime? RemovedUtc { get; set; }
    string? RemovedBy { get; set; }
}

/// <summary>
/// A locality's own team: which agency (and team) works as the multi-agency locality team, and its common purpose
/// and principles in the team's words. One home for purpose and principles; a demand study keeps its own purpose.
/// </summary>
public sealed class LocalityTeam
{
    public int LocalityId { get; set; }
    /// <summary>The agency whose activity records are the team's actions and contacts.</summary>
    public int AgencyId { get; set; }
    public int? TeamId { get; set; }
    /// <summary>The common purpose, for example "Help me live a good life or die a good death".</summary>
    public string Purpose { get; set; } = "";
    /// <summary>The principles, one to a line, as the team wrote them.</summary>
    public string Principles { get; set; } = "";
    public string? UpdatedBy { get; set; }
    public DateTime? UpdatedUtc { get; set; }
    /// <summary>Concurrency: the version the editor opened; a save from an older version is refused and both texts kept.</summary>
    public int Version { get; set; } = 1;
}

/// <summary>
/// The team working with a household (the unit of work) or with one person who has no household: one key worker,
/// a point of contact who stays when experts are pulled in. Work is not time-limited; it ends by stepping back
/// when the need is met, in the person's words.
/// </summary>
public sealed class Support : IPersonalData, ISoftRemoved
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public int LocalityId { get; set; }
    /// <summary>The household worked with; null when the team works with a person who has no household.</summary>
    public Guid? HouseholdId { get; set; }
    /// <summary>The person worked with, when there is no household (someone who presents with nowhere to live).</summary>
    public Guid? PersonId { get; set; }
    /// <summary>The one key worker: "a key person – one point of contact".</summary>
    public int KeyWorkerId { get; set; }
    public Worker? KeyWorker { get; set; }
    public DateOnly StartedOn { get; set; }
    public required string StartedBy { get; set; }
    /// <summary>When the team stepped back (need met); null while working.</summary>
    public DateOnly? SteppedBackOn { get; set; }
    /// <summary>"Need met" in the person's own words, kept exactly as typed.</summary>
    public string? NeedMetInTheirWords { get; set; }
    /// <summary>The activity record (subtype "need met") that fills the engine's days-to-need-met.</summary>
    public Guid? NeedMetRecordId { get; set; }
    public int Version { get; set; } = 1;
    public DateTime? RemovedUtc { get; set; }
    public string? RemovedBy { get; set; }
}

/// <summary>Why a worker or local helper is involved beside the key worker.</summary>
public enum InvolvementKind
{
    /// <summary>A member of the locality team helping the key worker.</summary>
    TeamMember = 1,
    /// <summary>An expert from another agency, pulled in only when needed; not a referral — the key worker stays.</summary>
    Expert = 2,
    /// <summary>A volunteer from the directory.</summary>
    Volunteer = 3,
    /// <summary>A local group from the directory.</summary>
    LocalGroup = 4,
}

/// <summary>Someone involved in a support besides the key worker, and why: a worker, or an entry of the local directory.</summary>
public sealed class Involvement : IPersonalData, ISoftRemoved
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public int LocalityId { get; set; }
    public Guid SupportId { get; set; }
    public InvolvementKind Kind { get; set; }
    /// <summary>The worker involved (team member or expert); null for a directory entry.</summary>
    public int? WorkerId { get; set; }
    public Worker? Worker { get; set; }
    /// <summary>The directory entry involved (volunteer or group); null for a worker.</summary>
    public Guid? DirectoryEntryId { get; set; }
    /// <summary>Why they are involved, in plain words ("benefits appeal", "lifts to the hospital").</summary>
    public required string Why { get; set; }
    public DateOnly From { get; set; }
    public required string AddedBy { get; set; }
    public DateTime? RemovedUtc { get; set; }
    public string? RemovedBy { get; set; }
}

/// <summary>
/// A good-life conversation: "What would a good life look like to you?" — dated, by whom, in the person's words.
/// No scores and no eligibility questions. What matters from it is stored as <see cref="WhatMattered"/> rows
/// pointing back here.
/// </summary>
public sealed class GoodLifeConversation : IPersonalData, ISoftRemoved
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public int LocalityId { get; set; }
    /// <summary>Who the conversation was with (for a household, the person who spoke most; others say their own in WhatMattered).</summary>
    public Guid PersonId { get; set; }
    public Guid? HouseholdId { get; set; }
    public Guid? SupportId { get; set; }
    public DateOnly HeldOn { get; set; }
    public int? HeldByWorkerId { get; set; }
    public required string HeldBy { get; set; }
    /// <summary>What a good life looks like to them.</summary>
    public string GoodLife { get; set; } = "";
    public string Strengths { get; set; } = "";
    /// <summary>What they can do themselves.</summary>
    public string CanDoThemselves { get; set; } = "";
    /// <summary>Who is around them: family, friends, neighbours.</summary>
    public string WhoIsAround { get; set; } = "";
    /// <summary>What help they want.</summary>
    public string HelpWanted { get; set; } = "";
    /// <summary>The language the conversation was held in ("English", "Polish", "BSL").</summary>
    public string? Language { get; set; }
    public DateTime RecordedUtc { get; set; }
    public int Version { get; set; } = 1;
    public DateTime? RemovedUtc { get; set; }
    public string? RemovedBy { get; set; }
}

/// <summary>
/// An action the team agreed: what, who, when, done or not, and the what-matters statement it serves. When it is
/// done, it is written as an <see cref="ActivityRecord"/> of the team's agency priced from the unit-cost catalogue
/// (<see cref="RecordId"/>), so the engine counts only what happened.
/// </summary>
public sealed class TeamAction : IPersonalData, ISoftRemoved
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public int LocalityId { get; set; }
    public Guid SupportId { get; set; }
    /// <summary>The person it is for (the activity record's person).</summary>
    public Guid PersonId { get; set; }
    /// <summary>What will be done, in plain words.</summary>
    public required string What { get; set; }
    /// <summary>The kind of activity, for the unit-cost catalogue and the engine.</summary>
    public LocalFlow.Analytics.Flow.ActivityKind Kind { get; set; }
    /// <summary>The worker doing it (key worker or expert); null when a directory entry does it.</summary>
    public int? WorkerId { get; set; }
    /// <summary>The volunteer or group from the directory doing it; null when a worker does it.</summary>
    public Guid? DirectoryEntryId { get; set; }
    /// <summary>When it is to happen (or happened).</summary>
    public DateOnly When { get; set; }
    /// <summary>The what-matters statement it serves.</summary>
    public Guid? WhatMatteredId { get; set; }
    /// <summary>What it costs, from the unit-cost catalogue (null when the catalogue has no price).</summary>
    public decimal? Cost { get; set; }
    public int? UnitCostId { get; set; }
    /// <summary>When it was done; null while not done.</summary>
    public DateOnly? DoneOn { get; set; }
    /// <summary>The activity record written when it was done.</summary>
    public Guid? RecordId { get; set; }
    public required string AddedBy { get; set; }
    public DateTime AddedUtc { get; set; }
    public int Version { get; set; } = 1;
    public DateTime? RemovedUtc { get; set; }
    public string? RemovedBy { get; set; }
}

/// <summary>What a directory entry is.</summary>
public enum DirectoryEntryKind
{
    Person = 1,
    Volunteer = 2,
    Group = 3,
    Organisation = 4,
}

/// <summary>
/// The local resource directory: people, groups and volunteers with their skills, availability, area and contact.
/// One directory, which the redesign programme will extend with buildings and workforce.
/// </summary>
public sealed class DirectoryEntry : IPersonalData, ISoftRemoved
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public int LocalityId { get; set; }
    public DirectoryEntryKind Kind { get; set; }
    public required string Name { get; set; }
    /// <summary>Skills, separated by commas ("handyperson, lifts to appointments").</summary>
    public string Skills { get; set; } = "";
    public string Availability { get; set; } = "";
    /// <summary>The street they are on or cover, when one.</summary>
    public int? StreetId { get; set; }
    /// <summary>The area they cover, in words ("north of the park", "all of Northfield").</summary>
    public string Area { get; set; } = "";
    public string Contact { get; set; } = "";
    public int Version { get; set; } = 1;
    public DateTime? RemovedUtc { get; set; }
    public string? RemovedBy { get; set; }
}

/// <summary>What stepping in avoided. The numbers are stored and never change meaning.</summary>
public enum AvoidedKind
{
    AdmissionPrevented = 1,
    PlacementAvoided = 2,
    EvictionStopped = 3,
    CareHomeAvoided = 4,
    ArrestAvoided = 5,
    ExclusionAvoided = 6,
    Other = 99,
}

/// <summary>One thing avoided for a support, with the reason in words: the tally of slide 16.</summary>
public sealed class Avoided : IPersonalData, ISoftRemoved
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public int LocalityId { get; set; }
    public Guid SupportId { get; set; }
    public AvoidedKind Kind { get; set; }
    public required string Reason { get; set; }
    public DateOnly On { get; set; }
    public required string RecordedBy { get; set; }
    public DateTime? RemovedUtc { get; set; }
    public string? RemovedBy { get; set; }
}

/// <summary>
/// A worker named on a restricted person or household (domestic abuse): only named workers (and users allowed to see
/// restricted records) see the address and whereabouts. Exactly one of person and household is set.
/// </summary>
public sealed class NamedWorker : IPersonalData, ISoftRemoved
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public int LocalityId { get; set; }
    public Guid? PersonId { get; set; }
    public Guid? HouseholdId { get; set; }
    public int WorkerId { get; set; }
    public required string NamedBy { get; set; }
    public DateTime NamedUtc { get; set; }
    public DateTime? RemovedUtc { get; set; }
    public string? RemovedBy { get; set; }
}

/// <summary>
/// A "help me" demand heard at a front door during a demand study, handed to the locality team. The demand itself
/// stays in its study, counted once there; this links it to the person (and so the household) the team works with,
/// and the person's words travel with it (read from the demand, never copied).
/// </summary>
public sealed class FrontDoorHandover : IPersonalData, ISoftRemoved
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public int LocalityId { get; set; }
    public Guid DemandId { get; set; }
    /// <summary>What the front door adds for the team, exactly as typed: a name they gave, how to reach them.</summary>
    public string? Note { get; set; }
    public required string HandedOverBy { get; set; }
    public DateTime HandedOverUtc { get; set; }
    /// <summary>The person the team linked it to; null while it waits for the team.</summary>
    public Guid? PersonId { get; set; }
    public string? LinkedBy { get; set; }
    public DateTime? LinkedUtc { get; set; }
    public int Version { get; set; } = 1;
    public DateTime? RemovedUtc { get; set; }
    public string? RemovedBy { get; set; }
    /// <summary>Why the front door took it back before the team picked it up, exactly as typed.</summary>
    public string? RemovedReason { get; set; }
}
