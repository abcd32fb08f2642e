using LocalFlow.Data;
using LocalFlow.Data.LocalityWork;
using LocalFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalFlow.Web.Pages.Locality;

/// <summary>The local resource directory: people, groups and volunteers with their skills, availability, area and contact, searched by skill and street.</summary>
[Authorize(Policy = Policies.LocalityWork)]
public sealed class DirectoryModel(LocalFlowDb db, CurrentUser current) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Skill { get; set; }
    [BindProperty(SupportsGet = true)] public string? Street { get; set; }

    public IReadOnlyList<DirectorySearch.Found> Found { get; private set; } = [];

    public async Task OnGetAsync()
    {
        if (current.LocalityId is int locality)
        {
            Found = await DirectorySearch.SearchAsync(db, locality, Skill, Street);
        }
    }
}
