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

    /// <summary>How many good-life conversations are shown in full, the latest first, before "Show all".</summary>
    public const int ConversationsShown = 3;

    /// <summary>How many done actions are listed, the latest done first, before "Show all" (open actions are always listed).</summary>
    public const int DoneActionsShown = 10;

    /// <summary>A long list shown in full (<c>?all=conversations</c> or <c>?all=actions</c>); otherwise the latest few.</summary>
    [BindProperty(SupportsGet = true, Name = "all")]
    public string? All { get; set; }

    /// <summary>The conversations shown: the latest <see cref="ConversationsShown"/>, or all of them when asked.</summary>
    public IReadOnlyList<GoodLifeConversation> ConversationsListed
        => All == "conversations" ? View.Conversations : [.. View.Conversations.Take(ConversationsShown)];

    /// <summary>The actions listed, by date: every open one, and the latest <see cref="DoneActionsShown"/> done (all when asked).</summary>
    public IReadOnlyList<TeamAction> ActionsListed
    {
        get
        {
            if (All == "actions")
            {
                return View.Actions;
            }
            var latestDone = View.Actions.Where(a => a.DoneOn != null).OrderByDescending(a => a.DoneOn).ThenByDescending(a => a.When).Take(DoneActionsShown).ToHashSet();
            return [.. View.Actions.Where(a => a.DoneOn == null || latestDone.Contains(a))];
        }
    }

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

    /// <summary>The agency whose workers "Involve someone else" offers as experts (<c>?from=</c>); none offers the team's own workers.</summary>
    [BindProperty(SupportsGet = true, Name = "from")]
    public string? From { get; set; }

    /// <summary>The other agencies with workers, to choose an expert's agency from first (a short list, not every worker).</summary>
    public IReadOnlyList<(string Value, string Text)> Agencies { get; private set; } = [];

    /// <summary>The workers of the chosen agency (<see cref="From"/>), who can be pulled in as experts ("Name, job (agency)").</summary>
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
        await PersonInView.AuditReadAsync(db, Person, AuditEventType.PersonRead, Restricted ? (HideContact ? "Restricted record: address hidden" : "Restricted record: address shown (user allowed or named)") : null);
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
            ModelState.AddModelError(nameof(KeyWorkerId), PersonText.ChooseKeyWorker);
            return Page();
        }
        await new Supports(db).StartAsync(Person, worker, Today);
        return Redirect($"/Locality/Person/{id}#working");
    }

    /// <summary>
    /// Marks an action done. The actions table is one form: each "Mark done" button sends <paramref name="done"/> as
    /// "action id:version", so no row repeats a form, a token or a hidden field.
    /// </summary>
    public async Task<IActionResult> OnPostDoneAsync(Guid id, string? done)
    {
        var parts = done?.Split(':');
        if (parts is not [var actionText, var versionText] || !Guid.TryParse(actionText, out var action)
            || !int.TryParse(versionText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version)
            || !await LoadAsync(id) || !MayWork || View.Support is null)
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
            await new Supports(db).MarkDoneAsync(a, a.When <= Today ? a.When : Today, version);
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
            ModelState.AddModelError(nameof(NeedMet), ex.Message + Text.Format(PersonText.Theirs, ex.Theirs));
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
            ModelState.AddModelError(nameof(AvoidedKind), PersonText.ChooseAvoided);
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
        // Any worker: a colleague in the team, or an expert from another agency (offered one agency at a time).
        var chosen = int.TryParse(InvolveWorkerId, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var w)
            ? await db.Workers.AsNoTracking().Where(x => x.Id == w).Select(x => new { x.Id, x.AgencyId }).SingleOrDefaultAsync()
            : null;
        if (chosen is null || TeamAgency is null)
        {
            ModelState.AddModelError(nameof(InvolveWorkerId), PersonText.ChooseInvolve);
            return Page();
        }
        var worker = chosen.Id;
        var kind = chosen.AgencyId == TeamAgency ? InvolvementKind.TeamMember : InvolvementKind.Expert;
        if (kind == InvolvementKind.Expert && From != chosen.AgencyId.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            // Shown again, the form offers the chosen expert's agency.
            From = chosen.AgencyId.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await LoadExpertsAsync();
        }
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
            ModelState.AddModelError(nameof(NameWorkerId), PersonText.ChooseNamed);
            return Page();
        }
        var household = Person.Household?.Restricted == true ? Person.HouseholdId : null;
        await new Supports(db).NameWorkerAsync(Person.LocalityId, household is null ? Person.Id : null, household, worker);
        return Redirect($"/Locality/Person/{id}#named");
    }

    /// <summary>The agency of the locality's team (null with no team): its workers are colleagues, everyone else's are experts.</summary>
    private int? TeamAgency { get; set; }

    /// <summary>The chosen agency's workers (<see cref="From"/>, one of <see cref="Agencies"/>), as experts; none when no agency is chosen.</summary>
    private async Task LoadExpertsAsync()
    {
        var agency = Agencies.Any(a => a.Value == From) ? int.Parse(From!, System.Globalization.CultureInfo.InvariantCulture) : (int?)null;
        Experts = agency is null ? [] : (await db.Workers.AsNoTracking().Include(w => w.Agency).Where(w => w.AgencyId == agency).OrderBy(w => w.Name).ToListAsync())
            .Select(w => (w.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{w.Name}{(w.JobTitle.Length > 0 ? ", " + w.JobTitle : "")} ({w.Agency!.ShortName})")).ToList();
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        if (await PersonInView.FindAsync(db, current.Viewer, id) is not { } found)
        {
            return false;
        }
        var person = found.Person;
        Person = person;
        Restricted = found.Restricted;
        HideContact = !found.SeenInFull;
        Address = found.Whereabouts.Line;
        View = await LocalityView.LoadAsync(db, current.Viewer, person, !HideContact);
        // The others of the unit of work, by the same rule (Visibility.HouseholdSeenWith): nobody when the person's whereabouts are hidden.
        Household = [.. View.Members.Where(m => m.Id != person.Id)];
        WorksWith = !HideContact && await Visibility.WorksWithAsync(db, current.Viewer, person);
        if (!HideContact)
        {
            Heard = await new Handovers(db).ForPeopleAsync(person.LocalityId, View.Members.Select(m => m.Id).ToList());
        }
        MayWork = Policies.Allows(User, Policies.LocalityWork) && !HideContact;
        if (MayWork)
        {
            TeamAgency = await db.LocalityTeams.AsNoTracking().Where(t => t.LocalityId == person.LocalityId).Select(t => (int?)t.AgencyId).SingleOrDefaultAsync();
            TeamWorkers = await LocalityView.TeamWorkersAsync(db, person.LocalityId);
            if (TeamAgency is int teamAgency)
            {
                Agencies = (await db.Agencies.AsNoTracking().Where(a => a.Id != teamAgency && db.Workers.Any(w => w.AgencyId == a.Id)).OrderBy(a => a.Name).Select(a => new { a.Id, a.Name }).ToListAsync())
                    .Select(a => (a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), a.Name)).ToList();
                await LoadExpertsAsync();
            }
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
