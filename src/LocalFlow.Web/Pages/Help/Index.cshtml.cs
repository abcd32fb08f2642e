using LocalFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalFlow.Web.Pages.Help;

/// <summary>The help pages: one per capability, open to everyone signed in (they hold no data).</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}
