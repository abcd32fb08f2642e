using System.Globalization;
using LocalFlow.Data;
using LocalFlow.Data.Audit;
using LocalFlow.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalFlow.Web.Pages;

[Authorize(Policy = Policies.SignedIn)]
public sealed class SignOutModel(LocalFlowDb db, CurrentUser current) : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        AuditTrail.Add(db, AuditEventType.SignOut, AuditOperation.Other, nameof(User), current.UserId?.ToString(CultureInfo.InvariantCulture), null);
        await db.SaveChangesAsync();
        await HttpContext.SignOutAsync();
        Response.Cookies.Delete(CurrentUser.ChosenLocalityCookie);
        return Page();
    }
}
