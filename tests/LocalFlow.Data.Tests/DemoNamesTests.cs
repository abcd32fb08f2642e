using LocalFlow.Data.Demo;
using LocalFlow.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Data.Tests;

public sealed class DemoNamesTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Fact]
    public async Task SameSeed_GivesSameNames_InTwoDatabases()
    {
        using var dir = new TempDirectory();
        var first = await PeopleAsync(Path.Combine(dir.Path, "a.db"), seed: 7);
        var second = await PeopleAsync(Path.Combine(dir.Path, "b.db"), seed: 7);

        second.ShouldBe(first);
        first.Count.ShouldBeGreaterThan(50);
    }

    [Fact]
    public async Task DifferentSeed_GivesDifferentNames()
    {
        using var dir = new TempDirectory();
        var first = await PeopleAsync(Path.Combine(dir.Path, "a.db"), seed: 7);
        var second = await PeopleAsync(Path.Combine(dir.Path, "b.db"), seed: 8);

        second.ShouldNotBe(first);
    }

    [Fact]
    public async Task EveryPersonsFirstName_IsFromTheListForTheirSex()
    {
        using var dir = new TempDirectory();
        var people = await PeopleAsync(Path.Combine(dir.Path, "a.db"), seed: 11);

        foreach (var (given, _, sex) in people)
        {
            var list = sex == "F" ? DemoNames.FemaleGivenNames : DemoNames.MaleGivenNames;
            list.ShouldContain(given, $"{given} ({sex})");
        }
        people.Select(p => p.Sex).Distinct().Order().ShouldBe(["F", "M"]);
    }

    [Fact]
    public void FemaleAndMaleLists_ShareNoName()
    {
        DemoNames.FemaleGivenNames.Intersect(DemoNames.MaleGivenNames).ShouldBeEmpty();
    }

    [Fact]
    public void GivenName_FollowsTheGeneration()
    {
        var random = new Random(3);
        var older = Enumerable.Range(0, 500).Select(_ => DemoNames.GivenName(random, NameOrigin.English, female: true, 1940)).ToHashSet();
        var younger = Enumerable.Range(0, 500).Select(_ => DemoNames.GivenName(random, NameOrigin.English, female: true, 2015)).ToHashSet();

        older.ShouldContain("Margaret");
        older.ShouldNotContain("Olivia");
        younger.ShouldContain("Olivia");
        younger.ShouldNotContain("Margaret");
    }

    [Fact]
    public void CommonSurnames_AreCommon()
    {
        var random = new Random(5);
        var counts = Enumerable.Range(0, 5000).Select(_ => DemoNames.FamilyName(random, NameOrigin.English)).CountBy(n => n).ToDictionary();

        counts["Smith"].ShouldBeGreaterThan(counts.GetValueOrDefault("Oldroyd") * 5);
    }

    private static async Task<List<(string Given, string Family, string? Sex)>> PeopleAsync(string file, int seed)
    {
        var options = DatabaseOptions.ForSqliteFile(file);
        await DatabaseStartup.RunAsync(options, createDemo: true, new DemoOptions { Households = 60, Seed = seed, Users = false, Today = Today });
        await using var db = options.CreateContext();
        var people = await db.People.AsNoTracking().OrderBy(p => p.FamilyName).ThenBy(p => p.GivenName).ThenBy(p => p.DateOfBirth)
            .Select(p => new { p.GivenName, p.FamilyName, p.Sex }).ToListAsync();
        return people.Select(p => (p.GivenName, p.FamilyName, p.Sex)).ToList();
    }
}
