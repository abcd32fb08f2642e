using System.Globalization;

namespace LocalFlow.Analytics.Economics;

/// <summary>
/// A price index by year (for example HM Treasury's GDP deflator, or the PSSRU pay and prices index): one positive
/// number per year, any base. A cost is restated from the prices of one year to those of another by the ratio of the
/// two years' numbers. Every cost LocalFlow shows at a chosen price year is restated here.
/// </summary>
public sealed class PriceIndex
{
    private readonly SortedDictionary<int, decimal> _values;

    /// <summary>An index from (year, value) pairs. Each year at most once; every value above zero.</summary>
    /// <exception cref="ArgumentException">A year appears twice or a value is zero or negative (the message names the year).</exception>
    public PriceIndex(IEnumerable<(int Year, decimal Value)> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        _values = [];
        foreach (var (year, value) in values)
        {
            if (value <= 0)
            {
                throw new ArgumentException($"The price index for {year.ToString(CultureInfo.InvariantCulture)} must be above zero.", nameof(values));
            }
            if (!_values.TryAdd(year, value))
            {
                throw new ArgumentException($"The price index has {year.ToString(CultureInfo.InvariantCulture)} twice.", nameof(values));
            }
        }
    }

    /// <summary>The years the index holds, earliest first.</summary>
    public IReadOnlyCollection<int> Years => _values.Keys;

    /// <summary>Whether the index holds <paramref name="year"/>.</summary>
    public bool Covers(int year) => _values.ContainsKey(year);

    /// <summary>The index's number for <paramref name="year"/>, if it holds one.</summary>
    public decimal? ValueFor(int year) => _values.TryGetValue(year, out var v) ? v : null;

    /// <summary>
    /// <paramref name="amount"/> at <paramref name="fromYear"/>'s prices, restated at <paramref name="toYear"/>'s:
    /// amount × index(to) ÷ index(from), rounded to the penny (halves away from zero). The same year gives the amount
    /// back unchanged. A sum of costs is restated cost by cost and then added, so that a total always equals the sum
    /// of the rows shown beside it.
    /// </summary>
    /// <exception cref="ArgumentException">The index holds neither or only one of the two years (the message names it).</exception>
    public decimal Restate(decimal amount, int fromYear, int toYear)
    {
        if (fromYear == toYear)
        {
            return amount;
        }
        var from = ValueFor(fromYear) ?? throw Missing(fromYear);
        var to = ValueFor(toYear) ?? throw Missing(toYear);
        return decimal.Round(amount * to / from, 2, MidpointRounding.AwayFromZero);
    }

    /// <summary>
    /// The sum of dated costs restated at <paramref name="toYear"/>: each (amount, price year) restated by
    /// <see cref="Restate"/>, then added.
    /// </summary>
    public decimal Total(IEnumerable<(decimal Amount, int PriceYear)> costs, int toYear)
    {
        ArgumentNullException.ThrowIfNull(costs);
        var total = 0m;
        foreach (var (amount, year) in costs)
        {
            total += Restate(amount, year, toYear);
        }
        return total;
    }

    private static ArgumentException Missing(int year)
        => new($"The price index has no figure for {year.ToString(CultureInfo.InvariantCulture)}: add it on the price index page before restating costs at or from that year.");
}
