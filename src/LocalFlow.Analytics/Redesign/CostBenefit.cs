using System.Globalization;

namespace LocalFlow.Analytics.Redesign;

/// <summary>One year of a cost–benefit case: what the change costs and what it is expected to save or gain that year.</summary>
/// <param name="Year">Years from the start: 0 is the first year (not discounted), 1 the next, and so on. Never negative.</param>
/// <param name="Cost">What the change costs in that year, in pounds at the case's price year. Zero or more.</param>
/// <param name="Benefit">What the change is expected to save or gain in that year (an estimate), same units. Zero or more.</param>
public sealed record CostBenefitYear(int Year, decimal Cost, decimal Benefit);

/// <summary>A cost–benefit case as entered: its years, the discount rate and the money's currency and price year.</summary>
/// <param name="Years">The years, each at most once, in any order.</param>
/// <param name="DiscountRate">The yearly discount rate as a fraction: 0.035 for HM Treasury's Green Book 3.5%. From 0 to 0.20.</param>
/// <param name="Currency">The currency the amounts are in (ISO 4217, e.g. "GBP"). Must be stated.</param>
/// <param name="PriceYear">The year whose prices the amounts are in (real terms). Must be stated.</param>
public sealed record CostBenefitCase(IReadOnlyList<CostBenefitYear> Years, decimal DiscountRate, string? Currency, int? PriceYear);

/// <summary>One year of the worked case: the discount factor and the discounted amounts.</summary>
/// <param name="Year">Years from the start.</param>
/// <param name="Factor">The discount factor 1 ÷ (1 + rate)^year.</param>
/// <param name="Cost">The year's cost, discounted.</param>
/// <param name="Benefit">The year's benefit, discounted.</param>
/// <param name="CumulativeNet">Discounted benefits less discounted costs from year 0 up to and including this year.</param>
public sealed record DiscountedYear(int Year, decimal Factor, decimal Cost, decimal Benefit, decimal CumulativeNet);

/// <summary>The worked cost–benefit case. Every amount is an estimate at the case's price year, rounded to the penny for showing.</summary>
/// <param name="Years">Each year with its discounted amounts, earliest first (years the case skips count as zero and are not listed).</param>
/// <param name="PresentCost">The sum of the discounted costs.</param>
/// <param name="PresentBenefit">The sum of the discounted benefits.</param>
/// <param name="NetPresentValue">Present benefit less present cost.</param>
/// <param name="ReturnOnInvestment">Net present value ÷ present cost (0.25 is 25%), or null when nothing is spent.</param>
/// <param name="PaybackYear">The first year in which the cumulative discounted net is zero or more after some cost, or null if it never is.</param>
public sealed record CostBenefitResult(
    IReadOnlyList<DiscountedYear> Years, decimal PresentCost, decimal PresentBenefit, decimal NetPresentValue,
    decimal? ReturnOnInvestment, int? PaybackYear);

/// <summary>
/// Cost–benefit over years, the third step of a commissioning question (feasibility, cost–benefit, implementation plan).
/// Discounting follows HM Treasury's Green Book: an amount in year t is worth amount ÷ (1 + r)^t today, year 0 undiscounted.
/// Net present value = Σ discounted benefits − Σ discounted costs; return on investment = NPV ÷ Σ discounted costs; the
/// payback year is the first year in which the running total of discounted benefits less costs reaches zero.
/// Benefits are estimates, never targets: nothing here is used to pay or rank anyone.
/// </summary>
public static class CostBenefit
{
    /// <summary>The highest discount rate accepted (20%). The Green Book rate is 3.5%.</summary>
    public const decimal MaxRate = 0.20m;

    /// <summary>The most years a case may cover (a generation: the pathway runs to 99 years, a case to 60).</summary>
    public const int MaxYears = 60;

    /// <summary>
    /// Every problem with the case, each naming the year or field: a negative or repeated year, a year beyond
    /// <see cref="MaxYears"/>, a negative cost or benefit, a rate outside 0–20%, no currency, no price year, no years.
    /// An empty list means the case can be worked.
    /// </summary>
    public static IReadOnlyList<CostBenefitProblem> Check(CostBenefitCase input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var problems = new List<CostBenefitProblem>();
        if (input.DiscountRate < 0 || input.DiscountRate > MaxRate)
        {
            problems.Add(new(CostBenefitField.DiscountRate, null, $"The discount rate must be from 0% to {Percent(MaxRate)}; it is {Percent(input.DiscountRate)}."));
        }
        if (string.IsNullOrWhiteSpace(input.Currency))
        {
            problems.Add(new(CostBenefitField.Currency, null, "State the currency the amounts are in, for example GBP."));
        }
        if (input.PriceYear is null)
        {
            problems.Add(new(CostBenefitField.PriceYear, null, "State the price year the amounts are in, for example 2025."));
        }
        else if (input.PriceYear < 1900 || input.PriceYear > 2200)
        {
            problems.Add(new(CostBenefitField.PriceYear, null, $"The price year must be a year such as 2025; it is {input.PriceYear.Value.ToString(CultureInfo.InvariantCulture)}."));
        }
        if (input.Years.Count == 0)
        {
            problems.Add(new(CostBenefitField.Years, null, "Enter the costs and benefits of at least one year."));
        }
        var seen = new HashSet<int>();
        for (var i = 0; i < input.Years.Count; i++)
        {
            var y = input.Years[i];
            var row = i + 1;
            if (y.Year < 0)
            {
                problems.Add(new(CostBenefitField.Years, row, $"Row {row}: the year must be 0 or more (0 is the first year); it is {y.Year.ToString(CultureInfo.InvariantCulture)}."));
            }
            else if (y.Year > MaxYears)
            {
                problems.Add(new(CostBenefitField.Years, row, $"Row {row}: the year must be at most {MaxYears}; it is {y.Year.ToString(CultureInfo.InvariantCulture)}."));
            }
            else if (!seen.Add(y.Year))
            {
                problems.Add(new(CostBenefitField.Years, row, $"Row {row}: year {y.Year.ToString(CultureInfo.InvariantCulture)} is entered twice."));
            }
            if (y.Cost < 0)
            {
                problems.Add(new(CostBenefitField.Cost, row, $"Row {row}: the cost must be zero or more."));
            }
            if (y.Benefit < 0)
            {
                problems.Add(new(CostBenefitField.Benefit, row, $"Row {row}: the benefit must be zero or more."));
            }
        }
        return problems;
    }

    /// <summary>Works the case: discounted years, present cost and benefit, net present value, return on investment and payback year.</summary>
    /// <exception cref="ArgumentException">The case has a problem <see cref="Check"/> finds (the message is the first one).</exception>
    public static CostBenefitResult Work(CostBenefitCase input)
    {
        var problems = Check(input);
        if (problems.Count > 0)
        {
            throw new ArgumentException(problems[0].Message, nameof(input));
        }
        var years = input.Years.OrderBy(y => y.Year).ToList();
        var rows = new List<DiscountedYear>(years.Count);
        decimal presentCost = 0, presentBenefit = 0, running = 0, spent = 0;
        int? payback = null;
        foreach (var y in years)
        {
            var factor = Factor(input.DiscountRate, y.Year);
            // Amounts are kept unrounded until the totals, so the totals do not carry rounding from each year.
            var cost = y.Cost * factor;
            var benefit = y.Benefit * factor;
            presentCost += cost;
            presentBenefit += benefit;
            spent += cost;
            running += benefit - cost;
            if (payback is null && spent > 0 && running >= 0)
            {
                payback = y.Year;
            }
            rows.Add(new(y.Year, decimal.Round(factor, 6, MidpointRounding.AwayFromZero), Penny(cost), Penny(benefit), Penny(running)));
        }
        var npv = presentBenefit - presentCost;
        decimal? roi = presentCost == 0 ? null : decimal.Round(npv / presentCost, 4, MidpointRounding.AwayFromZero);
        return new(rows, Penny(presentCost), Penny(presentBenefit), Penny(npv), roi, payback);
    }

    /// <summary>The discount factor 1 ÷ (1 + rate)^year, in decimal arithmetic (exact for the rates and years allowed).</summary>
    public static decimal Factor(decimal rate, int year)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(year);
        var growth = 1m;
        for (var i = 0; i < year; i++)
        {
            growth *= 1 + rate;
        }
        return 1m / growth;
    }

    private static decimal Penny(decimal amount) => decimal.Round(amount, 2, MidpointRounding.AwayFromZero);

    private static string Percent(decimal fraction) => (fraction * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%";
}

/// <summary>Which part of a cost–benefit case a problem is about (for putting the message beside the right field).</summary>
public enum CostBenefitField
{
    /// <summary>The list of years as a whole, or one year's number.</summary>
    Years,
    /// <summary>A year's cost.</summary>
    Cost,
    /// <summary>A year's benefit.</summary>
    Benefit,
    /// <summary>The discount rate.</summary>
    DiscountRate,
    /// <summary>The currency.</summary>
    Currency,
    /// <summary>The price year.</summary>
    PriceYear,
}

/// <summary>One problem with a cost–benefit case.</summary>
/// <param name="Field">The field it is about.</param>
/// <param name="Row">The row (1 = first year entered), or null for the case as a whole.</param>
/// <param name="Message">A plain-English message naming the row or field.</param>
public sealed record CostBenefitProblem(CostBenefitField Field, int? Row, string Message);
