namespace LocalFlow.Analytics.Redesign;

/// <summary>One question's cost–benefit case as a strategy adds it: its currency and price year, and the worked case (null when incomplete).</summary>
/// <param name="Question">The question (each is added once, however often it is given).</param>
/// <param name="Currency">The case's currency.</param>
/// <param name="PriceYear">The year whose prices the case is in.</param>
/// <param name="Worked">The worked case (<see cref="CostBenefit.Work"/>), or null when the case is missing or incomplete.</param>
public readonly record struct StrategyCase(Guid Question, string? Currency, int? PriceYear, CostBenefitResult? Worked);

/// <summary>Expected benefits of some questions at one currency and price year: estimates, never targets.</summary>
/// <param name="Currency">The currency.</param>
/// <param name="PriceYear">The price year.</param>
/// <param name="PresentCost">The sum of the questions' discounted costs.</param>
/// <param name="PresentBenefit">The sum of their discounted benefits (estimates).</param>
/// <param name="NetPresentValue">The sum of their net present values (estimates).</param>
/// <param name="Questions">How many questions were added.</param>
public sealed record BenefitTotal(string Currency, int PriceYear, decimal PresentCost, decimal PresentBenefit, decimal NetPresentValue, int Questions);

/// <summary>The expected benefits of a commissioning strategy (or of all of them), added from its questions' cost–benefit cases.</summary>
/// <param name="Totals">One total per currency and price year, earliest year first: amounts at different prices are never added together.</param>
/// <param name="WithoutCase">Questions with no complete cost–benefit case, left out of every total.</param>
public sealed record StrategyBenefitTotals(IReadOnlyList<BenefitTotal> Totals, int WithoutCase);

/// <summary>
/// The expected benefits of commissioning strategies (handbook, chapter 4): the present costs, present benefits and net
/// present values of the questions' own cost–benefit cases (<see cref="CostBenefit"/>) added up per currency and price
/// year. A question in several strategies counts once in a total over them. Benefits are estimates, never targets:
/// nothing pays, ranks or holds anyone to them.
/// </summary>
public static class StrategyBenefits
{
    /// <summary>The totals of <paramref name="cases"/> (see the class).</summary>
    public static StrategyBenefitTotals Of(IEnumerable<StrategyCase> cases)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var once = new HashSet<Guid>();
        var totals = new Dictionary<(string, int), (decimal Cost, decimal Benefit, decimal Net, int N)>();
        var without = 0;
        foreach (var c in cases)
        {
            if (!once.Add(c.Question))
            {
                continue;
            }
            if (c.Worked is not { } w || string.IsNullOrEmpty(c.Currency) || c.PriceYear is not int year)
            {
                without++;
                continue;
            }
            var key = (c.Currency, year);
            var t = totals.GetValueOrDefault(key);
            totals[key] = (t.Cost + w.PresentCost, t.Benefit + w.PresentBenefit, t.Net + w.NetPresentValue, t.N + 1);
        }
        return new StrategyBenefitTotals(
            totals.OrderBy(t => t.Key.Item2).ThenBy(t => t.Key.Item1, StringComparer.Ordinal)
                .Select(t => new BenefitTotal(t.Key.Item1, t.Key.Item2, t.Value.Cost, t.Value.Benefit, t.Value.Net, t.Value.N)).ToList(),
            without);
    }
}
