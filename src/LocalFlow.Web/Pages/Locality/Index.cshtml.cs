using LocalFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalFlow.Web.Pages.Locality;

/// <summary>Locality working's landing page: casework is not built yet; the people directory is.</summary>
[Authorize(Policy = Policies.PeopleRead)]
public sealed class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}
