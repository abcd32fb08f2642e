using System.Text.RegularExpressions;

namespace LocalFlow.Web.Tests.Locality;

/// <summary>The person page stays light: summaries first, long lists behind "Show all", no list of every worker.</summary>
public partial class LocalityFormsTests
{
    /// <summary>
    /// The most a demo person's page may weigh, in bytes of HTML, as the key worker sees it. It was about 45 KB, most
    /// of it every worker of every other agency offered as an expert; now about 27 KB for the heaviest (27,122 bytes on
    /// the test demo), with room for the actions and contacts other tests add.
    /// </summary>
    private const int MostBytes = 32_000;

    [Fact]
    public async Task ThePersonPage_OfTheBusiestOfMyPeople_StaysUnderItsStatedSize()
    {
        var client = await _app.ClientAsync("keyworker");
        var people = PersonLink().Matches(await client.GetStringAsync("/Locality")).Select(m => m.Groups[1].Value).Distinct().ToList();
        people.Count.ShouldBeGreaterThan(2);
        var sizes = new List<(int Bytes, string Page)>();
        foreach (var page in people)
        {
            sizes.Add(((await client.GetByteArrayAsync(page)).Length, page));
        }
        var (bytes, busiest) = sizes.Max();
        bytes.ShouldBeLessThanOrEqualTo(MostBytes, $"{busiest} weighs {bytes:N0} bytes");
        // what made it heavy is gone: no expert is offered before an agency is chosen, and one form marks actions done
        var html = await client.GetStringAsync(busiest);
        ExpertOption().IsMatch(html).ShouldBeFalse();
        Regex.Count(html, "handler=Done").ShouldBeLessThanOrEqualTo(1);
    }
}
