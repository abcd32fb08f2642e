using System.Globalization;
using LocalFlow.Analytics.Flow;
using LocalFlow.Analytics.Locality;
using LocalFlow.Data;
using LocalFlow.Data.LocalityWork;
using LocalFlow.Web.Pages.Flow;
using LocalFlow.Web.Resources;
using LocalFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalFlow.Web.Pages.Locality;

/// <summary>The locality picture's flag rules and tier rule, changed by administrators and analysts (docs/locality-picture.md). Bad input is refused field by field, keeping what was typed.</summary>
[Authorize(Policy = Policies.LocalityPictureRules)]
public sealed class PictureRulesModel(LocalFlowDb db, CurrentUser current) : PageModel
{
    public sealed class RuleInput
    {
        public string? Name { get; set; }
        public string? Agency { get; set; }
        public string? Team { get; set; }
        public string? Kind { get; set; }
        public string? Type { get; set; }
    }

    public sealed class TierInput
    {
        public string? SeriousFlags { get; set; }
        public string? SeriousServices { get; set; }
        public string? EitherWayFlags { get; set; }
        public string? EitherWayServices { get; set; }
    }

    [BindProperty]
    public RuleInput Rule { get; set; } = new();

    [BindProperty]
    public TierInput Tier { get; set; } = new();

    public IReadOnlyList<FlagRule> Rules { get; private set; } = [];
    public bool Defaults { get; private set; }

    public static IEnumerable<(string Value, string Text)> Kinds()
        => Enum.GetValues<ActivityKind>().Select(k => (((int)k).ToString(CultureInfo.InvariantCulture), FlowAccess.KindName(k)));

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (current.LocalityId is not { } locality)
        {
            return NotFound();
        }
        await LoadAsync(locality, ct);
        var t = await LocalityPicture.TierRuleAsync(db, locality, ct);
        Tier = new TierInput { SeriousFlags = Text(t.SeriousFlags), SeriousServices = Text(t.SeriousServices), EitherWayFlags = Text(t.EitherWayFlags), EitherWayServices = Text(t.EitherWayServices) };
        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        if (current.LocalityId is not { } locality)
        {
            return NotFound();
        }
        await LoadAsync(locality, ct);
        var name = Clean(Rule.Name);
        var (agency, team, type) = (Clean(Rule.Agency), Clean(Rule.Team), Clean(Rule.Type));
        ActivityKind? kind = null;
        if (name is null)
        {
            ModelState.AddModelError("Rule.Name", PictureText.EnterName);
        }
        else if (Rules.Any(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            ModelState.AddModelError("Rule.Name", Resources.Text.Format(PictureText.AlreadyFlag, name));
        }
        foreach (var (key, value, tooLong) in new[] { ("Rule.Name", name, PictureText.NameTooLong), ("Rule.Agency", agency, PictureText.AgencyTooLong), ("Rule.Team", team, PictureText.TeamTooLong), ("Rule.Type", type, PictureText.TypeTooLong) })
        {
            if (value is { Length: > 200 })
            {
                ModelState.AddModelError(key, tooLong);
            }
        }
        if (Clean(Rule.Kind) is { } k)
        {
            if (int.TryParse(k, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && Enum.IsDefined((ActivityKind)n))
            {
                kind = (ActivityKind)n;
            }
            else
            {
                ModelState.AddModelError("Rule.Kind", PictureText.ChooseKind);
            }
        }
        if (agency is null && team is null && Clean(Rule.Kind) is null && type is null)
        {
            ModelState.AddModelError("Rule.Agency", PictureText.EnterOne);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        await new PictureRules(db).AddAsync(locality, new FlagRule(name!, agency, team, kind, type), current.UserName, ct);
        TempData["Done"] = Resources.Text.Format(PictureText.RuleAdded, name);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveAsync(int position, CancellationToken ct)
    {
        if (current.LocalityId is not { } locality)
        {
            return NotFound();
        }
        if (!await new PictureRules(db).RemoveAsync(locality, position, current.UserName, ct))
        {
            return NotFound();
        }
        TempData["Done"] = PictureText.RuleRemoved;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostTiersAsync(CancellationToken ct)
    {
        if (current.LocalityId is not { } locality)
        {
            return NotFound();
        }
        await LoadAsync(locality, ct);
        var values = new[] { ("Tier.SeriousFlags", Tier.SeriousFlags), ("Tier.SeriousServices", Tier.SeriousServices), ("Tier.EitherWayFlags", Tier.EitherWayFlags), ("Tier.EitherWayServices", Tier.EitherWayServices) }
            .Select(x => (x.Item1, Ok: int.TryParse(x.Item2?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 50, Value: n)).ToList();
        foreach (var v in values.Where(v => !v.Ok))
        {
            ModelState.AddModelError(v.Item1, PictureText.WholeNumber);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var rule = new TierRule(values[0].Value, values[1].Value, values[2].Value, values[3].Value);
        if (rule.Problem() is { } problem)
        {
            ModelState.AddModelError(problem.Contains("agencies", StringComparison.Ordinal) ? "Tier.SeriousServices" : "Tier.SeriousFlags", problem);
            return Page();
        }
        await new PictureRules(db).SetTierRuleAsync(locality, rule, current.UserName, ct);
        TempData["Done"] = PictureText.TierRuleChanged;
        return RedirectToPage();
    }

    private async Task LoadAsync(int locality, CancellationToken ct) => (Rules, Defaults) = await LocalityPicture.RulesAsync(db, locality, ct);

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string Text(int n) => n.ToString(CultureInfo.InvariantCulture);
}
