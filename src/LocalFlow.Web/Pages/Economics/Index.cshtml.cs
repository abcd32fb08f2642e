using LocalFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalFlow.Web.Pages.Economics;

/// <summary>The Locality picture and economics capability's landing page (not built yet: says so honestly).</summary>
[Authorize(Policy = Policies.EconomicsView)]
public sealed class IndexModel : PageModel
{
    public string Summary => Pages.IndexModel.All.First(c => c.Href == "/Economics").Summary;

    public void OnGet()
    {
    }
}
