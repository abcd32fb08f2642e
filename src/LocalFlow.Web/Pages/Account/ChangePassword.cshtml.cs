using System.Globalization;
using LocalFlow.Data;
using LocalFlow.Data.Audit;
using LocalFlow.Web.Resources;
using LocalFlow.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Web.Pages.Account;

[Authorize(Policy = Policies.SignedIn)]
public sealed class ChangePasswordModel(LocalFlowDb db, CurrentUser current) : PageModel
{
    [BindProperty]
    public string? Current { get; set; }

    [BindProperty]
    public string? NewPassword { get; set; }

    [BindProperty]
    public string? Confirm { get; set; }

    public bool MustChange => User.HasClaim(c => c.Type == LocalFlowClaims.MustChangePassword);

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await db.Users.Include(u => u.Localities).Include(u => u.Agencies).Include(u => u.Teams)
            .SingleAsync(u => u.Id == current.UserId);
        if (string.IsNullOrEmpty(Current) || !Accounts.VerifyPassword(user, Current))
        {
            ModelState.AddModelError(nameof(Current), AccountText.EnterCurrent);
        }
        var problem = Accounts.CheckNewPassword(NewPassword);
        if (problem is not null)
        {
            ModelState.AddModelError(nameof(NewPassword), problem);
        }
        else if (NewPassword == Current)
        {
            ModelState.AddModelError(nameof(NewPassword), AccountText.MustDiffer);
        }
        else if (NewPassword != Confirm)
        {
            ModelState.AddModelError(nameof(Confirm), AccountText.NoMatch);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        Accounts.SetPassword(user, NewPassword!);
        user.MustChangePassword = false;
        AuditTrail.Add(db, AuditEventType.PasswordChanged, AuditOperation.Update, nameof(User), user.Id.ToString(CultureInfo.InvariantCulture), null);
        await db.SaveChangesAsync();
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new System.Security.Claims.ClaimsPrincipal(SignInModel.Identity(user, await LocalFlow.Data.LocalityWork.Visibility.WorkerOfUserAsync(db, user.Id))));
        TempData["Done"] = AccountText.PasswordSaved;
        return Redirect("/");
    }
}
