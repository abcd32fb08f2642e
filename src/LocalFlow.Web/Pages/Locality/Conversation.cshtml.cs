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
/// A good-life conversation: "What would a good life look like to you?" No scores, no eligibility questions, no forms
/// before helping. What is already known (earlier conversations, what matters, records) is shown, never asked again.
/// Everyone in the household can say what matters to them, carers included.
/// </summary>
[Authorize(Policy = Policies.LocalityWork)]
public sealed class ConversationModel(LocalFlowDb db, CurrentUser current, TimeProvider clock) : PageModel
{
    public const int StatementRows = 4;

    public Person Person { get; private set; } = null!;
    public LocalityView View { get; private set; } = null!;

    [BindProperty] public string? GoodLife { get; set; }
    [BindProperty] public string? Strengths { get; set; }
    [BindProperty] public string? CanDoThemselves { get; set; }
    [BindProperty] public string? WhoIsAround { get; set; }
    [BindProperty] public string? HelpWanted { get; set; }
    [BindProperty] public string? Language { get; set; }
    [BindProperty] public List<string?> Said { get; set; } = [];
    [BindProperty] public List<string?> SaidByPerson { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        await PersonInView.AuditReadAsync(db, Person, AuditEventType.LocalityCaseRead, "Good-life conversation form: what is already known shown");
        return Page();
    }

    /// <summary>What was typed in the date boxes, kept when the form comes back with errors.</summary>
    public IFormCollection? Typed => Request.HasFormContentType ? Request.Form : null;

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        var today = DateOnly.FromDateTime(Gov.ToLondon(clock.GetUtcNow().UtcDateTime));
        if (Gov.ReadPastDate(ModelState, Request.Form, "HeldOn", today) is not { } on)
        {
            return Page();
        }
        var statements = new List<Statement>();
        for (var i = 0; i < Said.Count; i++)
        {
            var who = i < SaidByPerson.Count && Guid.TryParse(SaidByPerson[i], out var g) && View.Members.Any(m => m.Id == g) ? g : Person.Id;
            statements.Add(new Statement(Said[i] ?? "", who, who == Person.Id ? null : View.NameOf(who)));
        }
        var worker = current.WorkerId;
        var heldBy = worker is int w ? await db.Workers.Where(x => x.Id == w).Select(x => x.Name).SingleAsync() : User.FindFirst(LocalFlowClaims.DisplayName)?.Value ?? current.UserName;
        try
        {
            await new Supports(db).RecordConversationAsync(Person, View.Support, worker, heldBy,
                new ConversationInput(on, GoodLife ?? "", Strengths ?? "", CanDoThemselves ?? "", WhoIsAround ?? "", HelpWanted ?? "", Language), statements);
        }
        catch (LocalityInputException ex)
        {
            ModelState.AddModelError(ex.Field, ex.Message);
            return Page();
        }
        TempData["Done"] = ConversationText.Recorded;
        return Redirect($"/Locality/Person/{id}#what-matters");
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        if (await PersonInView.SeenInFullAsync(db, current.Viewer, id) is not { } person)
        {
            return false;
        }
        Person = person;
        View = await LocalityView.LoadAsync(db, current.Viewer, person, seenInFull: true);
        while (Said.Count < StatementRows)
        {
            Said.Add(null);
        }
        while (SaidByPerson.Count < StatementRows)
        {
            SaidByPerson.Add(person.Id.ToString());
        }
        return true;
    }
}
