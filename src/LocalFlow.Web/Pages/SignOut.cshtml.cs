using System.Globalization;
using LocalFlow.Data;
using LocalFlow.Data.Audit;
using LocalFlow.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Web.Pages;

[Authorize(Policy = Policies.SignedIn)]
public sealed class SignOutModel(LocalFlowDb db, CurrentUser current) : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        // A new stamp ends this session everywhere, so a copy of its cookie taken before sign-out no longer works (docs/trust.md).
        var user = current.UserId is int id ? await db.Users.SingleOrDefaultAsync(u => u.Id == id) : null;
        if (user is not null)
        {
            Accounts.RenewSecurityStamp(user);
        }
        AuditTrail.Add(db, AuditEventType.SignOut, AuditOperation.Other, nameof(User), current.UserId?.ToString(CultureInfo.InvariantCulture), null);
        await db.SaveChangesAsync();
        await HttpContext.SignOutAsync();
        Response.Cookies.Delete(CurrentUser.ChosenLocalityCookie);
        return Page();
    }
}
