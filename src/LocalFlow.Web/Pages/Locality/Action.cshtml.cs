using System.Globalization;
using LocalFlow.Analytics.Flow;
using LocalFlow.Data;
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
/// Add an action: what, who (a worker of the team, or a volunteer or group found in the directory by skill and street),
/// when, and the what-matters statement it serves. Priced from the unit-cost catalogue when it is done.
/// </summary>
[Authorize(Policy = Policies.LocalityWork)]
public sealed class ActionModel(LocalFlowDb db, CurrentUser current, TimeProvider clock) : PageModel
{
    /// <summary>The kinds of action offered, named in the request's language.</summary>
    public static (ActivityKind Kind, string Text)[] Kinds =>
    [
        (ActivityKind.HomeVisit, ActionText.Visit),
        (ActivityKind.ServiceProvided, ActionText.PracticalHelp),
        (ActivityKind.Meeting, ActionText.Meeting),
        (ActivityKind.Contact, ActionText.Call),
    ];

    public Person Person { get; private set; } = null!;
    public LocalityView View { get; private set; } = null!;
    public IReadOnlyList<(string Value, string Text)> Workers { get; private set; } = [];
    public IReadOnlyList<DirectorySearch.Found> Found { get; private set; } = [];

    [BindProperty(SupportsGet = true)] public string? Skill { get; set; }
    [BindProperty(SupportsGet = true)] public string? Street { get; set; }
    [BindProperty] public string? What { get; set; }
    [BindProperty] public string? Kind { get; set; }
    [BindProperty] public string? Who { get; set; }

    /// <summary>What was posted, so that the date's three boxes keep what was typed.</summary>
    public IFormCollection? Typed => Request.HasFormContentType ? Request.Form : null;
    [BindProperty] public string? Serves { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await LoadAsync(id) || View.Support is null)
        {
            return NotFound();
        }
        var today = DateOnly.FromDateTime(Gov.ToLondon(clock.GetUtcNow().UtcDateTime));
        // An action is planned as often as it is recorded, so its date may be in the future.
        var (typed, empty) = Gov.ReadDate(Request.Form, "When");
        var when = empty ? today : typed;
        if (when is null)
        {
            ModelState.AddModelError("When", FormText.DateFormat);
        }
        if (!Enum.TryParse<ActivityKind>(Kind, out var kind) || !Kinds.Any(k => k.Kind == kind))
        {
            ModelState.AddModelError(nameof(Kind), ActionText.ChooseKind);
        }
        int? worker = Who?.StartsWith("w:", StringComparison.Ordinal) == true && int.TryParse(Who[2..], NumberStyles.None, CultureInfo.InvariantCulture, out var w) ? w : null;
        Guid? entry = Who?.StartsWith("d:", StringComparison.Ordinal) == true && Guid.TryParse(Who[2..], out var d) ? d : null;
        Guid? serves = Guid.TryParse(Serves, out var m) ? m : null;
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var supports = new Supports(db);
        try
        {
            var support = await db.Supports.SingleAsync(s => s.LocalityId == Person.LocalityId && s.Id == View.Support.Id);
            await supports.AddActionAsync(support, Person.Id, What ?? "", kind, worker, entry, when!.Value, serves);
            if (entry is Guid e && !await db.Involvements.AnyAsync(i => i.LocalityId == support.LocalityId && i.SupportId == support.Id && i.DirectoryEntryId == e && i.RemovedUtc == null))
            {
                var group = await db.DirectoryEntries.Where(x => x.LocalityId == support.LocalityId && x.Id == e).Select(x => x.Kind).SingleAsync() is DirectoryEntryKind.Group or DirectoryEntryKind.Organisation;
                await supports.InvolveAsync(support, group ? InvolvementKind.LocalGroup : InvolvementKind.Volunteer, null, e, What ?? "", when.Value);
            }
        }
        catch (LocalityInputException ex)
        {
            ModelState.AddModelError(ex.Field is "DirectoryEntryId" ? nameof(Who) : ex.Field is "WhatMatteredId" ? nameof(Serves) : ex.Field, ex.Message);
            return Page();
        }
        return Redirect($"/Locality/Person/{id}#actions");
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        if (await PersonInView.SeenInFullAsync(db, current.Viewer, id) is not { } person)
        {
            return false;
        }
        Person = person;
        View = await LocalityView.LoadAsync(db, current.Viewer, person, seenInFull: true);
        var team = await db.LocalityTeams.AsNoTracking().SingleOrDefaultAsync(t => t.LocalityId == person.LocalityId);
        Workers = team is null ? [] : (await db.Workers.AsNoTracking().Where(w => w.AgencyId == team.AgencyId).OrderBy(w => w.Name).ToListAsync())
            .Select(w => ("w:" + w.Id.ToString(CultureInfo.InvariantCulture), w.Name + (w.Id == View.Support?.KeyWorkerId ? " (key worker)" : ""))).ToList();
        Found = await DirectorySearch.SearchAsync(db, person.LocalityId, Skill, Street);
        return true;
    }
}
