using LocalFlow.Analytics.Redesign;
using LocalFlow.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Data.Demo;

/// <summary>
/// Northfield's resource database and needs database: what each partner and citizens themselves spend on which
/// purpose, the public buildings and community assets with who uses them when, what the workforce is missing, and the
/// needs of communities and families with their evidence. The totals on the pages are worked out by the engine from
/// these lines, never typed in. Everything is added in one save.
/// </summary>
internal sealed class NorthfieldResources : IDemoPart
{
    public int Order => 97;
    public string Name => "Resources and needs";

    private static readonly (FundingPartner Partner, string Body, string Purpose, decimal Amount, MoneyPeriod Period, int YearsAgo)[] Money =
    [
        (FundingPartner.Council, "Adult social care", "Home care", 2_450_000m, MoneyPeriod.PerYear, 1),
        (FundingPartner.Council, "Adult social care", "Assessment and care management", 1_180_000m, MoneyPeriod.PerYear, 1),
        (FundingPartner.Council, "Children's services", "Early help", 640_000m, MoneyPeriod.PerYear, 1),
        (FundingPartner.Council, "Children's services", "Children's social care", 3_900_000m, MoneyPeriod.PerYear, 1),
        (FundingPartner.Council, "Housing", "Homelessness and temporary accommodation", 85_000m, MoneyPeriod.PerMonth, 1),
        (FundingPartner.Council, "Libraries and leisure", "Community buildings", 410_000m, MoneyPeriod.PerYear, 2),
        (FundingPartner.Nhs, "Community health trust", "District nursing", 1_320_000m, MoneyPeriod.PerYear, 1),
        (FundingPartner.Nhs, "Community health trust", "Health visiting", 720_000m, MoneyPeriod.PerYear, 1),
        (FundingPartner.Nhs, "Acute trust", "Emergency admissions of Northfield residents", 5_600_000m, MoneyPeriod.PerYear, 1),
        (FundingPartner.Nhs, "GP practices", "Primary care", 2_100_000m, MoneyPeriod.PerYear, 2),
        (FundingPartner.Police, "Neighbourhood policing", "Neighbourhood policing", 980_000m, MoneyPeriod.PerYear, 1),
        (FundingPartner.Police, "Response", "Calls about welfare and mental health", 12_500m, MoneyPeriod.PerWeek, 1),
        (FundingPartner.Schools, "Three primary schools and the academy", "Pastoral care and early help", 350_000m, MoneyPeriod.PerYear, 1),
        (FundingPartner.Schools, "Northfield Academy", "Breakfast club", 1_900m, MoneyPeriod.PerWeek, 1),
        (FundingPartner.Benefits, "Department for Work and Pensions", "Disability and carers' benefits", 6_800_000m, MoneyPeriod.PerYear, 1),
        (FundingPartner.Benefits, "Housing benefit", "Help with rent", 420_000m, MoneyPeriod.PerMonth, 1),
        (FundingPartner.Citizens, "Charges people pay", "Home care", 310_000m, MoneyPeriod.PerYear, 1),
        (FundingPartner.Citizens, "Volunteers' time at the living wage", "Lunch club and befriending", 2_400m, MoneyPeriod.PerWeek, 1),
        (FundingPartner.Citizens, "Residents' fundraising", "Community centre roof", 18_000m, MoneyPeriod.OneOff, 1),
        (FundingPartner.Other, "Fire and rescue", "Safe and well visits", 95_000m, MoneyPeriod.PerYear, 1),
        (FundingPartner.Other, "Housing association", "Tenancy support", 260_000m, MoneyPeriod.PerYear, 2),
    ];

    private static readonly (string Name, string Kind, FundingPartner Owner, string Place, string Hours, int? Capacity, string UsedBy)[] Buildings =
    [
        ("St Mark's primary school", "Primary school", FundingPartner.Schools, "Church Lane", "Monday to Friday 8:00 to 18:00", 420, "Pupils in the day; breakfast club 7:45; empty every evening and all weekend"),
        ("Northfield Academy", "Secondary school", FundingPartner.Schools, "Meadow Road", "Monday to Friday 7:30 to 18:00", 1100, "Pupils; sports hall let on Tuesday evenings; grounds closed at weekends"),
        ("Northfield library", "Library", FundingPartner.Council, "High Street", "Tuesday to Saturday 9:30 to 17:00", 60, "Toddler rhyme time Tuesday 10:00; job club Thursday; closed Monday and Sunday"),
        ("Meadows community centre", "Community centre", FundingPartner.Citizens, "Meadows estate", "Every day 9:00 to 21:00", 120, "Lunch club Monday and Thursday; food bank Friday; youth club Wednesday evening"),
        ("Northfield health centre", "GP surgery and clinics", FundingPartner.Nhs, "Station Road", "Monday to Friday 8:00 to 18:30", 80, "Two GP practices; district nurses' base; health visitor clinic Wednesday"),
        ("Children's centre", "Children's centre", FundingPartner.Council, "Park View", "Monday to Friday 9:00 to 16:00", 50, "Stay and play three mornings; rooms empty most afternoons"),
        ("Police office", "Neighbourhood police base", FundingPartner.Police, "High Street", "Not open to the public", 15, "Neighbourhood team; front counter closed since last year"),
        ("Leisure centre", "Leisure centre", FundingPartner.Council, "Meadow Road", "Every day 6:30 to 22:00", 400, "Swimming, gym, classes; meeting room empty most days"),
    ];

    private static readonly (string? AgencyShort, string Skill, int People, string Note)[] Gaps =
    [
        ("Council", "Locality workers who can stay with a family from first contact", 4, "The groups say the duty teams pass people on because nobody can hold them."),
        (null, "Mental health workers in the neighbourhood, not at the hospital", 2, "Police answer most welfare calls at night."),
        ("Council", "Occupational therapists who fit equipment on the first visit", 1, ""),
        ("Citizens Advice", "Debt and benefits advisers in the community centre", 2, "The advice line waits three weeks."),
    ];

    private static readonly (string Title, NeedOf Who, string Area, string Description, NeedEvidenceKind Kind, string Evidence, bool FromStudy)[] NeedList =
    [
        ("Older people living alone want company and a reason to go out", NeedOf.Community, "Meadows estate", "Many older people on the estate see nobody for days; the lunch club is full.", NeedEvidenceKind.WhatMatters, "Across the good-life conversations, \"someone to talk to\" and \"getting out of the house\" are among what matters most often.", false),
        ("People calling about care want help to stay at home, not an assessment", NeedOf.Community, "All of Northfield", "Most calls to the contact team ask for practical help at home.", NeedEvidenceKind.DemandStudy, "Much of it is failure demand: people chasing or calling again.", true),
        ("Families with young children need somewhere to meet in the afternoons", NeedOf.Families, "Park View", "The children's centre is empty most afternoons while parents say there is nowhere to go.", NeedEvidenceKind.ConsultationTheme, "Theme of the parents' consultation last spring: \"nowhere to go after lunch\".", false),
        ("Young people have nowhere to go in the evenings", NeedOf.Community, "All of Northfield", "The schools' grounds and halls close at 18:00; the youth club runs one night a week.", NeedEvidenceKind.ConsultationTheme, "Theme of the young people's survey: places to go and things to do.", false),
        ("Households in debt reach help only at crisis", NeedOf.Families, "Meadows estate", "Rent arrears, council tax and crisis loans come to three different doors.", NeedEvidenceKind.LocalityPicture, "Finding of the locality picture: debt is among the most frequent underlying issues of households in the \"serious help\" tier.", false),
        ("Carers want to be asked how they are, and helped before they break", NeedOf.Families, "All of Northfield", "", NeedEvidenceKind.WhatMatters, "Carers' what-matters statements, in aggregate: a break, and someone who knows their situation.", false),
        ("People in mental distress at night meet the police, not help", NeedOf.Community, "Town centre", "", NeedEvidenceKind.LocalityPicture, "Finding of the locality picture: welfare calls cluster in a few streets at night.", false),
    ];

    /// <summary>
    /// Where the money's purposes, the buildings and the needs sit on the user pathway (first and last stage). Nothing is
    /// placed on pregnancy but the families' need, so the demo's pathway shows a gap there: no midwifery or antenatal
    /// money is recorded. Placing draws nothing at random.
    /// </summary>
    private static readonly Dictionary<string, (LifeStage First, LifeStage Last)> Placed = new(StringComparer.Ordinal)
    {
        ["Home care"] = (LifeStage.LaterLife, LifeStage.OldAge),
        ["Assessment and care management"] = (LifeStage.YoungAdult, LifeStage.OldAge),
        ["Early help"] = (LifeStage.EarlyYears, LifeStage.SecondarySchool),
        ["Children's social care"] = (LifeStage.EarlyYears, LifeStage.Transition),
        ["Homelessness and temporary accommodation"] = (LifeStage.YoungAdult, LifeStage.OldAge),
        ["District nursing"] = (LifeStage.LaterLife, LifeStage.OldAge),
        ["Health visiting"] = (LifeStage.EarlyYears, LifeStage.EarlyYears),
        ["Calls about welfare and mental health"] = (LifeStage.YoungAdult, LifeStage.WorkingAge),
        ["Pastoral care and early help"] = (LifeStage.PrimarySchool, LifeStage.SecondarySchool),
        ["Breakfast club"] = (LifeStage.PrimarySchool, LifeStage.SecondarySchool),
        ["Disability and carers' benefits"] = (LifeStage.WorkingAge, LifeStage.OldAge),
        ["Lunch club and befriending"] = (LifeStage.LaterLife, LifeStage.OldAge),
        ["Safe and well visits"] = (LifeStage.LaterLife, LifeStage.OldAge),
        ["Tenancy support"] = (LifeStage.YoungAdult, LifeStage.WorkingAge),
        ["St Mark's primary school"] = (LifeStage.PrimarySchool, LifeStage.PrimarySchool),
        ["Northfield Academy"] = (LifeStage.SecondarySchool, LifeStage.Transition),
        ["Northfield library"] = (LifeStage.EarlyYears, LifeStage.OldAge),
        ["Meadows community centre"] = (LifeStage.SecondarySchool, LifeStage.OldAge),
        ["Northfield health centre"] = (LifeStage.EarlyYears, LifeStage.OldAge),
        ["Children's centre"] = (LifeStage.EarlyYears, LifeStage.EarlyYears),
        ["Leisure centre"] = (LifeStage.PrimarySchool, LifeStage.LaterLife),
        ["Older people living alone want company and a reason to go out"] = (LifeStage.LaterLife, LifeStage.OldAge),
        ["People calling about care want help to stay at home, not an assessment"] = (LifeStage.LaterLife, LifeStage.OldAge),
        ["Families with young children need somewhere to meet in the afternoons"] = (LifeStage.Pregnancy, LifeStage.EarlyYears),
        ["Young people have nowhere to go in the evenings"] = (LifeStage.SecondarySchool, LifeStage.Transition),
        ["Households in debt reach help only at crisis"] = (LifeStage.YoungAdult, LifeStage.WorkingAge),
        ["Carers want to be asked how they are, and helped before they break"] = (LifeStage.WorkingAge, LifeStage.LaterLife),
        ["People in mental distress at night meet the police, not help"] = (LifeStage.YoungAdult, LifeStage.WorkingAge),
    };

    private static LifeStage? First(string key) => Placed.TryGetValue(key, out var p) ? p.First : null;

    private static LifeStage? Last(string key) => Placed.TryGetValue(key, out var p) ? p.Last : null;

    public async Task AddAsync(DemoContext context, IProgress<DemoProgress> progress, CancellationToken ct)
    {
        var db = context.Db;
        var localityId = context.Locality.Id;
        // Everything is dated days before today, so the demo is never ahead of the clock whatever time it is made.
        var recorded = context.Today.AddDays(-90).ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc);
        var random = context.RandomFor(Name);
        db.ResourceMoney.AddRange(Money.Select(m => new ResourceMoney
        {
            Id = DemoContext.NextId(random),
            LocalityId = localityId,
            Partner = m.Partner,
            Body = m.Body,
            Purpose = m.Purpose,
            FirstStage = First(m.Purpose),
            LastStage = Last(m.Purpose),
            Amount = m.Amount,
            PriceYear = context.Today.Year - m.YearsAgo,
            Period = m.Period,
            Note = "From the partner's budget book, as the resources group gathered it.",
            UpdatedBy = "commissioner",
            UpdatedUtc = recorded,
            Version = 1,
        }));
        db.ResourceBuildings.AddRange(Buildings.Select(b => new ResourceBuilding
        {
            Id = DemoContext.NextId(random),
            LocalityId = localityId,
            Name = b.Name,
            Kind = b.Kind,
            Owner = b.Owner,
            Place = b.Place,
            OpeningHours = b.Hours,
            Capacity = b.Capacity,
            UsedBy = b.UsedBy,
            FirstStage = First(b.Name),
            LastStage = Last(b.Name),
            UpdatedBy = "commissioner",
            UpdatedUtc = recorded,
        }));
        var agencies = (await db.Agencies.AsNoTracking().Select(a => new { a.ShortName, a.Id }).ToListAsync(ct)).GroupBy(a => a.ShortName).ToDictionary(g => g.Key, g => g.Min(a => a.Id));
        db.WorkforceGaps.AddRange(Gaps.Select(g => new WorkforceGap
        {
            LocalityId = localityId,
            AgencyId = g.AgencyShort is not null && agencies.TryGetValue(g.AgencyShort, out var a) ? a : null,
            Skill = g.Skill,
            People = g.People,
            Note = g.Note,
        }));
        var study = await db.DemandStudies.AsNoTracking().Where(s => s.LocalityId == localityId).OrderBy(s => s.Id).Select(s => (int?)s.Id).FirstOrDefaultAsync(ct);
        db.Needs.AddRange(NeedList.Select(n => new Need
        {
            Id = DemoContext.NextId(random),
            LocalityId = localityId,
            Title = n.Title,
            Who = n.Who,
            Area = n.Area,
            Description = n.Description,
            EvidenceKind = n.Kind,
            Evidence = n.Evidence,
            DemandStudyId = n.FromStudy ? study : null,
            RecordedBy = "citizen",
            RecordedUtc = recorded,
            FirstStage = First(n.Title),
            LastStage = Last(n.Title),
        }));
        await db.SaveChangesAsync(ct);
        progress.Report(new DemoProgress(Name, $"{Money.Length} lines of money, {Buildings.Length} buildings, {NeedList.Length} needs", 1));
    }
}
