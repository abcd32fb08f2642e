using LocalFlow.Analytics.Flow;
using LocalFlow.Data.Entities;
using LocalFlow.Data.Flow;
using LocalFlow.Data.Resources;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Data.LocalityWork;

/// <summary>Bad input to locality working, naming the field so that the form can put the message beside it.</summary>
public sealed class LocalityInputException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}

/// <summary>
/// Someone else saved the record after it was opened. Nothing was overwritten: <see cref="Theirs"/> is what is stored
/// now, and the page shows it beside what this user typed, so that both texts are kept.
/// </summary>
public sealed class EditConflictException(string message, string theirs) : Exception(message)
{
    public string Theirs { get; } = theirs;
}

/// <summary>One what-matters statement as said: the words exactly as typed, and who said them.</summary>
/// <param name="InTheirWords">The words, kept exactly as typed.</param>
/// <param name="PersonId">Whose statement it is (a carer's own statement has the carer here).</param>
/// <param name="SaidBy">Who said it when not that person (for example "his daughter"), else null.</param>
public sealed record Statement(string InTheirWords, Guid PersonId, string? SaidBy = null);

/// <summary>What a good-life conversation heard, in the person's words. No scores, no eligibility questions.</summary>
public sealed record ConversationInput(DateOnly HeldOn, string GoodLife, string Strengths, string CanDoThemselves, string WhoIsAround, string HelpWanted, string? Language);

/// <summary>
/// The locality team's work with a household or person: starting, involving others, good-life conversations,
/// actions and contacts (as activity records of the team's agency), stepping back and the tally of what was avoided,
/// and naming workers on restricted records. Each change is audited by <see cref="LocalFlowDb"/>.
/// </summary>
public sealed class Supports(LocalFlowDb db)
{
    /// <summary>The source system the team's own activity records carry.</summary>
    public const string SourceSystem = "LocalFlow";

    /// <summary>The subtype of the record that marks the need met (one of the engine's need-met subtypes).</summary>
    public const string NeedMetSubtype = "need met";

    private string By => db.Actor.UserName;
    private DateTime Now => db.Clock.GetUtcNow().UtcDateTime;

    /// <summary>The locality's team (its agency, purpose and principles), or a clear error when none is set up.</summary>
    public async Task<LocalityTeam> TeamAsync(int localityId, CancellationToken ct = default)
        => await db.LocalityTeams.SingleOrDefaultAsync(t => t.LocalityId == localityId, ct)
            ?? throw new LocalityInputException("Team", DataText.NoLocalityTeam);

    /// <summary>The support for a person: their own, or their household's; null when the team is not working with them.</summary>
    public Task<Support?> ForPersonAsync(Person person, CancellationToken ct = default)
        => db.Supports.Include(s => s.KeyWorker)
            .Where(s => s.LocalityId == person.LocalityId && s.RemovedUtc == null
                && (s.PersonId == person.Id || (person.HouseholdId != null && s.HouseholdId == person.HouseholdId)))
            .OrderByDescending(s => s.StartedOn).FirstOrDefaultAsync(ct);

    /// <summary>
    /// Starts working with the person's household (or the person, when they have none) with one key worker. If the team
    /// already works with them, that support is returned unchanged: one key worker, one point of contact.
    /// </summary>
    public async Task<Support> StartAsync(Person person, int keyWorkerId, DateOnly on, CancellationToken ct = default)
    {
        if (await ForPersonAsync(person, ct) is { } existing)
        {
            return existing;
        }
        await RequireWorkerAsync(keyWorkerId, "KeyWorkerId", ct);
        var support = new Support
        {
            LocalityId = person.LocalityId,
            HouseholdId = person.HouseholdId,
            PersonId = person.HouseholdId is null ? person.Id : null,
            KeyWorkerId = keyWorkerId,
            StartedOn = on,
            StartedBy = By,
        };
        db.Supports.Add(support);
        await db.SaveChangesAsync(ct);
        return support;
    }

    /// <summary>Changes the key worker (the one point of contact). <paramref name="expectedVersion"/> guards against a lost update.</summary>
    public async Task ChangeKeyWorkerAsync(Support support, int keyWorkerId, int expectedVersion, CancellationToken ct = default)
    {
        await RequireWorkerAsync(keyWorkerId, "KeyWorkerId", ct);
        await SaveVersionedAsync(support, expectedVersion, s => s.KeyWorkerId = keyWorkerId, () => $"Key worker: {support.KeyWorker?.Name}", ct);
    }

    /// <summary>
    /// Involves a worker (team member or expert from another agency) or a directory entry (volunteer or group), with why.
    /// Pulling in an expert is not a referral: the key worker stays.
    /// </summary>
    public async Task<Involvement> InvolveAsync(Support support, InvolvementKind kind, int? workerId, Guid? directoryEntryId, string why, DateOnly from, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(why))
        {
            throw new LocalityInputException("Why", DataText.WhyInvolvedRequired);
        }
        if ((workerId is null) == (directoryEntryId is null))
        {
            throw new LocalityInputException(kind is InvolvementKind.Volunteer or InvolvementKind.LocalGroup ? "DirectoryEntryId" : "WorkerId",
                kind is InvolvementKind.Volunteer or InvolvementKind.LocalGroup ? "Choose the volunteer or group from the directory" : "Choose the worker");
        }
        if (workerId is int w)
        {
            await RequireWorkerAsync(w, "WorkerId", ct);
        }
        if (directoryEntryId is Guid d)
        {
            await RequireEntryAsync(support.LocalityId, d, ct);
        }
        var involvement = new Involvement
        {
            LocalityId = support.LocalityId,
            SupportId = support.Id,
            Kind = kind,
            WorkerId = workerId,
            DirectoryEntryId = directoryEntryId,
            Why = why,
            From = from,
            AddedBy = By,
        };
        db.Involvements.Add(involvement);
        await db.SaveChangesAsync(ct);
        return involvement;
    }

    /// <summary>
    /// Records a good-life conversation and what matters, each statement in the speaker's own words (kept exactly as
    /// typed) in the one store of what matters, <see cref="WhatMattered"/>.
    /// </summary>
    public async Task<GoodLifeConversation> RecordConversationAsync(Person person, Support? support, int? workerId, string heldBy, ConversationInput input, IReadOnlyList<Statement> statements, CancellationToken ct = default)
    {
        if (input.HeldOn > DateOnly.FromDateTime(Now))
        {
            throw new LocalityInputException("HeldOn", DataText.ConversationInFuture);
        }
        var said = statements.Where(s => !string.IsNullOrWhiteSpace(s.InTheirWords)).ToList();
        if (said.Count == 0 && new[] { input.GoodLife, input.Strengths, input.CanDoThemselves, input.WhoIsAround, input.HelpWanted }.All(string.IsNullOrWhiteSpace))
        {
            throw new LocalityInputException("GoodLife", DataText.GoodLifeRequired);
        }
        var language = LanguageOf(input);
        var conversation = new GoodLifeConversation
        {
            LocalityId = person.LocalityId,
            PersonId = person.Id,
            HouseholdId = person.HouseholdId,
            SupportId = support?.Id,
            HeldOn = input.HeldOn,
            HeldByWorkerId = workerId,
            HeldBy = heldBy,
            GoodLife = input.GoodLife,
            Strengths = input.Strengths,
            CanDoThemselves = input.CanDoThemselves,
            WhoIsAround = input.WhoIsAround,
            HelpWanted = input.HelpWanted,
            Language = language,
            RecordedUtc = Now,
        };
        db.GoodLifeConversations.Add(conversation);
        foreach (var s in said)
        {
            db.WhatMattered.Add(new WhatMattered
            {
                LocalityId = person.LocalityId,
                PersonId = s.PersonId,
                InTheirWords = s.InTheirWords,
                Item = "",
                AskedOn = input.HeldOn,
                SaidBy = string.IsNullOrWhiteSpace(s.SaidBy) ? null : s.SaidBy,
                ConversationId = conversation.Id,
                Language = conversation.Language,
            });
        }
        await db.SaveChangesAsync(ct);
        return conversation;
    }

    /// <summary>
    /// Edits what a conversation heard. When someone else saved it after <paramref name="expectedVersion"/>, nothing is
    /// overwritten: <see cref="EditConflictException"/> carries their text so that both are kept.
    /// </summary>
    public Task EditConversationAsync(GoodLifeConversation conversation, int expectedVersion, ConversationInput input, CancellationToken ct = default)
    {
        var language = LanguageOf(input);
        return SaveVersionedAsync(conversation, expectedVersion, c =>
        {
            c.HeldOn = input.HeldOn;
            c.GoodLife = input.GoodLife;
            c.Strengths = input.Strengths;
            c.CanDoThemselves = input.CanDoThemselves;
            c.WhoIsAround = input.WhoIsAround;
            c.HelpWanted = input.HelpWanted;
            c.Language = language;
        }, () => Describe(conversation), ct);
    }

    /// <summary>The conversation's language as a tag, by the one rule for people's words (<see cref="SpokenLanguages"/>); a language LocalFlow does not know is asked again.</summary>
    private static string? LanguageOf(ConversationInput input)
        => SpokenLanguages.TryTag(input.Language, out var tag) ? tag
            : throw new LocalityInputException("Language", SpokenLanguages.Unknown(input.Language));

    /// <summary>A conversation's text as one block, as shown beside a conflicting edit.</summary>
    public static string Describe(GoodLifeConversation c)
        => $"What a good life looks like: {c.GoodLife}\nStrengths: {c.Strengths}\nWhat they can do themselves: {c.CanDoThemselves}\nWho is around them: {c.WhoIsAround}\nWhat help they want: {c.HelpWanted}";

    /// <summary>
    /// Adds an action: what, who (a worker or a directory entry), when, and the what-matters statement it serves,
    /// priced from the unit-cost catalogue for the team's agency (directory help costs the team nothing).
    /// </summary>
    public async Task<TeamAction> AddActionAsync(Support support, Guid personId, string what, ActivityKind kind, int? workerId, Guid? directoryEntryId, DateOnly when, Guid? whatMatteredId, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(what))
        {
            throw new LocalityInputException("What", DataText.ActionWhatRequired);
        }
        if ((workerId is null) == (directoryEntryId is null))
        {
            throw new LocalityInputException("Who", DataText.ActionWhoRequired);
        }
        if (workerId is int w)
        {
            await RequireWorkerAsync(w, "Who", ct);
        }
        if (directoryEntryId is Guid d)
        {
            await RequireEntryAsync(support.LocalityId, d, ct);
        }
        if (whatMatteredId is Guid m && !await db.WhatMattered.AnyAsync(x => x.LocalityId == support.LocalityId && x.Id == m && x.RemovedUtc == null, ct))
        {
            throw new LocalityInputException("WhatMatteredId", DataText.WhatMatteredRequired);
        }
        var team = await TeamAsync(support.LocalityId, ct);
        UnitCost? price = null;
        if (directoryEntryId is null)
        {
            var catalogue = new UnitCostCatalogue(await db.UnitCosts.AsNoTracking().Where(c => c.AgencyId == team.AgencyId).ToListAsync(ct));
            price = catalogue.Named(team.AgencyId, what) ?? catalogue.ForKind(team.AgencyId, kind);
        }
        var action = new TeamAction
        {
            LocalityId = support.LocalityId,
            SupportId = support.Id,
            PersonId = personId,
            What = what,
            Kind = kind,
            WorkerId = workerId,
            DirectoryEntryId = directoryEntryId,
            When = when,
            WhatMatteredId = whatMatteredId,
            UnitCostId = price?.Id,
            Cost = directoryEntryId is null ? price?.Amount : 0m,
            AddedBy = By,
            AddedUtc = Now,
        };
        db.TeamActions.Add(action);
        await db.SaveChangesAsync(ct);
        return action;
    }

    /// <summary>
    /// Marks an action done on <paramref name="on"/>: writes it as an activity record of the team's agency, priced as
    /// the action was, so that the flow engine, signals, cost curve and timeline count it.
    /// </summary>
    public async Task<ActivityRecord> MarkDoneAsync(TeamAction action, DateOnly on, int expectedVersion, CancellationToken ct = default)
    {
        if (action.RecordId is Guid done)
        {
            return await db.ActivityRecords.SingleAsync(r => r.LocalityId == action.LocalityId && r.Id == done, ct);
        }
        var team = await TeamAsync(action.LocalityId, ct);
        var household = await db.People.Where(p => p.LocalityId == action.LocalityId && p.Id == action.PersonId).Select(p => p.HouseholdId).SingleAsync(ct);
        var record = new ActivityRecord
        {
            LocalityId = action.LocalityId,
            PersonId = action.PersonId,
            HouseholdId = household,
            AgencyId = team.AgencyId,
            TeamId = team.TeamId,
            WorkerId = action.WorkerId,
            Kind = action.Kind,
            Subtype = Truncate(action.What, 200),
            StartUtc = on.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc),
            SourceSystem = SourceSystem,
            SourceRecordId = "action-" + action.Id.ToString("N"),
            Text = action.What,
            Cost = action.Cost,
            CostFromCatalogue = action.UnitCostId is not null,
        };
        db.ActivityRecords.Add(record);
        await SaveVersionedAsync(action, expectedVersion, a =>
        {
            a.DoneOn = on;
            a.RecordId = record.Id;
        }, () => $"{action.What} (done {action.DoneOn})", ct);
        return record;
    }

    /// <summary>
    /// Logs a contact with the person, in any direction and at any front door, as an activity record (kind Contact)
    /// of the agency it came to (the team's agency when none is given), priced from that agency's catalogue.
    /// </summary>
    public async Task<ActivityRecord> LogContactAsync(Person person, DateTime atUtc, string what, int? agencyId, int? workerId, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(what))
        {
            throw new LocalityInputException("What", DataText.ContactWhatRequired);
        }
        if (atUtc > Now)
        {
            throw new LocalityInputException("When", DataText.ContactInFuture);
        }
        var agency = agencyId ?? (await TeamAsync(person.LocalityId, ct)).AgencyId;
        if (!await db.Agencies.AnyAsync(a => a.Id == agency, ct))
        {
            throw new LocalityInputException("AgencyId", DataText.ContactAgencyRequired);
        }
        var catalogue = new UnitCostCatalogue(await db.UnitCosts.AsNoTracking().Where(c => c.AgencyId == agency).ToListAsync(ct));
        var cost = catalogue.Price(agency, ActivityKind.Contact, null);
        var record = new ActivityRecord
        {
            LocalityId = person.LocalityId,
            PersonId = person.Id,
            HouseholdId = person.HouseholdId,
            AgencyId = agency,
            WorkerId = workerId,
            Kind = ActivityKind.Contact,
            Subtype = "Contact",
            StartUtc = atUtc,
            SourceSystem = SourceSystem,
            SourceRecordId = "contact-" + Guid.CreateVersion7().ToString("N"),
            Text = what,
            Cost = cost,
            CostFromCatalogue = cost is not null,
        };
        db.ActivityRecords.Add(record);
        await db.SaveChangesAsync(ct);
        return record;
    }

    /// <summary>
    /// Steps back: the need is met, in the person's words. Writes a "need met" activity record for the person, which the
    /// engine's days-to-need-met reads. Work was never time-limited; anything after this shows as demand after stepping back.
    /// </summary>
    public async Task StepBackAsync(Support support, Person person, DateOnly on, string inTheirWords, int expectedVersion, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(inTheirWords))
        {
            throw new LocalityInputException("NeedMet", DataText.NeedMetRequired);
        }
        if (on > DateOnly.FromDateTime(Now))
        {
            throw new LocalityInputException("SteppedBackOn", DataText.SteppedBackInFuture);
        }
        var team = await TeamAsync(support.LocalityId, ct);
        var record = new ActivityRecord
        {
            LocalityId = support.LocalityId,
            PersonId = person.Id,
            HouseholdId = person.HouseholdId,
            AgencyId = team.AgencyId,
            TeamId = team.TeamId,
            WorkerId = support.KeyWorkerId,
            Kind = ActivityKind.Closure,
            Subtype = NeedMetSubtype,
            StartUtc = on.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc),
            SourceSystem = SourceSystem,
            SourceRecordId = "need-met-" + support.Id.ToString("N"),
            Text = inTheirWords,
        };
        db.ActivityRecords.Add(record);
        await SaveVersionedAsync(support, expectedVersion, s =>
        {
            s.SteppedBackOn = on;
            s.NeedMetInTheirWords = inTheirWords;
            s.NeedMetRecordId = record.Id;
        }, () => $"Stepped back on {support.SteppedBackOn}: {support.NeedMetInTheirWords}", ct);
    }

    /// <summary>Adds one thing avoided to the support's tally, with the reason.</summary>
    public async Task<Avoided> AddAvoidedAsync(Support support, AvoidedKind kind, string reason, DateOnly on, CancellationToken ct = default)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new LocalityInputException("Kind", DataText.AvoidedKindRequired);
        }
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new LocalityInputException("Reason", DataText.AvoidedReasonRequired);
        }
        var avoided = new Avoided { LocalityId = support.LocalityId, SupportId = support.Id, Kind = kind, Reason = reason, On = on, RecordedBy = By };
        db.Avoided.Add(avoided);
        await db.SaveChangesAsync(ct);
        return avoided;
    }

    /// <summary>Names a worker on a restricted person or household: they (and only they, besides users allowed all) see what it hides.</summary>
    public async Task<NamedWorker> NameWorkerAsync(int localityId, Guid? personId, Guid? householdId, int workerId, CancellationToken ct = default)
    {
        if ((personId is null) == (householdId is null))
        {
            throw new LocalityInputException("PersonId", DataText.NameWorkerOnWhom);
        }
        await RequireWorkerAsync(workerId, "WorkerId", ct);
        var named = new NamedWorker { LocalityId = localityId, PersonId = personId, HouseholdId = householdId, WorkerId = workerId, NamedBy = By, NamedUtc = Now };
        db.NamedWorkers.Add(named);
        await db.SaveChangesAsync(ct);
        return named;
    }

    /// <summary>
    /// Changes the team's common purpose and principles (one to a line), the one home for both. When someone else saved
    /// them after <paramref name="expectedVersion"/>, nothing is overwritten: <see cref="EditConflictException"/> carries theirs.
    /// </summary>
    public async Task EditPurposeAsync(LocalityTeam team, int expectedVersion, string purpose, string principles, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(purpose))
        {
            throw new LocalityInputException("Purpose", "Write the team's purpose, for example \"Help me live a good life or die a good death\"");
        }
        await SaveVersionedAsync(team, expectedVersion, t =>
        {
            t.Purpose = purpose;
            t.Principles = principles;
            t.UpdatedBy = By;
            t.UpdatedUtc = Now;
            Audit.AuditTrail.Add(db, Audit.AuditEventType.LocalityCaseChanged, Audit.AuditOperation.Update, nameof(LocalityTeam), t.LocalityId.ToString(System.Globalization.CultureInfo.InvariantCulture), t.LocalityId, "Purpose and principles changed");
        }, () => $"Purpose: {team.Purpose}\nPrinciples:\n{team.Principles}", ct);
    }

    /// <summary>Removes a record softly: it stays stored with who removed it and when, and the removal is audited.</summary>
    public async Task RemoveAsync(ISoftRemoved record, CancellationToken ct = default)
    {
        if (record.RemovedUtc is not null)
        {
            return;
        }
        record.RemovedUtc = Now;
        record.RemovedBy = By;
        await db.SaveChangesAsync(ct);
    }

    private async Task SaveVersionedAsync<T>(T entity, int expectedVersion, Action<T> change, Func<string> describe, CancellationToken ct) where T : class
    {
        var entry = db.Entry(entity);
        var version = entry.Property<int>("Version");
        if (version.CurrentValue != expectedVersion)
        {
            throw Conflict(describe());
        }
        change(entity);
        version.OriginalValue = expectedVersion;
        version.CurrentValue = expectedVersion + 1;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            await entry.ReloadAsync(ct);
            throw Conflict(describe());
        }
    }

    private static EditConflictException Conflict(string theirs)
        => new("Someone else saved this after you opened it. Nothing was overwritten: their version is shown beside yours, so copy what you need from yours and save again.", theirs);

    private async Task RequireWorkerAsync(int workerId, string field, CancellationToken ct)
    {
        if (!await db.Workers.AnyAsync(w => w.Id == workerId, ct))
        {
            throw new LocalityInputException(field, DataText.WorkerFromList);
        }
    }

    private async Task RequireEntryAsync(int localityId, Guid entryId, CancellationToken ct)
    {
        if (!await db.DirectoryEntries.AnyAsync(e => e.LocalityId == localityId && e.Id == entryId && e.RemovedUtc == null, ct))
        {
            throw new LocalityInputException("DirectoryEntryId", DataText.DirectoryEntryRequired);
        }
    }

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];
}
