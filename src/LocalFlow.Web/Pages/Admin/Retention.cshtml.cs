using System.Globalization;
using LocalFlow.Data;
using LocalFlow.Data.Trust;
using LocalFlow.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalFlow.Web.Pages.Admin;

/// <summary>Retention rules per kind of record: keep for N years, and why. A rule holds back erasure (docs/security.md). Every change is audited.</summary>
public sealed class RetentionModel(LocalFlowDb db) : PageModel
{
    public sealed class RuleInput
    {
        public string? Kind { get; set; }
        public string? KeepYears { get; set; }
        public string? Reason { get; set; }
    }

    [BindProperty]
    public RuleInput Input { get; set; } = new();

    public IReadOnlyList<RetentionRule> Rules { get; private set; } = [];

    public static IEnumerable<(string Value, string Text)> Kinds
        => Enum.GetValues<RetentionKind>().Select(k => (((int)k).ToString(CultureInfo.InvariantCulture), SecurityText.KindName(k)));

    public async Task OnGetAsync(int? kind)
    {
        Rules = await Retention.RulesAsync(db);
        if (kind is int k && Rules.FirstOrDefault(r => (int)r.Kind == k) is { } rule)
        {
            Input = new RuleInput { Kind = Text((int)rule.Kind), KeepYears = Text(rule.KeepYears), Reason = rule.Reason };
        }
    }

    public async Task<IActionResult> OnPostAsync()
    {
        RetentionKind? kind = int.TryParse(Input.Kind, NumberStyles.None, CultureInfo.InvariantCulture, out var k) && Enum.IsDefined((RetentionKind)k) ? (RetentionKind)k : null;
        if (kind is null)
        {
            ModelState.AddModelError("Input.Kind", SecurityText.ChooseKindOfRecord);
        }
        int? years = null;
        if (!string.IsNullOrWhiteSpace(Input.KeepYears))
        {
            if (int.TryParse(Input.KeepYears.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var y))
            {
                years = y;
            }
            else
            {
                ModelState.AddModelError("Input.KeepYears", Resources.Text.Format(SecurityText.YearsWhole, Retention.MaxYears));
            }
        }
        if (ModelState.IsValid)
        {
            try
            {
                await Retention.SetAsync(db, kind!.Value, years, Input.Reason);
                TempData["Done"] = years is null ? Resources.Text.Format(SecurityText.NoRuleNow, SecurityText.KindName(kind.Value).ToLowerInvariant()) : Resources.Text.Format(SecurityText.KeptForYears, SecurityText.KindName(kind.Value), Plural(years.Value));
                return RedirectToPage();
            }
            catch (RetentionInputException ex)
            {
                ModelState.AddModelError("Input." + ex.Field, ex.Message);
            }
        }
        Rules = await Retention.RulesAsync(db);
        return Page();
    }

    public static string Plural(int years) => Resources.Text.Count(years, SecurityText.YearsOne, SecurityText.YearsMany);

    private static string Text(int n) => n.ToString(CultureInfo.InvariantCulture);
}
