namespace LocalFlow.Analytics.Economics;

/// <summary>One year of a glide path: what that year is projected to cost and the total so far.</summary>
public readonly record struct GlideYear(int Year, decimal Cost, decimal Cumulative);

/// <summary>
/// The projected cost of a person or cohort if nothing changes ("firmly on the glide path into the residential care
/// system at a cost of around £250,000 over the next 10 years"). Assumptions, all stated beside the figure: the
/// first year costs <paramref name="FirstYearCost"/> (by default what the last twelve months cost), each later year
/// changes by <paramref name="YearlyChange"/> in real terms (0.05 is 5% a year dearer; 0 by default), prices stay at
/// one price year, and nothing is discounted.
/// </summary>
public sealed record GlidePath(decimal FirstYearCost, double YearlyChange, IReadOnlyList<GlideYear> Years)
{
    /// <summary>The projected total over all years.</summary>
    public decimal Total => Years.Count == 0 ? 0 : Years[^1].Cumulative;

    /// <summary>Projects <paramref name="years"/> years: year n costs first × (1 + change)^(n − 1), rounded to the pound.</summary>
    public static GlidePath Project(decimal firstYearCost, int years, double yearlyChange = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(firstYearCost);
        ArgumentOutOfRangeException.ThrowIfLessThan(years, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(yearlyChange, -1);
        var list = new List<GlideYear>(years);
        var cumulative = 0m;
        for (var n = 1; n <= years; n++)
        {
            var cost = decimal.Round(firstYearCost * (decimal)Math.Pow(1 + yearlyChange, n - 1), 0, MidpointRounding.AwayFromZero);
            cumulative += cost;
            list.Add(new GlideYear(n, cost, cumulative));
        }
        return new GlidePath(firstYearCost, yearlyChange, list);
    }
}
