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

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Buildings_AreChangedWithTheirStages_AnOlderVersionIsRefused_AndABadStageInACsvNamesItsRow(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateUpgradedAsync(provider);
        await using var ctx = db.Options.CreateContext();
        var here = new Locality { Name = "Northfield" };
        ctx.Localities.Add(here);
        await ctx.SaveChangesAsync();

        var added = await ResourceDatabase.SaveBuildingAsync(ctx, here.Id, null, new BuildingInput { Name = "Meadows centre", Owner = "council", FirstStage = "earlyyears", LastStage = "PrimarySchool" }, "sam");
        var id = added!.Current.Id;
        var read = added.Current.Version;
        ctx.ChangeTracker.Clear();
        var first = await ResourceDatabase.SaveBuildingAsync(ctx, here.Id, id, new BuildingInput { Name = "Meadows children's centre", Owner = "council", FirstStage = "Pregnancy", Version = read }, "sam");
        ctx.ChangeTracker.Clear();
        var late = await ResourceDatabase.SaveBuildingAsync(ctx, here.Id, id, new BuildingInput { Name = "Lost", Owner = "nhs", Version = read }, "kim");
        var badStage = await Assert.ThrowsAsync<RedesignInputException>(() => ResourceDatabase.SaveBuildingAsync(ctx, here.Id, null, new BuildingInput { Name = "Hall", Owner = "council", FirstStage = "OldAge", LastStage = "Pregnancy" }, "sam"));
        var csv = await ResourceCsv.ImportAsync(ctx, here.Id, ResourceSheet.Buildings, "name,owner,first_stage,last_stage\nLibrary,council,WorkingAge,OldAge\nPool,council,Teenagers,\n", "sam");
        var money = await ResourceCsv.ImportAsync(ctx, here.Id, ResourceSheet.Money, "partner,purpose,amount,price_year,period,first_stage\nnhs,Midwives,10,2024,year,Pregnancy\n", "sam");
        var exported = await ResourceCsv.ExportAsync(ctx, here.Id, ResourceSheet.Money);

        Assert.Equal((LifeStage.EarlyYears, LifeStage.PrimarySchool), (added.Current.FirstStage!.Value, added.Current.LastStage!.Value));
        Assert.True(first!.Saved);
        Assert.Equal((LifeStage.Pregnancy, LifeStage.Pregnancy), (first.Current.FirstStage!.Value, first.Current.LastStage!.Value));
        Assert.False(late!.Saved);
        Assert.Equal("Meadows children's centre", late.Current.Name);
        Assert.Equal("The last stage of life must be the first stage or a later one.", badStage.Errors["last_stage"]);
        Assert.False(csv.Done);
        Assert.StartsWith("Line 3, column first_stage: \"Teenagers\" is not a stage of life: use one of Pregnancy, EarlyYears,", Assert.Single(csv.Problems).ToString());
        Assert.True(money.Done);
        Assert.Contains("Midwives,10.00,2024,year,,Pregnancy,Pregnancy", exported);
        await using var check = db.Options.CreateContext();
        var stored = await check.ResourceBuildings.SingleAsync();
        Assert.Equal(("Meadows children's centre", "sam"), (stored.Name, stored.UpdatedBy));
    }
}
