using System.Globalization;
using System.Security.Claims;
using LocalFlow.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Web.Security;

/// <summary>
/// Sessions that end: every signed-in request's cookie is checked against the user's row, so that sign-out, disabling
/// and a change of password, roles, localities, memberships or restricted access take effect on the very next request.
/// </summary>
/// <remarks>
/// The check is one primary-key read per request, not cached: it costs well under a millisecond on both providers
/// and leaves no window in which a captured cookie still works (docs/trust.md).
/// </remarks>
public static class Sessions
{
    /// <summary>The cookie handler's check of each signed-in request.</summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var stamp = principal?.FindFirstValue(LocalFlowClaims.SecurityStamp);
        if (principal is null || stamp is null
            || !int.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), NumberStyles.None, CultureInfo.InvariantCulture, out var userId)
            || !await IsCurrentAsync(context.HttpContext.RequestServices.GetRequiredService<LocalFlowDb>(), userId, stamp, context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }

    /// <summary>Whether a session issued with <paramref name="stamp"/> may still act for the user.</summary>
    public static async Task<bool> IsCurrentAsync(LocalFlowDb db, int userId, string stamp, CancellationToken ct = default)
    {
        var row = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.SecurityStamp, u.Disabled }).SingleOrDefaultAsync(ct);
        return row is not null && !row.Disabled && string.Equals(row.SecurityStamp, stamp, StringComparison.Ordinal);
    }
}
