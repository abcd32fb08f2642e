using LocalFlow.Data;
using LocalFlow.Data.Audit;
using LocalFlow.Data.Entities;
using LocalFlow.Data.LocalityWork;
using LocalFlow.Web.Infrastructure;
using LocalFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Web.Pages.Locality;

/// <summary>
/// One person and their household, as the locality team works with them: who is involved and why, what matters in
/// their words, conversations, actions, stepping back. Audited on every view; what a restricted record hides is shown
/// only to those the one visibility rule allows.
/// </summary>
[Authorize(Policy = Policies.PeopleRead)]
public sealed class PersonModel(LocalFlowDb db, CurrentUser current, TimeProvider clock) : PageModel
{
    public Person Person { get; private set; } = null!;
    public string? Address { get; private set; }
    public bool HideContact { get; private set; }
    public bool Restricted { get; private set; }
    public IReadOnlyList<Person> Household { get; private set; } = [];
    public LocalityView View { get; private set; } = null!;
    public bool MayWork { get; private set; }
    /// <summary>Whether the user works with the person (<see cref="Visibility.WorksWithAsync"/>): their records across agencies open without a reason.</summary>
    public bool WorksWith { get; private set; }
    /// <summary>What the person or their household said at a front door, handed to the team (their words travel with it).</summary>
    public IReadOnlyList<HeardAtFrontDoor> Heard { get; private set; } = [];
    public IReadOnlyList<(string Value, string Text)> TeamWorkers { get; private set; } = [];

    /// <summary>The workers named on this restricted record (shown only to those who see it in full).</summary>
    public IReadOnlyList<string> Named { get; private set; } = [];

    [BindProperty]
    public string? KeyWorkerId { get; set; }

    [BindProperty]
    public string? NeedMet { get; set; }

    [BindProperty]
    public string? ContactWhat { get; set; }

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public string? AvoidedKind { get; set; }

    [BindProperty]
    public string? AvoidedReason { get; set; }

    [BindProperty]
    public string? InvolveWorkerId { get; set; }

    [BindProperty]
    public string? InvolveWhy { get; set; }

    [BindProperty]
    public string? NameWorkerId { get; set; }

    /// <summary>Workers of other agencies, who can be pulled in as experts ("Name, job (agency)").</summary>
    public IReadOnlyList<(string Value, string Text)> Experts { get; private set; } = [];

    /// <summary>The form's fields as typed, so that the date fields keep what was typed.</summary>
    public IFormCollection? Typed => Request.HasFormContentType ? Request.Form : null;

    public DateOnly Today => DateOnly.FromDateTime(Gov.ToLondon(clock.GetUtcNow().UtcDateTime));

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        await AuditTrail.ReadAsync(db, AuditEventType.PersonRead, nameof(Person), Person.Id.ToString(), Person.LocalityId, Restricted ? (HideContact ? "Restricted record: address hidden" : "Restricted record: address shown (user allowed or named)") : null);
        return Page();
    }

    public async Task<IActionResult> OnPostStartAsync(Guid id)
    {
        if (!await LoadAsync(id) || !MayWork)
        {
            return NotFound();
        }
        if (!int.TryParse(KeyWorkerId, out var worker) || !TeamWorkers.Any(w => w.Value == KeyWorkerId))
        {
            ModelState.AddModelError(nameof(KeyWorkerId), "Choose the key worker");
            return Page();
        }
        await new Supports(db).StartAsync(Person, worker, Today);
        return Redirect($"/Locality/Person/{id}#working");
    }

    public async Task<IActionResult> OnPostDoneAsync(Guid id, Guid action)
    {
        if (!await LoadAsync(id) || !MayWork || View.Support is null)
        {
            return NotFound();
        }
        var a = await db.TeamActions.SingleOrDefaultAsync(x => x.LocalityId == Person.LocalityId && x.SupportId == View.Support.Id && x.Id == action);
        if (a is null)
        {
            return NotFound();
        }
        try
        {
            await new Supports(db).MarkDoneAsync(a, a.When <= Today ? a.When : Today, Version);
        }
        catch (EditConflictException ex)
        {
            TempData["Conflict"] = ex.Message;
        }
        return Redirect($"/Locality/Person/{id}#actions");
    }

    public async Task<IActionResult> OnPostContactAsync(Guid id)
    {
        if (!await LoadAsync(id) || !MayWork)
        {
            return NotFound();
        }
        if (Gov.ReadPastDate(ModelState, Request.Form, "ContactOn", Today) is not { } on)
        {
            return Page();
        }
        try
        {
            var worker = current.WorkerId;
            await new Supports(db).LogContactAsync(Person, Gov.FromLondon(on.ToDateTime(new TimeOnly(12, 0))), ContactWhat ?? "", null, worker);
        }
        catch (LocalityInputException ex)
        {
            ModelState.AddModelError(ex.Field == "What" ? nameof(ContactWhat) : "ContactOn", ex.Message);
            return Page();
        }
        return Redirect($"/Locality/Person/{id}#contacts");
    }

    public async Task<IActionResult> OnPostStepBackAsync(Guid id)
    {
        if (!await LoadAsync(id) || !MayWork || View.Support is null)
        {
            return NotFound();
        }
        if (Gov.ReadPastDate(ModelState, Request.Form, "SteppedBackOn", Today) is not { } on)
        {
            return Page();
        }
        var support = await db.Supports.SingleAsync(s => s.LocalityId == Person.LocalityId && s.Id == View.Support.Id);
        try
        {
            await new Supports(db).StepBackAsync(support, Person, on, NeedMet ?? "", Version);
        }
        catch (LocalityInputException ex)
        {
            ModelState.AddModelError(ex.Field == "NeedMet" ? nameof(NeedMet) : "SteppedBackOn", ex.Message);
            return Page();
        }
        catch (EditConflictException ex)
        {
            ModelState.AddModelError(nameof(NeedMet), ex.Message + " Theirs: " + ex.Theirs);
            return Page();
        }
        return Redirect($"/Locality/Person/{id}#working");
    }

    public async Task<IActionResult> OnPostAvoidedAsync(Guid id)
    {
        if (!await LoadAsync(id) || !MayWork || View.Support is null)
        {
            return NotFound();
        }
        if (!Enum.TryParse<AvoidedKind>(AvoidedKind, out var kind) || !Enum.IsDefined(kind))
        {
            ModelState.AddModelError(nameof(AvoidedKind), "Choose what was avoided");
        }
        var on = Gov.ReadPastDate(ModelState, Request.Form, "AvoidedOn", Today);
        if (!ModelState.IsValid || on is null)
        {
            return Page();
        }
        var support = await db.Supports.SingleAsync(s => s.LocalityId == Person.LocalityId && s.Id == View.Support.Id);
        try
        {
            await new Supports(db).AddAvoidedAsync(support, kind, AvoidedReason ?? "", on.Value);
        }
        catch (LocalityInputException ex)
        {
            ModelState.AddModelError(ex.Field == "Reason" ? nameof(AvoidedReason) : nameof(AvoidedKind), ex.Message);
            return Page();
        }
        return Redirect($"/Locality/Person/{id}#avoided");
    }

    public async Task<IActionResult> OnPostInvolveAsync(Guid id)
    {
        if (!await LoadAsync(id) || !MayWork || View.Support is null)
        {
            return NotFound();
        }
        if (!Experts.Any(e => e.Value == InvolveWorkerId) && !TeamWorkers.Any(e => e.Value == InvolveWorkerId))
        {
            ModelState.AddModelError(nameof(InvolveWorkerId), "Choose who to involve");
            return Page();
        }
        var worker = int.Parse(InvolveWorkerId!, System.Globalization.CultureInfo.InvariantCulture);
        var kind = TeamWorkers.Any(e => e.Value == InvolveWorkerId) ? InvolvementKind.TeamMember : InvolvementKind.Expert;
        var support = await db.Supports.SingleAsync(s => s.LocalityId == Person.LocalityId && s.Id == View.Support.Id);
        try
        {
            await new Supports(db).InvolveAsync(support, kind, worker, null, InvolveWhy ?? "", Today);
        }
        catch (LocalityInputException ex)
        {
            ModelState.AddModelError(ex.Field == "Why" ? nameof(InvolveWhy) : nameof(InvolveWorkerId), ex.Message);
            return Page();
        }
        return Redirect($"/Locality/Person/{id}#working");
    }

    public async Task<IActionResult> OnPostNameAsync(Guid id)
    {
        // Only someone who already sees the restricted record in full may name another worker on it.
        if (!await LoadAsync(id) || !MayWork || !Restricted)
        {
            return NotFound();
        }
        if (!int.TryParse(NameWorkerId, out var worker) || !TeamWorkers.Any(w => w.Value == NameWorkerId))
        {
            ModelState.AddModelError(nameof(NameWorkerId), "Choose the worker to name");
            return Page();
        }
        var household = Person.Household?.Restricted == true ? Person.HouseholdId : null;
        await new Supports(db).NameWorkerAsync(Person.LocalityId, household is null ? Person.Id : null, household, worker);
        return Redirect($"/Locality/Person/{id}#named");
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var localities = current.LocalityIds;
        var person = await db.People.AsNoTracking().Include(p => p.Household).SingleOrDefaultAsync(p => p.Id == id && localities.Contains(p.LocalityId));
        if (person is null)
        {
            // Same answer whether the record does not exist or is in a locality the user cannot see.
            return false;
        }
        Person = person;
        Restricted = Visibility.IsRestricted(person);
        HideContact = !await Visibility.SeesInFullAsync(db, current.Viewer, person);
        Address = Visibility.WhereaboutsOf(person, !HideContact).Line;
        Household = await db.People.AsNoTracking().HouseholdSeenWith(db, current.Viewer, person, !HideContact).OrderBy(p => p.DateOfBirth).ThenBy(p => p.Id).ToListAsync();
        View = await LocalityView.LoadAsync(db, current.Viewer, person, !HideContact);
        WorksWith = !HideContact && await Visibility.WorksWithAsync(db, current.Viewer, person);
        if (!HideContact)
        {
            Heard = await new Handovers(db).ForPeopleAsync(person.LocalityId, View.Members.Select(m => m.Id).ToList());
        }
        MayWork = Policies.Allows(User, Policies.LocalityWork) && !HideContact;
        if (MayWork)
        {
            var team = await db.LocalityTeams.AsNoTracking().SingleOrDefaultAsync(t => t.LocalityId == person.LocalityId);
            TeamWorkers = await LocalityView.TeamWorkersAsync(db, person.LocalityId);
            Experts = team is null ? [] : (await db.Workers.AsNoTracking().Include(w => w.Agency).Where(w => w.AgencyId != team.AgencyId).OrderBy(w => w.Name).ToListAsync())
                .Select(w => (w.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{w.Name}{(w.JobTitle.Length > 0 ? ", " + w.JobTitle : "")} ({w.Agency!.ShortName})")).ToList();
            if (Restricted)
            {
                Named = await db.NamedWorkers.AsNoTracking().Where(n => n.LocalityId == person.LocalityId && n.RemovedUtc == null
                    && (n.PersonId == person.Id || (person.HouseholdId != null && n.HouseholdId == person.HouseholdId)))
                    .Join(db.Workers, n => n.WorkerId, w => w.Id, (n, w) => w.Name).OrderBy(n => n).ToListAsync();
            }
            var me = current.WorkerId;
            KeyWorkerId ??= me?.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        return true;
    }
}
