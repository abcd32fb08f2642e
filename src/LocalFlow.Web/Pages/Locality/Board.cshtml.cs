using LocalFlow.Data;
using LocalFlow.Data.Audit;
using LocalFlow.Data.LocalityWork;
using LocalFlow.Web.Infrastructure;
using LocalFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalFlow.Web.Pages.Locality;

/// <summary>
/// The team's own board, for the wall (it prints on A3): who the team works with, what matters to each and what happens
/// next; who is waiting and who needs a visit; continuity of worker; the team's capacity; its purpose and principles.
/// </summary>
[Authorize(Policy = Policies.LocalityWork)]
public sealed class BoardModel(LocalFlowDb db, CurrentUser current, TimeProvider clock) : PageModel
{
    public TeamBoard.Board Board { get; private set; } = new(null, [], [], 0);

    public DateOnly Today => DateOnly.FromDateTime(Gov.ToLondon(clock.GetUtcNow().UtcDateTime));

    public IEnumerable<TeamBoard.Row> Waiting => Board.Rows.Where(r => r.Waiting);

    public IEnumerable<TeamBoard.Row> NeedVisit => Board.Rows.Where(r => r.NeedsVisit(Today));

    public async Task OnGetAsync()
    {
        if (current.LocalityId is not int locality)
        {
            return;
        }
        Board = await TeamBoard.ForAsync(db, await current.ViewerAsync(db), locality, Today);
        if (Board.Rows.Count > 0)
        {
            await AuditTrail.ReadAsync(db, AuditEventType.PersonalDataListed, "Person", null, locality, $"Team board: {Board.Rows.Count} households shown");
        }
    }
}
