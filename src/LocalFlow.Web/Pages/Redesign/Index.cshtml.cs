using LocalFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalFlow.Web.Pages.Redesign;

/// <summary>The Redesign programme capability's landing page (not built yet: says so honestly).</summary>
[Authorize(Policy = Policies.RedesignManage)]
public sealed class IndexModel : PageModel
{
    public string Summary => Pages.IndexModel.SummaryOf("Redesign");

    public void OnGet()
    {
    }
}
