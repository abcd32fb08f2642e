using LocalFlow.Analytics.Flow;
using LocalFlow.Analytics.Locality;
using LocalFlow.Data;
using LocalFlow.Data.LocalityWork;
using LocalFlow.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LocalFlow.Web.Tests.Trust;

/// <summary>The locality picture is kept between views, the analysts' and the team's (docs/locality-picture.md), and a rule change shows on the next view.</summary>
public partial class SessionTests
{
    [Fact]
    public async Task TheKeptPicture_ShowsANewRule_OnTheNextView_AndDropsItWhenRemoved()
    {
        const string Rule = "Any contact (kept picture test)";
        var analyst = await _app.ClientAsync(DemoUsers.Analyst);
        (await analyst.GetStringAsync("/Locality/Picture")).ShouldNotContain(Rule);
        var locality = await NorthfieldAsync();
        using (var scope = _app.Services.CreateScope())
        {
            await new PictureRules(scope.ServiceProvider.GetRequiredService<LocalFlowDb>()).AddAsync(locality, new FlagRule(Rule, null, null, ActivityKind.Contact, null), "test");
        }
        try
        {
            (await analyst.GetStringAsync("/Locality/Picture")).ShouldContain(Rule);
        }
        finally
        {
            using var scope = _app.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<LocalFlowDb>().FlagRules.Where(r => r.LocalityId == locality).ExecuteDeleteAsync();
        }
        (await analyst.GetStringAsync("/Locality/Picture")).ShouldNotContain(Rule);
    }

    [Fact]
    public async Task TheTeamsPicture_IsKeptToo_UnderWhatSharingSharesWithThem()
    {
        var worker = await _app.ClientAsync(DemoUsers.Worker);
        var pictures = _app.Services.GetRequiredService<LocalityPictures>();
        var locality = await NorthfieldAsync();
        var before = pictures.Kept(locality);
        (await worker.GetStringAsync("/Locality/Picture")).ShouldContain("Households with flags");
        pictures.Kept(locality).ShouldBe(before + 1, "the team's picture is kept under its own sharing key");
        (await worker.GetStringAsync("/Locality/Picture")).ShouldContain("Households with flags");
        pictures.Kept(locality).ShouldBe(before + 1, "a second view uses the kept picture");
    }
}
