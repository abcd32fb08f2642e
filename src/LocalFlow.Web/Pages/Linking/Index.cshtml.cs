using LocalFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalFlow.Web.Pages.Linking;

/// <summary>The Linking records capability's landing page (not built yet: says so honestly).</summary>
[Authorize(Policy = Policies.LinkingManage)]
public sealed class IndexModel : PageModel
{
    public string Summary => Pages.IndexModel.All.First(c => c.Href == "/Linking").Summary;

    public void OnGet()
    {
    }
}
