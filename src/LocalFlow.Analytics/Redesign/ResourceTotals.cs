using LocalFlow.Analytics.Economics;

namespace LocalFlow.Analytics.Redesign;

/// <summary>Who puts the money in: the partners of the resource database. The numbers are stored and never change meaning.</summary>
public enum FundingPartner
{
    /// <summary>The council (or councils) of the area.</summary>
    Council = 1,
    /// <summary>NHS trusts, GP practices and the integrated care board.</summary>
    Nhs = 2,
    /// <summary>The police force.</summary>
    Police = 3,
    /// <summary>Schools' own budgets.</summary>
    Schools = 4,
    /// <summary>Benefits paid to people in the area (the Department for Work and Pensions and housing benefit).</summary>
    Benefits = 5,
    /// <summary>What citizens put in themselves: charges, their own contributions, their time valued in money.</summary>
    Citizens = 6,
    /// <summary>Any other partner (fire, housing associations, charities), named in the line's body.</summary>
    Other = 99,
}

/// <summary>How often an amount is spent. The numbers are stored and never change meaning.</summary>
public enum MoneyPeriod
{
    /// <summary>The amount is spent every year.</summary>
    PerYear = 1,
    /// <summary>The amount is spent every month.</summary>
    PerMonth = 2,
    /// <summary>The amount is spent every week.</summary>
    PerWeek = 3,
    /// <summary>Spent once (a building works, a set-up cost): kept apart from the yearly totals.</summary>
    OneOff = 4,
}

/// <summary>One line of the resource database's money: a partner's spending on a purpose, at one price year.</summary>
/// <param name="Partner">Who spends it.</param>
/// <param name="Purpose">What it is spent on, in words ("Adult social care", "Early help").</param>
/// <param name="Amount">Pounds per <paramref name="Period"/>, at <paramref name="PriceYear"/>'s prices; never negative.</param>
/// <param name="PriceYear">The year whose prices the amount is in.</param>
/// <param name="Period">How often it is spent.</param>
public readonly record struct MoneyLine(FundingPartner Partner, string Purpose, decimal Amount, int PriceYear, MoneyPeriod Period);

/// <summary>One row of a total: the key (a partner or a purpose), money a year and one-off money, both at the totals' price year.</summary>
/// <param name="Key">The partner's or purpose's name.</param>
/// <param name="PerYear">Money a year at the totals' price year.</param>
/// <param name="OneOff">One-off money at the totals' price year.</param>
/// <param name="Lines">How many lines were added.</param>
public sealed record MoneyTotal(string Key, decimal PerYear, decimal OneOff, int Lines);

/// <summary>The money of the resource database added up by partner and by purpose, at one price year.</summary>
/// <param name="PriceYear">The year whose prices every total is in.</param>
/// <param name="ByPartner">Per partner, in the order of <see cref="FundingPartner"/>, partners with no lines left out.</param>
/// <param name="ByPurpose">Per purpose, the largest yearly total first (ties by name); purposes differing only in case or spaces are one.</param>
/// <param name="PerYear">All money a year.</param>
/// <param name="OneOff">All one-off money.</param>
/// <param name="CitizensShare">The share of the yearly money that citizens put in themselves (0 to 1), or null when there is none.</param>
/// <param name="NotRestated">Lines left out because the price index holds no number for their price year (or for the totals' year).</param>
public sealed record MoneyTotals(
    int PriceYear, IReadOnlyList<(FundingPartner Partner, MoneyTotal Total)> ByPartner, IReadOnlyList<MoneyTotal> ByPurpose,
    decimal PerYear, decimal OneOff, double? CitizensShare, IReadOnlyList<MoneyLine> NotRestated);

/// <summary>
/// Totals of the resource database's money (handbook, chapter 4: "all the money that partners spend on outcomes,
/// including revenue contributed by citizens"). Definitions:
/// <list type="bullet">
/// <item>A line's money a year is its amount per year, × 12 per month, × 52 per week; a one-off amount is not money a
/// year and is added apart.</item>
/// <item>Every amount is first restated at the totals' price year by the price index (<see cref="PriceIndex.Restate"/>),
/// line by line, then added, so a total equals the sum of its rows. A line whose price year the index does not hold is
/// left out of every total and listed in <see cref="MoneyTotals.NotRestated"/>, never added at the wrong prices.</item>
/// <item>Purposes are grouped by their words with case and surrounding or repeated spaces ignored; the first spelling met names the group.</item>
/// </list>
/// Nothing here ranks partners: the totals show where the money is, for a group to see the whole system.
/// </summary>
public static class ResourceTotals
{
    /// <summary>The amount as money a year: per year as it is, per month × 12, per week × 52; a one-off amount gives 0.</summary>
    public static decimal PerYear(decimal amount, MoneyPeriod period) => period switch
    {
        MoneyPeriod.PerYear => amount,
        MoneyPeriod.PerMonth => amount * 12,
        MoneyPeriod.PerWeek => amount * 52,
        MoneyPeriod.OneOff => 0m,
        _ => throw new ArgumentOutOfRangeException(nameof(period), period, "Not a period LocalFlow knows."),
    };

    /// <summary>The lines added up by partner and purpose at <paramref name="priceYear"/>'s prices (see the class for the definitions).</summary>
    public static MoneyTotals Of(IEnumerable<MoneyLine> lines, PriceIndex index, int priceYear)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(index);
        var partners = new Dictionary<FundingPartner, (decimal Year, decimal Once, int N)>();
        var purposes = new Dictionary<string, (string Name, decimal Year, decimal Once, int N)>(StringComparer.OrdinalIgnoreCase);
        var notRestated = new List<MoneyLine>();
        decimal perYear = 0, oneOff = 0, citizens = 0;
        foreach (var line in lines)
        {
            if (!index.Covers(line.PriceYear) || !index.Covers(priceYear))
            {
                notRestated.Add(line);
                continue;
            }
            var amount = index.Restate(line.Amount, line.PriceYear, priceYear);
            var year = PerYear(amount, line.Period);
            var once = line.Period == MoneyPeriod.OneOff ? amount : 0m;
            perYear += year;
            oneOff += once;
            if (line.Partner == FundingPartner.Citizens)
            {
                citizens += year;
            }
            var p = partners.GetValueOrDefault(line.Partner);
            partners[line.Partner] = (p.Year + year, p.Once + once, p.N + 1);
            var key = PurposeKey(line.Purpose);
            var u = purposes.TryGetValue(key, out var found) ? found : (Name: key, Year: 0m, Once: 0m, N: 0);
            purposes[key] = (u.Name, u.Year + year, u.Once + once, u.N + 1);
        }
        return new MoneyTotals(
            priceYear,
            partners.OrderBy(kv => kv.Key).Select(kv => (kv.Key, new MoneyTotal(kv.Key.ToString(), kv.Value.Year, kv.Value.Once, kv.Value.N))).ToList(),
            purposes.Values.OrderByDescending(v => v.Year).ThenBy(v => v.Name, StringComparer.OrdinalIgnoreCase)
                .Select(v => new MoneyTotal(v.Name, v.Year, v.Once, v.N)).ToList(),
            perYear, oneOff, perYear > 0 ? (double)(citizens / perYear) : null, notRestated);
    }

    /// <summary>A purpose's grouping key: its words, single-spaced, case ignored by the caller's comparer.</summary>
    public static string PurposeKey(string purpose)
        => string.Join(' ', (purpose ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
