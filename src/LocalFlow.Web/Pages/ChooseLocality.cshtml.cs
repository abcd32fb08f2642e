using System.Globalization;
using LocalFlow.Data;
using LocalFlow.Web.Resources;
using LocalFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Web.Pages;

/// <summary>
/// Which of their localities a user of several is looking at: the locality-wide pages (cohort, hand-offs, signals,
/// system conditions, linking, imports, demand, measures) all show the one chosen here. The choice is remembered for
/// the browser session and checked against the user's own localities on every request (<see cref="CurrentUser.LocalityId"/>);
/// choosing a locality that is not theirs answers 404.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class ChooseLocalityModel(LocalFlowDb db, CurrentUser current) : PageModel
{
    public static string Required => AccountText.ChooseLocalityRequired;

    [BindProperty]
    public int? Locality { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public IReadOnlyList<(int Id, string Name)> Localities { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Locality = current.LocalityId;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Locality is not int chosen)
        {
            ModelState.AddModelError(nameof(Locality), Required);
            await LoadAsync(ct);
            return Page();
        }
        if (!current.LocalityIds.Contains(chosen))
        {
            return NotFound();
        }
        Response.Cookies.Append(CurrentUser.ChosenLocalityCookie, chosen.ToString(CultureInfo.InvariantCulture), new CookieOptions
        {
            // No expiry: a session cookie, forgotten when the browser closes.
            HttpOnly = true,
            IsEssential = true,
            SameSite = SameSiteMode.Strict,
            Secure = Request.IsHttps,
            Path = "/",
        });
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var own = current.LocalityIds;
        Localities = (await db.Localities.AsNoTracking().Where(l => own.Contains(l.Id))
            .OrderBy(l => l.Name).ThenBy(l => l.Id).Select(l => new { l.Id, l.Name }).ToListAsync(ct))
            .Select(l => (l.Id, l.Name)).ToList();
    }
}
