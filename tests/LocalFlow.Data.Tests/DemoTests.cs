using LocalFlow.Data.Demo;
using LocalFlow.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Data.Tests;

public class DemoTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Demo_MakesALocality_WithAgenciesFrontDoorsCostsAndOneSignInPerRole(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var report = await DatabaseStartup.RunAsync(db.Options, createDemo: true, new DemoOptions { Households = 40, Today = Today });
        report.DemoCreated.ShouldBeTrue();
        report.OneTimeAdminPassword.ShouldNotBeNullOrEmpty();
        await using var ctx = db.Options.CreateContext();
        (await ctx.Localities.SingleAsync()).Name.ShouldBe("Northfield");
        (await ctx.Households.CountAsync()).ShouldBe(40);
        (await ctx.People.CountAsync()).ShouldBeGreaterThan(40);
        (await ctx.Agencies.CountAsync()).ShouldBeGreaterThanOrEqualTo(8);
        (await ctx.FrontDoors.CountAsync()).ShouldBeGreaterThanOrEqualTo(6);
        (await ctx.UnitCosts.AllAsync(c => c.Source != "" && c.PriceYear > 2000)).ShouldBeTrue();
        var users = await ctx.Users.Select(u => u.UserName).ToListAsync();
        // One per role, plus the locality team's two workers who sign in (docs/locality-working.md).
        users.ShouldBe(["administrator", "admin", "study", "worker", "analyst", "commissioner", "dataofficer", "citizen", "steering", "keyworker", "teamworker"], ignoreOrder: true);
    }

    [Fact]
    public async Task Demo_IsReproducible_ForASeed()
    {
        async Task<List<string>> PeopleFor(int seed)
        {
            await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
            await DatabaseStartup.RunAsync(db.Options, createDemo: true, new DemoOptions { Households = 40, Seed = seed, Users = false, Today = Today });
            await using var ctx = db.Options.CreateContext();
            return (await ctx.People.Include(p => p.Household).ToListAsync())
                .Select(p => $"{p.Id} {p.GivenName} {p.FamilyName} {p.DateOfBirth} {p.Household!.AddressLine} {p.Household.Postcode}")
                .Order(StringComparer.Ordinal).ToList();
        }
        var a = await PeopleFor(42);
        var b = await PeopleFor(42);
        var c = await PeopleFor(43);
        a.ShouldBe(b);
        a.ShouldNotBe(c);
    }

    [Fact]
    public async Task Demo_NhsNumbers_PassTheModulus11Check()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await DatabaseStartup.RunAsync(db.Options, createDemo: true, new DemoOptions { Households = 60, Users = false, Today = Today });
        await using var ctx = db.Options.CreateContext();
        // Everyone the household generator made has one (people that linking found in agencies' records
        // without a match may not).
        var numbers = await ctx.People.Where(p => p.HouseholdId != null).Select(p => p.NhsNumber).ToListAsync();
        numbers.ShouldNotBeEmpty();
        foreach (var n in numbers)
        {
            var digits = n!.Replace(" ", "", StringComparison.Ordinal).Select(ch => ch - '0').ToArray();
            digits.Length.ShouldBe(10);
            var sum = 0;
            for (var i = 0; i < 9; i++)
            {
                sum += digits[i] * (10 - i);
            }
            var check = (11 - (sum % 11)) % 11;
            check.ShouldBe(digits[9], n);
        }
    }

    [Fact]
    public async Task Demo_IsMadeOnlyOnce()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        (await DatabaseStartup.RunAsync(db.Options, createDemo: true, new DemoOptions { Households = 20, Today = Today })).DemoCreated.ShouldBeTrue();
        (await DatabaseStartup.RunAsync(db.Options, createDemo: true, new DemoOptions { Households = 20, Today = Today })).DemoCreated.ShouldBeFalse();
        await using var ctx = db.Options.CreateContext();
        (await ctx.Households.CountAsync()).ShouldBe(20);
    }

    /// <summary>Just after midnight, "today" has barely begun: nothing the demo records may fall later in the day.</summary>
    [Theory]
    [InlineData(null)]
    [InlineData(7)]
    public async Task Demo_CanBeMadeJustAfterMidnight(int? seed)
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var clock = new JustAfterMidnight();
        var options = new DemoOptions { Households = 20, Users = false, Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime) };
        if (seed is int s)
        {
            options = options with { Seed = s };
        }
        (await DatabaseStartup.RunAsync(db.Options, createDemo: true, options, clock: clock)).DemoCreated.ShouldBeTrue();
    }

    private sealed class JustAfterMidnight : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(2026, 12, 7, 0, 5, 0, TimeSpan.Zero);
    }
}
