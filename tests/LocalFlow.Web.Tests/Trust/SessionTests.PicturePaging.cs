using System.Net;
using System.Text.RegularExpressions;
using LocalFlow.Web.Tests.Support;

namespace LocalFlow.Web.Tests.Trust;

/// <summary>
/// The locality picture's long tables (households, postcodes) come a page at a time, so that the page stays small at
/// locality scale; every row can still be reached, and a tier refused on a later page keeps the household chosen.
/// </summary>
public partial class SessionTests
{
    private static List<string> Rows(string html, string table)
    {
        var match = Regex.Match(html, $"<table[^>]*id=\"{table}\".*?<tbody[^>]*>(.*?)</tbody>", RegexOptions.Singleline);
        match.Success.ShouldBeTrue(table);
        return Regex.Matches(match.Groups[1].Value, "<tr.*?</tr>", RegexOptions.Singleline).Select(m => m.Value).ToList();
    }

    [Fact]
    public async Task ThePicturesTables_ComeAPageAtATime_AndEveryRowCanBeReached()
    {
        var team = await _app.ClientAsync(DemoUsers.Worker);
        var first = await team.GetStringAsync("/Locality/Picture");
        var caption = Regex.Match(first, "id=\"household-table\">\\s*<caption[^>]*>([0-9,]+) households, showing 1 to 50 of ([0-9,]+)</caption>");
        caption.Success.ShouldBeTrue("the demo has more than one page of flagged households");
        var total = int.Parse(caption.Groups[2].Value.Replace(",", ""), System.Globalization.CultureInfo.InvariantCulture);
        Rows(first, "household-table").Count.ShouldBe(50);
        first.ShouldContain("aria-label=\"Pages of households\"");
        first.ShouldContain("href=\"/Locality/Picture?households=2#households\"");

        // the last page holds the rest, and no row is on two pages
        var pages = (total + 49) / 50;
        var last = await team.GetStringAsync($"/Locality/Picture?households={pages}");
        var lastRows = Rows(last, "household-table");
        lastRows.Count.ShouldBe(total - (pages - 1) * 50);
        lastRows.ShouldNotContain(r => Rows(first, "household-table").Contains(r));
        // a page beyond the last shows the last
        Rows(await team.GetStringAsync("/Locality/Picture?households=99999"), "household-table").ShouldBe(lastRows);

        // the form offers this page's households; a tier refused (no note) keeps the household chosen from page 2
        var second = await team.GetStringAsync("/Locality/Picture?households=2");
        var options = Regex.Match(second, "<select[^>]*id=\"Household\".*?</select>", RegexOptions.Singleline).Value;
        var chosen = Regex.Matches(options, "value=\"([0-9a-f-]{36})\"").Select(m => m.Groups[1].Value).Last();
        first.ShouldNotContain($"value=\"{chosen}\"");
        var token = await LocalFlowApp.AntiforgeryTokenAsync(team, "/Locality/Picture?households=2");
        var refused = await team.PostAsync("/Locality/Picture?handler=Tier&households=2", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Household"] = chosen,
            ["NewTier"] = "3",
            ["Note"] = "",
        }));
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var again = await refused.Content.ReadAsStringAsync();
        again.ShouldContain("Say why you know better than the rule");
        again.ShouldContain($"value=\"{chosen}\" selected");

        // an analyst's postcode table is paged the same way
        var analyst = await _app.ClientAsync(DemoUsers.Analyst);
        var areas = await analyst.GetStringAsync("/Locality/Picture");
        Rows(areas, "postcode-table").Count.ShouldBeLessThanOrEqualTo(50);
    }
}
