using LocalFlow.Analytics.Measures;

namespace LocalFlow.Data.Entities;

/// <summary>The three levels of measures in the seeds' slide 13.</summary>
public enum MeasureLevel
{
    /// <summary>The individual: is this person's life getting better?</summary>
    Individual = 1,
    /// <summary>The geography: the locality as a whole.</summary>
    Geography = 2,
    /// <summary>Strategic demand reduction and cost removal.</summary>
    Strategic = 3,
}

/// <summary>
/// A purpose measure saved for a locality (docs/measures.md): what it counts from the records, how often, from when and
/// which agency's records, in whose name and for which purpose, with its operational definition in words. Its values
/// are always computed from the records (<see cref="PurposeMeasures"/>); it has no target. Every edit raises
/// <see cref="Version"/> and is audited.
/// </summary>
public sealed class SavedMeasure
{
    public int Id { get; set; }
    public int LocalityId { get; set; }
    public required string Name { get; set; }
    /// <summary>The purpose it serves, from the person's point of view.</summary>
    public required string Purpose { get; set; }
    /// <summary>Who owns it (a name or a role).</summary>
    public required string Owner { get; set; }
    public MeasureLevel Level { get; set; }
    public MeasureCount Counts { get; set; }
    public MeasurePeriod Period { get; set; }
    public DateOnly FromDate { get; set; }
    /// <summary>Only this agency's records; null for every agency.</summary>
    public int? AgencyId { get; set; }
    /// <summary>The operational definition in words: exactly what is counted and how, so that anyone would count the same.</summary>
    public required string Definition { get; set; }
    public ImprovementDirection Improvement { get; set; }
    public int Version { get; set; } = 1;
    public string? UpdatedBy { get; set; }
    public DateTime UpdatedUtc { get; set; }
}

/// <summary>
/// An experiment (study, plan, do, check, make normal) watched on a saved measure: what was changed, from when, for
/// whom, what was learned and whether it became normal practice. Its date starts a new phase on the measure's chart.
/// </summary>
public sealed class Experiment
{
    public int Id { get; set; }
    public int LocalityId { get; set; }
    public int MeasureId { get; set; }
    /// <summary>What was changed.</summary>
    public required string Change { get; set; }
    /// <summary>For whom (a team, a street, everyone the front door sees).</summary>
    public required string ForWhom { get; set; }
    public DateOnly StartedOn { get; set; }
    /// <summary>What was learned, once checked; null until then.</summary>
    public string? Learned { get; set; }
    /// <summary>Whether it became normal practice.</summary>
    public bool BecameNormal { get; set; }
    public string? RecordedBy { get; set; }
    public DateTime RecordedUtc { get; set; }
}
