using System.Globalization;
using LocalFlow.Data;
using LocalFlow.Data.Entities;
using LocalFlow.Data.Trust;
using LocalFlow.Web.Infrastructure;
using LocalFlow.Web.Pages.Flow;
using LocalFlow.Web.Resources;
using LocalFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalFlow.Web.Pages.Locality;

/// <summary>
/// A person's consent to the locality's consent-based data sharing agreements: given or withdrawn, on which day,
/// recorded by the locality worker or data officer who heard it (docs/trust.md). Audited; a person the user may not
/// see in full is not found.
/// </summary>
[Authorize(Policy = Policies.PeopleRead)]
public sealed class ConsentModel(LocalFlowDb db, CurrentUser current, TimeProvider clock) : PageModel
{
    public Person Person { get; private set; } = null!;
    public IReadOnlyList<(SharingAgreement Agreement, SharingConsent? Consent)> Consents { get; private set; } = [];

    [BindProperty]
    public string? Agreement { get; set; }

    [BindProperty]
    public string? Given { get; set; }

    public static IEnumerable<(string Value, string Text, string? Hint)> GivenOptions =>
    [
        ("yes", HandoverText.Given, HandoverText.GivenHint),
        ("no", HandoverText.Withdrawn, HandoverText.WithdrawnHint),
    ];

    public IEnumerable<(string Value, string Text)> AgreementOptions
        => [("", HandoverText.SelectAgreement), .. Consents.Select(c => (c.Agreement.Id.ToString(CultureInfo.InvariantCulture), c.Agreement.Name))];

    public async Task<IActionResult> OnGetAsync(Guid id)
        => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        var agreement = int.TryParse(Agreement, NumberStyles.None, CultureInfo.InvariantCulture, out var a) && Consents.Any(c => c.Agreement.Id == a) ? (int?)a : null;
        if (agreement is null)
        {
            ModelState.AddModelError(nameof(Agreement), HandoverText.ChooseAgreement);
        }
        bool? given = Given switch { "yes" => true, "no" => false, _ => null };
        if (given is null)
        {
            ModelState.AddModelError(nameof(Given), HandoverText.SayGiven);
        }
        var on = Gov.ReadPastDate(ModelState, Request.Form, "On", Sharing.Today(clock), HandoverText.EnterDay);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        try
        {
            await Sharing.RecordConsentAsync(db, agreement!.Value, Person.Id, given!.Value, on!.Value);
        }
        catch (SharingInputException ex)
        {
            ModelState.AddModelError(ex.Field == "On" ? "On" : nameof(Agreement), ex.Message);
            return Page();
        }
        TempData["Done"] = given.Value ? HandoverText.RecordedGiven : HandoverText.RecordedWithdrawn;
        return Redirect($"/Locality/Person/{id}/Consent");
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        if (await FlowAccess.PersonAsync(db, current, id) is not { } person)
        {
            return false;
        }
        Person = person;
        Consents = await Sharing.ConsentsOfAsync(db, person);
        return true;
    }
}
