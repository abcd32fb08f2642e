using LocalFlow.Data;
using LocalFlow.Data.Audit;
using LocalFlow.Data.Entities;
using LocalFlow.Data.Linking;
using LocalFlow.Data.LocalityWork;
using LocalFlow.Web.Pages.Flow;
using LocalFlow.Web.Resources;
using LocalFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Web.Pages.Linking;

/// <summary>
/// Manual linking for one person: the agencies' records linked to them, each of which can be taken away
/// ("not this person"), and a search for another agency's record to link to them. Every decision is remembered
/// for later runs and audited, with the reason given.
/// </summary>
[Authorize(Policy = Policies.LinkingManage)]
public sealed class PersonModel(LocalFlowDb db, CurrentUser current) : PageModel
{
    public const int SearchLimit = 20;

    public Person Person { get; private set; } = null!;
    public IReadOnlyList<SourceIdentity> Records { get; private set; } = [];
    public IReadOnlyList<SourceIdentity> Found { get; private set; } = [];

    /// <summary>Name, record id, NHS number or postcode to search for.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty]
    public Guid? IdentityId { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ?? Page();

    /// <summary>Links a found record to this person.</summary>
    public async Task<IActionResult> OnPostLinkAsync(Guid id)
    {
        if (await LoadAsync(id) is { } problem)
        {
            return problem;
        }
        if (IdentityId is not { } chosen)
        {
            ModelState.AddModelError(nameof(IdentityId), LinkingRecordsText.ChooseRecordToLink);
            return Page();
        }
        if (string.IsNullOrWhiteSpace(Reason))
        {
            ModelState.AddModelError(nameof(Reason), LinkingRecordsText.SayWhyAbout);
            return Page();
        }
        if (Records.Count == 0)
        {
            ModelState.AddModelError(nameof(IdentityId), LinkingRecordsText.NoRecordYet);
            return Page();
        }
        var other = await db.SourceIdentities.AsNoTracking().SeenInFull(db, current.Viewer).SingleOrDefaultAsync(s => s.LocalityId == Person.LocalityId && s.Id == chosen);
        if (other is null)
        {
            ModelState.AddModelError(nameof(IdentityId), LinkingRecordsText.RecordGone);
            return Page();
        }
        if (other.PersonId == Person.Id)
        {
            ModelState.AddModelError(nameof(IdentityId), LinkingRecordsText.AlreadyLinked);
            return Page();
        }
        try
        {
            await LinkingService.LinkManuallyAsync(db, Person.LocalityId, Records[0].Id, chosen, current.UserName, current.UserId, Reason.Trim());
        }
        catch (LinkingException ex)
        {
            ModelState.AddModelError(nameof(IdentityId), ex.Message);
            return Page();
        }
        TempData["Done"] = Text.Format(LinkingRecordsText.LinkedDone, other.Source, other.SourceRecordId, other.DisplayName, $"{Person.GivenName} {Person.FamilyName}");
        return RedirectToPage(new { id });
    }

    /// <summary>Takes a record away from this person: it becomes a person of its own and is never linked back automatically.</summary>
    public async Task<IActionResult> OnPostUnlinkAsync(Guid id)
    {
        if (await LoadAsync(id) is { } problem)
        {
            return problem;
        }
        var record = Records.FirstOrDefault(r => r.Id == IdentityId);
        if (record is null)
        {
            ModelState.AddModelError(nameof(IdentityId), LinkingRecordsText.ChooseRecordToUnlink);
            return Page();
        }
        if (string.IsNullOrWhiteSpace(Reason))
        {
            ModelState.AddModelError(nameof(Reason), LinkingRecordsText.SayWhyNotAbout);
            return Page();
        }
        int moved;
        try
        {
            moved = await LinkingService.UnlinkAsync(db, Person.LocalityId, record.Id, current.UserName, current.UserId, Reason.Trim());
        }
        catch (LinkingException ex)
        {
            ModelState.AddModelError(nameof(IdentityId), ex.Message);
            return Page();
        }
        TempData["Done"] = Text.Format(LinkingRecordsText.UnlinkedDone, record.Source, record.SourceRecordId, $"{Person.GivenName} {Person.FamilyName}")
            + (moved > 0 ? Text.Count(moved, LinkingRecordsText.MovedOne, LinkingRecordsText.MovedMany) : "");
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult?> LoadAsync(Guid id)
    {
        if (await FlowAccess.PersonAsync(db, current, id) is not { } person)
        {
            return NotFound();
        }
        Person = person;
        Records = await db.SourceIdentities.AsNoTracking()
            .Where(s => s.LocalityId == person.LocalityId && s.PersonId == person.Id).SharedWith(db, current.Viewer)
            .OrderBy(s => s.Source).ThenBy(s => s.SourceRecordId).ToListAsync();
        await AuditTrail.ReadAsync(db, AuditEventType.LinkRead, nameof(Person), person.Id.ToString(), person.LocalityId, $"Manual linking page: {Records.Count} linked records");
        var q = Q?.Trim();
        if (!string.IsNullOrEmpty(q))
        {
            if (q.Length > 100)
            {
                ModelState.AddModelError(nameof(Q), LinkingRecordsText.SearchTooLong);
                return null;
            }
            var upper = q.ToUpperInvariant();
            var compact = upper.Replace(" ", "", StringComparison.Ordinal);
            Found = await db.SourceIdentities.AsNoTracking().SeenInFull(db, current.Viewer).Include(s => s.Person)
                .Where(s => s.LocalityId == person.LocalityId && s.PersonId != person.Id)
                .Where(s => s.SourceRecordId == q
                    || (s.Surname != null && s.Surname.ToUpper().StartsWith(upper))
                    || (s.NhsNumber != null && s.NhsNumber.Replace(" ", "") == compact)
                    || (s.Postcode != null && s.Postcode.Replace(" ", "").ToUpper() == compact))
                .OrderBy(s => s.Surname).ThenBy(s => s.GivenNames).ThenBy(s => s.Source)
                .Take(SearchLimit + 1).ToListAsync();
            await AuditTrail.ReadAsync(db, AuditEventType.LinkRead, nameof(SourceIdentity), null, person.LocalityId, $"Searched agencies' records ({AuditReference.Search(q)}): {Math.Min(Found.Count, SearchLimit)} shown");
        }
        return null;
    }
}
