using System.Globalization;
using LocalFlow.Data;
using LocalFlow.Data.Trust;
using LocalFlow.Web.Infrastructure;
using LocalFlow.Web.Resources;
using LocalFlow.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Web.Pages.Admin;

/// <summary>
/// Data sharing agreements of the locality the administrator is looking at: which agencies share which categories of
/// records, for what, on which lawful basis, from when to when, and whether consent is needed (docs/trust.md). Each
/// change is a new version and is audited. The agreements decide what each user sees of other agencies' records.
/// </summary>
public sealed class SharingModel(LocalFlowDb db, CurrentUser current, TimeProvider clock) : PageModel
{
    public sealed class AgreementInput
    {
        public string? Name { get; set; }
        public string? Description { get; set; }
        public List<string> Purposes { get; set; } = [];
        public List<string> Agencies { get; set; } = [];
        public List<string> Categories { get; set; } = [];
        public string? Article6 { get; set; }
        public string? Article9 { get; set; }
        public string? ConsentBased { get; set; }
    }

    [BindProperty]
    public AgreementInput Input { get; set; } = new();

    /// <summary>The agreement being changed; null when making a new one.</summary>
    [BindProperty(SupportsGet = true)]
    public int? Id { get; set; }

    public IReadOnlyList<SharingAgreement> Agreements { get; private set; } = [];
    public IReadOnlyDictionary<int, string> AgencyNames { get; private set; } = new Dictionary<int, string>();
    public DateOnly Today { get; private set; }
    public DateOnly? StartsOn { get; private set; }
    public DateOnly? EndsOn { get; private set; }
    public bool NoLocality { get; private set; }

    private static string S(int i) => i.ToString(CultureInfo.InvariantCulture);

    public static IEnumerable<(string Value, string Text)> PurposeOptions
        => [.. new[] { SharingPurposes.Support, SharingPurposes.Study, SharingPurposes.DataManagement }.Select(p => (p.ToString(), SecurityText.PurposeName(p)))];

    public static IEnumerable<(string Value, string Text)> CategoryOptions
        => [.. Enum.GetValues<DataCategory>().Select(c => (c.ToString(), SecurityText.CategoryName(c)))];

    public static IEnumerable<(string Value, string Text)> Article6Options
        => [("", SecurityText.ChooseBasis), .. Enum.GetValues<Article6Basis>().Select(b => (b.ToString(), SecurityText.BasisName(b)))];

    public static IEnumerable<(string Value, string Text)> Article9Options
        => [("", SecurityText.ChooseCondition), .. Enum.GetValues<Article9Condition>().Select(c => (c.ToString(), SecurityText.ConditionName(c)))];

    public static IEnumerable<(string Value, string Text, string? Hint)> ConsentOptions =>
    [
        ("yes", SecurityText.Yes, SecurityText.ConsentYesHint),
        ("no", SecurityText.No, null),
    ];

    public IEnumerable<(string Value, string Text)> AgencyOptions => AgencyNames.OrderBy(a => a.Value, StringComparer.Ordinal).Select(a => (S(a.Key), a.Value));

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return Page();
        }
        if (Id is int id)
        {
            if (Agreements.FirstOrDefault(a => a.Id == id) is not { } a)
            {
                return NotFound();
            }
            Input = new AgreementInput
            {
                Name = a.Name,
                Description = a.Description,
                Purposes = [.. Enum.GetValues<SharingPurposes>().Where(p => p != SharingPurposes.None && a.Purposes.HasFlag(p)).Select(p => p.ToString())],
                Agencies = [.. a.Parties.Select(p => S(p.AgencyId))],
                Categories = [.. a.Categories.Select(c => c.Category.ToString())],
                Article6 = a.Article6.ToString(),
                Article9 = a.Article9.ToString(),
                ConsentBased = a.ConsentBased ? "yes" : "no",
            };
            StartsOn = a.StartsOn;
            EndsOn = a.EndsOn;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync())
        {
            return Page();
        }
        if (Id is int id && Agreements.All(a => a.Id != id))
        {
            return NotFound();
        }
        var purposes = SharingPurposes.None;
        foreach (var p in Input.Purposes)
        {
            purposes |= Enum.TryParse<SharingPurposes>(p, out var v) && Enum.IsDefined(v) ? v : SharingPurposes.None;
        }
        var categories = Input.Categories.Select(c => Enum.TryParse<DataCategory>(c, out var v) && Enum.IsDefined(v) ? (DataCategory?)v : null).OfType<DataCategory>().ToList();
        var agencies = Input.Agencies.Select(a => int.TryParse(a, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && AgencyNames.ContainsKey(v) ? (int?)v : null).OfType<int>().ToList();
        Article6Basis? a6 = Enum.TryParse<Article6Basis>(Input.Article6, out var b6) && Enum.IsDefined(b6) ? b6 : null;
        Article9Condition? a9 = Enum.TryParse<Article9Condition>(Input.Article9, out var c9) && Enum.IsDefined(c9) ? c9 : null;
        bool? consent = Input.ConsentBased switch { "yes" => true, "no" => false, _ => null };
        var (starts, startsEmpty) = Gov.ReadDate(Request.Form, "StartsOn");
        var (ends, endsEmpty) = Gov.ReadDate(Request.Form, "EndsOn");
        if (starts is null && !startsEmpty)
        {
            ModelState.AddModelError("StartsOn", SecurityText.EnterStart);
        }
        if (ends is null && !endsEmpty)
        {
            ModelState.AddModelError("EndsOn", SecurityText.EnterEnd);
        }
        if (ModelState.IsValid)
        {
            try
            {
                var saved = await Sharing.SaveAsync(db, current.LocalityId!.Value, Id,
                    new SharingAgreementInput(Input.Name, Input.Description, purposes, agencies, categories, a6, a9, consent, starts, ends));
                TempData["Done"] = Text.Format(SecurityText.AgreementSaved, saved.Name, S(saved.Version));
                return Redirect("/Admin/Sharing");
            }
            catch (SharingInputException ex)
            {
                ModelState.AddModelError(ex.Field is "StartsOn" or "EndsOn" ? ex.Field : "Input." + ex.Field, ex.Message);
            }
        }
        return Page();
    }

    private async Task<bool> LoadAsync()
    {
        Today = Sharing.Today(clock);
        AgencyNames = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name);
        if (current.LocalityId is not int locality)
        {
            NoLocality = true;
            return false;
        }
        Agreements = await Sharing.ForLocalityAsync(db, locality);
        return true;
    }
}
