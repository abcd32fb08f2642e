using LocalFlow.Data;
using LocalFlow.Web.Security;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Web.Pages;

/// <summary>The home page: what LocalFlow is, and a way into each capability (honest about what is not built yet).</summary>
public sealed class IndexModel(LocalFlowDb db) : PageModel
{
    public sealed record Capability(string Name, string Summary, string Href, string Policy, bool Built, bool CanOpen);

    public bool SignedIn { get; private set; }
    public string? DisplayName { get; private set; }
    public Data.Entities.Locality? Locality { get; private set; }
    public int Households { get; private set; }
    public int Agencies { get; private set; }
    public int Teams { get; private set; }
    public int FrontDoors { get; private set; }
    public IReadOnlyList<Capability> Capabilities { get; private set; } = [];

    /// <summary>
    /// The capabilities and whether each is built yet. Later releases flip <c>Built</c>. Each one's name and summary
    /// are in HomeText.resx under its key ("DemandName", "DemandSummary"…).
    /// </summary>
    public static readonly (string Key, string Href, string Policy, bool Built)[] All =
    [
        ("Demand", "/Demand", Policies.DemandBoard, CapabilityStatus.Demand),
        ("Flow", "/Flow", Policies.FlowAnalyse, CapabilityStatus.Flow),
        ("Linking", "/Linking", Policies.LinkingManage, CapabilityStatus.Linking),
        ("Locality", "/Locality", Policies.PeopleRead, CapabilityStatus.Locality),
        ("Measures", "/Measures", Policies.MeasuresView, CapabilityStatus.Measures),
        ("Economics", "/Economics", Policies.EconomicsView, CapabilityStatus.Economics),
        ("Redesign", "/Redesign", Policies.RedesignView, CapabilityStatus.Redesign),
        ("Admin", "/Admin", Policies.AdminManage, true),
    ];

    /// <summary>A capability's summary, in the request's language.</summary>
    public static string SummaryOf(string key) => Resources.HomeText.Get(key + "Summary");

    public async Task OnGetAsync()
    {
        SignedIn = User.Identity?.IsAuthenticated == true;
        DisplayName = User.FindFirst(LocalFlowClaims.DisplayName)?.Value;
        Capabilities = All.Select(c => new Capability(Resources.HomeText.Get(c.Key + "Name"), SummaryOf(c.Key), c.Href, c.Policy, c.Built, Policies.Allows(User, c.Policy))).ToList();
        // Counts only: no personal data is shown on the home page.
        Locality = await db.Localities.OrderBy(l => l.Id).FirstOrDefaultAsync();
        if (Locality is not null)
        {
            Households = await db.Households.CountAsync(h => h.LocalityId == Locality.Id);
            FrontDoors = await db.FrontDoors.CountAsync(f => f.LocalityId == Locality.Id);
        }
        Agencies = await db.Agencies.CountAsync();
        Teams = await db.Teams.CountAsync();
    }
}

/// <summary>Which capabilities are built. Each capability's release sets its flag.</summary>
public static class CapabilityStatus
{
    public const bool Demand = true;
    public const bool Flow = true;
    public const bool Linking = true;
    public const bool Locality = true;
    public const bool Measures = true;
    public const bool Economics = true;
    public const bool Redesign = true;
}
