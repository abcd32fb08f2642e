using System.Net;
using LocalFlow.Data;
using LocalFlow.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LocalFlow.Web.Tests.Trust;

/// <summary>
/// Whereabouts (issue 14, item 7): a restricted household hides every member's address, postcode and household link,
/// even when the member's own row is not flagged; and a restricted member of an ordinary household is not listed
/// beside the others. These tests share <see cref="SmokeTests.App"/> with the session tests, to build no other demo.
/// </summary>
public partial class SessionTests
{
    [Fact]
    public async Task ARestrictedHousehold_HidesEveryMembersWhereabouts_InTheApiPersonPageAndSearch()
    {
        var family = "Zzwhere" + Guid.NewGuid().ToString("N")[..6];
        var (household, first, second) = await PlantHouseholdAsync(family, householdRestricted: true, secondRestricted: false);
        var worker = await _app.ClientAsync(Support.DemoUsers.Worker);

        var api = await worker.GetStringAsync($"/api/people/{first}");
        api.ShouldContain("\"restricted\":true");
        api.ShouldContain("\"householdId\":null");
        api.ShouldNotContain(household.ToString());
        api.ShouldNotContain("Hideaway");

        var page = await worker.GetStringAsync($"/Locality/Person/{first}");
        page.ShouldContain("The address and whereabouts are hidden from you.");
        page.ShouldNotContain("Hideaway");
        page.ShouldNotContain(second.ToString());
        page.ShouldNotContain("Secundus");

        var search = await worker.GetStringAsync($"/Locality/People?q={family}");
        search.ShouldContain("Primus");
        search.ShouldNotContain("Hideaway");
        (await worker.GetStringAsync("/Locality/People?q=Hideaway")).ShouldNotContain(family);
    }

    [Fact]
    public async Task ARestrictedMember_OfAnOrdinaryHousehold_IsNotListedBesideTheOthers()
    {
        var family = "Zzbeside" + Guid.NewGuid().ToString("N")[..6];
        var (_, first, second) = await PlantHouseholdAsync(family, householdRestricted: false, secondRestricted: true);
        var worker = await _app.ClientAsync(Support.DemoUsers.Worker);

        var page = await worker.GetStringAsync($"/Locality/Person/{first}");
        page.ShouldContain("Hideaway");
        page.ShouldNotContain(second.ToString());
        page.ShouldNotContain("Secundus");
        (await worker.GetStringAsync($"/api/people/{second}")).ShouldContain("\"householdId\":null");
        (await worker.GetAsync($"/Locality/Person/{first}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    /// <summary>A household of two in Northfield at "1 Hideaway Lane", on which no worker is named.</summary>
    private async Task<(Guid Household, Guid First, Guid Second)> PlantHouseholdAsync(string family, bool householdRestricted, bool secondRestricted)
    {
        _ = _app.Server;
        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LocalFlowDb>();
        var locality = await db.Localities.OrderBy(l => l.Id).Select(l => l.Id).FirstAsync();
        var household = new Household { LocalityId = locality, AddressLine = "1 Hideaway Lane", Postcode = "NF9 9ZZ", Restricted = householdRestricted };
        var first = new Person { LocalityId = locality, HouseholdId = household.Id, GivenName = "Primus", FamilyName = family, DateOfBirth = new DateOnly(1980, 3, 4) };
        var second = new Person { LocalityId = locality, HouseholdId = household.Id, GivenName = "Secundus", FamilyName = family, DateOfBirth = new DateOnly(2010, 5, 6), Restricted = secondRestricted };
        db.Households.Add(household);
        db.People.AddRange(first, second);
        await db.SaveChangesAsync();
        return (household.Id, first.Id, second.Id);
    }
}
