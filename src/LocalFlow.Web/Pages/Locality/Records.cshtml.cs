using LocalFlow.Analytics;
using LocalFlow.Data;
using LocalFlow.Data.Audit;
using LocalFlow.Data.Entities;
using LocalFlow.Data.Flow;
using LocalFlow.Data.LocalityWork;
using LocalFlow.Web.Infrastructure;
using LocalFlow.Web.Pages.Flow;
using LocalFlow.Web.Resources;
using LocalFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Web.Pages.Locality;

/// <summary>
/// The other agencies' records of a person the team works with: the flow timeline and cost curve, for a purpose. A
/// worker who works with the person (key worker, involved, or named on them: <see cref="Visibility.WorksWithAsync"/>)
/// opens it at once; anyone else first says why, and the reason is audited with every view that day. A person the
/// user may not see in full (<see cref="PersonInView.SeenInFullAsync"/>) is not found, whatever the reason.
/// </summary>
[Authorize(Policy = Policies.PeopleRead)]
public sealed class RecordsModel(LocalFlowDb db, CurrentUser current, FlowEngines engines, TimeProvider clock) : PageModel
{
    /// <summary>The longest reason kept: enough for a sentence or two, never a case note.</summary>
    public const int ReasonLength = 500;

    private const string ReasonPrefix = "Reason: ";

    public Person Person { get; private set; } = null!;
    public PersonStory? Story { get; private set; }
    /// <summary>Why the records are shown: "You are their key worker or involved with them", or the reason given.</summary>
    public string? ShownBecause { get; private set; }

    [BindProperty]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await PersonInView.SeenInFullAsync(db, current.Viewer, id) is not { } person)
        {
            return NotFound();
        }
        Person = person;
        if (await Visibility.WorksWithAsync(db, current.Viewer, person))
        {
            await ShowAsync("works with them: key worker, involved or named");
            ShownBecause = RecordsText.YouWorkWith;
        }
        else if (await ReasonGivenTodayAsync(person) is { } reason)
        {
            await ShowAsync("reason given today: " + reason);
            ShownBecause = Text.Format(RecordsText.ReasonToday, reason);
        }
        // Otherwise nothing is shown until a reason is given.
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (await PersonInView.SeenInFullAsync(db, current.Viewer, id) is not { } person)
        {
            return NotFound();
        }
        Person = person;
        var reason = Reason?.Trim() ?? "";
        if (reason.Length == 0)
        {
            ModelState.AddModelError(nameof(Reason), RecordsText.SayWhyError);
            return Page();
        }
        if (reason.Length > ReasonLength)
        {
            ModelState.AddModelError(nameof(Reason), Text.Format(RecordsText.ReasonTooLong, ReasonLength, reason.Length));
            return Page();
        }
        // The reason is audited as given; the view that follows is audited again, naming it.
        await PersonInView.AuditReadAsync(db, person, AuditEventType.FlowRecordRead, ReasonPrefix + reason);
        return Redirect($"/Locality/Records/{id}");
    }

    private async Task ShowAsync(string because)
    {
        Story = await PersonStory.LoadAsync(db, engines, current.Viewer, Person, null, null, null, linkRecords: false);
        await PersonInView.AuditReadAsync(db, Person, AuditEventType.FlowRecordRead,
            $"Flow timeline for the locality team ({because}): {Plural.Of(Story.AllRecords, "record")}");
    }

    /// <summary>A reason this user gave for this person's records earlier today (London), read back from the audit trail.</summary>
    private async Task<string?> ReasonGivenTodayAsync(Person person)
    {
        if (current.UserId is not int user)
        {
            return null;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var since = Gov.FromLondon(Gov.ToLondon(now).Date);
        var id = person.Id.ToString();
        var detail = await db.AuditEvents.AsNoTracking()
            .Where(a => a.EntityType == nameof(Person) && a.EntityId == id && a.UserId == user && a.EventType == AuditEventType.FlowRecordRead
                && a.At >= since && a.Detail != null && a.Detail.StartsWith(ReasonPrefix))
            .OrderByDescending(a => a.Id).Select(a => a.Detail).FirstOrDefaultAsync();
        return detail?[ReasonPrefix.Length..];
    }
}
