using LocalFlow.Analytics.Flow;
using LocalFlow.Analytics.Locality;
using LocalFlow.Data.Demo;
using LocalFlow.Data.Economics;
using LocalFlow.Data.Entities;
using LocalFlow.Data.LocalityWork;
using LocalFlow.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Data.Tests.LocalityWork;

/// <summary>
/// The locality picture and the economics cohort are kept between views (<see cref="LocalityPictures"/>,
/// <see cref="EconomicsCohorts"/>), and every change that should show does on the next view: a record, a rule, a tier
/// override, a support, a restriction. A kept picture always equals one worked out afresh.
/// </summary>
public class KeptPictureTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly IReadOnlySet<Guid> NoOne = new HashSet<Guid>();

    private static async Task<(TestDatabase Db, int Locality)> DemoAsync(DatabaseProvider provider)
    {
        var db = await TestDatabase.CreateDemoAsync(provider, new DemoOptions { Households = 40, Users = false, Today = Today });
        await using var ctx = db.Options.CreateContext();
        return (db, (await ctx.Localities.SingleAsync()).Id);
    }

    /// <summary>Everything a picture shows, as text: two pictures that show the same read the same.</summary>
    private static string Shown(LocalityPicture p) => string.Join("\n",
        string.Join(";", p.Households.Select(h => $"{h.Id}|{h.Address}|{h.Street}|{h.Postcode}")),
        string.Join(";", p.Rules),
        p.TierRule.ToString(),
        string.Join(";", p.Flags.Select(f => $"{f.Household}:{string.Join(",", f.Flags)}:{f.FlagRecords}:{f.Records}:{f.Agencies}")),
        string.Join(";", p.Placements.Select(t => $"{t.Household}:{t.Tier}:{t.Overridden}:{string.Join(",", t.Reasons)}")),
        string.Join(";", p.Streets.Select(a => $"{a.Area}:{a.Households}:{a.Flagged}:{a.Flags}:{a.Records}")),
        string.Join(";", p.FlagFrequencies), string.Join(";", p.DemandTypes), string.Join(";", p.WhatMatters),
        p.SeveralServices.ToString(System.Globalization.CultureInfo.InvariantCulture), p.TierTotals.ToString(),
        string.Join(";", p.TiersByStreet), string.Join(";", p.TiersOverTime));

    private static async Task<LocalityPicture> ViewAsync(TestDatabase db, LocalityPictures pictures, int locality, IReadOnlySet<Guid>? hidden = null)
    {
        await using var ctx = db.Options.CreateContext();
        var kept = await pictures.ForAsync(ctx, locality, hidden ?? NoOne, Today);
        var fresh = await LocalityPicture.LoadAsync(ctx, locality, hidden ?? NoOne, Today);
        Shown(kept).ShouldBe(Shown(fresh), "a kept picture equals one worked out afresh");
        return kept;
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ThePicture_IsKept_AndARecordARuleAndATierOverrideShowOnTheNextView(DatabaseProvider provider)
    {
        var (db, locality) = await DemoAsync(provider);
        await using var _ = db;
        var pictures = new LocalityPictures();
        var first = await ViewAsync(db, pictures, locality);
        var again = await ViewAsync(db, pictures, locality);
        again.ShouldBeSameAs(first, "nothing changed: the whole picture is kept");
        pictures.Kept(locality).ShouldBe(1);

        // A record: a police emergency response for a household without the "Crime" flag.
        var crime = first.Rules.ToList().FindIndex(r => r.Name == "Crime");
        var household = first.Flags.First(f => !f.Flags.Contains(crime) && f.Records > 0).Household;
        var householdId = first.Households[household].Id;
        await using (var ctx = db.Options.CreateContext())
        {
            var person = await ctx.People.Where(p => p.HouseholdId == householdId).Select(p => p.Id).FirstAsync();
            var police = await ctx.Agencies.Where(a => a.Kind == AgencyKind.Police).Select(a => a.Id).FirstAsync();
            ctx.ActivityRecords.Add(new ActivityRecord
            {
                LocalityId = locality,
                PersonId = person,
                HouseholdId = householdId,
                AgencyId = police,
                Kind = ActivityKind.EmergencyResponse,
                StartUtc = Today.AddDays(-10).ToDateTime(new TimeOnly(22, 0), DateTimeKind.Utc),
                SourceSystem = "test",
                SourceRecordId = "kept-picture-1",
            });
            await ctx.SaveChangesAsync();
        }
        var afterRecord = await ViewAsync(db, pictures, locality);
        afterRecord.Flags[household].Flags.ShouldContain(crime);
        afterRecord.Flags[household].Records.ShouldBe(first.Flags[household].Records + 1);

        // A rule (which does not change the flow data version): every contact flags.
        await using (var ctx = db.Options.CreateContext())
        {
            await new PictureRules(ctx).AddAsync(locality, new FlagRule("Any contact", null, null, ActivityKind.Contact, null), "test");
        }
        var afterRule = await ViewAsync(db, pictures, locality);
        afterRule.Rules.Count.ShouldBe(first.Rules.Count + 1);
        afterRule.FlagFrequencies.ShouldContain(f => f.What == "Any contact" && f.Households > 0);

        // A tier override: a household the rule leaves in balance, placed by hand.
        var inBalance = afterRule.Placements.First(t => t.Tier == Tier.InBalance && !t.Overridden).Household;
        await using (var ctx = db.Options.CreateContext())
        {
            await new TierOverrides(ctx).SetAsync(locality, afterRule.Households[inBalance].Id, Tier.SeriousHelp, "We know this family", "test");
        }
        var afterOverride = await ViewAsync(db, pictures, locality);
        afterOverride.Placements[inBalance].Overridden.ShouldBeTrue();
        afterOverride.TierTotals.SeriousHelp.ShouldBe(afterRule.TierTotals.SeriousHelp + 1);
        afterOverride.Flags.ShouldBeSameAs(afterRule.Flags, "an override changes the placings, not the flags: those stay kept");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ARestrictedHousehold_StaysOutOfTheKeptPicture_AndEachViewerGetsTheirOwn(DatabaseProvider provider)
    {
        var (db, locality) = await DemoAsync(provider);
        await using var _ = db;
        var pictures = new LocalityPictures();
        var everyone = await ViewAsync(db, pictures, locality);
        var viewer = new Viewer([locality], false, null);
        var engines = new Flow.FlowEngines();
        Guid householdId, personId;
        await using (var ctx = db.Options.CreateContext())
        {
            // the restricted person's household: left out for a viewer who may not see restricted people
            householdId = everyone.Households.First(h => ctx.People.Any(p => p.HouseholdId == h.Id && !p.Restricted)).Id;
            var person = await ctx.People.FirstAsync(p => p.HouseholdId == householdId);
            personId = person.Id;
            (await engines.HiddenPeopleAsync(ctx, viewer, locality)).ShouldNotContain(personId);
            person.Restricted = true;
            await ctx.SaveChangesAsync();
        }
        IReadOnlySet<Guid> hidden;
        await using (var ctx = db.Options.CreateContext())
        {
            hidden = await engines.HiddenPeopleAsync(ctx, viewer, locality);
            hidden.ShouldContain(personId, "the kept hidden people are read again once a person is restricted");
            hidden.ShouldBe(await Visibility.HiddenPeopleAsync(ctx, viewer, locality), ignoreOrder: true);
        }
        var narrowed = await ViewAsync(db, pictures, locality, hidden);
        narrowed.Households.ShouldNotContain(h => h.Id == householdId);
        narrowed.Households.Count.ShouldBeLessThan(everyone.Households.Count);
        var seesAll = await ViewAsync(db, pictures, locality);
        seesAll.Households.ShouldContain(h => h.Id == householdId);
        pictures.Kept(locality).ShouldBe(2, "one picture for each set of households left out");
        (await ViewAsync(db, pictures, locality, hidden)).Households.ShouldNotContain(h => h.Id == householdId);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TheEconomicsCohort_IsKept_AndARecordAndASupportShowOnTheNextView(DatabaseProvider provider)
    {
        var (db, locality) = await DemoAsync(provider);
        await using var _ = db;
        var cohorts = new EconomicsCohorts();
        async Task<CohortCosts> View()
        {
            await using var ctx = db.Options.CreateContext();
            var kept = await cohorts.ForAsync(ctx, locality, NoOne);
            var fresh = await CohortCosts.LoadAsync(ctx, locality, NoOne);
            kept.Households.ShouldBe(fresh.Households);
            kept.TakenOn.ShouldBe(fresh.TakenOn);
            kept.Activities.ShouldBe(fresh.Activities, ignoreOrder: true);
            (kept.LocalityHouseholds, kept.OutsideIndex).ShouldBe((fresh.LocalityHouseholds, fresh.OutsideIndex));
            kept.Avoided.Select(a => (a.Kind, a.Count)).ShouldBe(fresh.Avoided.Select(a => (a.Kind, a.Count)));
            return kept;
        }
        var first = await View();
        first.Households.Count.ShouldBeGreaterThan(1);
        (await View()).Activities.ShouldBeSameAs(first.Activities, "nothing changed: the costed records are kept");

        var householdId = first.Households[0];
        await using (var ctx = db.Options.CreateContext())
        {
            var person = await ctx.People.Where(p => p.HouseholdId == householdId).Select(p => p.Id).FirstAsync();
            var agency = await ctx.Agencies.Select(a => a.Id).FirstAsync();
            ctx.ActivityRecords.Add(new ActivityRecord
            {
                LocalityId = locality,
                PersonId = person,
                HouseholdId = householdId,
                AgencyId = agency,
                Kind = ActivityKind.Assessment,
                StartUtc = Today.AddDays(-3).ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc),
                Cost = 250m,
                SourceSystem = "test",
                SourceRecordId = "kept-cohort-1",
            });
            await ctx.SaveChangesAsync();
        }
        var afterRecord = await View();
        afterRecord.Activities.Count.ShouldBe(first.Activities.Count + 1);
        afterRecord.Activities.Sum(a => a.Cost ?? 0).ShouldBe(first.Activities.Sum(a => a.Cost ?? 0) + 250m);

        // A support removed (which does not change the flow data version): the household leaves the cohort.
        await using (var ctx = db.Options.CreateContext())
        {
            foreach (var support in await ctx.Supports.Where(s => s.LocalityId == locality && s.HouseholdId == householdId && s.RemovedUtc == null).ToListAsync())
            {
                support.RemovedUtc = Today.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            }
            await ctx.SaveChangesAsync();
        }
        var afterSupport = await View();
        afterSupport.Households.ShouldNotContain(householdId);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TheTeamsPicture_NarrowedBySharing_IsKept_AndAConsentOrAnAgreementChangeShowsOnTheNextView(DatabaseProvider provider)
    {
        var (db, locality) = await DemoAsync(provider);
        await using var _ = db;
        var pictures = new LocalityPictures();
        Viewer council;
        await using (var ctx = db.Options.CreateContext())
        {
            council = new Viewer([locality], true, null) { AgencyIds = [await ctx.Agencies.Where(a => a.ShortName == "Council").Select(a => a.Id).SingleAsync()], Purposes = LocalFlow.Data.Trust.SharingPurposes.Study };
        }
        async Task<LocalityPicture> View()
        {
            await using var ctx = db.Options.CreateContext();
            var kept = await pictures.SharedWithAsync(ctx, locality, NoOne, Today, council);
            var fresh = await LocalityPicture.LoadAsync(ctx, locality, NoOne, Today, sharedWith: council);
            Shown(kept).ShouldBe(Shown(fresh), "a kept picture equals one worked out afresh");
            return kept;
        }
        var first = await View();
        (await View()).ShouldBeSameAs(first, "nothing changed: the team's picture is kept");

        // Consent given by the person who had withdrawn it: what the rule reads changed, so the picture is made again.
        await using (var ctx = db.Options.CreateContext())
        {
            var withdrew = Guid.Parse(await ctx.Settings.Where(s => s.Key == NorthfieldSharing.WithdrewSettingKey).Select(s => s.Value).SingleAsync());
            var womensAid = await ctx.SharingAgreements.SingleAsync(a => a.Name == NorthfieldSharing.WomensAidAgreement);
            await LocalFlow.Data.Trust.Sharing.RecordConsentAsync(ctx, womensAid.Id, withdrew, given: true, LocalFlow.Data.Trust.Sharing.Today(ctx.Clock));
        }
        var afterConsent = await View();
        afterConsent.ShouldNotBeSameAs(first);

        // The police agreement ends: the council's picture loses the police records at once.
        await using (var ctx = db.Options.CreateContext())
        {
            var agreement = await ctx.SharingAgreements.Include(a => a.Parties).Include(a => a.Categories).SingleAsync(a => a.Name == NorthfieldSharing.PoliceAgreement);
            await LocalFlow.Data.Trust.Sharing.SaveAsync(ctx, locality, agreement.Id, new LocalFlow.Data.Trust.SharingAgreementInput(agreement.Name, agreement.Description, agreement.Purposes,
                [.. agreement.Parties.Select(p => p.AgencyId)], [.. agreement.Categories.Select(c => c.Category)], agreement.Article6, agreement.Article9, agreement.ConsentBased,
                agreement.StartsOn, LocalFlow.Data.Trust.Sharing.Today(ctx.Clock).AddDays(-1)));
        }
        var afterEnd = await View();
        Shown(afterEnd).ShouldNotBe(Shown(afterConsent), "the police records no longer count");
        afterEnd.Flags.Sum(f => f.Records).ShouldBeLessThan(afterConsent.Flags.Sum(f => f.Records));
    }
}
