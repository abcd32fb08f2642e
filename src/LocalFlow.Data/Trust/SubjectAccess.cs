using System.Globalization;
using System.Text.Json;
using LocalFlow.Data.Audit;
using LocalFlow.Data.Entities;
using LocalFlow.Data.Linking;
using LocalFlow.Data.LocalityWork;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Data.Trust;

/// <summary>One part of a subject access report: a heading and its rows, each row field name → value as text.</summary>
public sealed record SubjectAccessSection(string Title, string Explanation, IReadOnlyList<string> Fields, IReadOnlyList<IReadOnlyList<string>> Rows);

/// <summary>Everything LocalFlow holds about one person, in sections, made at <see cref="MadeUtc"/>.</summary>
public sealed record SubjectAccessReport(Guid PersonId, string Name, DateTime MadeUtc, IReadOnlyList<SubjectAccessSection> Sections)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>
    /// The report as JSON: <c>{"person", "name", "made", "sections": [{"title", "explanation", "rows": [{field: value}]}]}</c>.
    /// Each row is an object keyed by the section's field names, every value text (empty when not held).
    /// </summary>
    public string ToJson() => JsonSerializer.Serialize(new
    {
        person = PersonId,
        name = Name,
        made = MadeUtc,
        sections = Sections.Select(s => new
        {
            title = s.Title,
            explanation = s.Explanation,
            rows = s.Rows.Select(r => s.Fields.Zip(r).ToDictionary(p => p.First, p => p.Second)).ToList(),
        }).ToList(),
    }, Json);
}

/// <summary>
/// Subject access (UK GDPR article 15; docs/security.md): everything held about one person — the person, their household's
/// address, every agency's records of them, what mattered to them, conversations, "I" statements, actions, the records
/// linked to them and the audit entries about them — gathered in one report, readable (the page) and machine-readable
/// (<see cref="SubjectAccessReport.ToJson"/>). Other members of the household are left out: they are other people's data.
/// Making a report is itself audited. Who may see the person is the one rule in <see cref="Visibility"/>.
/// </summary>
public static class SubjectAccess
{
    /// <summary>
    /// The report for <paramref name="personId"/>, or null when the viewer may not see that person in full (not in
    /// their localities, or restricted and they are neither allowed nor named). Audited as one entry.
    /// </summary>
    public static async Task<SubjectAccessReport?> MakeAsync(LocalFlowDb db, Viewer viewer, Guid personId, CancellationToken ct = default)
    {
        if (await PersonInView.SeenInFullAsync(db, viewer, personId, ct) is not { } person)
        {
            return null;
        }
        var loc = person.LocalityId;
        var sections = new List<SubjectAccessSection>
        {
            new("Person", "The person as LocalFlow knows them after linking.",
                ["Given name", "Family name", "Date of birth", "Sex", "NHS number", "Phone", "Email", "Restricted", "Locality"],
                [[person.GivenName, person.FamilyName, Date(person.DateOfBirth), person.Sex ?? "", person.NhsNumber ?? "", person.Phone ?? "", person.Email ?? "",
                    YesNo(Visibility.IsRestricted(person)), await db.Localities.Where(l => l.Id == loc).Select(l => l.Name).SingleAsync(ct)]]),
        };
        if (person.Household is { } h)
        {
            sections.Add(new("Household", "Where the person lives. Other members of the household are not included: they are other people's data.",
                ["Address", "Postcode", "Restricted"], [[h.AddressLine, h.Postcode, YesNo(h.Restricted)]]));
        }

        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var teams = await db.Teams.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        var records = await db.ActivityRecords.AsNoTracking().Where(r => r.LocalityId == loc && r.PersonId == personId)
            .OrderBy(r => r.StartUtc).ThenBy(r => r.Id).ToListAsync(ct);
        sections.Add(new("Records of every agency", "Each contact, assessment, referral, service, review, meeting, admission and closure the agencies recorded.",
            ["When", "Ended", "Agency", "Team", "What", "Type", "Referred to", "Notes", "Cost (£)", "Helped the person", "Why not", "Source system", "Record id in the source"],
            [.. records.Select(r => (IReadOnlyList<string>)[Instant(r.StartUtc), r.EndUtc is { } e ? Instant(e) : "", agencies.GetValueOrDefault(r.AgencyId, ""),
                r.TeamId is int t ? teams.GetValueOrDefault(t, "") : "", r.Kind.ToString(), r.Subtype ?? "",
                r.ReferredToAgencyId is int to ? agencies.GetValueOrDefault(to, "") : "", r.Text ?? "", Money(r.Cost),
                r.Helped is bool b ? YesNo(b) : "", r.HelpedNote ?? r.HelpedReason?.ToString() ?? "", r.SourceSystem, r.SourceRecordId])]));

        var identities = await db.SourceIdentities.AsNoTracking().Where(s => s.LocalityId == loc && s.PersonId == personId)
            .OrderBy(s => s.Source).ThenBy(s => s.SourceRecordId).ToListAsync(ct);
        sections.Add(new("Records linked to the person", "The agencies' own records of the person (their names, dates of birth, addresses and numbers as each agency holds them), which linking found to be this person.",
            ["Source", "Record id", "Given names", "Surname", "Previous surnames", "Date of birth", "Address", "Postcode", "NHS number", "Other id", "Phone", "Email"],
            [.. identities.Select(s => (IReadOnlyList<string>)[s.Source, s.SourceRecordId, s.GivenNames ?? "", s.Surname ?? "", s.PreviousSurnames ?? "", s.DateOfBirth ?? "",
                string.Join(' ', new[] { s.HouseNumber, s.AddressLine }.Where(x => !string.IsNullOrWhiteSpace(x))), s.Postcode ?? "", s.NhsNumber ?? "", s.OtherId ?? "", s.Phone ?? "", s.Email ?? ""])]));

        var identityIds = identities.Select(i => i.Id).ToList();
        var decisions = await db.LinkDecisions.AsNoTracking().Where(d => d.LocalityId == loc && (identityIds.Contains(d.IdentityAId) || identityIds.Contains(d.IdentityBId)))
            .OrderBy(d => d.DecidedAt).ToListAsync(ct);
        sections.Add(new("Linking decisions", "Decisions people made about whether two records are the same person.",
            ["When", "Decision", "Made by", "How", "Note"],
            [.. decisions.Select(d => (IReadOnlyList<string>)[Instant(d.DecidedAt), d.IsMatch ? "The same person" : "Not the same person", d.DecidedBy, d.Origin, d.Note ?? ""])]));

        var demandIds = await DemandLinks.DemandsOfAsync(db, loc, personId, ct);
        var demands = await db.Demands.AsNoTracking().Where(d => d.LocalityId == loc && demandIds.Contains(d.Id)).OrderBy(d => d.ReceivedAt).ToListAsync(ct);
        sections.Add(new("Demands at front doors", "What the person asked for at a front door, in their own words, from the demand study.",
            ["When", "In their words", "Language", "What they wanted", "Value or failure", "Their life as they told it", "Referred to"],
            [.. demands.Select(d => (IReadOnlyList<string>)[Instant(d.ReceivedAt), d.Verbatim, SpokenLanguages.NameOf(d.Language), d.WhatTheyWanted, d.Nature.ToString(), d.LifeContext ?? "", d.ReferredTo ?? ""])]));

        var mattered = await db.WhatMattered.AsNoTracking().Where(w => w.LocalityId == loc && w.PersonId == personId).OrderBy(w => w.AskedOn).ToListAsync(ct);
        sections.Add(new("What matters to them", "What mattered to the person, in their words, and what meeting it takes.",
            ["Said on", "In their words", "What it takes", "Cost (£)", "Said by", "Removed"],
            [.. mattered.Select(w => (IReadOnlyList<string>)[Date(w.AskedOn), w.InTheirWords, w.Item, Money(w.Cost), w.SaidBy ?? "", Removed(w.RemovedUtc)])]));

        var conversations = await db.GoodLifeConversations.AsNoTracking().Where(c => c.LocalityId == loc && c.PersonId == personId).OrderBy(c => c.HeldOn).ToListAsync(ct);
        sections.Add(new("Good-life conversations", "Conversations with the locality team about a good life.",
            ["Held on", "Held by", "A good life", "Strengths", "What they can do themselves", "Who is around them", "Help wanted", "Removed"],
            [.. conversations.Select(c => (IReadOnlyList<string>)[Date(c.HeldOn), c.HeldBy, c.GoodLife, c.Strengths, c.CanDoThemselves, c.WhoIsAround, c.HelpWanted, Removed(c.RemovedUtc)])]));

        var statements = await db.PersonStatements.AsNoTracking().Where(s => s.LocalityId == loc && s.PersonId == personId).OrderBy(s => s.Position).ToListAsync(ct);
        var statementIds = statements.Select(s => s.Id).ToList();
        var scores = await db.StatementScores.AsNoTracking().Where(s => s.LocalityId == loc && statementIds.Contains(s.StatementId)).OrderBy(s => s.ScoredOn).ToListAsync(ct);
        sections.Add(new("Their plan: \"I\" statements", "The person's own statements and how they scored them over time.",
            ["Statement", "Added on", "Added by", "Scores (date: score)", "Removed"],
            [.. statements.Select(s => (IReadOnlyList<string>)[s.Words, Date(s.AddedOn), s.AddedBy,
                string.Join("; ", scores.Where(x => x.StatementId == s.Id).Select(x => $"{Date(x.ScoredOn)}: {x.Score.ToString(CultureInfo.InvariantCulture)}")), Removed(s.RemovedUtc)])]));

        var actions = await db.TeamActions.AsNoTracking().Where(a => a.LocalityId == loc && a.PersonId == personId).OrderBy(a => a.When).ToListAsync(ct);
        sections.Add(new("Actions", "What the locality team agreed to do, and whether it was done.",
            ["What", "When", "Done on", "Cost (£)", "Added by", "Removed"],
            [.. actions.Select(a => (IReadOnlyList<string>)[a.What, Date(a.When), a.DoneOn is { } d ? Date(d) : "", Money(a.Cost), a.AddedBy, Removed(a.RemovedUtc)])]));

        var recordings = await db.PlanRecordings.AsNoTracking().Where(r => r.LocalityId == loc && r.PersonId == personId).OrderBy(r => r.UploadedUtc).ToListAsync(ct);
        sections.Add(new("Recordings of their plan", "Files kept with the plan (the files themselves are given separately on request).",
            ["File", "Kind", "Size (bytes)", "Uploaded", "By", "Removed"],
            [.. recordings.Select(r => (IReadOnlyList<string>)[r.FileName, r.ContentType, r.SizeBytes.ToString(CultureInfo.InvariantCulture), Instant(r.UploadedUtc), r.UploadedBy, Removed(r.RemovedUtc)])]));

        var consents = await db.SharingConsents.AsNoTracking().Where(c => c.LocalityId == loc && c.PersonId == personId)
            .Join(db.SharingAgreements, c => c.AgreementId, a => a.Id, (c, a) => new { a.Name, c.Given, c.On, c.RecordedBy }).OrderBy(c => c.Name).ToListAsync(ct);
        sections.Add(new("Consent to sharing", "Whether they consented to agreements by which agencies share their records only with consent.",
            ["Agreement", "Consent", "On", "Recorded by"],
            [.. consents.Select(c => (IReadOnlyList<string>)[c.Name, c.Given ? "Given" : "Withdrawn", c.On.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), c.RecordedBy])]));

        // Entries about the person, their household and the records linked to them: who saw or changed what, when.
        var ids = new List<string> { personId.ToString() };
        if (person.HouseholdId is Guid hid)
        {
            ids.Add(hid.ToString());
        }
        ids.AddRange(identityIds.Select(i => i.ToString()));
        var audit = await db.AuditEvents.AsNoTracking().Where(e => e.EntityId != null && ids.Contains(e.EntityId) && (e.LocalityId == null || e.LocalityId == loc))
            .OrderBy(e => e.Id).ToListAsync(ct);
        sections.Add(new("Who saw or changed their records", "Entries of the audit trail about the person, their household and the records linked to them.",
            ["When", "Who", "What happened", "Record", "From", "Detail"],
            [.. audit.Select(e => (IReadOnlyList<string>)[Instant(e.At), e.UserName, e.EventType.ToString(), e.EntityType, e.Source, e.Detail ?? ""])]));

        AuditTrail.Add(db, AuditEventType.SubjectAccessExported, AuditOperation.Read, nameof(Person), personId.ToString(), loc,
            $"Subject access report: {sections.Sum(s => s.Rows.Count).ToString(CultureInfo.InvariantCulture)} rows");
        await db.SaveChangesAsync(ct);
        return new SubjectAccessReport(personId, person.DisplayName, db.Clock.GetUtcNow().UtcDateTime, sections);
    }

    private static string YesNo(bool b) => b ? "Yes" : "No";

    private static string Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    private static string Instant(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Money(decimal? m) => m?.ToString("0.00", CultureInfo.InvariantCulture) ?? "";

    private static string Removed(DateTime? utc) => utc is { } r ? "Removed " + Instant(r) : "";
}
