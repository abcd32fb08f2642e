using LocalFlow.Analytics;
using LocalFlow.Analytics.Flow;
using LocalFlow.Data;
using LocalFlow.Data.Flow;
using LocalFlow.Web.Charts;
using LocalFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Web.Pages.Flow;

/// <summary>
/// Hand-offs between agencies (or teams): the engine's directly-follows graph (<see cref="HandOffs.Graph"/>) as a
/// map with a table of every hand-off, and the most common paths. Counts only, no names: the cohort filters choose
/// whose records are followed.
/// </summary>
[Authorize(Policy = Policies.FlowAnalyse)]
public sealed class HandoffsModel(LocalFlowDb db, CurrentUser current, FlowEngines engines) : PageModel
{
    public const int PathsShown = 10;

    [BindProperty(SupportsGet = true)]
    public FlowLevel Level { get; set; } = FlowLevel.Agency;

    [BindProperty(SupportsGet = true)]
    public int? Agency { get; set; }

    [BindProperty(SupportsGet = true)]
    public FlowSignalKind? Signal { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? MinRecords { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Hospital { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Stories { get; set; }

    public FlowCohortFilter Filter { get; private set; } = new(null, null, null, false, false);
    /// <summary>True when the chosen cohort is too small to show to this user (<see cref="FlowAccess.SmallestCohortShown"/>).</summary>
    public bool Withheld { get; private set; }
    /// <summary>True when this user sees the small-number rule (<see cref="Disclosure"/>): small arrows and paths left out, counts rounded.</summary>
    public bool Rounded { get; private set; }
    /// <summary>How many arrows were left out because fewer than 5 people took them.</summary>
    public int LeftOut { get; private set; }
    public string FilterText { get; private set; } = "everyone with records";
    /// <summary>Who is followed, in the request's language.</summary>
    public string FilterWords { get; private set; } = LocalFlow.Web.Resources.FlowCohortText.FilterEveryone;
    public int People { get; private set; }
    public int Everyone { get; private set; }
    public HandOffGraph? Graph { get; private set; }
    public IReadOnlyList<FlowPath> Paths { get; private set; } = [];
    public HandOffMapChart? Map { get; private set; }
    public IReadOnlyList<(int Id, string Name)> AgencyOptions { get; private set; } = [];
    public bool HasStories { get; private set; }
    /// <summary>"agency" or "team", in the request's language.</summary>
    public string Place => Level == FlowLevel.Team ? LocalFlow.Web.Resources.FlowPersonText.PlaceTeam : LocalFlow.Web.Resources.FlowPersonText.PlaceAgency;

    /// <summary>"agencies" or "teams", in the request's language.</summary>
    public string Places => Level == FlowLevel.Team ? LocalFlow.Web.Resources.FlowPersonText.PlacesTeams : LocalFlow.Web.Resources.FlowPersonText.PlacesAgencies;

    public async Task OnGetAsync()
    {
        foreach (var key in new[] { nameof(Level), nameof(Agency), nameof(Signal), nameof(MinRecords), nameof(Hospital), nameof(Stories) })
        {
            // Every choice comes from a list; a value edited into the address by hand is ignored.
            ModelState.Remove(key);
        }
        if (Level != FlowLevel.Team)
        {
            Level = FlowLevel.Agency;
        }
        if (MinRecords < 0)
        {
            MinRecords = null;
        }
        if (current.LocalityId is not int locality)
        {
            return;
        }
        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.ShortName);
        var flow = await engines.ForLocalityAsync(db, locality);
        Everyone = flow.Everyone.Length;
        var stories = (await FlowQueries.CaseHistoriesAsync(db)).Select(s => s.PersonId).ToList();
        HasStories = stories.Count > 0;
        AgencyOptions = [.. agencies.Where(a => flow.AgencyIds.Contains(a.Key)).Select(a => (a.Key, a.Value)).OrderBy(a => a.Value, StringComparer.Ordinal)];
        Filter = new FlowCohortFilter(Agency, Signal, MinRecords, Hospital, Stories);
        FilterText = Filter.Describe(agencies);
        FilterWords = FlowWords.Filter(Filter, agencies);
        var log = flow.Log;
        if (Filter.Any)
        {
            var cohort = Filter.Apply(flow, stories);
            if (FlowAccess.WithholdsCohort(User, cohort.Count))
            {
                // A group this small could pick out one person's path: the map is withheld.
                Withheld = true;
                Everyone = (int)(Disclosure.Count(Everyone) ?? 0);
                return;
            }
            var people = cohort.Select(p => p.Person).ToList();
            People = people.Count;
            var level = Level;
            (Graph, Paths) = flow.Kept($"Flow/Handoffs:{level}:{Filter.Query()}",
                f => Tuple.Create(HandOffs.Graph(f.Log, level, people), HandOffs.MostCommonPaths(f.Log, level, PathsShown, people))).ToValueTuple();
        }
        else
        {
            People = log.PersonCount;
            (Graph, Paths) = flow.HandOffsOf(Level, PathsShown);
        }
        if (FlowAccess.RoundsFigures(User))
        {
            // Someone who may not see people sees the small-number rule (docs/disclosure.md): arrows and paths that
            // fewer than 5 people took are left out, every other count is rounded to 5.
            Rounded = true;
            (Graph, LeftOut) = Disclosure.Of(Graph);
            Paths = Disclosure.Of(Paths, People);
            People = (int)(Disclosure.Count(People) ?? 0);
            Everyone = (int)(Disclosure.Count(Everyone) ?? 0);
        }
        var handOffs = Graph.Edges.Select(e => new Charts.HandOff(e.From, e.To, e.Count, TimeSpan.FromDays(e.MedianWaitDays)) { People = e.People }).ToList();
        Map = new HandOffMapChart(LocalFlow.Web.Resources.Text.Format(LocalFlow.Web.Resources.FlowPersonText.MapChartTitle, Places), LocalFlow.Web.Resources.Text.Format(LocalFlow.Web.Resources.FlowPersonText.MapChartAbout, Place), handOffs)
        {
            Id = "handoff-map",
            ShowTitle = false,
            Nodes = Level == FlowLevel.Agency ? [.. Graph.Nodes.Select(n => n.Node)] : [],
            MaxArrows = Level == FlowLevel.Agency ? 30 : 20,
            NodesName = Places,
            Table = Level == FlowLevel.Agency ? DataTableDisplay.Visible : DataTableDisplay.InDetails,
        };
    }

    public string LevelLink(FlowLevel level)
    {
        var q = Filter.Query();
        var levelPart = level == FlowLevel.Team ? "level=Team" : "";
        var all = string.Join('&', new[] { levelPart, q }.Where(s => s.Length > 0));
        return all.Length == 0 ? "/Flow/Handoffs" : "/Flow/Handoffs?" + all;
    }
}
