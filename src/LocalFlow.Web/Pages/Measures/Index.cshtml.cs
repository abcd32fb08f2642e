using LocalFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalFlow.Web.Pages.Measures;

/// <summary>The Measures capability's landing page (not built yet: says so honestly).</summary>
[Authorize(Policy = Policies.MeasuresView)]
public sealed class IndexModel : PageModel
{
    public string Summary => Pages.IndexModel.All.First(c => c.Href == "/Measures").Summary;

    public void OnGet()
    {
    }
}
