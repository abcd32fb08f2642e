using LocalFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalFlow.Web.Pages.Flow;

/// <summary>The Flow study capability's landing page (not built yet: says so honestly).</summary>
[Authorize(Policy = Policies.FlowAnalyse)]
public sealed class IndexModel : PageModel
{
    public string Summary => Pages.IndexModel.All.First(c => c.Href == "/Flow").Summary;

    public void OnGet()
    {
    }
}
