namespace LocalFlow.Analytics.Flow;

/// <summary>
/// The windows and word lists the flow figures and failure-demand signals use. Every locality may set its own;
/// the defaults are documented on each property and in docs/flow-study.md. Subtype matching ignores case.
/// </summary>
public sealed record FlowOptions
{
    /// <summary>Re-presentation: a new contact within this many days of an exit (closure, NFA, advice). Default 28.</summary>
    public int RePresentationDays { get; init; } = 28;

    /// <summary>Repeated assessment: the same assessment type again, by any agency, within this many days of the last one. Default 365.</summary>
    public int RepeatAssessmentDays { get; init; } = 365;

    /// <summary>Assess–do–refer cycle: the referral must start within this many days of the assessment. Default 90.</summary>
    public int CycleDays { get; init; } = 90;

    /// <summary>Assess–refer signal: how long after an assessment the same agency's referral or closure is looked for. Default 90.</summary>
    public int AssessReferDays { get; init; } = 90;

    /// <summary>Referral ping-pong: the referral back (B→A) must come within this many days of A→B. Default 180.</summary>
    public int PingPongDays { get; init; } = 180;

    /// <summary>Screened out, then back with greater need: how long after the screening-out an escalation is looked for. Default 730 (two years).</summary>
    public int ScreenedOutReturnDays { get; init; } = 730;

    /// <summary>Progress chasing: a contact with an agency this many days or fewer after a referral to it that the agency has not yet acted on. Default 90.</summary>
    public int ProgressChasingDays { get; init; } = 90;

    /// <summary>Long chain of workers: a run of at least this many different workers with none seen twice. Default 6.</summary>
    public int WorkerChainLength { get; init; } = 6;

    /// <summary>
    /// Subtypes that make a record an exit even when its kind is not <see cref="ActivityKind.Closure"/> (a contact
    /// answered with advice only, a "no further action" outcome). Default: advice, advice only, advice and
    /// guidance, NFA, no further action, signposted, screened out.
    /// </summary>
    public IReadOnlyList<string> ExitSubtypes { get; init; } = ["advice", "advice only", "advice and guidance", "nfa", "no further action", "signposted", "screened out"];

    /// <summary>Subtypes of a closure that mean the person was turned away at the threshold. Default: screened out, NFA, no further action, below threshold, not eligible.</summary>
    public IReadOnlyList<string> ScreenedOutSubtypes { get; init; } = ["screened out", "nfa", "no further action", "below threshold", "not eligible"];

    /// <summary>
    /// Signs of greater need: kinds that always count (default admission and emergency response) and subtypes that
    /// count on any kind (default strategy, section 47, child protection, safeguarding, crisis, arrest).
    /// </summary>
    public IReadOnlyList<ActivityKind> EscalationKinds { get; init; } = [ActivityKind.Admission, ActivityKind.EmergencyResponse];

    /// <summary>Subtypes that mark greater need on any record (see <see cref="EscalationKinds"/>).</summary>
    public IReadOnlyList<string> EscalationSubtypes { get; init; } = ["strategy", "section 47", "child protection", "safeguarding", "crisis", "arrest"];

    /// <summary>Subtypes that mark a contact as progress chasing outright ("where is my...?"). Default: progress chasing, chasing, chase.</summary>
    public IReadOnlyList<string> ProgressChasingSubtypes { get; init; } = ["progress chasing", "chasing", "chase"];

    /// <summary>Subtypes that mark the person's need as met (what mattered was done). Default: need met, needs met, what matters met.</summary>
    public IReadOnlyList<string> NeedMetSubtypes { get; init; } = ["need met", "needs met", "what matters met"];

    /// <summary>The defaults.</summary>
    public static FlowOptions Default { get; } = new();
}

/// <summary>Prices a record that gives no cost of its own, from the unit-cost catalogue: return null when there is no unit cost.</summary>
/// <param name="agency">The agency that made the record.</param>
/// <param name="kind">The kind of activity.</param>
/// <param name="subtype">Its subtype, if any.</param>
public delegate decimal? UnitCostLookup(string agency, ActivityKind kind, string? subtype);
