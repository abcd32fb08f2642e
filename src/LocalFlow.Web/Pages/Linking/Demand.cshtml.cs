using LocalFlow.Data;
using LocalFlow.Data.Audit;
using LocalFlow.Data.Entities;
using LocalFlow.Data.Linking;
using LocalFlow.Data.LocalityWork;
using LocalFlow.Web.Infrastructure;
using LocalFlow.Web.Resources;
using LocalFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Web.Pages.Linking;

/// <summary>
/// One demand-study record and the person it came from (<see cref="DemandLinks"/>): who the front door heard it from
/// (the details linking compares on its next run), the person it is linked to, and linking or unlinking it by hand
/// with a reason. Open to those who study flow (the study team, who hear the demand, and data officers, who link): both
/// see people's records. A demand linked to a person the user may not see is not found, as that person is not.
/// </summary>
[Authorize(Policy = Policies.FlowStudy)]
public sealed class DemandModel(LocalFlowDb db, CurrentUser current) : PageModel
{
    public const int SearchLimit = 20;

    public Data.Entities.Demand Demand { get; private set; } = null!;
    /// <summary>Where "back" goes: the demand in its study for the study team, else linking.</summary>
    public string BackTo { get; private set; } = "/Linking";
    public string FrontDoor { get; private set; } = "";
    public SourceIdentity? Identity { get; private set; }
    public IReadOnlyList<Person> Found { get; private set; } = [];

    /// <summary>Family name (or its start) of the person to link to.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty]
    public Guid? PersonId { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public string? GivenNames { get; set; }

    [BindProperty]
    public string? Surname { get; set; }

    [BindProperty]
    public string? Postcode { get; set; }

    [BindProperty]
    public string? Phone { get; set; }

    public DateOnly? DateOfBirth { get; private set; }

    /// <summary>The form as posted, so the date fields keep what was typed.</summary>
    public IFormCollection? Typed { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await LoadAsync(id) is { } problem)
        {
            return problem;
        }
        GivenNames = Identity?.GivenNames;
        Surname = Identity?.Surname;
        Postcode = Identity?.Postcode;
        Phone = Identity?.Phone;
        DateOfBirth = DateOnly.TryParseExact(Identity?.DateOfBirth, "yyyy-MM-dd", out var dob) ? dob : null;
        return Page();
    }

    /// <summary>Records who the demand came from: the details the next linking run compares.</summary>
    public async Task<IActionResult> OnPostDetailsAsync(Guid id)
    {
        if (await LoadAsync(id) is { } problem)
        {
            return problem;
        }
        Typed = Request.Form;
        var (born, empty) = Gov.ReadDate(Request.Form, "Born");
        if (born is null && !empty)
        {
            ModelState.AddModelError("Born", LinkingRecordsText.DobReal);
        }
        else if (born > DateOnly.FromDateTime(db.Clock.GetUtcNow().UtcDateTime))
        {
            ModelState.AddModelError("Born", LinkingRecordsText.DobPast);
        }
        Check(nameof(GivenNames), GivenNames, 100, LinkingText.GivenNames);
        Check(nameof(Surname), Surname, 100, LinkingText.Surname);
        Check(nameof(Postcode), Postcode, 10, LinkingText.Postcode);
        Check(nameof(Phone), Phone, 30, LinkingRecordsText.PhoneNumber);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        await DemandLinks.SetDetailsAsync(db, Demand, new DemandDetails(GivenNames, Surname, born, Postcode, Phone));
        TempData["Done"] = LinkingRecordsText.SavedDetails;
        return RedirectToPage(new { id });
    }

    /// <summary>Links the demand to a person found below.</summary>
    public async Task<IActionResult> OnPostLinkAsync(Guid id)
    {
        if (await LoadAsync(id) is { } problem)
        {
            return problem;
        }
        if (PersonId is not { } chosen)
        {
            ModelState.AddModelError(nameof(PersonId), LinkingRecordsText.ChoosePerson);
            return Page();
        }
        if (string.IsNullOrWhiteSpace(Reason))
        {
            ModelState.AddModelError(nameof(Reason), LinkingRecordsText.SayWhyFrom);
            return Page();
        }
        var person = await db.People.AsNoTracking().SeenInFull(db, current.Viewer).SingleOrDefaultAsync(p => p.LocalityId == Demand.LocalityId && p.Id == chosen);
        if (person is null)
        {
            ModelState.AddModelError(nameof(PersonId), LinkingRecordsText.PersonNotFound);
            return Page();
        }
        try
        {
            await DemandLinks.LinkAsync(db, Demand, person.Id, current.UserName, current.UserId, Reason.Trim());
        }
        catch (LinkingException ex)
        {
            ModelState.AddModelError(nameof(PersonId), ex.Message);
            return Page();
        }
        TempData["Done"] = Text.Format(LinkingRecordsText.LinkedDemandDone, $"{person.GivenName} {person.FamilyName}");
        return RedirectToPage(new { id });
    }

    /// <summary>Takes the demand away from its person; later runs do not link it back.</summary>
    public async Task<IActionResult> OnPostUnlinkAsync(Guid id)
    {
        if (await LoadAsync(id) is { } problem)
        {
            return problem;
        }
        if (string.IsNullOrWhiteSpace(Reason))
        {
            ModelState.AddModelError(nameof(Reason), LinkingRecordsText.SayWhyNotFrom);
            return Page();
        }
        try
        {
            await DemandLinks.UnlinkAsync(db, Demand, current.UserName, current.UserId, Reason.Trim());
        }
        catch (LinkingException ex)
        {
            ModelState.AddModelError(nameof(Reason), ex.Message);
            return Page();
        }
        TempData["Done"] = LinkingRecordsText.UnlinkedDemandDone;
        return RedirectToPage(new { id });
    }

    private void Check(string key, string? value, int max, string what)
    {
        if (value is not null && value.Trim().Length > max)
        {
            ModelState.AddModelError(key, Text.Format(LinkingRecordsText.TooLong, what, max));
        }
    }

    private async Task<IActionResult?> LoadAsync(Guid id)
    {
        var localities = current.LocalityIds;
        var demand = await db.Demands.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id && localities.Contains(d.LocalityId));
        if (demand is null)
        {
            return NotFound();
        }
        var recordId = DemandLinks.RecordId(demand.Id);
        var identity = await db.SourceIdentities.AsNoTracking().Where(s => s.LocalityId == demand.LocalityId && s.Source == DemandLinks.Source && s.SourceRecordId == recordId)
            .Select(s => new { s.Id, Seen = db.SourceIdentities.SeenInFull(db, current.Viewer).Any(v => v.LocalityId == s.LocalityId && v.Id == s.Id) })
            .SingleOrDefaultAsync();
        if (identity is { Seen: false })
        {
            // Linked to a person the user may not see: the demand is hidden with them.
            return NotFound();
        }
        Demand = demand;
        BackTo = Policies.Allows(User, Policies.DemandStudy) ? $"/Demand/Correct/{demand.StudyId}/{demand.Id}" : "/Linking";
        Identity = identity is null ? null : await db.SourceIdentities.AsNoTracking().Include(s => s.Person).SingleAsync(s => s.LocalityId == demand.LocalityId && s.Id == identity.Id);
        FrontDoor = await db.FrontDoors.AsNoTracking().Where(f => f.Id == demand.FrontDoorId).Select(f => f.Name).SingleOrDefaultAsync() ?? "";
        await AuditTrail.ReadAsync(db, AuditEventType.LinkRead, nameof(Data.Entities.Demand), demand.Id.ToString(), demand.LocalityId,
            "Demand linking page" + (Identity?.PersonId is { } p ? $": linked to person {p}" : ": not linked"));
        var q = Q?.Trim();
        if (!string.IsNullOrEmpty(q))
        {
            if (q.Length > 100)
            {
                ModelState.AddModelError(nameof(Q), LinkingRecordsText.SearchTooLong);
                return null;
            }
            var upper = q.ToUpperInvariant();
            Found = await db.People.AsNoTracking().SeenInFull(db, current.Viewer).Include(p => p.Household)
                .Where(p => p.LocalityId == demand.LocalityId && p.FamilyName.ToUpper().StartsWith(upper))
                .OrderBy(p => p.FamilyName).ThenBy(p => p.GivenName).ThenBy(p => p.Id)
                .Take(SearchLimit + 1).ToListAsync();
            await AuditTrail.ReadAsync(db, AuditEventType.LinkRead, nameof(Person), null, demand.LocalityId, $"Searched people ({AuditReference.Search(q)}) to link a demand: {Math.Min(Found.Count, SearchLimit)} shown");
        }
        return null;
    }
}
