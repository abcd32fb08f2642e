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

    /// <summary>The capabilities and whether each is built yet. Later releases flip <c>Built</c>.</summary>
    public static readonly (string Name, string Summary, string Href, string Policy, bool Built)[] All =
    [
        ("Demand study", "Listen to demand at the front doors in the person's own words; see value and failure demand, the types that emerge and how predictable demand has become.", "/Demand", Policies.DemandBoard, CapabilityStatus.Demand),
        ("Flow study", "Follow each person's demands through every agency's records: interactions, assessments, referrals, assess–do–refer cycles, re-entries and cost.", "/Flow", Policies.FlowAnalyse, CapabilityStatus.Flow),
        ("Linking records", "Find the same person and household in many agencies' systems, with explanations and a review queue.", "/Linking", Policies.LinkingManage, CapabilityStatus.Linking),
        ("Locality working", "Casework for \"help me\" demand: one key worker, what matters in the person's words, strengths, and the few actions that help.", "/Locality", Policies.PeopleRead, CapabilityStatus.Locality),
        ("Measures", "Capability charts for any measure, with phases before and after a change, never targets. Purpose measures from the person's point of view come in a later release.", "/Measures", Policies.MeasuresView, CapabilityStatus.Measures),
        ("Economics", "What the households a locality team took on cost each agency before and after, by quarter, with a glide path and an extrapolation whose assumptions you can change.", "/Economics", Policies.EconomicsView, CapabilityStatus.Economics),
        ("Redesign programme", "Resources, needs, pathways and commissioning questions taken through gateway decisions (Outcomes & Efficiency).", "/Redesign", Policies.RedesignManage, CapabilityStatus.Redesign),
        ("Administration", "The locality, agencies, teams, workers, front doors, unit costs, sign-ins and the audit trail.", "/Admin", Policies.AdminManage, true),
    ];

    public async Task OnGetAsync()
    {
        SignedIn = User.Identity?.IsAuthenticated == true;
        DisplayName = User.FindFirst(LocalFlowClaims.DisplayName)?.Value;
        Capabilities = All.Select(c => new Capability(c.Name, c.Summary, c.Href, c.Policy, c.Built, Policies.Allows(User, c.Policy))).ToList();
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
    public const bool Redesign = false;
}
