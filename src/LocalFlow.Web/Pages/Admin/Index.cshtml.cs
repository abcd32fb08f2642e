using LocalFlow.Data;
using LocalFlow.Web.Resources;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Web.Pages.Admin;

public sealed class IndexModel(LocalFlowDb db) : PageModel
{
    public IReadOnlyList<(string Href, string Name, string Count, string What)> Sections { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Sections =
        [
            ("/Admin/Locality", AdminText.Localities, Text.Format(AdminText.LocalitiesCount, await db.Localities.CountAsync(), await db.Streets.CountAsync()), AdminText.LocalitiesWhat),
            ("/Admin/Agencies", AdminText.Agencies, Text.Format(AdminText.AgenciesCount, await db.Agencies.CountAsync(), await db.Teams.CountAsync()), AdminText.AgenciesWhat),
            ("/Admin/Workers", AdminText.Workers, Text.Format(AdminText.WorkersCount, await db.Workers.CountAsync()), AdminText.WorkersWhat),
            ("/Admin/FrontDoors", AdminText.FrontDoors, Text.Format(AdminText.FrontDoorsCount, await db.FrontDoors.CountAsync()), AdminText.FrontDoorsWhat),
            ("/Admin/UnitCosts", AdminText.UnitCosts, Text.Format(AdminText.UnitCostsCount, await db.UnitCosts.CountAsync()), AdminText.UnitCostsWhat),
            ("/Admin/PriceIndex", AdminText.PriceIndex, Text.Format(AdminText.PriceIndexCount, await db.PriceIndex.CountAsync()), AdminText.PriceIndexWhat),
            ("/Admin/Users", AdminText.SignIns, Text.Format(AdminText.SignInsCount, await db.Users.CountAsync()), AdminText.SignInsWhat),
            ("/Admin/Security", AdminText.Security, Text.Count(await db.AccessGrants.CountAsync(g => g.Decision == LocalFlow.Data.Entities.GrantDecision.Pending), AdminText.GrantsWaitingOne, AdminText.GrantsWaitingMany), AdminText.SecurityWhat),
            ("/Admin/Audit", AdminText.AuditTrail, Text.Format(AdminText.AuditCount, await db.AuditEvents.CountAsync()), AdminText.AuditWhat),
            ("/Admin/Sharing", AdminText.Sharing, Text.Count(await db.SharingAgreements.CountAsync(), AdminText.AgreementsOne, AdminText.AgreementsMany), AdminText.SharingWhat),
            ("/Admin/Retention", AdminText.Retention, Text.Count(await db.RetentionRules.CountAsync(), AdminText.RulesOne, AdminText.RulesMany), AdminText.RetentionWhat),
        ];
    }
}
