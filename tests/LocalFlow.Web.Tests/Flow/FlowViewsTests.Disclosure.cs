using System.Globalization;
using System.Text.RegularExpressions;
using LocalFlow.Analytics;
using LocalFlow.Analytics.Flow;
using LocalFlow.Web.Infrastructure;
using LocalFlow.Web.Pages.Flow;
using LocalFlow.Web.Tests.Support;

namespace LocalFlow.Web.Tests.Flow;

/// <summary>
/// The small-number rule (docs/disclosure.md) on the cohort and hand-off pages, as an analyst or commissioner sees
/// them: every filter is tried, and the pairs of cohorts that differ by one to four people are opened side by side.
/// </summary>
public partial class FlowViewsTests
{
    private static readonly int[] Thresholds = [5, 10, 20, 40];

    [Fact]
    public async Task EveryFilterPair_OnTheCohort_ShowsNoTwoPeopleCountsOneToFourApart_AndNoCellUnderFive()
    {
        var (flow, _, _, stories) = await EngineAsync();
        // Every cohort the filters can choose (at least N records at a few thresholds), with its true size.
        var cohorts = new List<(FlowCohortFilter Filter, IReadOnlyList<PersonFigures> People)>();
        int?[] agencies = [null, .. flow.AgencyIds];
        FlowSignalKind?[] signals = [null, .. Enum.GetValues<FlowSignalKind>().Cast<FlowSignalKind?>()];
        int?[] thresholds = [null, .. Thresholds.Cast<int?>()];
        foreach (var agency in agencies)
        {
            foreach (var signal in signals)
            {
                foreach (var min in thresholds)
                {
                    foreach (var hospital in new[] { false, true })
                    {
                        foreach (var story in new[] { false, true })
                        {
                            var filter = new FlowCohortFilter(agency, signal, min, hospital, story);
                            cohorts.Add((filter, filter.Apply(flow, stories)));
                        }
                    }
                }
            }
        }
        // The differencing pairs: nested cohorts (one filter added) whose true sizes differ by one to four people.
        var attacks = new List<(FlowCohortFilter Wide, FlowCohortFilter Narrow)>();
        var byQuery = cohorts.ToDictionary(c => c.Filter.Query(), c => c.People.Count, StringComparer.Ordinal);
        foreach (var (filter, people) in cohorts)
        {
            foreach (var wider in Wider(filter))
            {
                var gap = byQuery[wider.Query()] - people.Count;
                if (gap is > 0 and < 5 && people.Count >= Disclosure.Smallest)
                {
                    attacks.Add((wider, filter));
                }
            }
            // Every pair of shown sizes is equal or at least five apart, and none is one to four.
            var shown = Disclosure.Count(people.Count);
            if (shown is long n)
            {
                (n % Disclosure.Base).ShouldBe(0);
            }
        }
        attacks.ShouldNotBeEmpty("the demo should have cohorts that differ by one person, as the probe found");

        var analyst = await _app.ClientAsync(DemoUsers.Analyst);
        foreach (var (wide, narrow) in attacks.Take(6))
        {
            var a = await analyst.GetStringAsync("/Flow/Cohort?" + wide.Query());
            var b = await analyst.GetStringAsync("/Flow/Cohort?" + narrow.Query());
            AssertSmallNumbers(a);
            AssertSmallNumbers(b);
            var gap = Math.Abs(PeopleOf(a) - PeopleOf(b));
            (gap == 0 || gap >= Disclosure.Smallest).ShouldBeTrue($"{wide.Query()} and {narrow.Query()} show {PeopleOf(a)} and {PeopleOf(b)} people");
            // The most is never one person's own maximum.
            var values = cohorts.First(c => c.Filter.Query() == narrow.Query()).People.Select(p => (double)p.Records).ToArray();
            Cell(b, "data-max", "records").ShouldBe(Gov.Number(Disclosure.Most(values)));
        }
        foreach (var (_, narrow) in attacks.Take(2))
        {
            AssertNoPathOrArrowOfFewerThanFive(await analyst.GetStringAsync("/Flow/Handoffs?" + narrow.Query()));
        }
    }

    /// <summary>The filters with one of them taken away: each is a cohort that holds this one.</summary>
    private static IEnumerable<FlowCohortFilter> Wider(FlowCohortFilter f)
    {
        if (f.Agency is not null)
        {
            yield return f with { Agency = null };
        }
        if (f.Signal is not null)
        {
            yield return f with { Signal = null };
        }
        if (f.MinRecords is not null)
        {
            yield return f with { MinRecords = null };
        }
        if (f.Hospital)
        {
            yield return f with { Hospital = false };
        }
        if (f.Stories)
        {
            yield return f with { Stories = false };
        }
    }

    private static long Number(string text) => long.Parse(text.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);

    /// <summary>Every count on a cohort page shown to someone who may not see people is a multiple of 5 or "fewer than 5".</summary>
    private static void AssertSmallNumbers(string html)
    {
        if (html.Contains("id=\"cohort-withheld\"", StringComparison.Ordinal))
        {
            html.ShouldNotContain("data-count");
            return;
        }
        foreach (Match m in Regex.Matches(html, "data-count=\"([a-z-]+)\">([^<]*)<"))
        {
            var (key, value) = (m.Groups[1].Value, System.Net.WebUtility.HtmlDecode(m.Groups[2].Value));
            if (key is "helped" or "cost" || value.Length == 0)
            {
                continue;
            }
            (Number(value) % Disclosure.Base).ShouldBe(0, $"the count {key} shows {value}");
        }
        foreach (Match table in Regex.Matches(html, "id=\"spread-[a-z-]+-table\".*?</table>", RegexOptions.Singleline))
        {
            foreach (Match cell in Regex.Matches(table.Value, "govuk-table__cell--numeric\">([^<]*)<"))
            {
                var value = cell.Groups[1].Value;
                if (value != "fewer than 5")
                {
                    var n = Number(value);
                    (n % Disclosure.Base).ShouldBe(0, $"a histogram bar shows {value} people");
                }
            }
        }
    }

    /// <summary>No arrow of the hand-off table and no path is shown for fewer than five people, and each is rounded.</summary>
    private static void AssertNoPathOrArrowOfFewerThanFive(string html)
    {
        if (html.Contains("id=\"cohort-withheld\"", StringComparison.Ordinal))
        {
            return;
        }
        foreach (var row in TableRows(html, "handoff-map-table"))
        {
            var people = Number(row[3]);
            people.ShouldBeGreaterThanOrEqualTo(Disclosure.Smallest, $"{row[0]} to {row[1]}");
            (people % Disclosure.Base).ShouldBe(0);
            (Number(row[2]) % Disclosure.Base).ShouldBe(0);
        }
        if (html.Contains("id=\"path-table\"", StringComparison.Ordinal))
        {
            foreach (var row in TableRows(html, "path-table"))
            {
                Number(row[2]).ShouldBeGreaterThanOrEqualTo(Disclosure.Smallest, row[1]);
                (Number(row[2]) % Disclosure.Base).ShouldBe(0);
            }
        }
    }
}
