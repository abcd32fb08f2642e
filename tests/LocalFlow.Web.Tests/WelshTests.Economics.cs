using LocalFlow.Web.Tests.Support;

namespace LocalFlow.Web.Tests;

/// <summary>The economics of locality working in Welsh (issue 15): the page, and an assumption out of range refused in Welsh.</summary>
public partial class WelshTests
{
    [Theory]
    [InlineData("/Economics", "Economeg gweithio yn yr ardal", new[] { "Economics of locality working", "Every cost is shown", "Change the price year", "Cost by agency", "Agency group", "All agencies", "Unit cost beside", "What was avoided", "Glide path", "Extrapolation to a wider area", " prices" })]
    [InlineData("/Economics?range=500", "Rhowch yr ystod fel canran", new[] { "Enter the range", "There is a problem", "Error:", "Sensitivity range" })]
    public Task TheEconomicsPage_IsAllWelsh(string path, string welsh, string[] english) => AskedInWelsh_IsAllWelshAsync(DemoUsers.Commissioner, path, welsh, english);
}
