using System.Net;
using LocalFlow.Data;
using LocalFlow.Data.Entities;
using LocalFlow.Web.Security;
using LocalFlow.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LocalFlow.Web.Tests;

/// <summary>
/// Choosing a locality: a user of two localities sees each in turn on the locality-wide pages and the API; a locality
/// that is not the user's own cannot be chosen (404), and a forged choice in the cookie is ignored.
/// </summary>
public partial class RoleAccessTests
{
    private const string TwoPlacesUser = "twoplaces";
    private const string TwoPlacesPassword = "two-localities-test";

    /// <summary>An analyst of both Northfield and the planted second locality (not a demo user, so the other tests' "no
    /// demo user sees it" stays true).</summary>
    private async Task<(int Northfield, string NorthfieldCondition, string OtherCondition)> TwoPlacesAsync()
    {
        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LocalFlowDb>();
        var northfield = await db.Localities.Where(l => l.Id != _planted.OtherLocality).OrderBy(l => l.Id).Select(l => l.Id).FirstAsync();
        if (!await db.Users.AnyAsync(u => u.UserName == TwoPlacesUser))
        {
            var user = new User { UserName = TwoPlacesUser, DisplayName = "Tom Two-Places (analyst)", Roles = Roles.Analyst, CreatedAt = DateTime.UtcNow.AddDays(-1) };
            Accounts.SetPassword(user, TwoPlacesPassword);
            user.Localities.Add(new UserLocality { LocalityId = northfield });
            user.Localities.Add(new UserLocality { LocalityId = _planted.OtherLocality });
            db.Users.Add(user);
            await db.SaveChangesAsync();
        }
        var northfieldCondition = await db.SystemConditions.Where(c => c.LocalityId == northfield).OrderBy(c => c.Title).Select(c => c.Title).FirstAsync();
        var otherCondition = await db.SystemConditions.Where(c => c.Id == _planted.OtherCondition).Select(c => c.Title).SingleAsync();
        return (northfield, northfieldCondition, otherCondition);
    }

    private static async Task<HttpStatusCode> ChooseAsync(HttpClient client, int locality)
    {
        var token = await LocalFlowApp.AntiforgeryTokenAsync(client, "/ChooseLocality");
        var response = await client.PostAsync("/ChooseLocality", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Locality"] = locality.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ReturnUrl"] = "/Conditions",
            ["__RequestVerificationToken"] = token,
        }));
        return response.StatusCode;
    }

    [Fact]
    public async Task UserOfTwoLocalities_SeesEachInTurn()
    {
        var (northfield, northfieldCondition, otherCondition) = await TwoPlacesAsync();
        var client = await _app.FreshSignInAsync(TwoPlacesUser, TwoPlacesPassword);

        // At first: the first locality, with the switcher in the header.
        var conditions = WebUtility.HtmlDecode(await client.GetStringAsync("/Conditions"));
        conditions.ShouldContain(northfieldCondition);
        conditions.ShouldNotContain(otherCondition);
        conditions.ShouldContain("Locality: <strong>Northfield</strong>");
        conditions.ShouldContain("href=\"/ChooseLocality?ReturnUrl=%2FConditions\"");

        // The second locality: the pages and the API show it, and nothing of the first.
        (await ChooseAsync(client, _planted.OtherLocality)).ShouldBe(HttpStatusCode.Redirect);
        conditions = WebUtility.HtmlDecode(await client.GetStringAsync("/Conditions"));
        conditions.ShouldContain(otherCondition);
        conditions.ShouldNotContain(northfieldCondition);
        conditions.ShouldContain("Locality: <strong>Otherfield</strong>");
        var api = await client.GetStringAsync("/api/conditions");
        api.ShouldContain(otherCondition);
        api.ShouldNotContain(northfieldCondition);
        var cohort = WebUtility.HtmlDecode(await client.GetStringAsync("/Flow/Cohort"));
        cohort.ShouldContain("Locality: <strong>Otherfield</strong>");

        // And back again.
        (await ChooseAsync(client, northfield)).ShouldBe(HttpStatusCode.Redirect);
        conditions = WebUtility.HtmlDecode(await client.GetStringAsync("/Conditions"));
        conditions.ShouldContain(northfieldCondition);
        conditions.ShouldNotContain(otherCondition);
    }

    [Fact]
    public async Task ChoosingALocalityThatIsNotYourOwn_IsNotFound_AndAForgedCookieIsIgnored()
    {
        var (_, northfieldCondition, otherCondition) = await TwoPlacesAsync();

        // A user of two localities cannot choose a third that does not exist.
        var twoPlaces = await _app.FreshSignInAsync(TwoPlacesUser, TwoPlacesPassword);
        (await ChooseAsync(twoPlaces, _planted.OtherLocality + 1000)).ShouldBe(HttpStatusCode.NotFound);

        // A demo analyst (Northfield only) cannot choose the other locality, by the form or by forging the cookie.
        var container = new CookieContainer();
        var client = _app.CreateDefaultClient(_app.ClientOptions.BaseAddress, new CookieContainerHandler(container));
        (await LocalFlowApp.SignInAsync(client, "analyst", LocalFlowApp.DemoPassword)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await ChooseAsync(client, _planted.OtherLocality)).ShouldBe(HttpStatusCode.NotFound);
        container.Add(_app.ClientOptions.BaseAddress, new Cookie(CurrentUser.ChosenLocalityCookie, _planted.OtherLocality.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var conditions = WebUtility.HtmlDecode(await client.GetStringAsync("/Conditions"));
        conditions.ShouldContain(northfieldCondition);
        conditions.ShouldNotContain(otherCondition);
        (await client.GetStringAsync("/api/conditions")).ShouldNotContain(otherCondition);
        // One locality: no switcher.
        conditions.ShouldNotContain("/ChooseLocality");
    }
}
