using LocalFlow.Data;
using LocalFlow.Data.Audit;
using LocalFlow.Data.Entities;
using LocalFlow.Data.LocalityWork;
using LocalFlow.Web.Infrastructure;
using LocalFlow.Web.Resources;
using LocalFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Web.Pages.Locality;

/// <summary>
/// Change what a good-life conversation heard (<see cref="Supports.EditConversationAsync"/>). When two workers change it
/// at once nothing is lost: the second sees what is stored now beside what they typed, which stays in the boxes.
/// What matters is not changed here: each statement stays as it was said.
/// </summary>
[Authorize(Policy = Policies.LocalityWork)]
public sealed class EditConversationModel(LocalFlowDb db, CurrentUser current, TimeProvider clock) : PageModel
{
    public Person Person { get; private set; } = null!;
    public GoodLifeConversation Conversation { get; private set; } = null!;
    /// <summary>What someone else saved while this user was typing, shown beside it.</summary>
    public string? Theirs { get; private set; }

    [BindProperty] public string? GoodLife { get; set; }
    [BindProperty] public string? Strengths { get; set; }
    [BindProperty] public string? CanDoThemselves { get; set; }
    [BindProperty] public string? WhoIsAround { get; set; }
    [BindProperty] public string? HelpWanted { get; set; }
    [BindProperty] public string? Language { get; set; }
    [BindProperty] public int Version { get; set; }

    public IFormCollection? Typed => Request.HasFormContentType ? Request.Form : null;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        var c = Conversation;
        (GoodLife, Strengths, CanDoThemselves, WhoIsAround, HelpWanted, Language, Version) = (c.GoodLife, c.Strengths, c.CanDoThemselves, c.WhoIsAround, c.HelpWanted, c.Language, c.Version);
        await AuditTrail.ReadAsync(db, AuditEventType.LocalityCaseRead, nameof(GoodLifeConversation), c.Id.ToString(), c.LocalityId, "Opened to change");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        var today = DateOnly.FromDateTime(Gov.ToLondon(clock.GetUtcNow().UtcDateTime));
        var on = Gov.ReadPastDate(ModelState, Request.Form, "HeldOn", today, required: ConversationText.EnterDate);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        try
        {
            await new Supports(db).EditConversationAsync(Conversation, Version,
                new ConversationInput(on!.Value, GoodLife ?? "", Strengths ?? "", CanDoThemselves ?? "", WhoIsAround ?? "", HelpWanted ?? "", Language));
        }
        catch (LocalityInputException ex)
        {
            ModelState.AddModelError(ex.Field, ex.Message);
            return Page();
        }
        catch (EditConflictException ex)
        {
            ModelState.AddModelError(nameof(GoodLife), ex.Message);
            Theirs = ex.Theirs;
            // The next save is against what is stored now; what this user typed stays in the boxes.
            Version = Conversation.Version;
            ModelState.Remove(nameof(Version));
            return Page();
        }
        return Redirect($"/Locality/Person/{Person.Id}#working");
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var localities = current.LocalityIds;
        var conversation = await db.GoodLifeConversations.SingleOrDefaultAsync(c => c.Id == id && localities.Contains(c.LocalityId) && c.RemovedUtc == null);
        if (conversation is null)
        {
            return false;
        }
        if (await PersonInView.SeenInFullAsync(db, current.Viewer, conversation.PersonId) is not { } person)
        {
            return false;
        }
        (Person, Conversation) = (person, conversation);
        return true;
    }
}
