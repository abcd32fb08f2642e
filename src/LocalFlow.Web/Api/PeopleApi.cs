using LocalFlow.Data;
using LocalFlow.Data.Audit;
using LocalFlow.Data.Entities;
using LocalFlow.Data.LocalityWork;
using LocalFlow.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Web.Api;

/// <summary>People in the user's localities. Every read is audited; restricted addresses and contact details are withheld.</summary>
public static class PeopleApi
{
    public sealed record PersonDto(Guid Id, int LocalityId, string GivenName, string FamilyName, DateOnly? DateOfBirth, string? NhsNumber, bool Restricted, string? Address, string? Postcode, string? Phone, string? Email, Guid? HouseholdId);

    public static RouteGroupBuilder MapPeopleApi(this RouteGroupBuilder api)
    {
        api.MapGet("/people/{id:guid}", async (Guid id, LocalFlowDb db, CurrentUser current) =>
        {
            var localities = current.LocalityIds;
            var p = await db.People.Include(x => x.Household).SingleOrDefaultAsync(x => x.Id == id && localities.Contains(x.LocalityId));
            if (p is null)
            {
                return Results.NotFound();
            }
            var restricted = Visibility.IsRestricted(p);
            var hide = !await Visibility.SeesInFullAsync(db, current.Viewer, p);
            await AuditTrail.ReadAsync(db, AuditEventType.PersonRead, nameof(Person), p.Id.ToString(), p.LocalityId, hide ? "Restricted record: address hidden" : null);
            var where = Visibility.WhereaboutsOf(p, !hide);
            return Results.Ok(new PersonDto(p.Id, p.LocalityId, p.GivenName, p.FamilyName, p.DateOfBirth, p.NhsNumber, restricted,
                where.AddressLine, where.Postcode, hide ? null : p.Phone, hide ? null : p.Email, where.HouseholdId));
        }).RequireAuthorization(Policies.PeopleRead).WithSummary("One person (audited).");
        return api;
    }
}
