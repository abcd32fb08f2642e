namespace LocalFlow.Analytics.Economics;

/// <summary>One point of a concentration (Lorenz) curve: the dearest share of households and their share of the total.</summary>
/// <param name="HouseholdShare">Share of households, from the one with most (0 to 1).</param>
/// <param name="TotalShare">Their share of the whole amount (0 to 1).</param>
public readonly record struct LorenzPoint(double HouseholdShare, double TotalShare);

/// <summary>
/// How concentrated demand or cost is across households ("5% of people use 50% of the resource"): a Lorenz curve
/// drawn from the household with most downwards, and the smallest share of households that makes up half the total.
/// It is a shape over anonymous households, never a ranking of named people.
/// </summary>
/// <param name="Curve">One point per household plus (0, 0), households ordered from most to least.</param>
/// <param name="Households">How many households (those with nothing included).</param>
/// <param name="ShareForHalf">The smallest share of households whose amounts add up to at least half the total; 0 when the total is 0.</param>
public sealed record Concentration(IReadOnlyList<LorenzPoint> Curve, int Households, double ShareForHalf)
{
    /// <summary>The curve for <paramref name="amounts"/> (one per household: records, or cost in pounds).</summary>
    public static Concentration Of(IReadOnlyList<decimal> amounts)
    {
        ArgumentNullException.ThrowIfNull(amounts);
        var sorted = amounts.OrderByDescending(a => a).ToArray();
        var total = sorted.Sum();
        var curve = new List<LorenzPoint>(sorted.Length + 1) { new(0, 0) };
        var running = 0m;
        var half = 0.0;
        for (var i = 0; i < sorted.Length; i++)
        {
            running += sorted[i];
            var share = total == 0 ? 0 : (double)(running / total);
            if (half == 0 && total > 0 && running * 2 >= total)
            {
                half = (i + 1) / (double)sorted.Length;
            }
            curve.Add(new LorenzPoint((i + 1) / (double)sorted.Length, share));
        }
        return new Concentration(curve, sorted.Length, half);
    }

    /// <summary>
    /// The curve read at every <c>1/parts</c> of the households from the one with most (<see cref="TotalShareOf"/>):
    /// <paramref name="parts"/> + 1 points from (0, 0) to all households, as the pages draw it (tenths).
    /// </summary>
    public IReadOnlyList<LorenzPoint> At(int parts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(parts, 1);
        return [.. Enumerable.Range(0, parts + 1).Select(k => new LorenzPoint(k / (double)parts, TotalShareOf(k / (double)parts)))];
    }

    /// <summary>The share of the total made by the dearest <paramref name="householdShare"/> of households (read off the curve, between points by straight line).</summary>
    public double TotalShareOf(double householdShare)
    {
        if (Households == 0)
        {
            return 0;
        }
        var x = Math.Clamp(householdShare, 0, 1) * Households;
        var i = (int)Math.Floor(x);
        if (i >= Households)
        {
            return Curve[^1].TotalShare;
        }
        return Curve[i].TotalShare + (Curve[i + 1].TotalShare - Curve[i].TotalShare) * (x - i);
    }
}
