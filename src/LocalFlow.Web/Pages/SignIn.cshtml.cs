using System.Globalization;
using System.Security.Claims;
using LocalFlow.Data;
using LocalFlow.Data.Audit;
using LocalFlow.Data.Entities;
using LocalFlow.Data.LocalityWork;
using LocalFlow.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Web.Pages;

/// <summary>
/// Sign in with a local account, or with the organisation's identity provider when one is configured
/// (<see cref="OrganisationSignIn"/>). Failed attempts are audited; the message never says which part was wrong.
/// </summary>
public sealed class SignInModel(LocalFlowDb db, OrganisationSignInOptions organisation) : PageModel
{
    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>What came back from the organisation's identity provider: signed-in, waiting or refused.</summary>
    [BindProperty(SupportsGet = true, Name = "organisation")]
    public string? OrganisationResult { get; set; }

    /// <summary>Whether the "Sign in with your organisation" button is shown.</summary>
    public bool OrganisationEnabled => organisation.Enabled;

    /// <summary>The button's words: the configured ones, or the plain default.</summary>
    public string OrganisationButton => string.IsNullOrWhiteSpace(organisation.ButtonText) ? Resources.SignInText.OrganisationButton : organisation.ButtonText;

    /// <summary>Where to go once signed in: a local address only.</summary>
    public string SafeReturnUrl => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/";

    public IActionResult OnGet()
    {
        if (OrganisationResult == "signed-in" && User.Identity?.IsAuthenticated == true)
        {
            return LocalRedirect(SafeReturnUrl);
        }
        if (OrganisationResult == "refused")
        {
            ModelState.AddModelError("organisation", Resources.SignInText.OrganisationRefused);
        }
        return Page();
    }

    /// <summary>Off to the organisation's identity provider; it sends the person back to <see cref="OrganisationSignIn.CallbackPath"/>.</summary>
    public IActionResult OnPostOrganisation()
    {
        if (!organisation.Enabled)
        {
            return NotFound();
        }
        // Back through this page rather than straight on: the provider's redirect is cross-site, so a browser keeps
        // the SameSite=Strict session cookie back until the person's next click (the page offers "Continue").
        var back = "/SignIn?organisation=signed-in&ReturnUrl=" + Uri.EscapeDataString(SafeReturnUrl);
        return Challenge(new AuthenticationProperties { RedirectUri = back }, OrganisationSignIn.Scheme);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(UserName))
        {
            ModelState.AddModelError(nameof(UserName), Resources.SignInText.EnterUserName);
        }
        if (string.IsNullOrEmpty(Password))
        {
            ModelState.AddModelError(nameof(Password), Resources.SignInText.EnterPassword);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var name = UserName!.Trim();
        var user = await db.Users
            .Include(u => u.Localities).Include(u => u.Agencies).Include(u => u.Teams)
            .SingleOrDefaultAsync(u => u.UserName == name);
        db.Actor = new SystemActor($"POST {Request.Path}", name);
        var now = db.Clock.GetUtcNow().UtcDateTime;
        if (user is not null && Accounts.LockedFor(user, now) is TimeSpan wait)
        {
            // the same work as a real check, and no check: a locked account cannot be guessed at
            Accounts.VerifyNobody(Password!);
            AuditTrail.Add(db, AuditEventType.SignInFailed, AuditOperation.Other, nameof(User), name, null, "Account locked after repeated wrong passwords");
            await db.SaveChangesAsync();
            ModelState.AddModelError(nameof(UserName), string.Format(CultureInfo.CurrentCulture, Resources.SignInText.Locked, Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes))));
            return Page();
        }
        // an unknown user name costs the same password hash as a known one, so timing does not tell them apart
        var matches = user is null ? VerifyNobody(Password!) : Accounts.VerifyPassword(user, Password!);
        if (user is null || user.Disabled || !matches)
        {
            if (user is not null)
            {
                Accounts.RecordFailure(user, now);
            }
            AuditTrail.Add(db, AuditEventType.SignInFailed, AuditOperation.Other, nameof(User), name, null, user is null ? "Unknown user name" : (user.Disabled ? "Account disabled" : "Wrong password"));
            await db.SaveChangesAsync();
            ModelState.AddModelError(nameof(UserName), Resources.SignInText.NotRight);
            return Page();
        }
        Accounts.ClearFailures(user);
        user.LastSignInAt = now;
        AuditTrail.Add(db, AuditEventType.SignIn, AuditOperation.Other, nameof(User), user.Id.ToString(CultureInfo.InvariantCulture), null);
        await db.SaveChangesAsync();

        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(Identity(user, await Visibility.WorkerOfUserAsync(db, user.Id))));
        if (user.MustChangePassword)
        {
            return Redirect("/Account/ChangePassword");
        }
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }

    private static bool VerifyNobody(string password)
    {
        Accounts.VerifyNobody(password);
        return false;
    }

    /// <summary>The claims a signed-in user carries: roles, localities, memberships and the worker they are (if any).</summary>
    internal static ClaimsIdentity Identity(User user, int? workerId)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, user.Id.ToString(CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, user.UserName),
            new(LocalFlowClaims.DisplayName, user.DisplayName),
            new(LocalFlowClaims.SecurityStamp, user.SecurityStamp),
        };
        foreach (var role in Enum.GetValues<Roles>())
        {
            if (role != Roles.None && user.Roles.HasFlag(role))
            {
                claims.Add(new Claim(ClaimTypes.Role, role.ToString()));
            }
        }
        claims.AddRange(user.Localities.OrderBy(l => l.LocalityId).Select(l => new Claim(LocalFlowClaims.Locality, l.LocalityId.ToString(CultureInfo.InvariantCulture))));
        claims.AddRange(user.Agencies.Select(a => new Claim(LocalFlowClaims.Agency, a.AgencyId.ToString(CultureInfo.InvariantCulture))));
        claims.AddRange(user.Teams.Select(t => new Claim(LocalFlowClaims.Team, t.TeamId.ToString(CultureInfo.InvariantCulture))));
        if (user.MaySeeRestricted)
        {
            claims.Add(new Claim(LocalFlowClaims.MaySeeRestricted, "true"));
        }
        if (workerId is int worker)
        {
            claims.Add(new Claim(LocalFlowClaims.Worker, worker.ToString(CultureInfo.InvariantCulture)));
        }
        if (user.MustChangePassword)
        {
            claims.Add(new Claim(LocalFlowClaims.MustChangePassword, "true"));
        }
        return new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme);
    }
}
