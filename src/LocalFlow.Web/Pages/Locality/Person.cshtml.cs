using LocalFlow.Data;
using LocalFlow.Data.Audit;
using LocalFlow.Data.Entities;
using LocalFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Web.Pages.Locality;

/// <summary>One person: audited on every view; a restricted person's address and contact details are hidden unless the user is explicitly allowed.</summary>
[Authorize(Policy = Policies.PeopleRead)]
public sealed class PersonModel(LocalFlowDb db, CurrentUser current) : PageModel
{
    public Person Person { get; private set; } = null!;
    public string? Address { get; private set; }
    public bool HideContact { get; private set; }
    public bool MaySeeRestricted => current.MaySeeRestricted;
    public IReadOnlyList<Person> Household { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var localities = current.LocalityIds;
        var person = await db.People.Include(p => p.Household).SingleOrDefaultAsync(p => p.Id == id && localities.Contains(p.LocalityId));
        if (person is null)
        {
            // Same answer whether the record does not exist or is in a locality the user cannot see.
            return NotFound();
        }
        Person = person;
        var restricted = person.Restricted || person.Household?.Restricted == true;
        HideContact = restricted && !current.MaySeeRestricted;
        Address = HideContact || person.Household is null ? null : $"{person.Household.AddressLine}, {person.Household.Postcode}";
        if (person.HouseholdId is not null)
        {
            Household = await db.People.Where(p => p.LocalityId == person.LocalityId && p.HouseholdId == person.HouseholdId && p.Id != person.Id)
                .OrderBy(p => p.DateOfBirth).ToListAsync();
        }
        await AuditTrail.ReadAsync(db, AuditEventType.PersonRead, nameof(Person), person.Id.ToString(), person.LocalityId, restricted ? (HideContact ? "Restricted record: address hidden" : "Restricted record: address shown (user allowed)") : null);
        return Page();
    }
}
