using LocalFlow.Data;
using LocalFlow.Data.Audit;
using LocalFlow.Data.Entities;
using LocalFlow.Data.LocalityWork;
using LocalFlow.Web.Infrastructure;
using LocalFlow.Web.Resources;
using LocalFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Web.Pages.Locality;

/// <summary>
/// A "help me" demand handed over from a front door: the words heard, then the team finds the person (or adds them
/// as someone new) and starts working with them (<see cref="Handovers"/>). Audited on every view.
/// </summary>
[Authorize(Policy = Policies.LocalityWork)]
public sealed class HandoverModel(LocalFlowDb db, CurrentUser current, TimeProvider clock) : PageModel
{
    public HeardAtFrontDoor Heard { get; private set; } = null!;
    /// <summary>The person it was linked to, when the team has picked it up.</summary>
    public Person? LinkedTo { get; private set; }
    public IReadOnlyList<PeopleModel.Row> Found { get; private set; } = [];
    public IReadOnlyList<(string Value, string Text)> TeamWorkers { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty]
    public string? PersonId { get; set; }

    [BindProperty]
    public string? KeyWorkerId { get; set; }

    [BindProperty]
    public int Version { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        Version = Heard.Handover.Version;
        await AuditTrail.ReadAsync(db, AuditEventType.LocalityCaseRead, nameof(FrontDoorHandover), id.ToString(), Heard.Handover.LocalityId,
            Found.Count > 0 ? $"Search \"{Q?.Trim()}\": {Found.Count} shown" : null);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        if (Heard.Handover.PersonId is not null)
        {
            // Already picked up (by someone else, or by an earlier click): show who it went to.
            return Redirect($"/Locality/Handover/{id}");
        }
        var chosen = Found.FirstOrDefault(f => !f.Restricted && f.Id.ToString() == PersonId);
        if (chosen is null)
        {
            ModelState.AddModelError(nameof(PersonId), HandoverText.ChooseWho);
        }
        if (!int.TryParse(KeyWorkerId, out var worker) || !TeamWorkers.Any(w => w.Value == KeyWorkerId))
        {
            ModelState.AddModelError(nameof(KeyWorkerId), PersonText.ChooseKeyWorker);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var person = await db.People.Include(p => p.Household).SingleAsync(p => p.LocalityId == Heard.Handover.LocalityId && p.Id == chosen!.Id);
        var handover = await db.FrontDoorHandovers.SingleAsync(h => h.LocalityId == Heard.Handover.LocalityId && h.Id == id);
        try
        {
            await new Handovers(db).LinkAsync(handover, person, worker, Today, Version);
        }
        catch (EditConflictException ex)
        {
            ModelState.AddModelError(nameof(PersonId), ex.Message + (ex.Theirs.Length > 0 ? " " + ex.Theirs + "." : ""));
            return Page();
        }
        return Redirect($"/Locality/Person/{person.Id}#heard");
    }

    private DateOnly Today => DateOnly.FromDateTime(Gov.ToLondon(clock.GetUtcNow().UtcDateTime));

    private async Task<bool> LoadAsync(Guid id)
    {
        if (await new Handovers(db).FindAsync(current.LocalityIds, id) is not { } heard)
        {
            return false;
        }
        Heard = heard;
        if (heard.Handover.PersonId is Guid linked)
        {
            // A restricted person the user may not see stays unnamed here too.
            LinkedTo = await PersonInView.SeenInFullAsync(db, current.Viewer, linked);
            return true;
        }
        TeamWorkers = await LocalityView.TeamWorkersAsync(db, heard.Handover.LocalityId);
        KeyWorkerId ??= current.WorkerId?.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (Q?.Trim() is { Length: >= 2 } q)
        {
            Found = await PeopleModel.SearchAsync(db, current.Viewer, heard.Handover.LocalityId, q);
        }
        return true;
    }
}
