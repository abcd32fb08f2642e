using System.Net;
using LocalFlow.Web.Tests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace LocalFlow.Web.Tests;

/// <summary>
/// Tries every role (and no sign-in) against every page and API endpoint, and checks who gets in.
/// The table is written out by hand: a new page or endpoint fails <see cref="EveryEndpoint_IsInTheTable"/>
/// until someone decides, here, who may use it.
/// </summary>
public partial class RoleAccessTests : IClassFixture<RoleAccessTests.App>
{
    public sealed class App : IAsyncLifetime
    {
        public LocalFlowApp Factory { get; } = new(households: 40);

        /// <summary>The second locality and the restricted person (RoleAccessTests.Resources.cs).</summary>
        public Planted Planted { get; private set; } = null!;

        public async Task InitializeAsync() => Planted = await PlantAsync(Factory);

        public Task DisposeAsync()
        {
            Factory.Dispose();
            return Task.CompletedTask;
        }
    }

    private const string Everyone = "admin study worker analyst commissioner dataofficer citizen steering";
    private const string RedesignView = "study analyst commissioner citizen steering";
    private const string RedesignWork = "study commissioner citizen steering";
    private const string Anonymous = "anonymous";

    /// <summary>Route pattern → who gets in ("anonymous" means anyone, signed in or not).</summary>
    public static readonly Dictionary<string, string> Table = new(StringComparer.Ordinal)
    {
        ["GET /"] = Anonymous,
        ["GET /Index"] = Anonymous,
        ["GET /SignIn"] = Anonymous,
        ["GET /AccessDenied"] = Anonymous,
        ["GET /Accessibility"] = Anonymous,
        ["GET /Error/{code:int?}"] = Anonymous,
        ["GET /health"] = Anonymous,
        ["GET /health/live"] = Anonymous,
        ["GET /health/ready"] = Anonymous,
        ["GET /Language"] = Anonymous,
        ["GET /api/openapi/{documentName}.json"] = Everyone,
        ["GET /SignOut"] = Everyone,
        ["GET /Account/ChangePassword"] = Everyone,
        ["GET /Help"] = Everyone,
        ["GET /Help/Index"] = Everyone,
        ["GET /Help/{topic}"] = Everyone,
        ["GET /Search"] = Everyone,
        ["GET /ChooseLocality"] = Everyone,
        ["GET /Admin"] = "admin",
        ["GET /Admin/Index"] = "admin",
        ["GET /Admin/Agencies"] = "admin",
        ["GET /Admin/Agency/{id:int}"] = "admin",
        ["GET /Admin/Locality"] = "admin",
        ["GET /Admin/Workers"] = "admin",
        ["GET /Admin/Retention"] = "admin",
        ["GET /Admin/Sharing"] = "admin",
        ["GET /Admin/FrontDoors"] = "admin",
        ["GET /Admin/UnitCosts"] = "admin",
        ["GET /Admin/UnitCost/{id:int}"] = "admin",
        ["GET /Admin/PriceIndex"] = "admin",
        ["GET /Admin/Users"] = "admin",
        ["GET /Admin/User/{id:int}"] = "admin",
        ["GET /Admin/Audit"] = "admin",
        ["GET /Admin/Security"] = "admin",
        ["GET /Demand"] = "study worker analyst commissioner",
        ["GET /Demand/Index"] = "study worker analyst commissioner",
        ["GET /Demand/Create"] = "study",
        ["GET /Demand/Capture/{id:int}"] = "study",
        ["GET /Demand/Demands/{id:int}"] = "study",
        ["GET /Demand/Correct/{id:int}/{demandId:guid}"] = "study",
        ["GET /Demand/Types/{id:int}"] = "study",
        ["GET /Demand/Type/{id:int}/{typeId:int}"] = "study",
        ["GET /Demand/Import/{id:int}"] = "study",
        ["GET /Demand/Export/{id:int}"] = "study",
        ["GET /Demand/Analysis/{id:int}"] = "study analyst commissioner",
        ["GET /Demand/Board/{id:int}"] = "study worker analyst commissioner",
        ["GET /Flow"] = "study analyst commissioner dataofficer",
        ["GET /Flow/Index"] = "study analyst commissioner dataofficer",
        ["GET /Flow/Person/{id:guid}"] = "study dataofficer",
        ["GET /Flow/Record/{id:guid}"] = "study dataofficer",
        ["GET /Flow/Judge/{id:guid}"] = "study",
        ["GET /Flow/Import"] = "study dataofficer",
        ["GET /Flow/Imports"] = "study dataofficer",
        ["GET /Flow/ImportProgress/{id:guid}"] = "study dataofficer",
        ["GET /Flow/Undo/{id:guid}"] = "study dataofficer",
        ["GET /api/flow/people/{id:guid}/records"] = "study dataofficer",
        ["GET /api/flow/people/{id:guid}/summary"] = "study dataofficer",
        ["GET /Flow/Cohort"] = "study analyst commissioner dataofficer",
        ["GET /Flow/Handoffs"] = "study analyst commissioner dataofficer",
        ["GET /Flow/Signals"] = "study dataofficer",
        ["GET /Conditions"] = "study analyst commissioner dataofficer",
        ["GET /Conditions/Index"] = "study analyst commissioner dataofficer",
        ["GET /Conditions/Condition/{id:guid}"] = "study analyst commissioner dataofficer",
        ["GET /Conditions/Create"] = "study",
        ["GET /Conditions/Edit/{id:guid}"] = "study",
        ["GET /Conditions/Delete/{id:guid}"] = "study",
        ["GET /Conditions/Evidence/{id:guid}"] = "study",
        ["GET /Conditions/Choose"] = "study",
        ["GET /api/conditions"] = "study analyst commissioner dataofficer",
        ["GET /api/conditions/{id:guid}"] = "study analyst commissioner dataofficer",
        ["GET /Linking"] = "dataofficer",
        ["GET /Linking/Index"] = "dataofficer",
        ["GET /Linking/Run/{id:int}"] = "dataofficer",
        ["GET /Linking/Review"] = "dataofficer",
        ["GET /Linking/Pair/{id:guid}"] = "dataofficer",
        ["GET /Linking/Person/{id:guid}"] = "dataofficer",
        ["GET /Linking/Import"] = "dataofficer",
        ["GET /Linking/Demand/{id:guid}"] = "study dataofficer",
        ["GET /Locality"] = "worker dataofficer",
        ["GET /Locality/Index"] = "worker dataofficer",
        ["GET /Locality/People"] = "worker dataofficer",
        ["GET /Locality/Person/{id:guid}"] = "worker dataofficer",
        ["GET /Locality/Person/{id:guid}/SubjectAccess"] = "dataofficer",
        ["GET /Locality/Person/{id:guid}/Consent"] = "worker dataofficer",
        ["GET /Locality/Conversation/{id:guid}"] = "worker",
        ["GET /Locality/Action/{id:guid}"] = "worker",
        ["GET /Locality/Directory"] = "worker",
        ["GET /Locality/Board"] = "worker",
        ["GET /Locality/Purpose"] = "worker",
        ["GET /Locality/Statements/{id:guid}"] = "worker",
        ["GET /Locality/MyPlan/{id:guid}"] = "worker",
        ["GET /Locality/Records/{id:guid}"] = "worker dataofficer",
        ["GET /Locality/Handover/{id:guid}"] = "worker",
        ["GET /Locality/NewPerson"] = "worker",
        ["GET /Locality/EditConversation/{id:guid}"] = "worker",
        ["GET /Locality/Picture"] = "worker analyst commissioner",
        ["GET /Locality/PictureRules"] = "admin analyst",
        ["GET /Measures"] = "study worker analyst commissioner",
        ["GET /Measures/Index"] = "study worker analyst commissioner",
        ["GET /Measures/Define"] = "study worker analyst",
        ["GET /Measures/Measure/{id:int}"] = "study worker analyst commissioner",
        ["GET /Measures/Experiment"] = "study worker analyst",
        ["GET /Measures/Population"] = "study worker analyst commissioner",
        ["GET /Measures/Report"] = "study worker analyst commissioner",
        ["GET /Economics"] = "analyst commissioner",
        ["GET /Economics/Index"] = "analyst commissioner",
        ["GET /Redesign"] = RedesignView,
        ["GET /Redesign/Index"] = RedesignView,
        ["GET /Redesign/Programme"] = "commissioner",
        ["GET /Redesign/Groups"] = RedesignView,
        ["GET /Redesign/Questions"] = RedesignView,
        ["GET /Redesign/Question/{id:guid}"] = RedesignView,
        ["GET /Redesign/Raise"] = RedesignWork,
        ["GET /Redesign/Edit/{id:guid}"] = RedesignWork,
        ["GET /Redesign/CostBenefit/{id:guid}"] = RedesignWork,
        ["GET /Redesign/Gateway/{id:guid}"] = "steering",
        ["GET /Redesign/Jigsaw"] = RedesignView,
        ["GET /Redesign/Resources"] = RedesignView,
        ["GET /Redesign/Money/{id:guid?}"] = "commissioner steering",
        ["GET /Redesign/ImportResources"] = "commissioner steering",
        ["GET /Redesign/Needs"] = RedesignView,
        ["GET /Redesign/Need/{id:guid}"] = RedesignView,
        ["GET /Redesign/NewNeed/{id:guid?}"] = RedesignWork,
        ["GET /Redesign/Pathway"] = RedesignView,
        ["GET /Redesign/Strategies"] = RedesignView,
        ["GET /Redesign/Strategy/{id:guid}"] = RedesignView,
        ["GET /Redesign/EditStrategy/{id:guid?}"] = "steering",
        ["GET /Redesign/Group/{id:int?}"] = "commissioner steering",
        ["GET /Redesign/Member/{group:int}/{id:int?}"] = "commissioner steering",
        ["GET /Redesign/Building/{id:guid?}"] = "commissioner steering",
        ["GET /Redesign/Gap/{id:int?}"] = "commissioner steering",
        ["GET /api/antiforgery"] = Everyone,
        ["GET /api/localities"] = Everyone,
        ["GET /api/agencies"] = Everyone,
        ["POST /api/agencies"] = "admin",
        ["GET /api/front-doors"] = Everyone,
        ["GET /api/unit-costs"] = Everyone,
        ["GET /api/people/{id:guid}"] = "worker dataofficer",
        ["GET /api/audit"] = "admin",
        ["GET /api/demand/studies"] = "study worker analyst commissioner",
        ["POST /api/demand/studies"] = "study",
        ["GET /api/demand/studies/{id:int}"] = "study worker analyst commissioner",
        ["GET /api/demand/studies/{id:int}/demands"] = "study",
        ["POST /api/demand/studies/{id:int}/demands"] = "study",
        ["GET /api/demand/studies/{id:int}/types"] = "study analyst commissioner",
        ["POST /api/demand/studies/{id:int}/types"] = "study",
        ["GET /api/demand/studies/{id:int}/analysis"] = "study analyst commissioner",
        ["PUT /api/demand/studies/{id:int}/demands/{demandId:guid}"] = "study",
        ["PUT /api/demand/studies/{id:int}/types/{typeId:int}"] = "study",
        ["POST /api/demand/studies/{id:int}/types/{typeId:int}/merge"] = "study",
        ["POST /api/demand/studies/{id:int}/types/{typeId:int}/split"] = "study",
        ["GET /api/demand/studies/{id:int}/types/{typeId:int}/history"] = "study analyst commissioner",
    };

    private readonly LocalFlowApp _app;
    private readonly Planted _planted;

    public RoleAccessTests(App app)
    {
        _app = app.Factory;
        _planted = app.Planted;
    }

    [Fact]
    public void EveryEndpoint_IsInTheTable()
    {
        var sources = _app.Services.GetRequiredService<IEnumerable<EndpointDataSource>>();
        var missing = new List<string>();
        foreach (var e in sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>())
        {
            var methods = e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            foreach (var m in methods.Where(m => m is "GET" or "POST" or "PUT" or "PATCH" or "DELETE"))
            {
                var pattern = "/" + (e.RoutePattern.RawText ?? "").TrimStart('/');
                var key = $"{m} {pattern}";
                if (m == "POST" && e.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.CompiledPageActionDescriptor>() is not null)
                {
                    continue; // page POST handlers share their page's policy, checked with GET
                }
                if (!Table.ContainsKey(key))
                {
                    missing.Add(key);
                }
            }
        }
        missing.Distinct().ShouldBeEmpty("every page and endpoint needs a row in RoleAccessTests.Table saying who may use it");
    }

    /// <summary>
    /// Every route with every role and no sign-in. On the PostgreSQL pass, only those let in: a refusal is decided by the
    /// same policies on either database (the SQLite pass tries every refusal), while an answered page runs its queries,
    /// which is what the second pass is for.
    /// </summary>
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var route in Table.Keys)
        {
            foreach (var user in DemoUsers.All.Append(Anonymous))
            {
                if (!LocalFlow.TestSupport.PostgresDatabases.WebTestsOnPostgres || IsLetIn(route, user))
                {
                    data.Add(route, user);
                }
            }
        }
        return data;
    }

    private static bool IsLetIn(string route, string user) => Table[route] == Anonymous || Table[route].Split(' ').Contains(user);

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Role_GetsIn_OnlyWhereTheTableSays(string route, string user)
    {
        var client = await _app.ClientAsync(user == Anonymous ? null : user);
        var parts = route.Split(' ', 2);
        var path = await ConcreteAsync(parts[1]);
        var request = new HttpRequestMessage(new HttpMethod(parts[0]), path);
        if (parts[0] is "POST" or "PUT")
        {
            // A real, valid request, so that "allowed" means the operation happens.
            if (user != Anonymous)
            {
                var tokenJson = await client.GetStringAsync("/api/antiforgery");
                var token = System.Text.Json.JsonDocument.Parse(tokenJson).RootElement.GetProperty("token").GetString()!;
                request.Headers.Add("RequestVerificationToken", token);
            }
            request.Content = System.Net.Http.Json.JsonContent.Create(await PostBodyAsync(parts[1]));
        }
        var response = await client.SendAsync(request);
        var allowed = IsLetIn(route, user);
        var isApi = path.StartsWith("/api", StringComparison.Ordinal);
        if (allowed)
        {
            // Allowed means authorization let the request through: the page then answers as it does
            // (the error pages answer 403/404 on purpose; sign-out by GET sends people home).
            var location = response.Headers.Location?.ToString() ?? "";
            response.StatusCode.ShouldNotBe(HttpStatusCode.Unauthorized, $"{user} should get into {route}");
            location.ShouldNotContain("/SignIn", Case.Sensitive, $"{user} should get into {route}");
            location.ShouldNotContain("/AccessDenied", Case.Sensitive, $"{user} should get into {route}");
            if (route is not ("GET /AccessDenied" or "GET /Error/{code:int?}"))
            {
                ((int)response.StatusCode).ShouldBeLessThan(400, $"{user} should get into {route}");
            }
        }
        else if (user == Anonymous)
        {
            if (isApi)
            {
                response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            }
            else
            {
                response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
                response.Headers.Location!.ToString().ShouldContain("/SignIn");
            }
        }
        else if (isApi)
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, $"{user} should be refused {route}");
        }
        else
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"{user} should be refused {route}");
            response.Headers.Location!.ToString().ShouldContain("/AccessDenied");
        }
    }

    /// <summary>A valid body for each POST endpoint, so that "allowed" means the operation happens.</summary>
    private async Task<object> PostBodyAsync(string pattern)
    {
        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LocalFlow.Data.LocalFlowDb>();
        var study = db.DemandStudies.OrderBy(s => s.Id).FirstOrDefault();
        var door = study is null ? 0 : db.DemandStudyFrontDoors.Where(f => f.StudyId == study.Id).Select(f => f.FrontDoorId).First();
        var firstType = study is null ? 0 : db.DemandTypes.Where(t => t.StudyId == study.Id).OrderBy(t => t.Id).Select(t => t.Id).First();
        var firstDemand = study is null ? null : db.Demands.Where(d => d.StudyId == study.Id).OrderBy(d => d.ReceivedAt).First();
        return pattern switch
        {
            "/api/demand/studies/{id:int}/demands/{demandId:guid}" => new
            {
                version = firstDemand!.Version,
                reason = "Role access test: the caller misheard the street",
                demand = new { frontDoorId = firstDemand.FrontDoorId, verbatim = firstDemand.Verbatim, nature = firstDemand.Nature.ToString(), failureKind = firstDemand.FailureKind?.ToString(), typeId = firstDemand.TypeId, outcome = firstDemand.Outcome.ToString(), receivedAt = firstDemand.ReceivedAt },
            },
            "/api/demand/studies/{id:int}/types/{typeId:int}" => new { name = $"Renamed test type {Guid.NewGuid():N}", description = "Renamed by the role access test" },
            "/api/demand/studies/{id:int}/types/{typeId:int}/merge" => new { intoTypeId = firstType },
            "/api/demand/studies/{id:int}/types/{typeId:int}/split" => new { name = $"Split test type {Guid.NewGuid():N}", demandIds = new[] { db.Demands.Where(d => d.TypeId == firstType).Select(d => d.Id).First() } },
            "/api/demand/studies" => new { service = $"Test study {Guid.NewGuid():N}", kind = "Transactional", purpose = "Sort it out first time", startsOn = "2026-11-23", frontDoorIds = new[] { door } },
            "/api/demand/studies/{id:int}/demands" => new { frontDoorId = door, verbatim = "Role access test demand", nature = "Value", outcome = "ResolvedThere" },
            "/api/demand/studies/{id:int}/types" => new { name = $"Test type {Guid.NewGuid():N}", nature = "Value" },
            _ => new { name = $"Test agency {Guid.NewGuid():N}", shortName = "Test", kind = "Charity" },
        };
    }

    /// <summary>Demand routes filled in from the demo's finished study.</summary>
    private static string DemandExample(LocalFlow.Data.LocalFlowDb db, string pattern)
    {
        var study = db.DemandStudies.OrderBy(s => s.Id).First();
        var demand = db.Demands.Where(d => d.StudyId == study.Id).OrderBy(d => d.ReceivedAt).First();
        var type = db.DemandTypes.Where(t => t.StudyId == study.Id).OrderBy(t => t.Id).First();
        return pattern
            .Replace("{id:int}", study.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{studyId:int}", study.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{demandId:guid}", demand.Id.ToString(), StringComparison.Ordinal)
            .Replace("{typeId:int}", type.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }
    /// <summary>A new, empty type in the demo's first study.</summary>
    private static async Task<int> ThrowawayTypeAsync(LocalFlow.Data.LocalFlowDb db)
    {
        var type = new LocalFlow.Data.Entities.DemandType { StudyId = db.DemandStudies.Min(s => s.Id), Name = $"Role test type {Guid.NewGuid():N}", Nature = LocalFlow.Data.Entities.DemandNature.Value, CreatedAt = DateTime.UtcNow };
        db.DemandTypes.Add(type);
        await db.SaveChangesAsync();
        return type.Id;
    }

    /// <summary>Ruth: a demo person with flow records who is never restricted.</summary>
    private static Guid UnrestrictedPerson(LocalFlow.Data.LocalFlowDb db)
        => db.People.Where(p => !p.Restricted && (p.Household == null || !p.Household.Restricted)).OrderBy(p => p.FamilyName).First().Id;

    private static Guid FlowPerson(LocalFlow.Data.LocalFlowDb db)
        => LocalFlow.Data.Flow.FlowQueries.CaseHistoriesAsync(db).GetAwaiter().GetResult().First().PersonId;

    /// <summary>A demand of the demo's first study handed to the locality team.</summary>
    private static async Task<Guid> HandoverAsync(LocalFlow.Data.LocalFlowDb db)
    {
        var demand = db.Demands.Where(d => d.StudyId == db.DemandStudies.Min(s => s.Id)).OrderBy(d => d.ReceivedAt).First();
        return (await new LocalFlow.Data.LocalityWork.Handovers(db).HandOverAsync(demand, "Role test")).Id;
    }

    /// <summary>A stored import (of no records) to show and offer to undo.</summary>
    private static async Task<Guid> FlowImportAsync(LocalFlow.Data.LocalFlowDb db)
    {
        var import = db.FlowImports.Where(i => i.LocalityId == db.Localities.Min(l => l.Id)).OrderBy(i => i.ImportedUtc).FirstOrDefault();
        if (import is null)
        {
            import = new LocalFlow.Data.Entities.FlowImport { LocalityId = db.Localities.OrderBy(l => l.Id).First().Id, FileName = "role-access.csv", SourceSystem = "Test", ImportedBy = "dataofficer", ImportedUtc = DateTime.UtcNow };
            db.FlowImports.Add(import);
            await db.SaveChangesAsync();
        }
        return import.Id;
    }

    private async Task<string> ConcreteAsync(string pattern)
    {
        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LocalFlow.Data.LocalFlowDb>();
        return pattern switch
        {
            "/Error/{code:int?}" => "/Error/404",
            "/Redesign/Money/{id:guid?}" => "/Redesign/Money",
            "/Redesign/EditStrategy/{id:guid?}" => "/Redesign/EditStrategy",
            "/Redesign/Group/{id:int?}" => "/Redesign/Group",
            "/Redesign/Building/{id:guid?}" => "/Redesign/Building",
            "/Redesign/Gap/{id:int?}" => "/Redesign/Gap",
            "/Redesign/NewNeed/{id:guid?}" => "/Redesign/NewNeed",
            "/Redesign/Member/{group:int}/{id:int?}" => $"/Redesign/Member/{db.CommissioningGroups.Where(g => g.LocalityId == db.Localities.Min(l => l.Id)).Min(g => g.Id)}",
            "/Redesign/Strategy/{id:guid}" => $"/Redesign/Strategy/{db.CommissioningStrategies.Where(s => s.LocalityId == db.Localities.Min(l => l.Id)).OrderBy(s => s.Title).Select(s => s.Id).First()}",
            "/Redesign/Need/{id:guid}" => $"/Redesign/Need/{db.Needs.Where(n => n.LocalityId == db.Localities.Min(l => l.Id)).OrderBy(n => n.Title).Select(n => n.Id).First()}",
            "/Help/{topic}" => "/Help/flow",
            "/Language" => "/Language?to=cy&returnUrl=%2F",
            "/api/openapi/{documentName}.json" => "/api/openapi/v1.json",
            "/Admin/Agency/{id:int}" => $"/Admin/Agency/{db.Agencies.OrderBy(a => a.Id).First().Id}",
            "/Admin/UnitCost/{id:int}" => $"/Admin/UnitCost/{db.UnitCosts.OrderBy(a => a.Id).First().Id}",
            "/Admin/User/{id:int}" => $"/Admin/User/{db.Users.OrderBy(a => a.Id).First().Id}",
            "/Linking/Run/{id:int}" => $"/Linking/Run/{db.LinkRuns.OrderBy(r => r.Id).First().Id}",
            "/Linking/Pair/{id:guid}" => $"/Linking/Pair/{await Support.LinkingData.AnyReviewAsync(db)}",
            "/Linking/Person/{id:guid}" => $"/Linking/Person/{FlowPerson(db)}",
            "/Linking/Demand/{id:guid}" => $"/Linking/Demand/{db.Demands.Where(d => d.StudyId == db.DemandStudies.Min(s => s.Id)).OrderBy(d => d.ReceivedAt).ThenBy(d => d.Id).First().Id}",
            "/Locality/Person/{id:guid}" or "/Locality/Conversation/{id:guid}" or "/Locality/Action/{id:guid}" or "/Locality/Person/{id:guid}/SubjectAccess"
                or "/Locality/Person/{id:guid}/Consent"
                => pattern.Replace("{id:guid}", db.People.Where(p => !p.Restricted && (p.Household == null || !p.Household.Restricted)).OrderBy(p => p.FamilyName).First().Id.ToString(), StringComparison.Ordinal),
            "/Locality/Statements/{id:guid}" => $"/Locality/Statements/{UnrestrictedPerson(db)}",
            "/Locality/MyPlan/{id:guid}" => $"/Locality/MyPlan/{UnrestrictedPerson(db)}",
            "/Locality/Records/{id:guid}" => $"/Locality/Records/{FlowPerson(db)}",
            "/Locality/Handover/{id:guid}" => $"/Locality/Handover/{await HandoverAsync(db)}",
            "/Locality/EditConversation/{id:guid}" => $"/Locality/EditConversation/{db.GoodLifeConversations.Where(c => !db.People.Any(p => p.Id == c.PersonId && (p.Restricted || (p.Household != null && p.Household.Restricted)))).OrderBy(c => c.Id).Select(c => c.Id).First()}",
            "/api/people/{id:guid}" => $"/api/people/{db.People.OrderBy(p => p.FamilyName).First().Id}",
            // Renaming and merging work on a type made for the purpose, so that the demo's own types stay as they are.
            "/api/demand/studies/{id:int}/types/{typeId:int}" or "/api/demand/studies/{id:int}/types/{typeId:int}/merge"
                => DemandExample(db, pattern).Replace($"/types/{db.DemandTypes.Where(t => t.StudyId == db.DemandStudies.Min(s => s.Id)).Min(t => t.Id)}", $"/types/{await ThrowawayTypeAsync(db)}", StringComparison.Ordinal),
            _ when pattern.StartsWith("/Demand/", StringComparison.Ordinal) || pattern.StartsWith("/api/demand/", StringComparison.Ordinal) => DemandExample(db, pattern),
            "/Flow/Person/{id:guid}" => $"/Flow/Person/{FlowPerson(db)}",
            "/Flow/Judge/{id:guid}" => $"/Flow/Judge/{FlowPerson(db)}",
            "/Measures/Measure/{id:int}" => $"/Measures/Measure/{db.SavedMeasures.OrderBy(m => m.Id).First().Id}",
            "/Measures/Experiment" => $"/Measures/Experiment?measure={db.SavedMeasures.OrderBy(m => m.Id).First().Id}",
            "/Flow/Record/{id:guid}" => $"/Flow/Record/{db.ActivityRecords.Where(r => r.PersonId == FlowPerson(db)).OrderBy(r => r.StartUtc).First().Id}",
            "/Flow/ImportProgress/{id:guid}" => $"/Flow/ImportProgress/{await FlowImportAsync(db)}",
            "/Flow/Undo/{id:guid}" => $"/Flow/Undo/{await FlowImportAsync(db)}",
            "/api/flow/people/{id:guid}/records" => $"/api/flow/people/{FlowPerson(db)}/records",
            "/api/flow/people/{id:guid}/summary" => $"/api/flow/people/{FlowPerson(db)}/summary",
            _ when pattern.StartsWith("/Conditions/", StringComparison.Ordinal) || pattern.StartsWith("/api/conditions/", StringComparison.Ordinal)
                => pattern.Replace("{id:guid}", db.SystemConditions.OrderBy(c => c.Title).First().Id.ToString(), StringComparison.Ordinal),
            _ when pattern.StartsWith("/Redesign/", StringComparison.Ordinal)
                => pattern.Replace("{id:guid}", db.CommissioningQuestions.Where(q => !q.Title.StartsWith(OtherFamily) && q.Status == LocalFlow.Analytics.Redesign.QuestionStatus.Open && q.Stage != LocalFlow.Analytics.Redesign.QuestionStage.Approved).OrderBy(q => q.Number).First().Id.ToString(), StringComparison.Ordinal),
            _ when pattern.Contains('{', StringComparison.Ordinal) => throw new InvalidOperationException($"Add a concrete example for {pattern} in RoleAccessTests.ConcreteAsync"),
            _ => pattern,
        };
    }
}
