using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using LocalFlow.Analytics.Economics;
using LocalFlow.Data.Economics;

namespace LocalFlow.Cli.Commands;

/// <summary>
/// `localflow economics`: the figures of the Economics page for the households the locality team took on, at one
/// price year, as CSV or JSON (the same <see cref="CohortReport"/> the page shows). The command line sees every
/// household: nothing is withheld, so keep its output to those who may see people.
/// </summary>
internal static class EconomicsCommand
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static Command Create()
    {
        var year = new Option<int?>("--year") { HelpName = "year", Description = "The price year every cost is restated at (one the price index holds; 2023 by default when it holds it)." };
        var until = new Option<DateOnly?>("--until") { HelpName = "date", Description = "The first day not counted, like 2026-12-07 (tomorrow by default)." };
        var area = new Option<long>("--area") { Description = "Households in the wider area for the extrapolation (the seeds' default: about 22 million in England).", DefaultValueFactory = _ => 22_000_000 };
        var baseYear = new Option<int>("--base-year") { Description = "The year the area's household count is for.", DefaultValueFactory = _ => 2011 };
        var overheads = new Option<double>("--overheads") { Description = "Overheads saved as a percentage of direct costs saved (the seeds leave them out: 0).", DefaultValueFactory = _ => 0 };
        var range = new Option<double>("--range") { Description = "Sensitivity range, plus or minus, as a percentage.", DefaultValueFactory = _ => 50 };
        var glideYears = new Option<int>("--glide-years") { Description = "Years to project the glide path.", DefaultValueFactory = _ => 10 };
        var change = new Option<double>("--change") { Description = "Yearly change in cost on the glide path, as a percentage in real terms.", DefaultValueFactory = _ => 0 };
        var format = new Option<string>("--format") { Description = "csv (default) or json.", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "json");
        var locality = FlowCommand.LocalityOption();
        var command = new Command("economics", """
            The economics of the households the locality team took on: cost by agency group before and after
            (equal periods), unit and end-to-end cost, cumulative transactions and cost by quarter, the tally of
            what was avoided, how concentrated cost is, a glide path and an extrapolation (an estimate), all at
            one price year. See docs/economics.md.
            """)
        {
            year, until, area, baseYear, overheads, range, glideYears, change, format, locality, DatabaseArguments.Database, DatabaseArguments.DataDirectory,
        };
        command.SetAction(async (parse, ct) =>
        {
            if (parse.GetValue(area) < 0 || parse.GetValue(overheads) is < 0 or > 200 || parse.GetValue(range) is < 0 or > 100
                || parse.GetValue(glideYears) is < 1 or > 50 || parse.GetValue(change) is < -50 or > 50)
            {
                Console.Error.WriteLine("--area must be 0 or more, --overheads 0 to 200, --range 0 to 100, --glide-years 1 to 50 and --change -50 to 50.");
                return 2;
            }
            await using var db = await DatabaseArguments.OpenCurrentAsync(parse, "cli economics", ct);
            if (db is null)
            {
                return 1;
            }
            if (await FlowStoreCommands.LocalityAsync(db, parse.GetValue(locality), ct) is not { } localityId)
            {
                return 2;
            }
            var cohort = await CohortCosts.LoadAsync(db, localityId, new HashSet<Guid>(), ct);
            var index = cohort.Index;
            if (index.Years.Count == 0)
            {
                Console.Error.WriteLine("The price index is empty: add it on the price index page (Administration) first.");
                return 1;
            }
            var priceYear = parse.GetValue(year) ?? (index.Covers(2023) ? 2023 : index.Years.Max());
            if (!index.Covers(priceYear))
            {
                Console.Error.WriteLine($"--year {priceYear.ToString(Invariant)}: the price index holds {index.Years.Min().ToString(Invariant)} to {index.Years.Max().ToString(Invariant)} only.");
                return 2;
            }
            var end = parse.GetValue(until) ?? DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1);
            var report = CohortReport.Of(cohort.Activities, cohort.TakenOn, cohort.LocalityHouseholds, end, index, priceYear,
                new ExtrapolationAssumptions(parse.GetValue(area), parse.GetValue(baseYear), parse.GetValue(overheads) / 100, parse.GetValue(range) / 100),
                parse.GetValue(glideYears), parse.GetValue(change) / 100);
            Console.Out.Write(parse.GetValue(format) == "json" ? ToJson(report, cohort) : ToCsv(report, cohort));
            return 0;
        });
        return command;
    }

    private static string ToJson(CohortReport r, CohortCosts cohort) => JsonSerializer.Serialize(new
    {
        r.Comparison.PriceYear,
        r.Comparison.Households,
        r.Comparison.HouseholdYears,
        Groups = r.Comparison.Groups.Select(g => new { Group = g.Group.ToString(), g.TransactionsBefore, g.CostBefore, g.TransactionsAfter, g.CostAfter, g.HouseholdsBefore, g.HouseholdsAfter }),
        r.Comparison.CostBefore,
        r.Comparison.CostAfter,
        r.Comparison.UnitCostBefore,
        r.Comparison.UnitCostAfter,
        r.Comparison.EndToEndBefore,
        r.Comparison.EndToEndAfter,
        r.Comparison.SavingPerYear,
        r.LastYear,
        r.Quarters,
        Avoided = cohort.Avoided.Select(a => new { Kind = a.Kind.ToString(), a.Count, a.Reasons }),
        Concentration = new { r.CostConcentration.Households, r.CostConcentration.ShareForHalf },
        GlidePath = new { r.Glide.FirstYearCost, r.Glide.YearlyChange, r.Glide.Total, r.Glide.Years },
        Extrapolation = new { r.Estimate.PerHousehold, r.Estimate.Estimate, r.Estimate.Low, r.Estimate.High, r.Estimate.Assumptions, Statement = "An estimate, not a finding: one locality's saving scaled to a wider area on these assumptions." },
        RecordsOutsideIndex = cohort.OutsideIndex,
    }, Json) + Environment.NewLine;

    private static string ToCsv(CohortReport r, CohortCosts cohort)
    {
        // One figure per line: section, item, measure, value (the price year is a line of its own and a column of every cost's section).
        var sb = new StringBuilder("section,item,measure,value\n");
        void Line(string section, string item, string measure, IFormattable value) => sb.Append(section).Append(',').Append(Quote(item)).Append(',').Append(measure).Append(',').Append(value.ToString(null, Invariant)).Append('\n');
        var c = r.Comparison;
        Line("cohort", "all", "price_year", c.PriceYear);
        Line("cohort", "all", "households", c.Households);
        Line("cohort", "all", "household_years", Math.Round(c.HouseholdYears, 3));
        foreach (var g in c.Groups)
        {
            Line("by_group", g.Group.ToString(), "transactions_before", g.TransactionsBefore);
            Line("by_group", g.Group.ToString(), "cost_before", g.CostBefore);
            Line("by_group", g.Group.ToString(), "transactions_after", g.TransactionsAfter);
            Line("by_group", g.Group.ToString(), "cost_after", g.CostAfter);
        }
        Line("unit_cost", "per_transaction", "before", c.UnitCostBefore);
        Line("unit_cost", "per_transaction", "after", c.UnitCostAfter);
        Line("end_to_end", "per_household_year", "before", c.EndToEndBefore);
        Line("end_to_end", "per_household_year", "after", c.EndToEndAfter);
        Line("saving", "per_year", "cohort", c.SavingPerYear);
        Line("cost", "last_12_months", "cohort", r.LastYear);
        foreach (var q in r.Quarters)
        {
            var item = q.Quarter.ToString(Invariant);
            Line("by_quarter", item, "households", q.Households);
            Line("by_quarter", item, "transactions", q.Transactions);
            Line("by_quarter", item, "cumulative_transactions", q.CumulativeTransactions);
            Line("by_quarter", item, "cost", q.Cost);
            Line("by_quarter", item, "cumulative_cost", q.CumulativeCost);
        }
        foreach (var a in cohort.Avoided)
        {
            Line("avoided", a.Kind.ToString(), "times", a.Count);
        }
        Line("concentration", "cost", "share_of_households_for_half", Math.Round(r.CostConcentration.ShareForHalf, 4));
        foreach (var y in r.Glide.Years)
        {
            Line("glide_path", y.Year.ToString(Invariant), "cost", y.Cost);
            Line("glide_path", y.Year.ToString(Invariant), "cumulative", y.Cumulative);
        }
        Line("extrapolation", "estimate", "per_household", r.Estimate.PerHousehold);
        Line("extrapolation", "estimate", "central", r.Estimate.Estimate);
        Line("extrapolation", "estimate", "low", r.Estimate.Low);
        Line("extrapolation", "estimate", "high", r.Estimate.High);
        Line("extrapolation", "assumption", "area_households", r.Estimate.Assumptions.AreaHouseholds);
        Line("extrapolation", "assumption", "base_year", r.Estimate.Assumptions.BaseYear);
        Line("extrapolation", "assumption", "overhead_share", r.Estimate.Assumptions.OverheadShare);
        Line("extrapolation", "assumption", "sensitivity", r.Estimate.Assumptions.Sensitivity);
        return sb.ToString();
    }

    internal static string Quote(string text) => text.Contains(',', StringComparison.Ordinal) || text.Contains('"', StringComparison.Ordinal) ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
}
