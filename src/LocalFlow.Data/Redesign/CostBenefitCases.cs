using System.Globalization;
using LocalFlow.Analytics.Redesign;
using LocalFlow.Data.Entities;

namespace LocalFlow.Data.Redesign;

/// <summary>A question's cost–benefit case as typed: one row per year, the rate as a percentage.</summary>
public sealed class CostBenefitInput
{
    public List<CostBenefitRow> Rows { get; set; } = [];
    /// <summary>The discount rate in per cent (3.5 for 3.5%).</summary>
    public decimal? RatePercent { get; set; }
    public string? Currency { get; set; }
    public int? PriceYear { get; set; }
    public int Version { get; set; }
}

/// <summary>One year's row as typed. A row left wholly blank is ignored.</summary>
public sealed class CostBenefitRow
{
    public int? Year { get; set; }
    public decimal? Cost { get; set; }
    public decimal? Benefit { get; set; }

    public bool IsBlank => Year is null && Cost is null && Benefit is null;
}

/// <summary>Storing a question's cost–benefit case, checked by <see cref="CostBenefit.Check"/>.</summary>
public static class CostBenefitCases
{
    /// <summary>The question's stored case, or null when none is entered.</summary>
    public static CostBenefitCase? CaseOf(CommissioningQuestion q)
        => q.DiscountRate is null && q.Years.Count == 0
            ? null
            : new CostBenefitCase(q.Years.OrderBy(y => y.Year).Select(y => new CostBenefitYear(y.Year, y.Cost, y.Benefit)).ToList(), q.DiscountRate ?? 0, q.Currency, q.PriceYear);

    /// <summary>The question's worked case, or null when none is entered or it does not pass the checks.</summary>
    public static CostBenefitResult? WorkedOf(CommissioningQuestion q)
        => CaseOf(q) is { } c && CostBenefit.Check(c).Count == 0 ? CostBenefit.Work(c) : null;

    /// <summary>
    /// Checks and stores the case, replacing the question's years. Every problem comes back by field ("Rows[2].Cost",
    /// "RatePercent", "Currency", "PriceYear"). Refused (nothing saved) when the question changed since it was read.
    /// </summary>
    public static async Task<QuestionSave?> SaveAsync(LocalFlowDb db, int localityId, Guid id, CostBenefitInput input, string by, CancellationToken ct = default)
    {
        if (await Questions.FindAsync(db, localityId, id, ct) is not { } q)
        {
            return null;
        }
        if (q.Version != input.Version)
        {
            return new(false, q);
        }
        var errors = new Dictionary<string, string>();
        var kept = new List<(int Index, CostBenefitYear Year)>();
        for (var i = 0; i < input.Rows.Count; i++)
        {
            var row = input.Rows[i];
            if (row.IsBlank)
            {
                continue;
            }
            if (row.Year is null)
            {
                errors[$"Rows[{i}].Year"] = $"Row {i + 1}: enter the year (0 is the first year).";
                continue;
            }
            kept.Add((i, new CostBenefitYear(row.Year.Value, row.Cost ?? 0, row.Benefit ?? 0)));
        }
        var currency = (input.Currency ?? "").Trim().ToUpperInvariant();
        var rate = input.RatePercent is decimal r ? r / 100m : -1m;
        var @case = new CostBenefitCase(kept.Select(k => k.Year).ToList(), rate, currency, input.PriceYear);
        foreach (var p in CostBenefit.Check(@case))
        {
            var key = p.Field switch
            {
                CostBenefitField.DiscountRate => "RatePercent",
                CostBenefitField.Currency => "Currency",
                CostBenefitField.PriceYear => "PriceYear",
                CostBenefitField.Years when p.Row is null => "Rows",
                _ => $"Rows[{kept[p.Row!.Value - 1].Index}].{(p.Field == CostBenefitField.Years ? "Year" : p.Field.ToString())}",
            };
            var message = p.Row is int n ? p.Message.Replace($"Row {n}:", $"Row {kept[n - 1].Index + 1}:", StringComparison.Ordinal) : p.Message;
            if (key == "RatePercent" && input.RatePercent is null)
            {
                message = "Enter the discount rate in per cent, for example 3.5.";
            }
            errors.TryAdd(key, message);
        }
        if (currency.Length is > 0 and not 3)
        {
            errors.TryAdd("Currency", "Enter the currency as its three-letter code, for example GBP.");
        }
        if (errors.Count > 0)
        {
            throw new RedesignInputException(errors);
        }
        db.QuestionYears.RemoveRange(q.Years);
        q.Years.Clear();
        foreach (var (_, y) in kept)
        {
            q.Years.Add(new QuestionYear { LocalityId = localityId, QuestionId = id, Year = y.Year, Cost = y.Cost, Benefit = y.Benefit });
        }
        q.DiscountRate = rate;
        q.Currency = currency;
        q.PriceYear = input.PriceYear;
        return await Questions.SaveVersionAsync(db, q, by, ct);
    }

    /// <summary>The rate as typed back into the form (3.5 for 0.035).</summary>
    public static string RateText(decimal? rate) => rate is decimal r ? (r * 100).ToString("0.##", CultureInfo.InvariantCulture) : "";
}
