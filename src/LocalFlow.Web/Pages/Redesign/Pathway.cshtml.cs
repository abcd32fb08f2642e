using LocalFlow.Analytics;
using LocalFlow.Analytics.Redesign;
using LocalFlow.Data;
using LocalFlow.Data.Flow;
using LocalFlow.Data.Redesign;
using LocalFlow.Web.Charts;
using LocalFlow.Web.Pages.Flow;
using LocalFlow.Web.Resources;
using LocalFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalFlow.Web.Pages.Redesign;

/// <summary>
/// The user pathway from −9 months to 99 years: which agencies people meet at which ages, drawn from the records of the
/// people the viewer may see (<see cref="Pathways"/>, figures defined in <see cref="Pathway"/>), with the needs, services
/// and buildings placed on each stage, the overlaps, gaps and hand-offs. Everyone but the study team sees the counts
/// through the small-number rule (<see cref="Disclosure"/>).
/// </summary>
[Authorize(Policy = Policies.RedesignView)]
public sealed class PathwayModel(LocalFlowDb db, CurrentUser current, FlowEngines engines, TimeProvider clock) : PageModel
{
    public PathwayView View { get; private set; } = null!;

    /// <summary>Whether counts are shown through the small-number rule.</summary>
    public bool Rounds { get; private set; }

    /// <summary>The hand-offs shown (to another agency), and how many were left out as fewer than 5 people.</summary>
    public IReadOnlyList<StageHandOff> HandOffs { get; private set; } = [];
    public int HandOffsWithheld { get; private set; }

    /// <summary>The most hand-offs listed at one boundary (the largest); at 2 million records there are hundreds of pairs of agencies.</summary>
    public const int MostHandOffsPerBoundary = 8;

    /// <summary>Hand-offs not listed because their boundary has more than <see cref="MostHandOffsPerBoundary"/>.</summary>
    public int HandOffsNotListed { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (current.LocalityId is not int locality)
        {
            return NotFound();
        }
        var today = FlowAccess.LocalDate(clock.GetUtcNow().UtcDateTime);
        Rounds = FlowAccess.RoundsFigures(User);
        // Exact counts (the study team) count only the records data sharing agreements share with the viewer; counts
        // seen through the small-number rule are over every record, as the locality team's picture does for others.
        View = await Pathways.LoadAsync(db, engines, current.Viewer, locality, today, Rounds ? null : current.Viewer, ct);
        var moves = View.Figures.HandOffs.Where(h => h.FromAgency != h.ToAgency).ToList();
        var shown = Rounds ? moves.Where(h => !Disclosure.Withholds(h.People)).ToList() : moves;
        HandOffsWithheld = moves.Count - shown.Count;
        // The figures hold hand-offs most people first within each boundary: the largest few of each are listed.
        HandOffs = [.. shown.GroupBy(h => h.From).SelectMany(g => g.Take(MostHandOffsPerBoundary))];
        HandOffsNotListed = shown.Count - HandOffs.Count;
        return Page();
    }

    /// <summary>A count of people as this viewer may see it.</summary>
    public string People(long n) => Rounds ? Disclosure.Text(n) : n.ToString("N0", System.Globalization.CultureInfo.CurrentCulture);

    /// <summary>A count of records as this viewer may see it.</summary>
    public string Records(long n) => (Rounds ? Disclosure.Rounded(n) : n).ToString("N0", System.Globalization.CultureInfo.CurrentCulture);

    public string Agency(int id) => View.Agencies.GetValueOrDefault(id) ?? $"#{id}";

    /// <summary>The grid: everyone seen and the overlaps first, then a row per agency, with a column per stage.</summary>
    public GridChart Chart()
    {
        var stages = View.Figures.Stages;
        string Cell(long n) => Rounds && Disclosure.Withholds(n) ? "<5" : People(n);
        double? Value(long n) => Rounds ? Disclosure.Count(n) : n;
        GridRow Row(string name, Func<StageFigures, long> count) => new(name, [.. stages.Select(s => Value(count(s)))], [.. stages.Select(s => Cell(count(s)))]);
        var rows = new List<GridRow> { Row(PathwayText.Everyone, s => s.People), Row(PathwayText.Overlap, s => s.Overlapping) };
        var agencies = stages.SelectMany(s => s.Agencies).GroupBy(a => a.Agency).OrderByDescending(g => g.Sum(a => a.People)).ThenBy(g => Agency(g.Key), StringComparer.Ordinal).Select(g => g.Key);
        rows.AddRange(agencies.Select(a => Row(Agency(a), s => s.Agencies.FirstOrDefault(x => x.Agency == a)?.People ?? 0)));
        return new GridChart(PathwayText.ChartTitle, PathwayText.ChartDescription, [.. stages.Select(s => StageName(s.Stage))], rows)
        {
            Id = "pathway-chart",
            RowHeader = PathwayText.AgencyHeader,
        };
    }

    public static string StageName(LifeStage s) => Text.Of(PathwayText.Resources, "Stage" + s);

    public static string StageAges(LifeStage s) => Text.Of(PathwayText.Resources, "Ages" + s);

    /// <summary>The stages for a form's select: the stage's name and its ages.</summary>
    public static IReadOnlyList<(string Value, string Text)> StageOptions => [.. Pathway.Stages.Select(s => (s.Stage.ToString(), $"{StageName(s.Stage)} ({StageAges(s.Stage)})"))];

    public static string GapText(PathwayGap g) => g == PathwayGap.NeedsWithoutService ? PathwayText.GapNoService : PathwayText.GapFewSeen;

    public static string KindText(PlacedKind k) => k switch
    {
        PlacedKind.Need => PathwayText.KindNeed,
        PlacedKind.Service => PathwayText.KindService,
        _ => PathwayText.KindBuilding,
    };
}
