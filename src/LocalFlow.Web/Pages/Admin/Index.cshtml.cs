using LocalFlow.Data;
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
            ("/Admin/Locality", "Localities", $"{await db.Localities.CountAsync()} localities, {await db.Streets.CountAsync()} streets", "Name, streets and postcodes"),
            ("/Admin/Agencies", "Agencies and teams", $"{await db.Agencies.CountAsync()} agencies, {await db.Teams.CountAsync()} teams", "Council, police, NHS, GP, housing, fire, charities..."),
            ("/Admin/Workers", "Workers", $"{await db.Workers.CountAsync()} workers", "Staff and volunteers who appear in records"),
            ("/Admin/FrontDoors", "Front doors", $"{await db.FrontDoors.CountAsync()} front doors", "Where demand comes in"),
            ("/Admin/UnitCosts", "Unit costs", $"{await db.UnitCosts.CountAsync()} unit costs", "What an activity costs an agency, with its source"),
            ("/Admin/PriceIndex", "Price index", $"{await db.PriceIndex.CountAsync()} years", "Restates costs at a chosen price year"),
            ("/Admin/Users", "Sign-ins", $"{await db.Users.CountAsync()} accounts", "Roles, localities, agencies and teams"),
            ("/Admin/Security", "Security", LocalFlow.Analytics.Plural.Of(await db.AccessGrants.CountAsync(g => g.Decision == LocalFlow.Data.Entities.GrantDecision.Pending), "grant") + " waiting", "Access to people's records waiting for a second administrator"),
            ("/Admin/Audit", "Audit trail", $"{await db.AuditEvents.CountAsync()} entries", "Every read and change of personal data"),
            ("/Admin/Sharing", "Data sharing agreements", LocalFlow.Analytics.Plural.Of(await db.SharingAgreements.CountAsync(), "agreement", "agreements"), "Which agencies share which records, for what and on which lawful basis"),
            ("/Admin/Retention", "Retention", LocalFlow.Analytics.Plural.Of(await db.RetentionRules.CountAsync(), "rule", "rules"), "How long each kind of record is kept, which holds back erasure"),
        ];
    }
}
