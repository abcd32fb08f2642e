using System.Globalization;
using LocalFlow.Data;
using LocalFlow.Data.Audit;
using LocalFlow.Data.Demands;
using LocalFlow.Data.Entities;
using LocalFlow.Data.LocalityWork;
using LocalFlow.Web.Infrastructure;
using LocalFlow.Web.Resources;
using LocalFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Web.Pages.Demand;

/// <summary>Correct a demand captured earlier. Every correction is kept, field by field, with who made it and why, and audited.</summary>
[Authorize(Policy = Policies.DemandStudy)]
public sealed class CorrectModel(LocalFlowDb db, CurrentUser current) : StudyPageModel(db, current)
{
    public override string StudyPage => "Demands";

    [BindProperty]
    public DemandInput Input { get; set; } = new();

    [BindProperty]
    public string? When { get; set; }

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public Data.Entities.Demand Demand { get; private set; } = null!;
    public IReadOnlyList<DemandCorrection> Corrections { get; private set; } = [];
    /// <summary>The person this demand is linked to, when the user may see them (<see cref="LocalFlow.Data.Linking.DemandLinks"/>).</summary>
    public Person? LinkedPerson { get; private set; }
    public IReadOnlyList<(string Value, string Text)> Doors { get; private set; } = [];
    public IReadOnlyList<(string Value, string Text)> Types { get; private set; } = [];

    /// <summary>What the front door adds when handing the demand to the locality team.</summary>
    [BindProperty]
    public string? HandoverNote { get; set; }

    /// <summary>Why the front door takes a waiting hand-over back (required).</summary>
    [BindProperty]
    public string? TakeBackReason { get; set; }

    /// <summary>The version of the hand-over as shown, so that taking it back after the team picked it up is refused.</summary>
    [BindProperty]
    public int HandoverVersion { get; set; }

    /// <summary>The hand-over of this demand to the locality team, if any; null when the locality has no team.</summary>
    public FrontDoorHandover? Handover { get; private set; }

    /// <summary>Earlier hand-overs of this demand that the front door took back, newest first, with why.</summary>
    public IReadOnlyList<FrontDoorHandover> TakenBack { get; private set; } = [];
    public bool HasTeam { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, Guid demandId)
    {
        if (!await LoadStudyAsync(id) || !await LoadDemandAsync(demandId))
        {
            return NotFound();
        }
        Input = DemandInput.From(Demand);
        When = Gov.ToLondon(Demand.ReceivedAt).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
        Version = Demand.Version;
        await AuditTrail.ReadAsync(Db, AuditEventType.DemandRead, nameof(Data.Entities.Demand), Demand.Id.ToString(), Study.LocalityId, "Opened to correct");
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, Guid demandId)
    {
        if (!await LoadStudyAsync(id) || !await LoadDemandAsync(demandId))
        {
            return NotFound();
        }
        if (DateTime.TryParse(When, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            Input.ReceivedAt = Gov.FromLondon(local);
        }
        else
        {
            ModelState.AddModelError(nameof(When), DemandStudyText.EnterWhen);
        }
        if (ModelState.IsValid)
        {
            try
            {
                await Studies.CorrectAsync(Study, demandId, Version, Input, Reason);
                TempData["Done"] = DemandStudyText.CorrectionSaved;
                return Redirect($"/Demand/Correct/{id}/{demandId}");
            }
            catch (DemandInputException ex)
            {
                AddErrors(ex, "Input.", new Dictionary<string, string> { ["ReceivedAt"] = nameof(When) });
            }
            catch (DemandConflictException)
            {
                // The exception's kind is the message: its sentence in the request's language (the same English as LocalFlow.Data's).
                ModelState.AddModelError(string.Empty, DemandStudyText.Conflict);
            }
        }
        await LoadAsync();
        return Page();
    }

    /// <summary>Hands a "help me" demand to the locality team; the demand stays here, counted once (docs/locality-working.md).</summary>
    public async Task<IActionResult> OnPostHandOverAsync(int id, Guid demandId)
    {
        if (!await LoadStudyAsync(id) || !await LoadDemandAsync(demandId))
        {
            return NotFound();
        }
        await LoadAsync();
        if (!HasTeam)
        {
            return NotFound();
        }
        try
        {
            await new Data.LocalityWork.Handovers(Db).HandOverAsync(Demand, HandoverNote);
        }
        catch (Data.LocalityWork.LocalityInputException ex)
        {
            ModelState.AddModelError(nameof(HandoverNote), ex.Message);
            Input = DemandInput.From(Demand);
            Version = Demand.Version;
            return Page();
        }
        TempData["Done"] = DemandStudyText.HandedOver;
        return Redirect($"/Demand/Correct/{id}/{demandId}#handover");
    }

    /// <summary>Takes back a hand-over the team has not picked up yet, with a reason (kept, and audited as a change).</summary>
    public async Task<IActionResult> OnPostTakeBackAsync(int id, Guid demandId)
    {
        if (!await LoadStudyAsync(id) || !await LoadDemandAsync(demandId))
        {
            return NotFound();
        }
        var handover = await Db.FrontDoorHandovers.FirstOrDefaultAsync(h => h.LocalityId == Demand.LocalityId && h.DemandId == Demand.Id && h.RemovedUtc == null);
        if (handover is null)
        {
            return NotFound();
        }
        try
        {
            await new Data.LocalityWork.Handovers(Db).TakeBackAsync(handover, HandoverVersion, TakeBackReason);
            TempData["Done"] = DemandStudyText.HandoverTakenBack;
            return Redirect($"/Demand/Correct/{id}/{demandId}#handover");
        }
        catch (Data.LocalityWork.LocalityInputException ex)
        {
            ModelState.AddModelError(nameof(TakeBackReason), ex.Message);
        }
        catch (Data.LocalityWork.EditConflictException ex)
        {
            ModelState.AddModelError(string.Empty, ex.Message);
        }
        Db.ChangeTracker.Clear();
        Input = DemandInput.From(Demand);
        Version = Demand.Version;
        await LoadAsync();
        return Page();
    }

    private async Task<bool> LoadDemandAsync(Guid demandId)
    {
        var d = await Db.Demands.AsNoTracking().SingleOrDefaultAsync(x => x.LocalityId == Study.LocalityId && x.StudyId == Study.Id && x.Id == demandId);
        if (d is null)
        {
            return false;
        }
        Demand = d;
        return true;
    }

    private async Task LoadAsync()
    {
        Doors = Study.FrontDoors.Where(f => f.FrontDoor is not null).OrderBy(f => f.FrontDoor!.Name)
            .Select(f => (f.FrontDoorId.ToString(CultureInfo.InvariantCulture), f.FrontDoor!.Name)).ToList();
        Types = (await Studies.CurrentTypes(Study.Id).ToListAsync()).Select(t => (t.Id.ToString(CultureInfo.InvariantCulture), t.Name)).ToList();
        Corrections = await Studies.CorrectionsAsync(Demand);
        HasTeam = await Db.LocalityTeams.AnyAsync(t => t.LocalityId == Demand.LocalityId);
        Handover = await Db.FrontDoorHandovers.AsNoTracking().FirstOrDefaultAsync(h => h.LocalityId == Demand.LocalityId && h.DemandId == Demand.Id && h.RemovedUtc == null);
        TakenBack = HasTeam ? await new Data.LocalityWork.Handovers(Db).TakenBackAsync(Demand.LocalityId, Demand.Id) : [];
        var recordId = LocalFlow.Data.Linking.DemandLinks.RecordId(Demand.Id);
        LinkedPerson = await Db.SourceIdentities.AsNoTracking().SeenInFull(Db, Current.Viewer)
            .Where(s => s.LocalityId == Demand.LocalityId && s.Source == LocalFlow.Data.Linking.DemandLinks.Source && s.SourceRecordId == recordId)
            .Select(s => s.Person).SingleOrDefaultAsync();
    }
}
