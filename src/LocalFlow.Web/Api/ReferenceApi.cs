using LocalFlow.Analytics.Flow;
using LocalFlow.Data;
using LocalFlow.Data.Audit;
using LocalFlow.Data.Entities;
using LocalFlow.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Web.Api;

/// <summary>Reference data: localities, agencies, teams, front doors and unit costs.</summary>
public static class ReferenceApi
{
    public sealed record LocalityDto(int Id, string Name, string Description, int Streets);
    public sealed record AgencyDto(int Id, string Name, string ShortName, AgencyKind Kind, IReadOnlyList<TeamDto> Teams);
    public sealed record TeamDto(int Id, string Name);
    public sealed record FrontDoorDto(int Id, int LocalityId, string Name, Channel Channel, int AgencyId);
    public sealed record UnitCostDto(int Id, int AgencyId, ActivityKind ActivityKind, string Description, decimal Amount, int PriceYear, string Source);
    public sealed record NewAgency(string? Name, string? ShortName, AgencyKind? Kind);

    public static RouteGroupBuilder MapReferenceApi(this RouteGroupBuilder api)
    {
        api.MapGet("/localities", async (LocalFlowDb db) =>
            await db.Localities.OrderBy(l => l.Name).Select(l => new LocalityDto(l.Id, l.Name, l.Description, l.Streets.Count)).ToListAsync())
            .RequireAuthorization(Policies.SignedIn).WithSummary("Localities served by this LocalFlow.");

        api.MapGet("/agencies", async (LocalFlowDb db) =>
            (await db.Agencies.Include(a => a.Teams).OrderBy(a => a.Name).ToListAsync())
                .Select(a => new AgencyDto(a.Id, a.Name, a.ShortName, a.Kind, a.Teams.OrderBy(t => t.Name).Select(t => new TeamDto(t.Id, t.Name)).ToList())))
            .RequireAuthorization(Policies.SignedIn).WithSummary("Agencies and their teams.");

        api.MapPost("/agencies", async (NewAgency input, LocalFlowDb db) =>
        {
            var errors = new Dictionary<string, string[]>();
            var name = input.Name?.Trim();
            if (string.IsNullOrEmpty(name))
            {
                errors["name"] = ["Enter the agency's name"];
            }
            else if (await db.Agencies.AnyAsync(a => a.Name == name))
            {
                errors["name"] = ["There is already an agency with this name"];
            }
            if (string.IsNullOrWhiteSpace(input.ShortName))
            {
                errors["shortName"] = ["Enter a short name"];
            }
            if (input.Kind is null || !Enum.IsDefined(input.Kind.Value))
            {
                errors["kind"] = ["Choose the kind of agency"];
            }
            if (errors.Count > 0)
            {
                return Results.ValidationProblem(errors);
            }
            var agency = new Agency { Name = name!, ShortName = input.ShortName!.Trim(), Kind = input.Kind!.Value };
            db.Agencies.Add(agency);
            AuditTrail.Add(db, AuditEventType.ReferenceDataChanged, AuditOperation.Create, nameof(Agency), name, null);
            await db.SaveChangesAsync();
            return Results.Created($"/api/agencies/{agency.Id}", new AgencyDto(agency.Id, agency.Name, agency.ShortName, agency.Kind, []));
        }).RequireAuthorization(Policies.AdminManage).WithSummary("Add an agency.");

        api.MapGet("/front-doors", async (LocalFlowDb db) =>
            await db.FrontDoors.OrderBy(f => f.Name).Select(f => new FrontDoorDto(f.Id, f.LocalityId, f.Name, f.Channel, f.AgencyId)).ToListAsync())
            .RequireAuthorization(Policies.SignedIn).WithSummary("Front doors where demand comes in.");

        api.MapGet("/unit-costs", async (LocalFlowDb db) =>
            (await db.UnitCosts.ToListAsync()).OrderBy(c => c.AgencyId).ThenBy(c => c.Description)
                .Select(c => new UnitCostDto(c.Id, c.AgencyId, c.ActivityKind, c.Description, c.Amount, c.PriceYear, c.Source)))
            .RequireAuthorization(Policies.SignedIn).WithSummary("The unit-cost catalogue.");
        return api;
    }
}
