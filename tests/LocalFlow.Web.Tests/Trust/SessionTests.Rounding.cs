using System.Globalization;
using System.Text.RegularExpressions;
using LocalFlow.Web.Tests.Support;

namespace LocalFlow.Web.Tests.Trust;

/// <summary>The locality picture's chart tables follow the small-number rule for those who may not see people (docs/disclosure.md).</summary>
public partial class SessionTests
{
    [Fact]
    public async Task ThePicturesTierCharts_ShowAnAnalystOnlyCountsRoundedToFive()
    {
        var analyst = await _app.ClientAsync(DemoUsers.Analyst);
        var html = await analyst.GetStringAsync("/Locality/Picture");
        var numbers = new List<long>();
        foreach (var id in new[] { "tiers-table", "tiers-over-time-table" })
        {
            var table = Regex.Match(html, $"<table[^>]*id=\"{id}\".*?</table>", RegexOptions.Singleline);
            table.Success.ShouldBeTrue(id);
            numbers.AddRange(Regex.Matches(table.Value, "govuk-table__cell--numeric\">([0-9][0-9,]*)<")
                .Select(m => long.Parse(m.Groups[1].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture)));
        }
        numbers.ShouldNotBeEmpty();
        numbers.ShouldAllBe(n => n % 5 == 0);
    }
}
