using LocalFlow.Analytics.Locality;
using LocalFlow.Data.Demo;
using LocalFlow.Data.LocalityWork;
using LocalFlow.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Data.Tests.LocalityWork;

/// <summary>
/// The picture reads its records through the query's own command, column by column (SQLite's functions directly on
/// SQLite); what it works out equals the same figures worked out from the records as EF Core loads them.
/// </summary>
public class PictureReadTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ThePicturesRead_GivesTheFiguresOfTheRecordsAsEfLoadsThem(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateDemoAsync(provider, new DemoOptions { Households = 40, Users = false, Today = Today });
        await using var ctx = db.Options.CreateContext();
        var locality = (await ctx.Localities.SingleAsync()).Id;
        // a record at a fraction of a second, on the first moment the picture reads, with a type, text and no team
        var person = await ctx.People.FirstAsync(p => p.HouseholdId != null);
        var police = await ctx.Agencies.FirstAsync(a => a.ShortName.Contains("Police"));
        var from = Today.AddYears(-2).AddMonths(-3).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        ctx.ActivityRecords.Add(new Entities.ActivityRecord
        {
            Id = Guid.NewGuid(),
            LocalityId = locality,
            PersonId = person.Id,
            HouseholdId = person.HouseholdId,
            AgencyId = police.Id,
            Kind = Analytics.Flow.ActivityKind.EmergencyResponse,
            Subtype = "Domestic abuse",
            Text = "Neighbour heard shouting",
            StartUtc = from.AddTicks(1_234_567),
            SourceSystem = "test",
            SourceRecordId = "fraction",
        });
        await ctx.SaveChangesAsync();

        var picture = await LocalityPicture.LoadAsync(ctx, locality, new HashSet<Guid>(), Today);

        var position = picture.Households.Select((h, i) => (h.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var agencies = await ctx.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id);
        var teams = await ctx.Teams.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name);
        var records = (await ctx.ActivityRecords.AsNoTracking().Where(r => r.LocalityId == locality && r.HouseholdId != null && r.StartUtc >= from).ToListAsync())
            .Select(r => new FlagRecord(position[r.HouseholdId!.Value], agencies[r.AgencyId].Name, agencies[r.AgencyId].ShortName, agencies[r.AgencyId].Kind.ToString(),
                r.TeamId is { } t ? teams[t] : null, r.Kind, r.Subtype, r.Text, DateOnly.FromDateTime(r.StartUtc)))
            .ToList();
        records.Count.ShouldBeGreaterThan(100);
        var until = Today.AddDays(1);
        var expected = Picture.Flag(records, picture.Rules, picture.Households.Count, Today.AddYears(-1), until);
        picture.Flags.Select(f => $"{f.Household}:{string.Join(",", f.Flags)}:{f.FlagRecords}:{f.Records}:{f.Agencies}")
            .ShouldBe(expected.Select(f => $"{f.Household}:{string.Join(",", f.Flags)}:{f.FlagRecords}:{f.Records}:{f.Agencies}"));
        picture.Flags.Sum(f => f.Records).ShouldBeGreaterThan(0);
        picture.TiersOverTime.ShouldBe(Tiers.OverTime(records, picture.Rules, picture.Households.Count, picture.TierRule, Tiers.QuarterEnds(until, 5)));
        picture.TiersOverTime[0].Households.ShouldBeGreaterThan(0, "the oldest quarter counts the record read at its first moment");
        picture.DemandTypes.ShouldBe(Picture.MostFrequent(records.Where(r => r.On >= Today.AddYears(-1) && r.Kind == Analytics.Flow.ActivityKind.Contact)
            .Select(r => (r.Household, r.Type ?? r.Text ?? ""))));
    }
}
