using LocalFlow.Data.Entities;
using LocalFlow.Data.Flow;
using LocalFlow.Data.Trust;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Data.Demo;

/// <summary>
/// The demo's data sharing agreements (docs/trust.md): one for locality working among every agency but the police and
/// Women's Aid, one for the police with every agency but the housing provider (so police and housing records are not
/// shared with each other), and one by which Women's Aid shares its records with the council only with each person's
/// consent. Everyone with Women's Aid records has given consent, except one person (not a case history, not restricted) who withdrew
/// it, so the council's users do not see that person's Women's Aid records. Made after every record, in bulk.
/// </summary>
public sealed class NorthfieldSharing : IDemoPart
{
    public int Order => 99;
    public string Name => "Data sharing agreements";

    /// <summary>The setting naming the person who withdrew consent ("person id").</summary>
    public const string WithdrewSettingKey = "demo.sharing.withdrew";

    public const string LocalityAgreement = "Northfield locality working";
    public const string PoliceAgreement = "Northshire Police information sharing";
    public const string WomensAidAgreement = "Women's Aid outreach, with consent";

    public async Task AddAsync(DemoContext context, IProgress<DemoProgress> progress, CancellationToken ct)
    {
        var db = context.Db;
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);
        var locality = context.Locality.Id;
        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.ShortName, a => a.Id, ct);
        var now = db.Clock.GetUtcNow().UtcDateTime;
        // in force from well before any demo day, and never dated after it
        var starts = context.Today < new DateOnly(2006, 4, 1) ? context.Today : new DateOnly(2006, 4, 1);
        const string by = "Demo";
        var every = Enum.GetValues<DataCategory>();
        const SharingPurposes all = SharingPurposes.Support | SharingPurposes.Study | SharingPurposes.DataManagement;

        SharingAgreement Agreement(string name, string description, IEnumerable<string> parties, IEnumerable<DataCategory> categories, Article6Basis a6, Article9Condition a9, bool consent)
        {
            var a = new SharingAgreement
            {
                LocalityId = locality,
                Name = name,
                Description = description,
                Purposes = all,
                Article6 = a6,
                Article9 = a9,
                ConsentBased = consent,
                StartsOn = starts,
                ChangedBy = by,
                ChangedUtc = now,
            };
            a.Parties.AddRange(parties.Where(agencies.ContainsKey).Select(p => new SharingParty { AgencyId = agencies[p] }));
            a.Categories.AddRange(categories.Select(c => new SharingCategory { Category = c }));
            db.SharingAgreements.Add(a);
            return a;
        }

        var shortNames = agencies.Keys.Order(StringComparer.Ordinal).ToList();
        Agreement(LocalityAgreement, "The agencies of the Northfield locality team share what they know of the people the team helps, to support them, to study the flow of work through the agencies and to link their records.",
            shortNames.Where(s => s is not "Police" and not "Women's Aid"), every, Article6Basis.PublicTask, Article9Condition.HealthOrSocialCare, consent: false);
        Agreement(PoliceAgreement, "Northshire Police share records with the locality's agencies for safeguarding, and receive theirs. Not with the housing provider.",
            shortNames.Where(s => s is not "Housing" and not "Women's Aid"), every, Article6Basis.PublicTask, Article9Condition.SubstantialPublicInterest, consent: false);
        var womensAid = Agreement(WomensAidAgreement, "Women's Aid shares its outreach and refuge records with the council only when the person agrees.",
            ["Women's Aid", "Council"], [DataCategory.VoluntarySector], Article6Basis.Consent, Article9Condition.ExplicitConsent, consent: true);
        await db.SaveChangesAsync(ct);

        if (!agencies.TryGetValue("Women's Aid", out var wa))
        {
            return;
        }
        var firstRecords = await db.ActivityRecords.AsNoTracking().Where(r => r.LocalityId == locality && r.AgencyId == wa)
            .GroupBy(r => r.PersonId).Select(g => new { PersonId = g.Key, First = g.Min(r => r.StartUtc) }).ToListAsync(ct);
        var stories = (await FlowQueries.CaseHistoriesAsync(db, ct)).Select(s => s.PersonId).ToHashSet();
        // someone the study team and the locality team may see, so that the rule shows on their pages
        var ordinary = (await db.People.AsNoTracking().Where(p => p.LocalityId == locality && !p.Restricted && (p.Household == null || !p.Household.Restricted))
            .Select(p => p.Id).ToListAsync(ct)).ToHashSet();
        var withdrew = firstRecords.Where(f => !stories.Contains(f.PersonId) && ordinary.Contains(f.PersonId)).OrderBy(f => f.PersonId).Select(f => (Guid?)f.PersonId).FirstOrDefault();
        foreach (var f in firstRecords.OrderBy(f => f.PersonId))
        {
            var given = DateOnly.FromDateTime(f.First);
            db.SharingConsents.Add(new SharingConsent
            {
                LocalityId = locality,
                AgreementId = womensAid.Id,
                PersonId = f.PersonId,
                Given = f.PersonId != withdrew,
                On = f.PersonId == withdrew ? context.Today.AddDays(-7) : (given > context.Today ? context.Today : given),
                RecordedBy = by,
                RecordedUtc = now,
            });
        }
        if (withdrew is Guid w)
        {
            db.Settings.Add(new Setting { Key = WithdrewSettingKey, Value = w.ToString() });
        }
        await db.SaveChangesAsync(ct);
    }
}
