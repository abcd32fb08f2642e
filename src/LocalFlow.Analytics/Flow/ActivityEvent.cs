namespace LocalFlow.Analytics.Flow;

/// <summary>
/// One activity record: something an agency did or recorded for a person, as a flow study reads it from
/// that agency's records (or from a demand study). Start and end keep the offset the source gave; the
/// engine stores instants in UTC beside that offset.
/// </summary>
/// <param name="PersonId">The person the record is about (after record linkage, the linked person's id).</param>
/// <param name="HouseholdId">The person's household, when known.</param>
/// <param name="Agency">The agency that made the record (council children's services, police, NHS trust...).</param>
/// <param name="Team">The team within the agency, when known.</param>
/// <param name="Worker">The member of staff (or pseudonymous staff id), when known.</param>
/// <param name="Kind">What kind of activity it was.</param>
/// <param name="Subtype">A finer type: the assessment type for assessments ("falls", "core"), the outcome of a
/// closure ("NFA", "advice", "screened out"), the kind of meeting ("strategy")...</param>
/// <param name="ReferredToAgency">For a referral: the agency referred to.</param>
/// <param name="ReferredToTeam">For a referral: the team referred to.</param>
/// <param name="Start">When the activity happened or started.</param>
/// <param name="End">When it ended, if it lasted (an admission's discharge, a lifecycle complete event).</param>
/// <param name="SourceSystem">The IT system the record came from.</param>
/// <param name="SourceRecordId">The record's id in that system.</param>
/// <param name="Cost">What the activity cost in pounds, when the record says; otherwise a unit-cost lookup may price it.</param>
/// <param name="Helped">Whether the activity helped the person (true) or served approvals, reporting, targets or
/// compliance (false); null when nobody has judged it.</param>
/// <param name="HelpedReason">Why it was judged so, in the study team's words.</param>
/// <param name="Text">Free text of the record (the person's or worker's own words).</param>
/// <param name="Activity">The activity name as the source called it (an XES <c>concept:name</c>, a CSV kind value);
/// process-mining figures (variants, directly-follows pairs) use it when present.</param>
public readonly record struct ActivityEvent(
    string PersonId,
    string? HouseholdId,
    string Agency,
    string? Team,
    string? Worker,
    ActivityKind Kind,
    string? Subtype,
    string? ReferredToAgency,
    string? ReferredToTeam,
    DateTimeOffset Start,
    DateTimeOffset? End = null,
    string? SourceSystem = null,
    string? SourceRecordId = null,
    decimal? Cost = null,
    bool? Helped = null,
    string? HelpedReason = null,
    string? Text = null,
    string? Activity = null);
