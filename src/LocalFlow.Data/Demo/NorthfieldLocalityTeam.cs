using LocalFlow.Analytics.Flow;
using LocalFlow.Data.Audit;
using LocalFlow.Data.Entities;
using LocalFlow.Data.Flow;
using LocalFlow.Data.LocalityWork;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Data.Demo;

/// <summary>
/// Northfield's locality team after locality working began: its own agency, workers and sign-ins, purpose and
/// principles, a local directory, and about 60 households it works with — Melvyn (his five statements) and Ruth among
/// them, a carer with her own statements and a restricted household with a named worker. Everything is recorded
/// through the same operations the pages use (<see cref="Supports"/>), so actions are priced from the catalogue and
/// the engine counts them.
/// </summary>
internal sealed class NorthfieldLocalityTeam : IDemoPart
{
    public const string AgencyName = "Northfield Locality Team";
    public const string AgencyShortName = "Locality team";
    public const string TeamName = "Neighbourhood team";

    /// <summary>The key worker's demo sign-in; "keyworker" is named on the restricted household, "teamworker" is not.</summary>
    internal static readonly (string UserName, string DisplayName, string WorkerName)[] Users =
    [
        ("keyworker", "Kim Key (locality key worker)", "Kim Key"),
        ("teamworker", "Theo Team (locality worker)", "Theo Team"),
    ];

    internal static readonly string[] OtherWorkers = ["Asha Begum", "Rob Lewis", "Nia Evans", "Joe Carter", "Lena Novak", "Dan Price"];

    internal static readonly (ActivityKind Kind, string Description, decimal Amount)[] Costs =
    [
        (ActivityKind.HomeVisit, "Home visit", 45m),
        (ActivityKind.Contact, "Contact", 12m),
        (ActivityKind.ServiceProvided, "Practical help", 30m),
        (ActivityKind.Meeting, "Meeting with the family", 60m),
    ];

    internal static readonly string[] MelvynStatements =
    [
        "I want to go out and about",
        "I want to be free from pain",
        "I want people I'm familiar with helping me",
        "I want to be in control of my life and make my own decisions",
        "I want to stay living in my home",
    ];

    internal static readonly (string Name, DirectoryEntryKind Kind, string Skills, string Availability)[] Directory =
    [
        ("Dave Marsh", DirectoryEntryKind.Volunteer, "handyperson, grab rails, small repairs", "Weekday mornings"),
        ("Pat Okoro", DirectoryEntryKind.Volunteer, "lifts to appointments", "Tuesdays and Thursdays"),
        ("Northfield Credit Union", DirectoryEntryKind.Organisation, "debt, budgeting, savings", "Mon–Fri 9am to 4pm"),
        ("Citizens Advice Northfield", DirectoryEntryKind.Organisation, "benefits, debt, housing law, immigration", "Drop-in Wednesdays"),
        ("Sue Patel", DirectoryEntryKind.Volunteer, "befriending, shopping", "Afternoons"),
        ("Mill Lane Allotment Society", DirectoryEntryKind.Group, "gardening, company", "Saturdays"),
        ("Greenbank Dog Walkers", DirectoryEntryKind.Group, "dog walking, company, walks", "Daily"),
        ("Ken Lloyd", DirectoryEntryKind.Volunteer, "locksmith, door locks", "Evenings"),
        ("Northfield Food Share", DirectoryEntryKind.Group, "food, cooking", "Fridays"),
        ("Ola Nowak", DirectoryEntryKind.Volunteer, "Polish interpreting, form filling", "Weekends"),
        ("Chapel Street Men's Shed", DirectoryEntryKind.Group, "woodwork, company, small repairs", "Mon and Thu afternoons"),
        ("Jan Hughes", DirectoryEntryKind.Volunteer, "lifts to appointments, shopping", "Mornings"),
    ];

    // What people said when asked "What would a good life look like to you?" (in the spirit of the seeds).
    internal static readonly string[] Said =
    [
        "My children can sleep in their own room",
        "My financial problems are sorted",
        "I want to feel safe at home",
        "I want to get back to work",
        "I want to see my grandchildren more",
        "I want the damp sorted so the baby stops coughing",
        "I want someone to talk to",
        "I want to get out to the shops on my own",
        "I want my son back at school",
        "I want to stop worrying about the rent",
    ];

    internal static readonly (string What, ActivityKind Kind)[] Actions =
    [
        ("Home visit to talk it through", ActivityKind.HomeVisit),
        ("Sit down with the family and the school", ActivityKind.Meeting),
        ("Help to sort the benefits claim", ActivityKind.ServiceProvided),
        ("Ring the landlord about the repairs", ActivityKind.Contact),
    ];

    public int Order => 95;
    public string Name => "Locality team";

    public async Task AddAsync(DemoContext context, IProgress<DemoProgress> progress, CancellationToken ct)
    {
        var db = context.Db;
        var random = context.RandomFor(Name);
        var locality = context.Locality;
        var clockToday = DateOnly.FromDateTime(db.Clock.GetUtcNow().UtcDateTime);
        var today = context.Today < clockToday ? context.Today : clockToday;
        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        // The operations below edit tracked rows (versions, done dates), so changes are detected while this part runs.
        // The earlier parts' rows are stored first and let go: detecting changes over every tracked row of the demo on
        // each of this part's saves more than doubled the time the whole demo takes.
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        db.ChangeTracker.AutoDetectChangesEnabled = true;
        try
        {
            var agency = new Agency { Name = AgencyName, ShortName = AgencyShortName, Kind = AgencyKind.Council };
            agency.Teams.Add(new Team { Name = TeamName });
            db.Agencies.Add(agency);
            await db.SaveChangesAsync(ct);
            var team = agency.Teams[0];
            foreach (var (kind, description, amount) in Costs)
            {
                db.UnitCosts.Add(new UnitCost { AgencyId = agency.Id, ActivityKind = kind, Description = description, Amount = amount, PriceYear = 2025, Source = "Demo: the locality team's own costing (salary and on-costs per hour, 2025)" });
            }
            var workers = new List<Worker>();
            foreach (var (userName, displayName, workerName) in Users)
            {
                var worker = new Worker { AgencyId = agency.Id, TeamId = team.Id, Name = workerName, JobTitle = "Key worker" };
                if (context.Options.Users && !await db.Users.AnyAsync(u => u.UserName == userName, ct))
                {
                    var user = new User { UserName = userName, DisplayName = displayName, Roles = Roles.LocalityWorker, CreatedAt = db.Clock.GetUtcNow().UtcDateTime };
                    Accounts.SetPassword(user, DemoUsers.Password);
                    user.Localities.Add(new UserLocality { LocalityId = locality.Id });
                    user.Agencies.Add(new UserAgency { AgencyId = agency.Id });
                    user.Teams.Add(new UserTeam { TeamId = team.Id });
                    db.Users.Add(user);
                    await db.SaveChangesAsync(ct);
                    worker.UserId = user.Id;
                }
                workers.Add(worker);
            }
            workers.AddRange(OtherWorkers.Select(n => new Worker { AgencyId = agency.Id, TeamId = team.Id, Name = n, JobTitle = "Key worker" }));
            db.Workers.AddRange(workers);
            db.LocalityTeams.Add(new LocalityTeam
            {
                LocalityId = locality.Id,
                AgencyId = agency.Id,
                TeamId = team.Id,
                Purpose = "Help me live a good life or die a good death",
                Principles = string.Join('\n',
                    "We ask what matters and listen; we never ask for what we already know.",
                    "One key worker, one point of contact, for as long as it takes.",
                    "We pull in experts when needed; we do not hand people on.",
                    "No thresholds, no time limits, no forms before helping.",
                    "We use the help around people first: family, neighbours, local groups."),
                UpdatedBy = "Northfield locality team",
                UpdatedUtc = db.Clock.GetUtcNow().UtcDateTime,
            });
            var streets = await db.Streets.Where(s => s.LocalityId == locality.Id).OrderBy(s => s.Id).ToListAsync(ct);
            var entries = Directory.Select(d => new DirectoryEntry
            {
                Id = DemoContext.NextId(random),
                LocalityId = locality.Id,
                Kind = d.Kind,
                Name = d.Name,
                Skills = d.Skills,
                Availability = d.Availability,
                StreetId = streets.Count == 0 ? null : streets[random.Next(streets.Count)].Id,
                Area = d.Kind == DirectoryEntryKind.Volunteer ? "Their own street and the streets around it" : "All of Northfield",
                Contact = $"07700 900{random.Next(100, 999)}",
            }).ToList();
            db.DirectoryEntries.AddRange(entries);
            await db.SaveChangesAsync(ct);

            var supports = new Supports(db);
            var stories = (await FlowQueries.CaseHistoriesAsync(db, ct)).ToDictionary(s => s.Story, s => s.PersonId);
            var chosen = new List<Person>();
            foreach (var key in new[] { "Melvyn", "Ruth" })
            {
                if (stories.TryGetValue(key, out var id))
                {
                    chosen.Add(await db.People.SingleAsync(p => p.LocalityId == locality.Id && p.Id == id, ct));
                }
            }
            // The seeds' case histories keep exactly the records the seeds tell (their figures are quoted and tested):
            // the team's plans for them are shown, but nothing is marked done, logged or stepped back in the demo.
            var storyPeople = chosen.Count;
            var households = await db.Households.AsNoTracking().Where(h => h.LocalityId == locality.Id).OrderBy(h => h.Id).Select(h => new { h.Id, h.Restricted }).ToListAsync(ct);
            var restricted = households.FirstOrDefault(h => h.Restricted)?.Id;
            var picks = households.Where(h => !h.Restricted).Select(h => h.Id).OrderBy(_ => random.Next()).Take(58).ToList();
            if (restricted is Guid r)
            {
                picks.Insert(0, r);
            }
            foreach (var h in picks)
            {
                if (await db.People.Where(p => p.LocalityId == locality.Id && p.HouseholdId == h).OrderBy(p => p.DateOfBirth).FirstOrDefaultAsync(ct) is { } first
                    && !chosen.Any(c => c.HouseholdId == h))
                {
                    chosen.Add(first);
                }
            }

            var volunteers = entries.Where(e => e.Kind != DirectoryEntryKind.Organisation).ToList();
            var chosenIds = chosen.Select(c => c.Id).ToList();
            for (var i = 0; i < chosenIds.Count; i++)
            {
                // Each household's work is stored and let go before the next: change detection on every save would
                // otherwise go over all the households done so far.
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                var person = await db.People.SingleAsync(p => p.Id == chosenIds[i], ct);
                var key = i < 2 || person.HouseholdId == restricted ? workers[0] : workers[random.Next(workers.Count)];
                var started = today.AddDays(-(20 + random.Next(300)));
                var support = await supports.StartAsync(person, key.Id, started, ct);
                var conversationOn = started.AddDays(random.Next(5));
                var members = person.HouseholdId is Guid hh
                    ? await db.People.Where(p => p.LocalityId == locality.Id && p.HouseholdId == hh && p.Id != person.Id).OrderBy(p => p.DateOfBirth).ToListAsync(ct)
                    : [];
                var statements = new List<Statement>();
                if (i == 0 && stories.ContainsKey("Melvyn"))
                {
                    statements.AddRange(MelvynStatements.Select(s => new Statement(s, person.Id)));
                }
                else
                {
                    statements.Add(new Statement(Said[random.Next(Said.Length)], person.Id));
                    statements.Add(new Statement(Said[random.Next(Said.Length)], person.Id));
                }
                // A carer in the household has needs and statements of their own.
                var carer = members.FirstOrDefault(m => m.DateOfBirth is { } dob && dob.AddYears(18) <= today);
                if (carer is not null && i % 3 == 1)
                {
                    statements.Add(new Statement("I need a break now and then, and a good night's sleep", carer.Id, $"{carer.GivenName}, who cares for {person.GivenName}"));
                }
                await supports.RecordConversationAsync(person, support, key.Id, key.Name, new ConversationInput(conversationOn,
                    i == 0 ? "Getting out and about again, walking the dog, and staying in my bungalow" : "Being settled, and the family getting on",
                    i == 0 ? "Knows everyone on the street; brought up three children" : "Determined; good with the children",
                    i == 0 ? "Make his own breakfast; walk to the end of the road" : "Cooking, getting the children to school",
                    carer is null ? "Neighbours" : $"{carer.GivenName}; neighbours",
                    i == 0 ? "Someone he knows to help him get out" : "Help with money and the house",
                    "English"), statements, ct);
                var mattered = await db.WhatMattered.Where(m => m.LocalityId == locality.Id && m.PersonId == person.Id && m.ConversationId != null).OrderBy(m => m.Id).FirstAsync(ct);
                var actions = 1 + random.Next(3);
                for (var a = 0; a < actions; a++)
                {
                    var (what, kind) = Actions[random.Next(Actions.Length)];
                    var byVolunteer = a == 1;
                    var when = conversationOn.AddDays(3 + random.Next(30));
                    var action = await supports.AddActionAsync(support, person.Id, byVolunteer ? "Fit a grab rail and check the locks" : what, byVolunteer ? ActivityKind.ServiceProvided : kind,
                        byVolunteer ? null : key.Id, byVolunteer ? volunteers[random.Next(volunteers.Count)].Id : null, when > today ? today : when, mattered.Id, ct);
                    if (i >= storyPeople && action.When < today.AddDays(-7) && random.Next(4) != 0)
                    {
                        await supports.MarkDoneAsync(action, action.When, action.Version, ct);
                    }
                }
                if (i >= storyPeople && i % 4 == 2)
                {
                    await supports.LogContactAsync(person, today.AddDays(-1 - random.Next(15)).ToDateTime(new TimeOnly(10, 30), DateTimeKind.Utc), "Rang the key worker: worried about a letter", null, key.Id, ct);
                }
                if (i >= storyPeople && i % 5 == 3 && started < today.AddDays(-90))
                {
                    var on = started.AddDays(60 + random.Next(25));
                    await supports.StepBackAsync(support, person, on, "We're back on our feet, thank you", support.Version, ct);
                    await supports.AddAvoidedAsync(support, (AvoidedKind)(1 + random.Next(3)), "Help came before things got worse", on, ct);
                }
                if (person.HouseholdId == restricted && restricted is Guid rh)
                {
                    await supports.NameWorkerAsync(locality.Id, null, rh, workers[0].Id, ct);
                }
            }
            // A "help me" heard at the contact centre, handed to the team and waiting for it to find who it is.
            var heard = await db.Demands.Where(d => d.LocalityId == locality.Id && EF.Functions.Like(d.Verbatim, "Can someone help me%"))
                .OrderBy(d => d.ReceivedAt).ThenBy(d => d.Id).FirstOrDefaultAsync(ct);
            if (heard is not null)
            {
                await new Handovers(db).HandOverAsync(heard, "Gave a first name only; rang from a mobile", ct);
            }
            AuditTrail.Add(db, AuditEventType.LocalityCaseChanged, AuditOperation.Create, "Demo", Name, locality.Id, $"Demo locality team: {chosen.Count} households worked with");
            await db.SaveChangesAsync(ct);
            progress.Report(new DemoProgress(Name, $"{chosen.Count} households worked with", 1));
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }
}
