using LocalFlow.Analytics.Flow;
using LocalFlow.Data.Entities;
using LocalFlow.Data.Flow;
using Microsoft.EntityFrameworkCore;
using Step = LocalFlow.Data.Demo.FlowDemoGenerator.Step;

namespace LocalFlow.Data.Demo;

/// <summary>
/// The history of the households the locality team took on, as the seeds' cohorts had it: several agencies' contacts
/// (police, GP and A&amp;E, housing, children's services and the school) in the months before the team began, and few
/// after. It adds Northfield's school, and writes every record in one bulk insert. The seeds' own case histories
/// (Ruth, Melvyn) keep exactly the records their seeds tell, so their households get nothing here. Nothing is dated
/// later than today, and economics reads these records like any others: the saving it shows is computed, not typed.
/// </summary>
internal sealed class NorthfieldCohortHistory : IDemoPart
{
    public const string SchoolName = "Northfield Community Academy";
    public const string SchoolShortName = "School";

    internal static readonly string[] SchoolTeams = ["Pastoral care", "Attendance"];

    internal static readonly string[] SchoolStaff = ["Helen Ward", "Imran Shah", "Grace Owen", "Tom Baxter"];

    private const string Local = "Illustrative demo figure: local estimate of staff time × hourly cost including on-costs";

    internal static readonly (ActivityKind Kind, string Description, decimal Amount)[] SchoolCosts =
    [
        (ActivityKind.Contact, "Pastoral contact with a parent", 35m),
        (ActivityKind.Document, "Attendance letter", 12m),
        (ActivityKind.Meeting, "Attendance panel or exclusion meeting", 210m),
        (ActivityKind.Referral, "Referral from school", 40m),
    ];

    /// <summary>Episodes only the cohort has: the school's, and an emergency admission.</summary>
    private static readonly Step[][] CohortEpisodes =
    [
        [
            new("School/Attendance", ActivityKind.Contact, null, "Absence: parent rung", Served: ActivityServed.Compliance),
            new("School/Attendance", ActivityKind.Document, null, "Attendance letter", Served: ActivityServed.Compliance),
            new("School/Attendance", ActivityKind.Meeting, "Attendance panel", "Attendance panel", Served: ActivityServed.Reporting),
            new("School/Pastoral care", ActivityKind.Referral, null, "Referral to early help", "Council/Early help"),
            new("Council/Early help", ActivityKind.Assessment, "Early help assessment", "Early help assessment", Served: ActivityServed.Approvals),
        ],
        [
            new("School/Pastoral care", ActivityKind.Contact, "Behaviour incident", "Behaviour incident at school"),
            new("School/Pastoral care", ActivityKind.Meeting, "Exclusion meeting", "Fixed-term exclusion meeting", Served: ActivityServed.Compliance),
            new("School/Pastoral care", ActivityKind.Referral, null, "Referral to children's services", "Council/Children's front door (MASH)"),
            new("Council/Children's front door (MASH)", ActivityKind.Assessment, "MASH screening", "Screening", Served: ActivityServed.Compliance),
            new("Council/Children's front door (MASH)", ActivityKind.Closure, null, "No further action", Served: ActivityServed.Approvals),
        ],
        [
            new("Ambulance/Paramedic crews", ActivityKind.EmergencyResponse, null, "999: chest pain, conveyed"),
            new("NHS Trust/Emergency department", ActivityKind.Contact, null, "A&E attendance"),
            new("NHS Trust/Acute medical unit", ActivityKind.Admission, null, "Emergency admission"),
            new("NHS Trust/Acute medical unit", ActivityKind.BedDay, null, "Bed day"),
            new("NHS Trust/Acute medical unit", ActivityKind.BedDay, null, "Bed day"),
            new("NHS Trust/Discharge team", ActivityKind.Discharge, null, "Discharged home"),
        ],
        [
            new("GP/GPs", ActivityKind.Contact, null, "Anxious, not sleeping"),
            new("GP/GPs", ActivityKind.Contact, null, "Back again: low mood"),
        ],
    ];

    public int Order => 96;
    public string Name => "Locality team's households before";

    public async Task AddAsync(DemoContext context, IProgress<DemoProgress> progress, CancellationToken ct)
    {
        var db = context.Db;
        var random = context.RandomFor(Name);
        var locality = context.Locality;
        var clockToday = DateOnly.FromDateTime(db.Clock.GetUtcNow().UtcDateTime);
        var today = context.Today < clockToday ? context.Today : clockToday;

        var school = new Agency { Name = SchoolName, ShortName = SchoolShortName, Kind = AgencyKind.School };
        foreach (var t in SchoolTeams)
        {
            school.Teams.Add(new Team { Name = t });
        }
        db.Agencies.Add(school);
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);
        for (var i = 0; i < SchoolStaff.Length; i++)
        {
            var team = school.Teams[i % school.Teams.Count];
            db.Workers.Add(new Worker { AgencyId = school.Id, TeamId = team.Id, Name = SchoolStaff[i], JobTitle = team.Name == "Attendance" ? "Attendance officer" : "Head of year" });
        }
        foreach (var (kind, description, amount) in SchoolCosts)
        {
            db.UnitCosts.Add(new UnitCost { AgencyId = school.Id, ActivityKind = kind, Description = description, Amount = amount, PriceYear = 2023, Source = Local });
        }
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);

        var reference = new FlowDemoReference(
            await db.Agencies.AsNoTracking().Include(a => a.Teams).ToListAsync(ct),
            await db.Workers.AsNoTracking().ToListAsync(ct),
            await db.UnitCosts.AsNoTracking().ToListAsync(ct));
        var storyPeople = (await FlowQueries.CaseHistoriesAsync(db, ct)).Select(s => s.PersonId).ToHashSet();
        var people = await db.People.AsNoTracking().Where(p => p.LocalityId == locality.Id && p.HouseholdId != null).ToListAsync(ct);
        var storyHouseholds = people.Where(p => storyPeople.Contains(p.Id)).Select(p => p.HouseholdId!.Value).ToHashSet();
        var byId = people.ToDictionary(p => p.Id);
        var firstOf = people.GroupBy(p => p.HouseholdId!.Value).ToDictionary(g => g.Key, g => g.OrderBy(p => p.DateOfBirth).ThenBy(p => p.Id).First());
        var supports = await db.Supports.AsNoTracking()
            .Where(s => s.LocalityId == locality.Id && s.RemovedUtc == null)
            .OrderBy(s => s.StartedOn).ThenBy(s => s.Id)
            .Select(s => new { s.PersonId, s.HouseholdId, s.StartedOn })
            .ToListAsync(ct);
        var cohort = new Dictionary<Guid, (Person Person, DateOnly Started)>();
        foreach (var s in supports)
        {
            var person = s.PersonId is { } pid && byId.TryGetValue(pid, out var p) ? p : s.HouseholdId is { } hid && firstOf.TryGetValue(hid, out var f) ? f : null;
            if (person?.HouseholdId is { } household && !storyHouseholds.Contains(household))
            {
                cohort.TryAdd(household, (person, s.StartedOn));
            }
        }

        var generator = new FlowDemoGenerator(reference, random, today, "demo-cohort");
        var patterns = new[]
        {
            FlowDemoGenerator.Episodes[0], FlowDemoGenerator.Episodes[1], FlowDemoGenerator.Episodes[2],
            FlowDemoGenerator.Episodes[3], FlowDemoGenerator.Episodes[6],
        }.Concat(CohortEpisodes).ToArray();
        var records = new List<ActivityRecord>();
        foreach (var (_, (person, started)) in cohort.OrderBy(c => c.Key))
        {
            // Before: three to six episodes in a period as long as the time since the team began (economics compares
            // equal periods); after: one household in three has one more episode, and the team's own work.
            var length = Math.Max(30, today.DayNumber - started.DayNumber);
            var before = 3 + random.Next(4);
            for (var e = 0; e < before; e++)
            {
                var pattern = patterns[random.Next(patterns.Length)];
                var day = started.AddDays(-1 - random.Next(length));
                records.AddRange(generator.Episode(person, pattern, day, pattern.Length, started));
            }
            if (random.Next(3) == 0 && started < today)
            {
                var pattern = patterns[random.Next(patterns.Length)];
                var day = started.AddDays(random.Next(Math.Max(1, today.DayNumber - started.DayNumber)));
                records.AddRange(generator.Episode(person, pattern, day, Math.Min(2, pattern.Length), today));
            }
        }
        await FlowStore.BulkInsertAsync(db, records, ct);
        progress.Report(new DemoProgress(Name, $"{records.Count:N0} records for {cohort.Count} households", 1));
    }
}
