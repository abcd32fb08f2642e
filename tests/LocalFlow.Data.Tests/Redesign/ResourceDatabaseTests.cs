using LocalFlow.Analytics.Redesign;
using LocalFlow.Data.Entities;
using LocalFlow.Data.Redesign;
using LocalFlow.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Data.Tests.Redesign;

public class ResourceDatabaseTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task MoneyImport_ReplacesOnlyThisLocalitysList_AndABadFileChangesNothing(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateUpgradedAsync(provider);
        await using var ctx = db.Options.CreateContext();
        var here = new Locality { Name = "Northfield" };
        var there = new Locality { Name = "Eastfield" };
        ctx.Localities.AddRange(here, there);
        await ctx.SaveChangesAsync();
        ctx.ResourceMoney.Add(new ResourceMoney { LocalityId = there.Id, Partner = FundingPartner.Police, Purpose = "Eastfield's own", Amount = 5m, PriceYear = 2024, Period = MoneyPeriod.PerYear, UpdatedBy = "t", Version = 1 });
        await ctx.SaveChangesAsync();

        var first = await ResourceCsv.ImportAsync(ctx, here.Id, ResourceSheet.Money, "partner,purpose,amount,price_year,period,body\ncouncil,Home care,\"£1,000.50\",2024,month,Adult social care\ncitizens,Home care,200,2024,year,\n", "sam");
        var second = await ResourceCsv.ImportAsync(ctx, here.Id, ResourceSheet.Money, "partner,purpose,amount,price_year,period\nnhs,Nursing,10,2024,year\nnhs,,10,2024,year\n", "sam");
        var totals = await ResourceDatabase.TotalsAsync(ctx, here.Id);

        Assert.True(first.Done);
        Assert.Equal(2, first.Imported);
        Assert.False(second.Done);
        Assert.Equal("Line 3, column purpose: Enter what the money is spent on, for example \"Home care\".", Assert.Single(second.Problems).ToString());
        await using var check = db.Options.CreateContext();
        var stored = await check.ResourceMoney.Where(m => m.LocalityId == here.Id).OrderBy(m => m.Amount).ToListAsync();
        Assert.Equal([200m, 1000.50m], stored.Select(m => m.Amount));
        Assert.Equal("Adult social care", stored[1].Body);
        Assert.Equal(MoneyPeriod.PerMonth, stored[1].Period);
        Assert.Equal("Eastfield's own", (await check.ResourceMoney.SingleAsync(m => m.LocalityId == there.Id)).Purpose);
        // No price index in this database: the lines of the latest year are added as they are, 1,000.50 × 12 + 200.
        Assert.Equal(12_206m, totals.PerYear);
        Assert.Equal("Home care", Assert.Single(totals.ByPurpose).Key);
    }
}
