using System.Globalization;
using LocalFlow.Data;
using LocalFlow.Data.Entities;
using LocalFlow.Data.Trust;
using LocalFlow.Web.Infrastructure;
using LocalFlow.Web.Pages.Flow;
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
        ("yes", "Given", "Their records are shared under the agreement"),
        ("no", "Withdrawn, or refused", "Their records stop being shared under the agreement at once"),
    ];

    public IEnumerable<(string Value, string Text)> AgreementOptions
        => [("", "Select an agreement"), .. Consents.Select(c => (c.Agreement.Id.ToString(CultureInfo.InvariantCulture), c.Agreement.Name))];

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
            ModelState.AddModelError(nameof(Agreement), "Choose the agreement");
        }
        bool? given = Given switch { "yes" => true, "no" => false, _ => null };
        if (given is null)
        {
            ModelState.AddModelError(nameof(Given), "Say whether consent was given or withdrawn");
        }
        var on = Gov.ReadPastDate(ModelState, Request.Form, "On", Sharing.Today(clock), "Enter the day they gave or withdrew consent");
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
        TempData["Done"] = given.Value ? "Consent recorded as given" : "Consent recorded as withdrawn";
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
