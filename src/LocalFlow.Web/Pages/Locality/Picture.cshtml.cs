using LocalFlow.Analytics;
using LocalFlow.Analytics.Locality;
using LocalFlow.Data;
using LocalFlow.Data.Audit;
using LocalFlow.Data.LocalityWork;
using LocalFlow.Web.Charts;
using LocalFlow.Web.Infrastructure;
using LocalFlow.Web.Pages.Flow;
using LocalFlow.Web.Resources;
using LocalFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalFlow.Web.Pages.Locality;

/// <summary>
/// The locality picture and tiers (docs/locality-picture.md): flags by household, street and postcode, the most
/// frequent issues, households placing demands on several services, how concentrated demand is, and the tiers with
/// their reasons. The locality team sees each flagged household; everyone else sees areas and counts, with cells of
/// fewer than <see cref="FlowAccess.SmallestCohortShown"/> households withheld. Figures come from
/// <see cref="LocalityPicture"/> (the same as <c>localflow locality</c>).
/// </summary>
[Authorize(Policy = Policies.LocalityPicture)]
public sealed class PictureModel(LocalFlowDb db, CurrentUser current, LocalityPictures pictures, LocalFlow.Data.Flow.FlowEngines engines, TimeProvider clock) : PageModel
{
    [BindProperty]
    public string? Household { get; set; }

    [BindProperty]
    public string? NewTier { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    /// <summary>Rows a page in the street, postcode and household tables: a locality has thousands of each, and the page stays small.</summary>
    public const int RowsPerPage = 50;

    /// <summary>The page of the street table shown (from 1).</summary>
    [BindProperty(SupportsGet = true, Name = "streets")]
    public int StreetsPage { get; set; } = 1;

    /// <summary>The page of the postcode table shown (from 1).</summary>
    [BindProperty(SupportsGet = true, Name = "postcodes")]
    public int PostcodesPage { get; set; } = 1;

    /// <summary>The page of the locality team's table of households shown (from 1).</summary>
    [BindProperty(SupportsGet = true, Name = "households")]
    public int HouseholdsPage { get; set; } = 1;

    public LocalityPicture? Picture { get; private set; }
    public DateOnly Today { get; private set; }

    /// <summary>Whether this user is the locality team: they see households; others see areas and counts only.</summary>
    public bool Team => Policies.Allows(User, Policies.LocalityWork);

    /// <summary>Whether this user may change the rules.</summary>
    public bool MayChangeRules => Policies.Allows(User, Policies.LocalityPictureRules);

    /// <summary>Whether a cell made from <paramref name="households"/> households is withheld from this user (the small-number rule, <see cref="LocalFlow.Analytics.Disclosure"/>, beyond the locality team).</summary>
    public bool Hides(int households) => LocalFlow.Analytics.Disclosure.Withholds(households) && !Team;

    /// <summary>A count as this user may see it: exact for the locality team; otherwise "Fewer than 5", or rounded to the nearest 5 (docs/disclosure.md).</summary>
    public string Count(int households) => Hides(households) ? Text.Format(PictureText.FewerThan, FlowAccess.SmallestCohortShown) : Gov.Number(Shown(households));

    /// <summary>The number a count is shown as, and the share worked out from: exact for the locality team, else rounded to 5.</summary>
    public long Shown(long count) => Team ? count : LocalFlow.Analytics.Disclosure.Count(count) ?? 0;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (current.LocalityId is not { } locality)
        {
            return;
        }
        var hidden = await FlowAccess.HiddenPeopleAsync(db, current, engines, locality, ct);
        // the locality team sees households by address, so only what agreements share with them; others see aggregates
        // over all records; both kept between views
        Picture = Team
            ? await pictures.SharedWithAsync(db, locality, hidden, Today, current.Viewer, ct: ct)
            : await pictures.ForAsync(db, locality, hidden, Today, ct: ct);
        if (Team)
        {
            await AuditTrail.ReadAsync(db, AuditEventType.PersonalDataListed, "Household", null, locality,
                $"Locality picture: {Plural.Of(Picture.Flags.Count(f => f.Flags.Count > 0), "flagged household")} shown", ct: ct);
        }
    }

    /// <summary>The locality team places a household in a tier with a note, or hands it back to the rule ("rule").</summary>
    public async Task<IActionResult> OnPostTierAsync(CancellationToken ct)
    {
        if (!Team)
        {
            return Forbid();
        }
        await OnGetAsync(ct);
        if (Picture is not { } p || current.LocalityId is not { } locality)
        {
            return NotFound();
        }
        var household = Guid.TryParse(Household, out var id) ? p.Households.FirstOrDefault(h => h.Id == id) : null;
        if (household is null)
        {
            ModelState.AddModelError(nameof(Household), PictureText.ChooseHousehold);
        }
        Tier? tier = NewTier switch
        {
            "1" => Tier.InBalance,
            "2" => Tier.EitherWay,
            "3" => Tier.SeriousHelp,
            _ => null,
        };
        if (tier is null && NewTier != "rule")
        {
            ModelState.AddModelError(nameof(NewTier), PictureText.ChooseTier);
        }
        if (tier is not null && string.IsNullOrWhiteSpace(Note))
        {
            ModelState.AddModelError(nameof(Note), PictureText.SayWhyBetter);
        }
        else if (Note is { Length: > 2000 })
        {
            ModelState.AddModelError(nameof(Note), PictureText.NoteTooLong);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        await new TierOverrides(db).SetAsync(locality, household!.Id, tier, Note, current.UserName, ct);
        TempData["Done"] = tier is null ? Text.Format(PictureText.PlacedByRule, household.Address) : Text.Format(PictureText.PlacedIn, household.Address, PictureText.TierName(tier.Value));
        return RedirectToPage(null, null, new { households = HouseholdsPage }, "households");
    }

    /// <summary>The flagged households (or those the team placed by hand), most flags first, for the locality team.</summary>
    public IEnumerable<(PictureHousehold Household, HouseholdFlags Flags, TierPlacement Placement)> FlaggedHouseholds()
        => Picture is not { } p ? [] : p.Flags.Where(f => f.Flags.Count > 0 || p.Placements[f.Household].Overridden)
            .OrderByDescending(f => f.Flags.Count).ThenByDescending(f => f.Records).ThenBy(f => p.Households[f.Household].Street, StringComparer.Ordinal).ThenBy(f => p.Households[f.Household].Address, StringComparer.Ordinal)
            .Select(f => (p.Households[f.Household], f, p.Placements[f.Household]));

    /// <summary>The page of streets shown, most flags first.</summary>
    public Paged<AreaPicture> Streets() => Paged<AreaPicture>.Of(Picture!.Streets, StreetsPage, RowsPerPage);

    /// <summary>The page of postcodes shown, most flags first.</summary>
    public Paged<AreaPicture> Postcodes() => Paged<AreaPicture>.Of(Picture!.Postcodes, PostcodesPage, RowsPerPage);

    /// <summary>The page of the locality team's households shown.</summary>
    public Paged<(PictureHousehold Household, HouseholdFlags Flags, TierPlacement Placement)> Households()
        => Paged<(PictureHousehold, HouseholdFlags, TierPlacement)>.Of(FlaggedHouseholds().ToList(), HouseholdsPage, RowsPerPage);

    /// <summary>
    /// The households offered in "Place a household yourself": those of the page of the table shown, and the one
    /// chosen when the form came back with an error, wherever it is, so that the choice is kept.
    /// </summary>
    public IEnumerable<(string Value, string Text)> HouseholdChoices(IEnumerable<PictureHousehold> shown)
    {
        var list = shown.ToList();
        if (Guid.TryParse(Household, out var id) && list.All(h => h.Id != id) && Picture?.Households.FirstOrDefault(h => h.Id == id) is { } chosen)
        {
            list.Insert(0, chosen);
        }
        return list.Select(h => (h.Id.ToString(), $"{h.Address}, {h.Postcode}"));
    }

    /// <summary>The address of this page showing page <paramref name="page"/> of one table (streets, postcodes or households), the others as they are.</summary>
    public string Link(string table, int page)
    {
        int Of(string name, int current) => name == table ? page : current;
        var query = string.Join("&", new[] { ("streets", Of("streets", StreetsPage)), ("postcodes", Of("postcodes", PostcodesPage)), ("households", Of("households", HouseholdsPage)) }
            .Where(q => q.Item2 > 1).Select(q => $"{q.Item1}={q.Item2}"));
        return "/Locality/Picture" + (query.Length > 0 ? "?" + query : "") + "#" + table;
    }

    /// <summary>Tiers by street for the street table.</summary>
    public TierCounts? TiersOf(string street) => Picture?.TiersByStreet.FirstOrDefault(t => t.Label == street);

    /// <summary>Households by tier; beyond the locality team each count is rounded by the small-number rule, in the chart, its table and its download.</summary>
    public BarChart TierChart() => new(
        "Households by tier",
        "How many households of the locality are in each tier, by the rule (and the locality team's own placings).",
        Enum.GetValues<Tier>().Select(t => new BarValue(Tiers.Words(t), Hides(Picture!.TierTotals.Of(t)) ? double.NaN : Shown(Picture!.TierTotals.Of(t)))).ToList())
    { CategoryLabel = "Tier", ValueLabel = "Households", Id = "tiers" };

    /// <summary>Households by tier each quarter, rounded as <see cref="TierChart"/> is.</summary>
    public LineChart TiersOverTimeChart() => new(
        "Households by tier over time",
        "For each quarter, households placed by the rule from their records in the year to its end (the locality team's own placings are today's, so they are left out).",
        Enum.GetValues<Tier>().Select(t => new LineSeries(Tiers.Words(t),
            Picture!.TiersOverTime.Select((c, i) => (c, i)).Where(x => !Hides(x.c.Of(t))).Select(x => LinePoint.At(x.i + 1, Shown(x.c.Of(t)))).ToList())).ToList())
    { XLabel = "Quarter (oldest first)", ValueLabel = "Households", Id = "tiers-over-time" };

    public LineChart DemandChart() => Economics.IndexModel.Lorenz(Picture!.Concentration.At(10), "How concentrated demand is",
        "Households ordered from the one with most records to the one with fewest: how much of all the records the busiest share of households makes up. A straight diagonal would mean every household made the same demand.",
        "Share of records", "demand-lorenz");
}
