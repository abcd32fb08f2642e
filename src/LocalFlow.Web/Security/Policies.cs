using LocalFlow.Data.Entities;
using Microsoft.AspNetCore.Authorization;

namespace LocalFlow.Web.Security;

/// <summary>
/// Every operation a page or endpoint performs, and the roles allowed to perform it. Deny by default:
/// a page or endpoint that names no policy is refused to everyone (see Program.cs), and a test tries
/// every role against every page and endpoint.
/// </summary>
public static class Policies
{
    public const string SignedIn = "signed-in";

    public const string AdminManage = "admin.manage";
    public const string AdminAudit = "admin.audit";

    public const string PeopleRead = "people.read";
    /// <summary>Subject access: gather everything held about one person (the data officer, who answers such requests).</summary>
    public const string PeopleSubjectAccess = "people.subject-access";

    public const string DemandStudy = "demand.study";
    public const string DemandAnalyse = "demand.analyse";
    public const string DemandBoard = "demand.board";

    public const string FlowStudy = "flow.study";
    public const string FlowAnalyse = "flow.analyse";
    public const string FlowImport = "flow.import";
    /// <summary>Judging records as helping the person or serving the system (the study team).</summary>
    public const string FlowJudge = "flow.judge";

    public const string LinkingManage = "linking.manage";

    /// <summary>Read system conditions and their reach: whoever reads the flow study or the demand analysis.</summary>
    public const string ConditionsRead = "conditions.read";
    /// <summary>Record, change and delete system conditions and link their evidence: the study team.</summary>
    public const string ConditionsEdit = "conditions.edit";

    public const string LocalityWork = "locality.work";
    public const string MeasuresView = "measures.view";
    /// <summary>Define and change purpose measures and record experiments on them: those who study and do the work and the analysts who help them; commissioners read (docs/measures.md, "Who may define a measure").</summary>
    public const string MeasuresDefine = "measures.define";
    public const string EconomicsView = "economics.view";
    /// <summary>The locality picture and tiers: the locality team, analysts and commissioners (small numbers withheld beyond the team).</summary>
    public const string LocalityPicture = "locality.picture";
    /// <summary>Changing the picture's flag rules and tier rule.</summary>
    public const string LocalityPictureRules = "locality.picture.rules";
    /// <summary>Read the redesign programme and its evidence in aggregate: commissioners, the steering group, citizen members, the study team and analysts.</summary>
    public const string RedesignView = "redesign.view";
    /// <summary>Raise and work on commissioning questions and answer the change jigsaw: group members of equal standing, staff and citizens alike.</summary>
    public const string RedesignWork = "redesign.work";
    /// <summary>Take gateway decisions: the steering group.</summary>
    public const string RedesignDecide = "redesign.decide";
    /// <summary>Edit the vision and principles: commissioners.</summary>
    public const string RedesignManage = "redesign.manage";
    /// <summary>Change the resource database (money, buildings) and import it: the commissioners and the steering group.</summary>
    public const string RedesignResources = "redesign.resources";
    /// <summary>Add and change commissioning groups and their members: the steering group and commissioners; citizen members read.</summary>
    public const string RedesignGroups = "redesign.groups";

    /// <summary>The roles allowed each operation. Administrators manage the system but do not see case data unless they also hold a case role.</summary>
    public static readonly IReadOnlyDictionary<string, Roles> Allowed = new Dictionary<string, Roles>
    {
        [SignedIn] = Roles.Administrator | Roles.StudyTeam | Roles.LocalityWorker | Roles.Analyst | Roles.Commissioner | Roles.DataOfficer | Roles.Citizen | Roles.Steering,
        [AdminManage] = Roles.Administrator,
        [AdminAudit] = Roles.Administrator,
        [PeopleRead] = Roles.LocalityWorker | Roles.DataOfficer,
        [PeopleSubjectAccess] = Roles.DataOfficer,
        [DemandStudy] = Roles.StudyTeam,
        [DemandAnalyse] = Roles.StudyTeam | Roles.Analyst | Roles.Commissioner,
        [DemandBoard] = Roles.StudyTeam | Roles.LocalityWorker | Roles.Analyst | Roles.Commissioner,
        [FlowStudy] = Roles.StudyTeam | Roles.DataOfficer,
        [FlowAnalyse] = Roles.StudyTeam | Roles.Analyst | Roles.Commissioner | Roles.DataOfficer,
        [FlowImport] = Roles.StudyTeam | Roles.DataOfficer,
        [FlowJudge] = Roles.StudyTeam,
        [LinkingManage] = Roles.DataOfficer,
        [ConditionsRead] = Roles.StudyTeam | Roles.Analyst | Roles.Commissioner | Roles.DataOfficer,
        [ConditionsEdit] = Roles.StudyTeam,
        [LocalityWork] = Roles.LocalityWorker,
        [MeasuresView] = Roles.StudyTeam | Roles.LocalityWorker | Roles.Analyst | Roles.Commissioner,
        [MeasuresDefine] = Roles.StudyTeam | Roles.LocalityWorker | Roles.Analyst,
        [EconomicsView] = Roles.Analyst | Roles.Commissioner,
        [LocalityPicture] = Roles.LocalityWorker | Roles.Analyst | Roles.Commissioner,
        [LocalityPictureRules] = Roles.Administrator | Roles.Analyst,
        [RedesignView] = Roles.Commissioner | Roles.Steering | Roles.Citizen | Roles.StudyTeam | Roles.Analyst,
        [RedesignWork] = Roles.Commissioner | Roles.Steering | Roles.Citizen | Roles.StudyTeam,
        [RedesignDecide] = Roles.Steering,
        [RedesignManage] = Roles.Commissioner,
        [RedesignResources] = Roles.Commissioner | Roles.Steering,
        [RedesignGroups] = Roles.Steering | Roles.Commissioner,
    };

    /// <summary>
    /// The roles that open people's records (people pages, person timelines): granting one of them, or a locality to
    /// someone who holds one, waits for a second administrator (<see cref="LocalFlow.Data.AccessGrants"/>).
    /// </summary>
    public static Roles PeopleRoles => Allowed[PeopleRead] | Allowed[FlowStudy];

    public const string DenyAll = "deny-all";

    public static void Register(AuthorizationOptions options)
    {
        foreach (var (name, roles) in Allowed)
        {
            var names = Enum.GetValues<Roles>().Where(r => r != Roles.None && roles.HasFlag(r)).Select(r => r.ToString()).ToArray();
            options.AddPolicy(name, p => p.RequireAuthenticatedUser().RequireRole(names));
        }
        // Any endpoint that does not name a policy (or [AllowAnonymous]) is refused. A request that matched
        // no endpoint at all falls through to the helpful 404 page.
        options.AddPolicy(DenyAll, p => p.RequireAssertion(ctx => ctx.Resource is HttpContext http && http.GetEndpoint() is null));
        options.FallbackPolicy = options.GetPolicy(DenyAll);
    }

    /// <summary>True when the user holds a role allowed the operation (for showing or hiding links).</summary>
    public static bool Allows(System.Security.Claims.ClaimsPrincipal user, string policy)
        => user.Identity?.IsAuthenticated == true
           && Allowed.TryGetValue(policy, out var roles)
           && Enum.GetValues<Roles>().Any(r => r != Roles.None && roles.HasFlag(r) && user.IsInRole(r.ToString()));
}
