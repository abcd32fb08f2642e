namespace LocalFlow.Analytics.Economics;

/// <summary>One record of activity for a household of a cohort, with what it cost and the prices it was costed at.</summary>
/// <param name="Household">The household's position in the cohort (0 to households − 1).</param>
/// <param name="On">The day it happened.</param>
/// <param name="Group">Whose cost it is (<see cref="CostGroups.Of"/>).</param>
/// <param name="Cost">What it cost in pounds; null when nothing prices it (it still counts as a transaction).</param>
/// <param name="PriceYear">The year whose prices <paramref name="Cost"/> is in.</param>
public readonly record struct CostedActivity(int Household, DateOnly On, CostGroup Group, decimal? Cost, int PriceYear);

/// <summary>One group's transactions and cost before and after locality working, and how many households each side's figures come from (for small-number suppression).</summary>
public sealed record GroupBeforeAfter(CostGroup Group, int TransactionsBefore, int TransactionsAfter, decimal CostBefore, decimal CostAfter, int HouseholdsBefore = 0, int HouseholdsAfter = 0)
{
    /// <summary>Cost before minus cost after (negative when the group now costs more, as the locality team does).</summary>
    public decimal Saving => CostBefore - CostAfter;
}

/// <summary>A cohort's cost by group under the historic approach and under locality working, at one price year.</summary>
/// <param name="Groups">One row per <see cref="CostGroups.All"/> group, in that order.</param>
/// <param name="Households">Households in the comparison (those taken on before the end date).</param>
/// <param name="HouseholdYears">The length of the after period summed over those households, in years of 365.25 days (the before period is as long).</param>
/// <param name="PriceYear">The year whose prices every cost is in.</param>
public sealed record BeforeAfter(IReadOnlyList<GroupBeforeAfter> Groups, int Households, double HouseholdYears, int PriceYear)
{
    /// <summary>Total cost before.</summary>
    public decimal CostBefore => Groups.Sum(g => g.CostBefore);

    /// <summary>Total cost after, the locality team's own work included.</summary>
    public decimal CostAfter => Groups.Sum(g => g.CostAfter);

    /// <summary>Total transactions before.</summary>
    public int TransactionsBefore => Groups.Sum(g => g.TransactionsBefore);

    /// <summary>Total transactions after.</summary>
    public int TransactionsAfter => Groups.Sum(g => g.TransactionsAfter);

    /// <summary>Cost per transaction before (the unit cost of the historic approach); 0 without transactions.</summary>
    public decimal UnitCostBefore => TransactionsBefore == 0 ? 0 : decimal.Round(CostBefore / TransactionsBefore, 2, MidpointRounding.AwayFromZero);

    /// <summary>Cost per transaction after: dearer when the locality team's longer contacts replace many short ones.</summary>
    public decimal UnitCostAfter => TransactionsAfter == 0 ? 0 : decimal.Round(CostAfter / TransactionsAfter, 2, MidpointRounding.AwayFromZero);

    /// <summary>End-to-end cost per household per year before: all that was spent on a household, whoever spent it; 0 when nothing was observed.</summary>
    public decimal EndToEndBefore => HouseholdYears <= 0 ? 0 : decimal.Round(CostBefore / (decimal)HouseholdYears, 2, MidpointRounding.AwayFromZero);

    /// <summary>End-to-end cost per household per year after.</summary>
    public decimal EndToEndAfter => HouseholdYears <= 0 ? 0 : decimal.Round(CostAfter / (decimal)HouseholdYears, 2, MidpointRounding.AwayFromZero);

    /// <summary>The saving per year for the whole cohort: (before − after) ÷ household-years × households, rounded to the pound; 0 when nothing was observed.</summary>
    public decimal SavingPerYear => HouseholdYears <= 0 ? 0 : decimal.Round((CostBefore - CostAfter) / (decimal)HouseholdYears * Households, 0, MidpointRounding.AwayFromZero);
}

/// <summary>One quarter of slide 17's cumulative transactions and cost, counted from the day each household was taken on.</summary>
/// <param name="Quarter">−1 is the quarter just before being taken on, 0 the first quarter after, and so on.</param>
/// <param name="Households">Households observed for the whole quarter.</param>
/// <param name="Transactions">Records in the quarter.</param>
/// <param name="Cost">Their cost at the price year.</param>
/// <param name="CumulativeTransactions">Transactions so far within the same side (before or after) of being taken on.</param>
/// <param name="CumulativeCost">Cost so far within the same side.</param>
public sealed record QuarterFigures(int Quarter, int Households, int Transactions, decimal Cost, int CumulativeTransactions, decimal CumulativeCost)
{
    /// <summary>Whether the quarter comes before the household was taken on.</summary>
    public bool Before => Quarter < 0;
}

/// <summary>
/// The economics of a cohort of households that a locality team took on, each from its own day: the same records
/// before and after, so that the historic approach and locality working are compared for the same households.
/// </summary>
public static class CohortEconomics
{
    /// <summary>
    /// Cost and transactions by group before and after. For each household taken on at day d (and before
    /// <paramref name="until"/>, the first day not counted), the after period is [d, until) and the before period is
    /// just as long, ending the day before d: equal lengths, so that a long history does not make the past look dear.
    /// Households never taken on (null) are left out. Costs are restated at <paramref name="priceYear"/> one by one
    /// (<see cref="PriceIndex.Restate"/>).
    /// </summary>
    public static BeforeAfter Compare(IEnumerable<CostedActivity> activities, IReadOnlyList<DateOnly?> takenOn, DateOnly until, PriceIndex index, int priceYear)
    {
        ArgumentNullException.ThrowIfNull(activities);
        ArgumentNullException.ThrowIfNull(takenOn);
        ArgumentNullException.ThrowIfNull(index);
        var rows = CostGroups.All.ToDictionary(g => g, _ => (Before: 0, After: 0, CostBefore: 0m, CostAfter: 0m));
        var seen = CostGroups.All.ToDictionary(g => g, _ => (Before: new HashSet<int>(), After: new HashSet<int>()));
        foreach (var a in activities)
        {
            if (Side(a, takenOn, until) is not { } after)
            {
                continue;
            }
            var cost = a.Cost is { } c ? index.Restate(c, a.PriceYear, priceYear) : 0m;
            var r = rows[a.Group];
            rows[a.Group] = after ? (r.Before, r.After + 1, r.CostBefore, r.CostAfter + cost) : (r.Before + 1, r.After, r.CostBefore + cost, r.CostAfter);
            (after ? seen[a.Group].After : seen[a.Group].Before).Add(a.Household);
        }
        var households = 0;
        var days = 0L;
        foreach (var d in takenOn)
        {
            if (d is { } day && day < until)
            {
                households++;
                days += until.DayNumber - day.DayNumber;
            }
        }
        return new BeforeAfter(
            CostGroups.All.Select(g => new GroupBeforeAfter(g, rows[g].Before, rows[g].After, rows[g].CostBefore, rows[g].CostAfter, seen[g].Before.Count, seen[g].After.Count)).ToList(),
            households, days / 365.25, priceYear);
    }

    /// <summary>
    /// Transactions and cost by quarter, from <paramref name="quarters"/> quarters before being taken on to
    /// <paramref name="quarters"/> after, each household from its own day (a quarter is three calendar months from
    /// that day: taken on 15 March, quarter 0 is 15 March to 14 June). A household counts in a quarter only when the
    /// whole quarter is before <paramref name="until"/>; the cumulative columns start again at quarter 0, so that the
    /// two curves of slide 17 can be laid side by side.
    /// </summary>
    public static IReadOnlyList<QuarterFigures> ByQuarter(IEnumerable<CostedActivity> activities, IReadOnlyList<DateOnly?> takenOn, DateOnly until, PriceIndex index, int priceYear, int quarters = 4)
    {
        ArgumentNullException.ThrowIfNull(activities);
        ArgumentNullException.ThrowIfNull(takenOn);
        ArgumentNullException.ThrowIfNull(index);
        ArgumentOutOfRangeException.ThrowIfLessThan(quarters, 1);
        var count = new int[2 * quarters];
        var cost = new decimal[2 * quarters];
        var households = new int[2 * quarters];
        foreach (var d in takenOn)
        {
            if (d is not { } day)
            {
                continue;
            }
            for (var q = -quarters; q < quarters; q++)
            {
                if (day.AddMonths(3 * (q + 1)) <= until)
                {
                    households[q + quarters]++;
                }
            }
        }
        foreach (var a in activities)
        {
            if (takenOn[a.Household] is not { } day || QuarterOf(day, a.On) is not { } q || q < -quarters || q >= quarters || day.AddMonths(3 * (q + 1)) > until)
            {
                continue;
            }
            count[q + quarters]++;
            cost[q + quarters] += a.Cost is { } c ? index.Restate(c, a.PriceYear, priceYear) : 0m;
        }
        var result = new List<QuarterFigures>(2 * quarters);
        var runningCount = 0;
        var runningCost = 0m;
        for (var i = 0; i < 2 * quarters; i++)
        {
            if (i == quarters)
            {
                runningCount = 0;
                runningCost = 0;
            }
            runningCount += count[i];
            runningCost += cost[i];
            result.Add(new QuarterFigures(i - quarters, households[i], count[i], cost[i], runningCount, runningCost));
        }
        return result;
    }

    /// <summary>The quarter of <paramref name="on"/> counted from <paramref name="takenOn"/> (see <see cref="ByQuarter"/>).</summary>
    public static int? QuarterOf(DateOnly takenOn, DateOnly on)
    {
        // Whole months from the day taken on, then whole quarters, rounding towards the past on both sides.
        var months = (on.Year - takenOn.Year) * 12 + on.Month - takenOn.Month;
        if (on < takenOn.AddMonths(months))
        {
            months--;
        }
        return (int)Math.Floor(months / 3.0);
    }

    /// <summary>
    /// The cost of each household of the cohort over its whole history before <paramref name="until"/>, at
    /// <paramref name="priceYear"/>: the amounts a concentration curve (<see cref="Concentration"/>) is drawn from.
    /// </summary>
    public static decimal[] CostPerHousehold(IEnumerable<CostedActivity> activities, int households, DateOnly until, PriceIndex index, int priceYear)
    {
        ArgumentNullException.ThrowIfNull(activities);
        ArgumentNullException.ThrowIfNull(index);
        var result = new decimal[households];
        foreach (var a in activities)
        {
            if (a.On < until && a.Cost is { } c)
            {
                result[a.Household] += index.Restate(c, a.PriceYear, priceYear);
            }
        }
        return result;
    }

    /// <summary>The cost of the cohort in the year (365 days) before <paramref name="until"/>, at <paramref name="priceYear"/>: the starting point of a glide path.</summary>
    public static decimal LastYearCost(IEnumerable<CostedActivity> activities, DateOnly until, PriceIndex index, int priceYear)
    {
        ArgumentNullException.ThrowIfNull(activities);
        ArgumentNullException.ThrowIfNull(index);
        var from = until.AddDays(-365);
        return activities.Where(a => a.On >= from && a.On < until && a.Cost is not null).Sum(a => index.Restate(a.Cost!.Value, a.PriceYear, priceYear));
    }

    private static bool? Side(CostedActivity a, IReadOnlyList<DateOnly?> takenOn, DateOnly until)
    {
        if (takenOn[a.Household] is not { } day || day >= until || a.On >= until)
        {
            return null;
        }
        if (a.On >= day)
        {
            return true;
        }
        var length = until.DayNumber - day.DayNumber;
        return a.On.DayNumber >= day.DayNumber - length ? false : null;
    }
}
