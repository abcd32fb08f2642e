using System.Globalization;
using LocalFlow.Analytics.Flow;
using LocalFlow.Data.Entities;
using LocalFlow.Data.Flow;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Data.Demo;

/// <summary>
/// The flow study's demo: the five case histories from the seeds, record by record, given to real demo
/// people, and multi-agency records for about one household in twenty over the last twelve years.
/// All records are written in one bulk insert inside the demo's transaction.
/// </summary>
internal sealed class NorthfieldFlow : IDemoPart
{
    /// <summary>The setting that says which demo person carries which case history ("Ruth=guid;Melvyn=guid;...").</summary>
    public const string CaseHistoriesSettingKey = FlowQueries.CaseHistoriesSettingKey;

    public int Order => 40;
    public string Name => "Flow study records";

    private const string Demo = "Illustrative demo figure for the flow study, at 2009 prices; check local figures before use";

    /// <summary>The price year of the case histories' own unit costs (<see cref="ExtraUnitCosts"/>).</summary>
    internal const int StoryPriceYear = 2009;

    /// <summary>
    /// Unit costs the case histories need that the base catalogue does not hold, at 2009 prices: the seeds cost Ruth's
    /// case "based on costs as at 2009". The family intervention programme's figure is set so that Ruth's cost since
    /// 2008, restated at 2009 prices, is the seeds' £106,777 (the seeds give only the total); see docs/flow-demo.md.
    /// </summary>
    internal static readonly (string Agency, ActivityKind Kind, string Description, decimal Amount)[] ExtraUnitCosts =
    [
        ("Council", ActivityKind.ServiceProvided, "Family intervention programme (per family, per year)", 15_600m),
        ("Council", ActivityKind.ServiceProvided, "Parenting programme place (12 weeks)", 1_300m),
        ("Council", ActivityKind.ServiceProvided, "Anger management course place", 900m),
        ("Council", ActivityKind.ServiceProvided, "Daily living equipment item (supplied and fitted)", 75m),
        ("Council", ActivityKind.ServiceProvided, "Foster care placement (per child, per week)", 650m),
        ("Council", ActivityKind.ServiceProvided, "Childminding place (15 hours a week)", 75m),
        ("Council", ActivityKind.ServiceProvided, "Youth offending service supervision (per month)", 600m),
        ("Council", ActivityKind.ServiceProvided, "Special school placement (per term)", 7_000m),
        ("Council", ActivityKind.ServiceProvided, "Hostel place (per week)", 300m),
        ("Housing", ActivityKind.ServiceProvided, "Deep clean of a room", 250m),
        ("Police", ActivityKind.EmergencyResponse, "Missing person investigation", 1_325m),
        ("Police", ActivityKind.EmergencyResponse, "Arrest and detention in custody", 1_100m),
        ("NHS Trust", ActivityKind.Assessment, "Child protection medical", 400m),
        ("Telecare", ActivityKind.HomeVisit, "Responder follow-up visit", 45m),
    ];

    /// <summary>The case histories: key, the name the story gives, the sex it needs for that name, and the lines.</summary>
    internal static readonly (string Key, string GivenName, string Sex, string[] Lines)[] Stories =
    [
        ("Ruth", "Ruth", "F", FlowStories.Ruth),
        ("Melvyn", "Melvyn", "M", FlowStories.Melvyn),
        ("ChildA", "Adam", "M", FlowStories.ChildA),
        ("Jake", "Jake", "M", FlowStories.Jake),
        ("Paul", "Paul", "M", FlowStories.Paul),
    ];

    /// <summary>The stories' first names, which the demo's name lists include (they are never drawn at random).</summary>
    internal static readonly string[] StoryFemaleNames = ["Ruth"];

    /// <summary>The stories' first names for men and boys.</summary>
    internal static readonly string[] StoryMaleNames = ["Melvyn", "Adam", "Jake", "Paul"];

    public async Task AddAsync(DemoContext context, IProgress<DemoProgress> progress, CancellationToken ct)
    {
        var db = context.Db;
        var random = context.RandomFor(Name);
        var agencies = await db.Agencies.Include(a => a.Teams).ToListAsync(ct);
        var byShort = agencies.ToDictionary(a => a.ShortName, StringComparer.Ordinal);
        foreach (var (agency, kind, description, amount) in ExtraUnitCosts)
        {
            db.UnitCosts.Add(new UnitCost { AgencyId = byShort[agency].Id, ActivityKind = kind, Description = description, Amount = amount, PriceYear = StoryPriceYear, Source = Demo });
        }
        db.FlowSettings.Add(new FlowSettings { LocalityId = context.Locality.Id });
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);
        var reference = new FlowDemoReference(agencies, await db.Workers.AsNoTracking().ToListAsync(ct), await db.UnitCosts.AsNoTracking().ToListAsync(ct));

        var people = await db.People.Where(p => p.LocalityId == context.Locality.Id).OrderBy(p => p.Id).ToListAsync(ct);
        var householdSizes = people.Where(p => p.HouseholdId is not null).GroupBy(p => p.HouseholdId!.Value).ToDictionary(g => g.Key, g => g.Count());
        var today = context.Today;
        int Age(Person p) => p.DateOfBirth is { } d ? today.Year - d.Year - (today.DayOfYear < d.DayOfYear ? 1 : 0) : 40;
        bool Alone(Person p) => p.HouseholdId is { } h && householdSizes[h] == 1;
        var taken = new HashSet<Guid>();
        Person Pick(params Func<Person, bool>[] wishes)
        {
            foreach (var wish in wishes.Append(_ => true))
            {
                var found = people.FirstOrDefault(p => !p.Restricted && !taken.Contains(p.Id) && wish(p));
                if (found is not null)
                {
                    taken.Add(found.Id);
                    return found;
                }
            }
            throw new InvalidOperationException("The demo needs at least five unrestricted people for the flow study's case histories.");
        }
        var chosen = new Dictionary<string, Person>(StringComparer.Ordinal)
        {
            ["Ruth"] = Pick(p => p.Sex == "F" && Age(p) is >= 45 and <= 65 && !Alone(p), p => p.Sex == "F" && Age(p) >= 19),
            ["Melvyn"] = Pick(p => p.Sex == "M" && Age(p) >= 80 && Alone(p), p => p.Sex == "M" && Age(p) >= 66, p => Age(p) >= 66),
            ["ChildA"] = Pick(p => p.Sex == "M" && Age(p) is >= 28 and <= 38, p => p.Sex == "M" && Age(p) is >= 19 and <= 45),
            ["Jake"] = Pick(p => p.Sex == "M" && Age(p) is >= 28 and <= 38, p => p.Sex == "M" && Age(p) is >= 19 and <= 45),
            ["Paul"] = Pick(p => p.Sex == "M" && Age(p) is >= 35 and <= 60, p => p.Sex == "M" && Age(p) >= 19),
        };

        var records = new List<ActivityRecord>();
        foreach (var (key, givenName, sex, lines) in Stories)
        {
            var person = chosen[key];
            // In a very small demo the best match may be of the other sex: it keeps its own name then.
            if (person.Sex == sex)
            {
                person.GivenName = givenName;
            }
            var script = new FlowStoryScript(reference, key, person, context.RandomFor(Name + " " + key));
            script.Add(lines);
            records.AddRange(script.Records);
        }
        foreach (var (words, item, cost, asked) in FlowStories.RuthWhatMattered)
        {
            db.WhatMattered.Add(new WhatMattered
            {
                Id = DemoContext.NextId(random),
                LocalityId = context.Locality.Id,
                PersonId = chosen["Ruth"].Id,
                InTheirWords = words,
                Item = item,
                Cost = cost,
                PriceYear = 2009,
                AskedOn = DateOnly.ParseExact(asked, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            });
        }
        db.Settings.Add(new Setting { Key = CaseHistoriesSettingKey, Value = string.Join(";", Stories.Select(s => $"{s.Key}={chosen[s.Key].Id}")) });
        progress.Report(new DemoProgress(Name, $"{records.Count:N0} records in the case histories", 0.2));

        // About one household in twenty places demands on several agencies (as Stoke found: 5% of 2,589).
        var households = people.Where(p => p.HouseholdId is not null).GroupBy(p => p.HouseholdId!.Value).OrderBy(g => g.Key).ToList();
        var generator = new FlowDemoGenerator(reference, random, today);
        foreach (var household in households)
        {
            if (random.Next(20) != 0 || household.Any(p => taken.Contains(p.Id)))
            {
                continue;
            }
            var members = household.ToList();
            var who = members.Where(p => Age(p) >= 16).DefaultIfEmpty(members[0]).ToList();
            var count = who.Count > 1 && random.Next(3) == 0 ? 2 : 1;
            foreach (var person in who.OrderBy(_ => random.Next()).Take(count))
            {
                records.AddRange(generator.For(person, Age(person)));
            }
        }
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);
        await FlowStore.BulkInsertAsync(db, records, ct);
        progress.Report(new DemoProgress(Name, $"{records.Count:N0} activity records", 1));
    }
}

/// <summary>
/// Multi-agency records for one person over ten to twelve years: episodes of demand that follow the
/// patterns the seeds describe (assess–refer, screened out, back again), each record costed from the
/// catalogue.
/// </summary>
internal sealed class FlowDemoGenerator(FlowDemoReference reference, Random random, DateOnly today, string sourcePrefix = "demo-gen")
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    private int _sequence;

    /// <summary>One step of an episode: team, kind, subtype, text, referral target, what it served when it did not help.</summary>
    internal sealed record Step(string Team, ActivityKind Kind, string? Subtype, string Text, string? To = null, ActivityServed? Served = null, bool Helped = false);

    internal static readonly Step[][] Episodes =
    [
        [
            new("Ambulance/Paramedic crews", ActivityKind.EmergencyResponse, null, "Fall at home: conveyed"),
            new("NHS Trust/Emergency department", ActivityKind.Contact, null, "A&E: fall"),
            new("NHS Trust/Emergency department", ActivityKind.Referral, null, "Referral to adult social care", "Council/Adult social care duty team"),
            new("Council/Adult social care duty team", ActivityKind.Assessment, "Adult social care needs assessment", "Needs assessment", Served: ActivityServed.Approvals),
            new("Council/Adult social care duty team", ActivityKind.Closure, null, "Below the threshold: no further action", Served: ActivityServed.Approvals),
        ],
        [
            new("Housing/Income and rent", ActivityKind.Contact, null, "Rent arrears call"),
            new("Housing/Income and rent", ActivityKind.Document, null, "Arrears letter", Served: ActivityServed.Compliance),
            new("Housing/Income and rent", ActivityKind.Referral, null, "Referred to Citizens Advice", "Citizens Advice/Debt advice"),
            new("Citizens Advice/Debt advice", ActivityKind.Contact, null, "Debt advice session", Helped: true),
        ],
        [
            new("Police/Control room", ActivityKind.Contact, null, "999 call: domestic abuse"),
            new("Police/Response", ActivityKind.EmergencyResponse, null, "Attended: DASH form completed", Served: ActivityServed.Compliance),
            new("Police/Public protection unit", ActivityKind.Referral, null, "Notification to the children's front door", "Council/Children's front door (MASH)"),
            new("Council/Children's front door (MASH)", ActivityKind.Assessment, "MASH screening", "Screening", Served: ActivityServed.Compliance),
            new("Council/Children's front door (MASH)", ActivityKind.Referral, null, "Signposted to Women's Aid", "Women's Aid/Outreach"),
            new("Women's Aid/Outreach", ActivityKind.Contact, null, "Outreach support", Helped: true),
        ],
        [
            new("GP/GPs", ActivityKind.Contact, null, "Low mood"),
            new("GP/GPs", ActivityKind.Referral, null, "Referral to the community mental health team", "NHS Trust/Community mental health team"),
            new("NHS Trust/Community mental health team", ActivityKind.Assessment, "Mental health assessment", "Mental health assessment"),
            new("NHS Trust/Community mental health team", ActivityKind.Closure, null, "Discharged back to the GP", Served: ActivityServed.Compliance),
        ],
        [
            new("DWP/Work coaches", ActivityKind.Contact, null, "Benefit claim"),
            new("DWP/Work coaches", ActivityKind.Assessment, "Work capability assessment", "Work capability assessment", Served: ActivityServed.Compliance),
            new("DWP/Work coaches", ActivityKind.Referral, null, "Referred to the food bank", "Food bank/Food parcels"),
            new("Food bank/Food parcels", ActivityKind.ServiceProvided, "Food parcel", "Food parcel", Helped: true),
        ],
        [
            new("Council/Contact centre", ActivityKind.Contact, null, "Asks for help at home"),
            new("Council/Contact centre", ActivityKind.Referral, null, "Passed to occupational therapy", "Council/Occupational therapy"),
            new("Council/Occupational therapy", ActivityKind.Assessment, "Occupational therapy assessment", "Occupational therapy assessment"),
            new("Council/Occupational therapy", ActivityKind.ServiceProvided, "Daily living equipment", "Grab rails fitted", Helped: true),
        ],
        [
            new("Council/Anti-social behaviour team", ActivityKind.Contact, null, "Neighbour complaint"),
            new("Council/Anti-social behaviour team", ActivityKind.Document, null, "Warning letter", Served: ActivityServed.Compliance),
            new("Police/Neighbourhood policing team", ActivityKind.Meeting, "ASB case conference", "Case conference", Served: ActivityServed.Reporting),
            new("Council/Anti-social behaviour team", ActivityKind.Closure, null, "Closed", Served: ActivityServed.Reporting),
        ],
        [
            new("Telecare/Alarm monitoring centre", ActivityKind.Contact, null, "Alarm call"),
            new("Telecare/Mobile responders", ActivityKind.EmergencyResponse, null, "Responder attends"),
            new("NHS Trust/Community nursing", ActivityKind.HomeVisit, null, "Community nurse visit", Helped: true),
        ],
    ];

    public IEnumerable<ActivityRecord> For(Person person, int age)
    {
        var from = today.AddYears(-12).DayNumber;
        var span = today.DayNumber - from - 30;
        var episodes = 3 + random.Next(10);
        for (var e = 0; e < episodes; e++)
        {
            // Older people fall; younger people meet housing, police and benefits.
            var pattern = age >= 70 && random.Next(2) == 0 ? (random.Next(2) == 0 ? Episodes[0] : Episodes[7]) : Episodes[random.Next(Episodes.Length)];
            var day = DateOnly.FromDayNumber(from + random.Next(span));
            // Screened out or closed early, a third of episodes come back within weeks (re-entry).
            var stop = pattern.Length;
            if (random.Next(3) == 0)
            {
                stop = Math.Max(2, pattern.Length - 1);
            }
            foreach (var record in Episode(person, pattern, day, stop, today))
            {
                yield return record;
            }
        }
    }

    /// <summary>
    /// One episode of <paramref name="pattern"/>'s first <paramref name="stop"/> steps for <paramref name="person"/>,
    /// from <paramref name="day"/>, each step a few days after the one before, ending before <paramref name="end"/>
    /// (never later than today: the demo records nothing in the future).
    /// </summary>
    internal IEnumerable<ActivityRecord> Episode(Person person, Step[] pattern, DateOnly day, int stop, DateOnly end)
    {
        if (end > today)
        {
            end = today;
        }
        if (day >= end)
        {
            yield break;
        }
        for (var s = 0; s < stop; s++)
        {
            var step = pattern[s];
            var (agency, team) = reference.Team(step.Team);
            var start = TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(new TimeOnly(8 + random.Next(10), random.Next(60))), London);
            int? toAgency = null, toTeam = null;
            if (step.To is not null)
            {
                (toAgency, toTeam) = reference.Team(step.To);
            }
            var entry = reference.CostEntry(agency, step.Kind, null);
            var cost = entry?.Amount;
            yield return new ActivityRecord
            {
                Id = DemoContext.NextId(random),
                LocalityId = person.LocalityId,
                PersonId = person.Id,
                HouseholdId = person.HouseholdId,
                AgencyId = agency,
                TeamId = team,
                WorkerId = reference.AnyWorker(team, random),
                Kind = step.Kind,
                Subtype = step.Subtype,
                ReferredToAgencyId = toAgency,
                ReferredToTeamId = toTeam,
                StartUtc = start,
                SourceOffsetMinutes = (int)London.GetUtcOffset(start).TotalMinutes,
                SourceSystem = reference.SourceSystem(agency),
                SourceRecordId = $"{sourcePrefix}-{person.Id:N}-{++_sequence}",
                Text = step.Text,
                Cost = cost,
                CostFromCatalogue = cost is not null,
                PriceYear = entry?.PriceYear,
                Helped = step.Helped ? true : step.Served is null ? null : false,
                HelpedReason = step.Served,
            };
            day = day.AddDays(1 + random.Next(step.Kind == ActivityKind.Referral ? 30 : 7));
            if (day >= end)
            {
                yield break;
            }
        }
    }
}
