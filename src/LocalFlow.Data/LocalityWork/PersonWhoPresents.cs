using LocalFlow.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Data.LocalityWork;

/// <summary>
/// Someone who presents to the team and is not yet known: their name as they give it, and where they live — an
/// existing household (<paramref name="HouseholdId"/>), a new one (<paramref name="AddressLine"/> and
/// <paramref name="Postcode"/>), or none (nowhere to live). Only the names are needed: the team asks nothing before helping.
/// </summary>
public sealed record PersonWhoPresents(string GivenName, string FamilyName, DateOnly? DateOfBirth, string? Phone, Guid? HouseholdId, string? AddressLine, string? Postcode)
{
    /// <summary>
    /// Creates the person (and their new household) in the locality, exactly as typed (trimmed at the ends only).
    /// Throws <see cref="LocalityInputException"/> naming the field when something is missing or cannot be right.
    /// </summary>
    public async Task<Person> CreateAsync(LocalFlowDb db, int localityId, CancellationToken ct = default)
    {
        var given = GivenName.Trim();
        var family = FamilyName.Trim();
        if (given.Length == 0)
        {
            throw new LocalityInputException(nameof(GivenName), "Enter their first name, as they give it");
        }
        if (family.Length == 0)
        {
            throw new LocalityInputException(nameof(FamilyName), "Enter their last name, as they give it");
        }
        if (given.Length > 200 || family.Length > 200)
        {
            throw new LocalityInputException(given.Length > 200 ? nameof(GivenName) : nameof(FamilyName), "A name must be 200 characters or fewer");
        }
        var today = DateOnly.FromDateTime(db.Clock.GetUtcNow().UtcDateTime);
        if (DateOfBirth is DateOnly dob && (dob > today || dob < today.AddYears(-125)))
        {
            throw new LocalityInputException(nameof(DateOfBirth), dob > today ? "The date of birth must be in the past" : "The date of birth must be within the last 125 years");
        }
        Household? household = null;
        if (HouseholdId is Guid h)
        {
            household = await db.Households.SingleOrDefaultAsync(x => x.LocalityId == localityId && x.Id == h, ct)
                ?? throw new LocalityInputException(nameof(HouseholdId), "That household is not in this locality");
        }
        else if (!string.IsNullOrWhiteSpace(AddressLine) || !string.IsNullOrWhiteSpace(Postcode))
        {
            if (string.IsNullOrWhiteSpace(AddressLine))
            {
                throw new LocalityInputException(nameof(AddressLine), "Enter the first line of their address");
            }
            if (string.IsNullOrWhiteSpace(Postcode))
            {
                throw new LocalityInputException(nameof(Postcode), "Enter their postcode");
            }
            household = new Household { LocalityId = localityId, AddressLine = AddressLine.Trim(), Postcode = Postcode.Trim().ToUpperInvariant() };
            db.Households.Add(household);
        }
        var person = new Person
        {
            LocalityId = localityId,
            HouseholdId = household?.Id,
            GivenName = given,
            FamilyName = family,
            DateOfBirth = DateOfBirth,
            Phone = string.IsNullOrWhiteSpace(Phone) ? null : Phone.Trim(),
        };
        db.People.Add(person);
        await db.SaveChangesAsync(ct);
        person.Household = household;
        return person;
    }
}
