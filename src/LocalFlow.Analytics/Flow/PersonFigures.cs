namespace LocalFlow.Analytics.Flow;

/// <summary>
/// What the seeds count by hand for one person, counted from the records. Every definition is on its property and
/// in docs/flow-study.md; windows come from <see cref="FlowOptions"/>.
/// </summary>
public sealed record PersonFigures
{
    /// <summary>The person's number in the log.</summary>
    public required int Person { get; init; }

    /// <summary>The person's id.</summary>
    public required string PersonId { get; init; }

    /// <summary>Every record about the person ("activity records"), an exact duplicate of another counted once (see <see cref="ActivityLog.DuplicatesOf"/>).</summary>
    public int Records { get; init; }

    /// <summary>Records that exactly repeat another of the person's records under a new record id: kept, not counted in any figure.</summary>
    public int Duplicates { get; init; }

    /// <summary>Records that are interactions with the person or about their need: every record except bed days, "medically fit" and discharge markers.</summary>
    public int Interactions { get; init; }

    /// <summary>The start of the person's first record.</summary>
    public DateTimeOffset First { get; init; }

    /// <summary>The start of the person's last record.</summary>
    public DateTimeOffset Last { get; init; }

    /// <summary>Distinct agencies that made a record.</summary>
    public int Agencies { get; init; }

    /// <summary>Distinct teams (a team is counted per agency: two agencies' "duty team" are two teams).</summary>
    public int Teams { get; init; }

    /// <summary>Distinct workers ("staff"), counted per agency like teams.</summary>
    public int Workers { get; init; }

    /// <summary>Records of kind assessment.</summary>
    public int Assessments { get; init; }

    /// <summary>
    /// Assessments that repeated one already done: the same assessment type (subtype, ignoring case) was assessed for
    /// the person, by any agency, within <see cref="FlowOptions.RepeatAssessmentDays"/> before. Assessments with no
    /// type are never counted as repeats.
    /// </summary>
    public int RepeatedAssessments { get; init; }

    /// <summary>Records of kind referral.</summary>
    public int Referrals { get; init; }

    /// <summary>
    /// Assess–do–refer cycles: an assessment followed by a referral (any agency) with no other assessment in between,
    /// the referral starting within <see cref="FlowOptions.CycleDays"/> of the assessment. Whatever lies between is
    /// the "do" (it may be nothing). Each assessment starts at most one cycle and each referral ends at most one.
    /// </summary>
    public int AssessDoReferCycles { get; init; }

    /// <summary>Exits: records of kind closure, and records of any kind whose subtype is an exit subtype (advice only, NFA...).</summary>
    public int Exits { get; init; }

    /// <summary>Re-entries: exits followed later by a new contact (any agency) before the next exit. Each exit counts at most once.</summary>
    public int ReEntries { get; init; }

    /// <summary>Hospital (or other bed-based) admissions.</summary>
    public int HospitalAdmissions { get; init; }

    /// <summary>
    /// Days in hospital: for each admission, calendar days from the admission's date to the discharge's date (the next
    /// discharge record, else the admission's own end, else the next admission, else the person's last record).
    /// </summary>
    public int HospitalDays { get; init; }

    /// <summary>Days in hospital after being declared medically fit: from the first "medically fit" record in a stay to the discharge's date.</summary>
    public int DaysAfterMedicallyFit { get; init; }

    /// <summary>Records of kind document or letter.</summary>
    public int Documents { get; init; }

    /// <summary>Records somebody judged as helping or not.</summary>
    public int JudgedRecords { get; init; }

    /// <summary>Records judged as having helped the person.</summary>
    public int HelpedRecords { get; init; }

    /// <summary>Share of judged records that helped (<see cref="HelpedRecords"/> ÷ <see cref="JudgedRecords"/>); null when none were judged.</summary>
    public double? HelpedShare => JudgedRecords == 0 ? null : (double)HelpedRecords / JudgedRecords;

    /// <summary>Days from the first contact (else the first record) to the first record whose subtype says the need was met; null when never met.</summary>
    public double? DaysToNeedMet { get; init; }

    /// <summary>The cost of all records: each record's own cost, else its unit cost, else nothing.</summary>
    public decimal Cost { get; init; }

    /// <summary>Records with neither a cost of their own nor a unit cost.</summary>
    public int UncostedRecords { get; init; }

    /// <summary>The figures of someone with no records.</summary>
    public static PersonFigures None(string personId) => new() { Person = -1, PersonId = personId };

    /// <summary>The seeds' sentence for this person (<see cref="FlowSentence.Of(PersonFigures)"/>).</summary>
    public string Describe() => FlowSentence.Of(this);
}
