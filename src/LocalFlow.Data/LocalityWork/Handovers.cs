using LocalFlow.Data.Entities;
using LocalFlow.Data.Resources;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Data.LocalityWork;

/// <summary>A demand handed over, with the words heard at the front door (read from the demand, never copied).</summary>
public sealed record HeardAtFrontDoor(FrontDoorHandover Handover, string Verbatim, string? LifeContext, string FrontDoor, DateTime ReceivedAt, string? Language = null);

/// <summary>
/// "Help me" demands heard at a front door in a demand study, handed to the locality team: the front door hands one
/// over (<see cref="HandOverAsync"/>), the team links it to a person it finds or creates, and starts working with their
/// household (<see cref="LinkAsync"/>), which then shows as new on "my people" and the board. The demand stays in its
/// study unchanged, so the study counts it once. Every change is audited (<c>LocalityCaseChanged</c>).
/// </summary>
public sealed class Handovers(LocalFlowDb db)
{
    private string By => db.Actor.UserName;
    private DateTime Now => db.Clock.GetUtcNow().UtcDateTime;

    /// <summary>Hands the demand to its locality's team, once: a second hand-over returns the first.</summary>
    public async Task<FrontDoorHandover> HandOverAsync(Demand demand, string? note, CancellationToken ct = default)
    {
        if (await db.FrontDoorHandovers.SingleOrDefaultAsync(h => h.LocalityId == demand.LocalityId && h.DemandId == demand.Id && h.RemovedUtc == null, ct) is { } existing)
        {
            return existing;
        }
        if (note is { Length: > 1000 })
        {
            throw new LocalityInputException("Note", DataText.HandoverNoteTooLong(note.Length));
        }
        var handover = new FrontDoorHandover
        {
            LocalityId = demand.LocalityId,
            DemandId = demand.Id,
            Note = string.IsNullOrWhiteSpace(note) ? null : note,
            HandedOverBy = By,
            HandedOverUtc = Now,
        };
        db.FrontDoorHandovers.Add(handover);
        await db.SaveChangesAsync(ct);
        return handover;
    }

    /// <summary>
    /// Links the hand-over to the person and starts working with them (their household is the unit; an existing
    /// support and its key worker stay). Throws <see cref="EditConflictException"/> when someone linked it first.
    /// </summary>
    public async Task<Support> LinkAsync(FrontDoorHandover handover, Person person, int keyWorkerId, DateOnly on, int version, CancellationToken ct = default)
    {
        if (person.LocalityId != handover.LocalityId)
        {
            throw new LocalityInputException("PersonId", DataText.PersonInLocality);
        }
        if (handover.Version != version || handover.PersonId is not null)
        {
            var linked = handover.PersonId is Guid p ? await db.People.Where(x => x.LocalityId == handover.LocalityId && x.Id == p).Select(x => x.GivenName + " " + x.FamilyName).FirstOrDefaultAsync(ct) : null;
            throw new EditConflictException(DataText.HandoverHandledMeanwhile, linked is null ? "" : $"Linked to {linked}");
        }
        var support = await new Supports(db).StartAsync(person, keyWorkerId, on, ct);
        handover.PersonId = person.Id;
        handover.LinkedBy = By;
        handover.LinkedUtc = Now;
        handover.Version++;
        await db.SaveChangesAsync(ct);
        return support;
    }

    /// <summary>
    /// Takes a hand-over back before the team has picked it up (handed over by mistake, or the person no longer wants
    /// help), with the reason, which is required and kept. The demand can be handed over again later. Throws
    /// <see cref="EditConflictException"/> when the team picked it up, or someone changed it, after it was opened.
    /// </summary>
    public async Task TakeBackAsync(FrontDoorHandover handover, int version, string? reason, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new LocalityInputException("TakeBackReason", DataText.TakeBackReasonRequired);
        }
        if (reason.Length > 500)
        {
            throw new LocalityInputException("TakeBackReason", DataText.TakeBackReasonTooLong(reason.Length));
        }
        if (handover.Version != version || handover.PersonId is not null || handover.RemovedUtc is not null)
        {
            throw new EditConflictException(DataText.HandoverChangedMeanwhile, "");
        }
        handover.RemovedUtc = Now;
        handover.RemovedBy = By;
        handover.RemovedReason = reason.Trim();
        handover.Version++;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The hand-overs of a demand taken back, newest first, so that the demand's page says what happened.</summary>
    public Task<List<FrontDoorHandover>> TakenBackAsync(int localityId, Guid demandId, CancellationToken ct = default)
        => db.FrontDoorHandovers.AsNoTracking().Where(h => h.LocalityId == localityId && h.DemandId == demandId && h.RemovedUtc != null)
            .OrderByDescending(h => h.RemovedUtc).ThenBy(h => h.Id).ToListAsync(ct);

    /// <summary>Hand-overs still waiting for the team, oldest first, with the words heard.</summary>
    public Task<List<HeardAtFrontDoor>> WaitingAsync(int localityId, CancellationToken ct = default)
        => Heard(db.FrontDoorHandovers.Where(h => h.LocalityId == localityId && h.RemovedUtc == null && h.PersonId == null)).ToListAsync(ct);

    /// <summary>What was heard at a front door from these people (a household), oldest first.</summary>
    public Task<List<HeardAtFrontDoor>> ForPeopleAsync(int localityId, IReadOnlyCollection<Guid> people, CancellationToken ct = default)
        => Heard(db.FrontDoorHandovers.Where(h => h.LocalityId == localityId && h.RemovedUtc == null && h.PersonId != null && people.Contains(h.PersonId.Value))).ToListAsync(ct);

    /// <summary>One hand-over with its words, or null.</summary>
    public Task<HeardAtFrontDoor?> FindAsync(IReadOnlyList<int> localities, Guid id, CancellationToken ct = default)
        => Heard(db.FrontDoorHandovers.Where(h => localities.Contains(h.LocalityId) && h.Id == id && h.RemovedUtc == null)).FirstOrDefaultAsync(ct);

    private IQueryable<HeardAtFrontDoor> Heard(IQueryable<FrontDoorHandover> handovers)
        => from h in handovers
           join d in db.Demands on new { h.LocalityId, Id = h.DemandId } equals new { d.LocalityId, d.Id }
           join f in db.FrontDoors on d.FrontDoorId equals f.Id
           orderby d.ReceivedAt, h.Id
           select new HeardAtFrontDoor(h, d.Verbatim, d.LifeContext, f.Name, d.ReceivedAt, d.Language);
}
