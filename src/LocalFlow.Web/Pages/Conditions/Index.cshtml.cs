using LocalFlow.Data;
using LocalFlow.Data.Conditions;
using LocalFlow.Web.Charts;
using LocalFlow.Web.Resources;
using LocalFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalFlow.Web.Pages.Conditions;

/// <summary>
/// The system conditions the study team found, grouped by category, each with its reach computed from its
/// evidence (failure demands, people, cost) as bar charts with their data tables: what leaders read before they
/// redesign. Counts only, no names, so it can be printed and handed round.
/// </summary>
[Authorize(Policy = Policies.ConditionsRead)]
public sealed class IndexModel(LocalFlowDb db, CurrentUser current, LocalFlow.Data.Flow.FlowEngines engines) : PageModel
{
    public ConditionsReport Report { get; private set; } = new([], Reach.None);
    public IReadOnlyList<IGrouping<string, ConditionReach>> Groups { get; private set; } = [];
    public bool MayEdit { get; private set; }
    public BarChart DemandsChart { get; private set; } = null!;
    public BarChart PeopleChart { get; private set; } = null!;
    public BarChart CostChart { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        MayEdit = Policies.Allows(User, Policies.ConditionsEdit);
        if (current.LocalityId is int locality)
        {
            Report = await ConditionReachCalculator.ForLocalityAsync(db, engines, locality);
        }
        Groups = Report.Conditions.GroupBy(c => ConditionsText.CategoryName(c.Condition)).ToList();
        BarValue Bar(ConditionReach c, double value) => new(c.Condition.Title, value) { Href = $"/Conditions/Condition/{c.Condition.Id}" };
        DemandsChart = new BarChart(ConditionsText.ChartDemandsTitle,
            ConditionsText.ChartDemandsAbout,
            [.. Report.Conditions.Select(c => Bar(c, c.Reach.Demands))])
        { Id = "chart-demands", CategoryLabel = ConditionsText.SystemCondition, ValueLabel = ConditionsText.FailureDemands, Orientation = BarOrientation.Horizontal };
        PeopleChart = new BarChart(ConditionsText.ChartPeopleTitle,
            ConditionsText.ChartPeopleAbout,
            [.. Report.Conditions.Select(c => Bar(c, c.Reach.People))])
        { Id = "chart-people", CategoryLabel = ConditionsText.SystemCondition, ValueLabel = ConditionsText.People, Orientation = BarOrientation.Horizontal };
        CostChart = new BarChart(ConditionsText.ChartCostTitle,
            ConditionsText.ChartCostAbout,
            [.. Report.Conditions.Select(c => Bar(c, (double)c.Reach.Cost))])
        { Id = "chart-cost", CategoryLabel = ConditionsText.SystemCondition, ValueLabel = ConditionsText.Cost, Format = ValueFormat.Pounds, Orientation = BarOrientation.Horizontal };
    }
}
