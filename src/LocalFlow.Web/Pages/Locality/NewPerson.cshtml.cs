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
/// Someone who presents and is not yet known (<see cref="PersonWhoPresents"/>): their name as they give it, and their
/// household — new, an existing one (<c>?household=</c>, from a member's page) or none. The team starts working with
/// them at once; from a front-door hand-over (<c>?handover=</c>) the demand is linked to them and their words travel.
/// </summary>
[Authorize(Policy = Policies.LocalityWork)]
public sealed class NewPersonModel(LocalFlowDb db, CurrentUser current, TimeProvider clock) : PageModel
{
    public const string NewHousehold = "new";
    public const string NoHousehold = "none";

    [BindProperty(SupportsGet = true)]
    public Guid? Handover { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Household { get; set; }

    [BindProperty]
    public string? GivenName { get; set; }

    [BindProperty]
    public string? FamilyName { get; set; }

    [BindProperty]
    public string? Phone { get; set; }

    [BindProperty]
    public string? Where { get; set; }

    [BindProperty]
    public string? AddressLine { get; set; }

    [BindProperty]
    public string? Postcode { get; set; }

    [BindProperty]
    public string? KeyWorkerId { get; set; }

    [BindProperty]
    public int Version { get; set; }

    public HeardAtFrontDoor? Heard { get; private set; }
    /// <summary>The existing household they join, shown by its address.</summary>
    public Household? Joins { get; private set; }
    public IReadOnlyList<(string Value, string Text)> TeamWorkers { get; private set; } = [];
    public IFormCollection? Typed => Request.HasFormContentType ? Request.Form : null;

    private int LocalityId => Heard?.Handover.LocalityId ?? Joins?.LocalityId ?? current.LocalityId ?? 0;

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }
        Version = Heard?.Handover.Version ?? 0;
        Where ??= NewHousehold;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }
        var (born, empty) = Gov.ReadDate(Request.Form, "DateOfBirth");
        if (born is null && !empty)
        {
            ModelState.AddModelError("DateOfBirth", HandoverText.BirthFormat);
        }
        if (!int.TryParse(KeyWorkerId, out var worker) || !TeamWorkers.Any(w => w.Value == KeyWorkerId))
        {
            ModelState.AddModelError(nameof(KeyWorkerId), PersonText.ChooseKeyWorker);
        }
        if (Joins is null && Where is not (NewHousehold or NoHousehold))
        {
            ModelState.AddModelError(nameof(Where), HandoverText.SayWhere);
        }
        var input = new PersonWhoPresents(GivenName ?? "", FamilyName ?? "", born, Phone, Joins?.Id,
            Joins is null && Where == NewHousehold ? AddressLine ?? "" : null, Joins is null && Where == NewHousehold ? Postcode ?? "" : null);
        if (Joins is null && Where == NewHousehold && string.IsNullOrWhiteSpace(AddressLine) && string.IsNullOrWhiteSpace(Postcode))
        {
            ModelState.AddModelError(nameof(AddressLine), HandoverText.EnterAddress);
        }
        if (Heard is { } heard && (heard.Handover.PersonId is not null || heard.Handover.Version != Version))
        {
            ModelState.AddModelError(string.Empty, HandoverText.PickedUpByOther);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        Person person;
        try
        {
            person = await input.CreateAsync(db, LocalityId);
        }
        catch (LocalityInputException ex)
        {
            ModelState.AddModelError(ex.Field == nameof(PersonWhoPresents.DateOfBirth) ? "DateOfBirth" : ex.Field, ex.Message);
            return Page();
        }
        if (Heard is not null)
        {
            var handover = await db.FrontDoorHandovers.SingleAsync(h => h.LocalityId == LocalityId && h.Id == Heard.Handover.Id);
            await new Handovers(db).LinkAsync(handover, person, worker, Today, Version);
        }
        else
        {
            await new Supports(db).StartAsync(person, worker, Today);
        }
        return Redirect($"/Locality/Person/{person.Id}#working");
    }

    private DateOnly Today => DateOnly.FromDateTime(Gov.ToLondon(clock.GetUtcNow().UtcDateTime));

    private async Task<bool> LoadAsync()
    {
        if (Handover is Guid h)
        {
            Heard = await new Handovers(db).FindAsync(current.LocalityIds, h);
            if (Heard is null)
            {
                return false;
            }
        }
        if (Household is Guid hh)
        {
            var localities = current.LocalityIds;
            Joins = await db.Households.AsNoTracking().SingleOrDefaultAsync(x => x.Id == hh && localities.Contains(x.LocalityId));
            // Only someone who sees the household in full may add to it (a restricted address stays hidden).
            if (Joins is null || !await Visibility.SeesInFullAsync(db, current.Viewer, Joins) || (Heard is not null && Heard.Handover.LocalityId != Joins.LocalityId))
            {
                return false;
            }
        }
        if (LocalityId == 0)
        {
            return false;
        }
        TeamWorkers = await LocalityView.TeamWorkersAsync(db, LocalityId);
        KeyWorkerId ??= current.WorkerId?.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return true;
    }
}
