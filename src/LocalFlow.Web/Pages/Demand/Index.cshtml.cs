using LocalFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalFlow.Web.Pages.Demand;

/// <summary>The Demand study capability's landing page (not built yet: says so honestly).</summary>
[Authorize(Policy = Policies.DemandBoard)]
public sealed class IndexModel : PageModel
{
    public string Summary => Pages.IndexModel.All.First(c => c.Href == "/Demand").Summary;

    public void OnGet()
    {
    }
}
