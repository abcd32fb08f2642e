using System.Globalization;
using System.Security.Claims;
using LocalFlow.Data.Audit;

namespace LocalFlow.Web.Security;

/// <summary>Claim names LocalFlow adds at sign-in.</summary>
public static class LocalFlowClaims
{
    public const string Locality = "localflow:locality";
    public const string Agency = "localflow:agency";
    public const string Team = "localflow:team";
    public const string MustChangePassword = "localflow:must-change-password";
    public const string DisplayName = "localflow:display-name";
    public const string MaySeeRestricted = "localflow:may-see-restricted";
    public const string Worker = "localflow:worker";
    /// <summary>The user's security stamp when the session began (<see cref="Sessions"/>).</summary>
    public const string SecurityStamp = "localflow:stamp";
}

/// <summary>The signed-in user as the pages need them: id, localities and memberships.</summary>
public sealed class CurrentUser(IHttpContextAccessor accessor) : IAuditActor
{
    private ClaimsPrincipal Principal => accessor.HttpContext?.User ?? new ClaimsPrincipal();

    public int? UserId => int.TryParse(Principal.FindFirstValue(ClaimTypes.NameIdentifier), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    public string UserName => Principal.Identity?.Name ?? "anonymous";

    public string Source
    {
        get
        {
            var request = accessor.HttpContext?.Request;
            return request is null ? "web" : $"{request.Method} {request.Path}";
        }
    }

    /// <summary>The localities whose personal data the user may see.</summary>
    public IReadOnlyList<int> LocalityIds => Principal.FindAll(LocalFlowClaims.Locality)
        .Select(c => int.Parse(c.Value, CultureInfo.InvariantCulture)).ToList();

    /// <summary>The cookie that remembers, for the browser session, which of their localities the user is looking at.</summary>
    public const string ChosenLocalityCookie = "localflow-locality";

    private int? _localityId;
    private bool _localityResolved;

    /// <summary>
    /// The locality the user is looking at: the one they chose (<see cref="ChosenLocalityCookie"/>) when it is still one
    /// of their own, else the first they belong to; null when none. Checked against the sign-in's localities on every
    /// request, so a forged or out-of-date choice is ignored, never trusted.
    /// </summary>
    public int? LocalityId
    {
        get
        {
            if (!_localityResolved)
            {
                _localityId = ResolveLocality();
                _localityResolved = true;
            }
            return _localityId;
        }
    }

    /// <summary>Whether the user belongs to more than one locality, and so may choose which to look at.</summary>
    public bool MayChooseLocality => LocalityIds.Count > 1;

    private int? ResolveLocality()
    {
        var own = LocalityIds;
        if (own.Count == 0)
        {
            return null;
        }
        var chosen = accessor.HttpContext?.Request.Cookies[ChosenLocalityCookie];
        return int.TryParse(chosen, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && own.Contains(id) ? id : own[0];
    }

    public IReadOnlyList<int> AgencyIds => Principal.FindAll(LocalFlowClaims.Agency)
        .Select(c => int.Parse(c.Value, CultureInfo.InvariantCulture)).ToList();

    public IReadOnlyList<int> TeamIds => Principal.FindAll(LocalFlowClaims.Team)
        .Select(c => int.Parse(c.Value, CultureInfo.InvariantCulture)).ToList();

    public bool IsInRole(LocalFlow.Data.Entities.Roles role) => Principal.IsInRole(role.ToString());

    /// <summary>Explicitly allowed to see restricted records (address and whereabouts of people at risk).</summary>
    public bool MaySeeRestricted => Principal.HasClaim(LocalFlowClaims.MaySeeRestricted, "true");

    /// <summary>
    /// The worker this user is (linked at sign-in), so that being named on a restricted person counts without a query
    /// on every view; null when the user is no worker.
    /// </summary>
    public int? WorkerId => int.TryParse(Principal.FindFirstValue(LocalFlowClaims.Worker), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    /// <summary>The roles the user holds (from the sign-in's claims).</summary>
    public LocalFlow.Data.Entities.Roles Roles => Enum.GetValues<LocalFlow.Data.Entities.Roles>()
        .Where(r => r != LocalFlow.Data.Entities.Roles.None && Principal.IsInRole(r.ToString()))
        .Aggregate(LocalFlow.Data.Entities.Roles.None, (all, r) => all | r);

    /// <summary>
    /// The user as the one visibility rule (<see cref="LocalFlow.Data.LocalityWork.Visibility"/>) sees them: their
    /// localities, restricted access, worker, agencies and the purposes their roles read other agencies' records for.
    /// </summary>
    public LocalFlow.Data.LocalityWork.Viewer Viewer => new(LocalityIds, MaySeeRestricted, WorkerId)
    {
        AgencyIds = AgencyIds,
        Purposes = LocalFlow.Data.Trust.Sharing.PurposesOf(Roles),
    };
}
