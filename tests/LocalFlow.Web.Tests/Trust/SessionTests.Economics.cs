using System.Globalization;
using System.Text.RegularExpressions;
using LocalFlow.Web.Tests.Support;

namespace LocalFlow.Web.Tests.Trust;

/// <summary>The economics page follows the small-number rule for those who may not see people (docs/disclosure.md).</summary>
public partial class SessionTests
{
    [Fact]
    public async Task TheEconomicsPage_ShowsAnAnalystCountsRoundedToFive_AndMoneyToTwoSignificantFigures()
    {
        var analyst = await _app.ClientAsync(DemoUsers.Analyst);
        var html = await analyst.GetStringAsync("/Economics");
        // every number in a numeric cell: the cost by agency, the quarters and their chart's data table, the tally, the glide path
        var cells = Regex.Matches(html, "govuk-table__cell--numeric\"[^>]*>(?:<strong>)?(£?)([0-9][0-9,]*(?:\\.[0-9]+)?)<")
            .Select(m => (Pounds: m.Groups[1].Value.Length > 0, Value: decimal.Parse(m.Groups[2].Value, NumberStyles.AllowThousands | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture)))
            .ToList();
        var money = cells.Where(c => c.Pounds).Select(c => c.Value).ToList();
        var counts = cells.Where(c => !c.Pounds).Select(c => c.Value).ToList();
        money.Count.ShouldBeGreaterThan(10);
        counts.Count.ShouldBeGreaterThan(10);
        money.ShouldAllBe(v => SignificantFigures(v) <= 2);
        counts.ShouldAllBe(v => v % 5 == 0);
        // and the figures in the text: the cohort's households and the unit costs
        var households = Regex.Match(html, "([0-9][0-9,]*) households? taken on by the locality team");
        households.Success.ShouldBeTrue();
        (long.Parse(households.Groups[1].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture) % 5).ShouldBe(0);
        foreach (Match m in Regex.Matches(html, "Cost per transaction</dt><dd[^>]*>£([0-9,.]+) before, £([0-9,.]+) after"))
        {
            SignificantFigures(decimal.Parse(m.Groups[1].Value, NumberStyles.Number, CultureInfo.InvariantCulture)).ShouldBeLessThanOrEqualTo(2);
            SignificantFigures(decimal.Parse(m.Groups[2].Value, NumberStyles.Number, CultureInfo.InvariantCulture)).ShouldBeLessThanOrEqualTo(2);
        }
    }

    [Fact]
    public async Task TheEconomicsPagesConcentration_ShowsAnAnalystTheShareMakingHalf_FromRoundedCounts()
    {
        var analyst = await _app.ClientAsync(DemoUsers.Analyst);
        var html = await analyst.GetStringAsync("/Economics");
        var households = long.Parse(Regex.Match(html, "([0-9][0-9,]*) households? taken on by the locality team").Groups[1].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
        var share = Regex.Match(html, "(Fewer than 5|([0-9]+)%) of these households make up half of their whole cost");
        share.Success.ShouldBeTrue();
        if (share.Groups[2].Success)
        {
            // worked out from rounded counts: a multiple of 5 households out of the rounded cohort, to the whole percent
            var percent = int.Parse(share.Groups[2].Value, CultureInfo.InvariantCulture);
            Enumerable.Range(1, (int)(households / 5)).Any(k => Math.Abs((k * 5 * 100.0 / households) - percent) <= 0.5)
                .ShouldBeTrue($"{percent}% of {households} households is not a rounded count of them");
        }
    }

    private static int SignificantFigures(decimal value)
    {
        var digits = value.ToString(CultureInfo.InvariantCulture).Replace(".", "", StringComparison.Ordinal).Trim('0');
        return digits.Length;
    }
}
