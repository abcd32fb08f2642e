using LocalFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalFlow.Web.Pages.Help;

/// <summary>One capability's help: what it is for, how to use it, and its definitions from docs/.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class TopicModel : PageModel
{
    public HelpTopic Topic { get; private set; } = null!;

    /// <summary>Whether the user may open the capability itself (the help page links to it only then).</summary>
    public bool MayOpen { get; private set; }

    public IActionResult OnGet(string topic)
    {
        if (HelpTopics.Find(topic) is not HelpTopic t)
        {
            return NotFound();
        }
        Topic = t;
        MayOpen = t.Href.Length > 0 && Policies.Allows(User, t.Policy);
        return Page();
    }
}
