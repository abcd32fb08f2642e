using LocalFlow.Data.Demo;
using LocalFlow.Data.Entities;
using LocalFlow.Data.Flow;
using LocalFlow.Data.LocalityWork;
using LocalFlow.Data.Trust;
using LocalFlow.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Data.Tests;

/// <summary>
/// Data sharing agreements decide what a user of one agency sees of another's records (issue 14, item 11): a matrix
/// of agencies × roles × record kinds over the demo's agreements, against a table written out by hand here, not
/// computed by the rule under test; then an agreement that ends, consent withdrawn and given again, and the figures
/// beside a person's records.
/// </summary>
public class SharingTests
{
    private static readonly DemoOptions Demo = new() { Households = 120, Users = false, Today = new DateOnly(2026, 11, 23) };

    private static readonly (string Role, SharingPurposes Purposes)[] Roles =
    [
        ("locality worker", SharingPurposes.Support),
        ("study team", SharingPurposes.Study),
        ("data officer", SharingPurposes.DataManagement),
        ("analyst", SharingPurposes.None),
    ];

    private static readonly string[] ViewerAgencies = ["Council", "Police", "Housing", "NHS Trust", "Women's Aid", "Citizens Advice"];

    /// <summary>
    /// The demo's agreements as a table (docs/trust.md, "The demo's agreements"): whether a viewer of agency
    /// <paramref name="viewer"/> reading for a purpose sees a record of agency <paramref name="record"/>, given whether
    /// the person has consented to the Women's Aid agreement.
    /// </summary>
    private static bool Expected(string viewer, string record, SharingPurposes purposes, bool consented)
    {
        if (viewer == record)
        {
            return true; // own agency's records, always
        }
        if (purposes == SharingPurposes.None)
        {
            return false; // roles that read no records through agreements
        }
        if ((viewer, record) is ("Police", "Housing") or ("Housing", "Police"))
        {
            return false; // police and housing do not share
        }
        if (record == "Women's Aid")
        {
            return viewer == "Council" && consented; // with consent, to the council only
        }
        // Women's Aid receives only charities' records from the council, and the council holds none
        return viewer != "Women's Aid";
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task EveryAgencyAndRole_SeesExactlyTheRecordsTheAgreementsShare(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateDemoAsync(provider, Demo);
        await using var ctx = db.Options.CreateContext();
        var locality = (await ctx.Localities.SingleAsync()).Id;
        var agencies = await ctx.Agencies.ToDictionaryAsync(a => a.ShortName, a => a.Id);
        var names = agencies.ToDictionary(a => a.Value, a => a.Key);
        var records = await ctx.ActivityRecords.AsNoTracking().Where(r => r.LocalityId == locality).Select(r => new { r.Id, r.AgencyId, r.PersonId }).ToListAsync();
        var consented = (await ctx.SharingConsents.Where(c => c.Given).Select(c => c.PersonId).ToListAsync()).ToHashSet();
        var withdrew = Guid.Parse(await ctx.Settings.Where(s => s.Key == NorthfieldSharing.WithdrewSettingKey).Select(s => s.Value).SingleAsync());
        var waId = agencies["Women's Aid"];
        records.Count(r => r.PersonId == withdrew && r.AgencyId == waId).ShouldBeGreaterThan(0, "the demo's person who withdrew consent has Women's Aid records");
        records.Count(r => r.AgencyId == waId && consented.Contains(r.PersonId)).ShouldBeGreaterThan(0, "and others who consented have some too");

        foreach (var agency in ViewerAgencies)
        {
            foreach (var (role, purposes) in Roles)
            {
                var viewer = new Viewer([locality], MaySeeRestricted: true, WorkerId: null) { AgencyIds = [agencies[agency]], Purposes = purposes };
                var seen = (await ctx.ActivityRecords.Where(r => r.LocalityId == locality).SharedWith(ctx, viewer).Select(r => r.Id).ToListAsync()).ToHashSet();
                var expected = records.Where(r => Expected(agency, names[r.AgencyId], purposes, consented.Contains(r.PersonId))).Select(r => r.Id).ToHashSet();
                seen.SetEquals(expected).ShouldBeTrue($"{agency} {role}: saw {seen.Count} records, expected {expected.Count}; "
                    + string.Join(", ", seen.Except(expected).Concat(expected.Except(seen)).Select(id => names[records.First(r => r.Id == id).AgencyId]).Distinct()));
            }
        }

        // LocalFlow itself and the command line are not narrowed by agency
        var system = new Viewer([locality], true, null);
        (await ctx.ActivityRecords.Where(r => r.LocalityId == locality).SharedWith(ctx, system).CountAsync()).ShouldBe(records.Count);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AnAgreementThatEnds_AndConsentWithdrawnOrGiven_ChangeWhatIsSeenAtOnce(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateDemoAsync(provider, Demo);
        await using var ctx = db.Options.CreateContext();
        var locality = (await ctx.Localities.SingleAsync()).Id;
        var agencies = await ctx.Agencies.ToDictionaryAsync(a => a.ShortName, a => a.Id);
        var council = new Viewer([locality], true, null) { AgencyIds = [agencies["Council"]], Purposes = SharingPurposes.Study };
        var housing = new Viewer([locality], true, null) { AgencyIds = [agencies["Housing"]], Purposes = SharingPurposes.Support };
        var police = agencies["Police"];
        var policeRecords = await ctx.ActivityRecords.CountAsync(r => r.LocalityId == locality && r.AgencyId == police);
        policeRecords.ShouldBeGreaterThan(0);
        (await ctx.ActivityRecords.Where(r => r.AgencyId == police).SharedWith(ctx, council).CountAsync()).ShouldBe(policeRecords);
        (await ctx.ActivityRecords.Where(r => r.AgencyId == police).SharedWith(ctx, housing).CountAsync()).ShouldBe(0, "police records are not shared with housing");
        // the identifying records follow the same rule
        (await ctx.SourceIdentities.Where(s => s.AgencyId == police).SharedWith(ctx, housing).CountAsync()).ShouldBe(0);
        (await ctx.SourceIdentities.Where(s => s.AgencyId == police).SharedWith(ctx, council).CountAsync())
            .ShouldBe(await ctx.SourceIdentities.CountAsync(s => s.AgencyId == police));

        // The police agreement ended yesterday: the council no longer sees police records.
        var agreement = await ctx.SharingAgreements.Include(a => a.Parties).Include(a => a.Categories).SingleAsync(a => a.Name == NorthfieldSharing.PoliceAgreement);
        var today = Sharing.Today(ctx.Clock);
        await Sharing.SaveAsync(ctx, locality, agreement.Id, new SharingAgreementInput(agreement.Name, agreement.Description, agreement.Purposes,
            [.. agreement.Parties.Select(p => p.AgencyId)], [.. agreement.Categories.Select(c => c.Category)], agreement.Article6, agreement.Article9, agreement.ConsentBased,
            agreement.StartsOn, today.AddDays(-1)));
        (await ctx.ActivityRecords.Where(r => r.AgencyId == police).SharedWith(ctx, council).CountAsync()).ShouldBe(0, "an agreement no longer in force shares nothing");
        (await ctx.SharingAgreements.SingleAsync(a => a.Id == agreement.Id)).Version.ShouldBe(2);
        (await ctx.AuditEvents.CountAsync(e => e.EventType == LocalFlow.Data.Audit.AuditEventType.SharingAgreementChanged)).ShouldBe(1);

        // Consent: the person who withdrew gives it again, and a consenting person withdraws.
        var wa = agencies["Women's Aid"];
        var withdrew = Guid.Parse(await ctx.Settings.Where(s => s.Key == NorthfieldSharing.WithdrewSettingKey).Select(s => s.Value).SingleAsync());
        var womensAid = await ctx.SharingAgreements.SingleAsync(a => a.Name == NorthfieldSharing.WomensAidAgreement);
        IQueryable<ActivityRecord> WomensAidOf(Guid person) => ctx.ActivityRecords.Where(r => r.PersonId == person && r.AgencyId == wa);
        var held = await WomensAidOf(withdrew).CountAsync();
        (await WomensAidOf(withdrew).SharedWith(ctx, council).CountAsync()).ShouldBe(0);
        await Sharing.RecordConsentAsync(ctx, womensAid.Id, withdrew, given: true, today);
        (await WomensAidOf(withdrew).SharedWith(ctx, council).CountAsync()).ShouldBe(held);
        await Sharing.RecordConsentAsync(ctx, womensAid.Id, withdrew, given: false, today);
        (await WomensAidOf(withdrew).SharedWith(ctx, council).CountAsync()).ShouldBe(0);
        (await ctx.AuditEvents.CountAsync(e => e.EventType == LocalFlow.Data.Audit.AuditEventType.SharingConsentRecorded && e.EntityId == withdrew.ToString())).ShouldBe(2);
        await Should.ThrowAsync<SharingInputException>(() => Sharing.RecordConsentAsync(ctx, womensAid.Id, withdrew, given: true, today.AddDays(1)));

        // The figures beside the person's records count only the records the viewer may see.
        var shared = await FlowQueries.RecordsForAsync(ctx, council, locality, withdrew);
        var engines = new FlowEngines();
        var figures = (await engines.ForPersonAsync(ctx, locality, withdrew, shared)).Person(withdrew)?.Figures;
        (figures?.Records ?? 0).ShouldBe(shared.Count);
        shared.Count.ShouldBeLessThan(await ctx.ActivityRecords.CountAsync(r => r.PersonId == withdrew));
        (await engines.ForPersonAsync(ctx, locality, withdrew, await FlowQueries.RecordsForAsync(ctx, new Viewer([locality], true, null), locality, withdrew)))
            .ShouldBeSameAs(await engines.ForLocalityAsync(ctx, locality), "a viewer who sees every record reads the locality's kept engine");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AnAgreement_IsRefused_NamingTheField(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateUpgradedAsync(provider);
        await using var ctx = db.Options.CreateContext();
        var locality = ctx.Localities.Add(new Locality { Name = "Testford" }).Entity;
        var a = ctx.Agencies.Add(new Agency { Name = "A", ShortName = "A", Kind = AgencyKind.Council }).Entity;
        var b = ctx.Agencies.Add(new Agency { Name = "B", ShortName = "B", Kind = AgencyKind.Police }).Entity;
        await ctx.SaveChangesAsync();
        SharingAgreementInput Good() => new("Name", "For support", SharingPurposes.Support, [a.Id, b.Id], [DataCategory.Police], Article6Basis.PublicTask,
            Article9Condition.SubstantialPublicInterest, false, new DateOnly(2026, 1, 1), null);
        async Task Refused(SharingAgreementInput input, string field)
            => (await Should.ThrowAsync<SharingInputException>(() => Sharing.SaveAsync(ctx, locality.Id, null, input))).Field.ShouldBe(field);
        await Refused(Good() with { Name = " " }, "Name");
        await Refused(Good() with { Description = "" }, "Description");
        await Refused(Good() with { Purposes = SharingPurposes.None }, "Purposes");
        await Refused(Good() with { AgencyIds = [a.Id] }, "Agencies");
        await Refused(Good() with { Categories = [] }, "Categories");
        await Refused(Good() with { Article6 = null }, "Article6");
        await Refused(Good() with { Article9 = null }, "Article9");
        await Refused(Good() with { Article6 = Article6Basis.Consent }, "ConsentBased");
        await Refused(Good() with { StartsOn = null }, "StartsOn");
        await Refused(Good() with { EndsOn = new DateOnly(2025, 12, 31) }, "EndsOn");
        (await Sharing.SaveAsync(ctx, locality.Id, null, Good())).Version.ShouldBe(1);
    }
}
