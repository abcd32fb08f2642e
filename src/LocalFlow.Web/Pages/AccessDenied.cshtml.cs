using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalFlow.Web.Pages;

/// <summary>Shown when a signed-in user's role does not include a page (answers 403).</summary>
public sealed class AccessDeniedModel : PageModel
{
    public void OnGet() => Response.StatusCode = StatusCodes.Status403Forbidden;
}
