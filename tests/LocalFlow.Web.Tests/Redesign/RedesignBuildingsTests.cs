using System.Net;
using LocalFlow.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Web.Tests.Redesign;

/// <summary>The building form and the stage fields of money and buildings, in the redesign pages' fixture.</summary>
public partial class RedesignPagesTests
{
    [Fact]
    public async Task Building_BadInputKeepsWhatWasTyped_AnOlderVersionIsRefused_AndACitizenCannotOpenIt()
    {
        var client = await _app.ClientAsync(DemoUsers.Commissioner);
        Dictionary<string, string> Form(string capacity, string version) => new()
        {
            ["Input.Name"] = "Riverside youth hut",
            ["Input.Owner"] = "council",
            ["Input.Capacity"] = capacity,
            ["Input.FirstStage"] = "SecondarySchool",
            ["Input.LastStage"] = "YoungAdult",
            ["Input.Version"] = version,
        };

        var refused = await PostFormAsync(client, "/Redesign/Building", "/Redesign/Building", Form("lots", "0"));
        var refusedHtml = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        var added = await PostFormAsync(client, "/Redesign/Building", "/Redesign/Building", Form("40", "0"));
        var building = await WithDbAsync(db => db.ResourceBuildings.SingleAsync(b => b.Name == "Riverside youth hut"));
        var page = $"/Redesign/Building/{building.Id}";
        var changed = await PostFormAsync(client, page, page, Form("45", building.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var stale = await PostFormAsync(client, page, page, Form("50", building.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var staleHtml = WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync());
        var citizen = await (await _app.ClientAsync(DemoUsers.Citizen)).GetAsync(page);

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        refusedHtml.ShouldContain("The capacity is how many people it holds at once, a whole number from 1 to 100,000; \"lots\" is not.");
        refusedHtml.ShouldContain("value=\"Riverside youth hut\"");
        refusedHtml.ShouldContain("value=\"SecondarySchool\" selected");
        added.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        building.FirstStage.ShouldBe(LocalFlow.Analytics.Redesign.LifeStage.SecondarySchool);
        building.LastStage.ShouldBe(LocalFlow.Analytics.Redesign.LifeStage.YoungAdult);
        changed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        stale.StatusCode.ShouldBe(HttpStatusCode.OK);
        staleHtml.ShouldContain("commissioner saved a change to this building while you were editing");
        staleHtml.ShouldContain("value=\"50\"");
        (await WithDbAsync(db => db.ResourceBuildings.Where(b => b.Id == building.Id).Select(b => b.Capacity).SingleAsync())).ShouldBe(45);
        citizen.StatusCode.ShouldNotBe(HttpStatusCode.OK);

        var removed = await PostFormAsync(client, page, page + "?handler=Remove", []);
        removed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await WithDbAsync(db => db.ResourceBuildings.AnyAsync(b => b.Id == building.Id))).ShouldBeFalse();
    }

    [Fact]
    public async Task Money_IsPlacedOnStagesByItsForm_AndALastStageAloneIsRefused()
    {
        var client = await _app.ClientAsync(DemoUsers.Steering);
        Dictionary<string, string> Form(string first) => new()
        {
            ["Input.Partner"] = "nhs",
            ["Input.Purpose"] = "Community midwives",
            ["Input.Amount"] = "90000",
            ["Input.Period"] = "year",
            ["Input.PriceYear"] = "2025",
            ["Input.FirstStage"] = first,
            ["Input.LastStage"] = "EarlyYears",
        };

        var refused = await PostFormAsync(client, "/Redesign/Money", "/Redesign/Money", Form(""));
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        var saved = await PostFormAsync(client, "/Redesign/Money", "/Redesign/Money", Form("Pregnancy"));

        html.ShouldContain("Choose the first stage of life too, or leave both empty.");
        html.ShouldContain("value=\"Community midwives\"");
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var line = await WithDbAsync(db => db.ResourceMoney.SingleAsync(m => m.Purpose == "Community midwives"));
        (line.FirstStage, line.LastStage).ShouldBe((LocalFlow.Analytics.Redesign.LifeStage.Pregnancy, LocalFlow.Analytics.Redesign.LifeStage.EarlyYears));
        await WithDbAsync(async db => await db.ResourceMoney.Where(m => m.Id == line.Id).ExecuteDeleteAsync());
    }
}
