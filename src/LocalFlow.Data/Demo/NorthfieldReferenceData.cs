using LocalFlow.Analytics.Flow;
using LocalFlow.Data.Entities;

namespace LocalFlow.Data.Demo;

/// <summary>The locality, its streets and postcodes, the agencies and teams that serve it, their workers, front doors and unit costs.</summary>
internal sealed class NorthfieldReferenceData : IDemoPart
{
    public int Order => 10;
    public string Name => "Locality, agencies and costs";

    // Street names are invented for the demo; "NF" is not a real postcode area.
    internal static readonly string[] StreetStems =
    [
        "Mill", "Church", "Station", "Victoria", "Albert", "Chapel", "Park", "Queen", "King", "Meadow",
        "Orchard", "Beech", "Elm", "Ash", "Oak", "Willow", "Hawthorn", "Rowan", "Larch", "Holly",
        "Brook", "Bridge", "Canal", "Foundry", "Weaver", "Cotton", "Spinner", "Cooper", "Tanner", "Smithy",
        "Northfield", "Hillside", "Greenbank", "Moorside", "Fernlea", "Heather", "Kestrel", "Linnet", "Curlew", "Swallow",
        "Primrose", "Bluebell", "Clover", "Thistle", "Laurel", "Juniper", "Cedar", "Poplar", "Sycamore", "Chestnut",
        "Windmill", "Granary", "Quarry", "Colliery", "Pit", "Wharf", "Lock", "Tannery", "Forge", "Market",
    ];

    internal static readonly string[] StreetKinds = ["Road", "Street", "Lane", "Close", "Avenue", "Grove", "Way", "Crescent", "Terrace", "Drive", "Walk", "Place"];

    public Task AddAsync(DemoContext context, IProgress<DemoProgress> progress, CancellationToken ct)
    {
        var db = context.Db;
        var random = context.RandomFor(Name);
        var locality = new Locality
        {
            Name = DemoLocality.Name,
            Description = "A fictional town of terraced streets, 1960s estates and newer cul-de-sacs, served by one council, one police force, an NHS trust, a GP practice, a housing provider and local charities.",
        };
        db.Localities.Add(locality);
        context.Locality = locality;

        // Enough streets for about 40 households each, at any demo size.
        var streetCount = Math.Max(12, context.Options.Households / 40);
        var used = new HashSet<string>(StringComparer.Ordinal);
        var districts = Math.Max(1, Math.Min(9, streetCount / 8));
        for (var i = 0; i < streetCount; i++)
        {
            string name;
            var tries = 0;
            do
            {
                name = $"{StreetStems[random.Next(StreetStems.Length)]} {StreetKinds[random.Next(StreetKinds.Length)]}";
                if (++tries > 20)
                {
                    name = $"{name} {i + 1}";
                }
            }
            while (!used.Add(name));
            var district = 1 + (i % districts);
            var postcodes = new List<string>();
            var n = 1 + random.Next(3);
            for (var p = 0; p < n; p++)
            {
                postcodes.Add($"NF{district} {1 + random.Next(9)}{(char)('A' + random.Next(20))}{(char)('A' + random.Next(20))}");
            }
            locality.Streets.Add(new Street { Name = name, Town = "Northfield", Postcodes = string.Join(", ", postcodes.Distinct()) });
        }

        foreach (var (agencyName, shortName, kind, teams) in Agencies)
        {
            var agency = new Agency { Name = agencyName, ShortName = shortName, Kind = kind };
            foreach (var t in teams)
            {
                agency.Teams.Add(new Team { Name = t });
            }
            db.Agencies.Add(agency);
        }
        db.SaveChanges();

        var agencies = db.Agencies.Local.ToDictionary(a => a.ShortName);
        // Workers' names come from their own stream, so the name lists never move anything else.
        var names = context.RandomFor(Name + " names");
        foreach (var agency in agencies.Values)
        {
            foreach (var team in agency.Teams)
            {
                var size = agency.Kind == AgencyKind.Charity ? 3 + random.Next(4) : 6 + random.Next(8);
                for (var w = 0; w < size; w++)
                {
                    db.Workers.Add(new Worker
                    {
                        AgencyId = agency.Id,
                        TeamId = team.Id,
                        Name = WorkerName(names, context.Today),
                        JobTitle = JobTitle(agency.Kind, team.Name, random),
                    });
                }
            }
        }

        foreach (var (shortName, doorName, channel) in FrontDoors)
        {
            db.FrontDoors.Add(new FrontDoor { LocalityId = locality.Id, AgencyId = agencies[shortName].Id, Name = doorName, Channel = channel });
        }
        foreach (var (shortName, kind, description, amount, year, source) in UnitCosts)
        {
            db.UnitCosts.Add(new UnitCost { AgencyId = agencies[shortName].Id, ActivityKind = kind, Description = description, Amount = amount, PriceYear = year, Source = source });
        }
        db.PriceIndex.AddRange(NorthfieldPriceIndex.Years());
        db.ChangeTracker.DetectChanges();
        db.SaveChanges();
        return Task.CompletedTask;
    }

    private static string WorkerName(Random names, DateOnly today)
    {
        var origin = DemoNames.Origin(names);
        var female = names.Next(100) < 60;
        var birthYear = today.Year - 22 - names.Next(43);
        return $"{DemoNames.GivenName(names, origin, female, birthYear)} {DemoNames.FamilyName(names, origin)}";
    }

    private static string JobTitle(AgencyKind kind, string team, Random random) => kind switch
    {
        AgencyKind.Police => random.Next(3) == 0 ? "Police sergeant" : (team.Contains("Neighbourhood", StringComparison.Ordinal) ? "PCSO" : "Police constable"),
        AgencyKind.NhsTrust => team.Contains("Nursing", StringComparison.Ordinal) ? "Community nurse" : (random.Next(2) == 0 ? "Staff nurse" : "Doctor"),
        AgencyKind.GpPractice => random.Next(3) == 0 ? "Practice nurse" : "GP",
        AgencyKind.HousingProvider => "Housing officer",
        AgencyKind.FireAndRescue => "Firefighter",
        AgencyKind.AmbulanceService => "Paramedic",
        AgencyKind.Charity => random.Next(2) == 0 ? "Adviser" : "Volunteer",
        AgencyKind.CentralGovernment => "Work coach",
        _ => team.Contains("Social", StringComparison.Ordinal) || team.Contains("Children", StringComparison.Ordinal) || team.Contains("Adult", StringComparison.Ordinal)
            ? (random.Next(3) == 0 ? "Support worker" : "Social worker")
            : "Customer services adviser",
    };

    internal static readonly (string Name, string Short, AgencyKind Kind, string[] Teams)[] Agencies =
    [
        ("Northfield Borough Council", "Council", AgencyKind.Council,
            ["Contact centre", "Adult social care duty team", "Adult social care long-term team", "Reablement", "Occupational therapy", "Children's front door (MASH)", "Children's social work", "Early help", "Housing options", "Revenues and benefits", "Environmental health", "Anti-social behaviour team"]),
        ("Northshire Police", "Police", AgencyKind.Police,
            ["Response", "Neighbourhood policing team", "Public protection unit", "Control room"]),
        ("Northfield and District NHS Trust", "NHS Trust", AgencyKind.NhsTrust,
            ["Emergency department", "Acute medical unit", "Elderly care wards", "Community nursing", "Community mental health team", "Mental health crisis team", "Discharge team"]),
        ("Northfield Medical Practice", "GP", AgencyKind.GpPractice, ["GPs", "Practice nurses", "Reception"]),
        ("Northfield Homes", "Housing", AgencyKind.HousingProvider, ["Tenancy services", "Repairs", "Income and rent", "Tenancy sustainment"]),
        ("Northshire Fire and Rescue", "Fire", AgencyKind.FireAndRescue, ["Safe and well visits", "Operational crews"]),
        ("Northshire Ambulance Service", "Ambulance", AgencyKind.AmbulanceService, ["999 control", "Paramedic crews", "Falls responders"]),
        ("Jobcentre Plus Northfield", "DWP", AgencyKind.CentralGovernment, ["Work coaches", "Universal Credit service centre"]),
        ("Citizens Advice Northfield", "Citizens Advice", AgencyKind.Charity, ["Advice line", "Debt advice"]),
        ("Northfield Food Bank", "Food bank", AgencyKind.Charity, ["Food parcels"]),
        ("Age Concern Northfield", "Age Concern", AgencyKind.Charity, ["Befriending", "Handyperson service"]),
        ("Northfield Women's Aid", "Women's Aid", AgencyKind.Charity, ["Outreach", "Refuge"]),
        ("Northfield Community Telecare", "Telecare", AgencyKind.Council, ["Alarm monitoring centre", "Mobile responders"]),
    ];

    internal static readonly (string Agency, string Name, Channel Channel)[] FrontDoors =
    [
        ("Council", "Council contact centre phone line", Channel.Phone),
        ("Council", "Adult social care front door", Channel.Phone),
        ("Council", "Council one-stop shop (office)", Channel.FaceToFace),
        ("Council", "Council web form", Channel.WebForm),
        ("Council", "Children's front door referral inbox", Channel.Referral),
        ("Police", "999 and 101", Channel.Emergency),
        ("NHS Trust", "Emergency department (A&E)", Channel.FaceToFace),
        ("GP", "GP surgery", Channel.FaceToFace),
        ("Housing", "Housing repairs and tenancy line", Channel.Phone),
        ("Citizens Advice", "Citizens Advice drop-in", Channel.FaceToFace),
        ("Telecare", "Telecare alarm calls", Channel.Emergency),
    ];

    private const string Pssru = "Illustrative demo figure in the range of PSSRU Unit Costs of Health and Social Care 2023 (Jones et al., University of Kent); check the current edition before use";
    private const string Ncc = "Illustrative demo figure in the range of the NHS National Cost Collection 2022/23; check the current schedule before use";
    private const string Local = "Illustrative demo figure: local estimate of staff time × hourly cost including on-costs";

    internal static readonly (string Agency, ActivityKind Kind, string Description, decimal Amount, int Year, string Source)[] UnitCosts =
    [
        ("Council", ActivityKind.Contact, "Contact centre call", 8.50m, 2023, Local),
        ("Council", ActivityKind.Assessment, "Adult social care assessment", 450m, 2023, Pssru),
        ("Council", ActivityKind.Review, "Care package review", 220m, 2023, Pssru),
        ("Council", ActivityKind.Referral, "Referral processed", 35m, 2023, Local),
        ("Council", ActivityKind.Meeting, "Multi-agency or strategy meeting", 380m, 2023, Local),
        ("Council", ActivityKind.ServiceProvided, "Home care hour", 25m, 2023, Pssru),
        ("Council", ActivityKind.HomeVisit, "Social worker home visit", 120m, 2023, Pssru),
        ("Council", ActivityKind.Document, "Letter or document", 12m, 2023, Local),
        ("Council", ActivityKind.Closure, "Case closure", 30m, 2023, Local),
        ("Police", ActivityKind.EmergencyResponse, "Attendance at an incident", 240m, 2023, Local),
        ("Police", ActivityKind.Contact, "Call to 101 or 999", 18m, 2023, Local),
        ("Police", ActivityKind.Referral, "Safeguarding referral (PPN)", 60m, 2023, Local),
        ("NHS Trust", ActivityKind.Contact, "Emergency department attendance", 300m, 2023, Ncc),
        ("NHS Trust", ActivityKind.Admission, "Non-elective admission", 1800m, 2023, Ncc),
        ("NHS Trust", ActivityKind.BedDay, "Acute bed day", 400m, 2023, Ncc),
        ("NHS Trust", ActivityKind.HomeVisit, "Community nurse visit", 55m, 2023, Pssru),
        ("NHS Trust", ActivityKind.Assessment, "Mental health assessment", 320m, 2023, Pssru),
        ("GP", ActivityKind.Contact, "GP consultation", 42m, 2023, Pssru),
        ("Housing", ActivityKind.Contact, "Housing officer contact", 25m, 2023, Local),
        ("Housing", ActivityKind.HomeVisit, "Tenancy visit", 60m, 2023, Local),
        ("Fire", ActivityKind.HomeVisit, "Safe and well visit", 90m, 2023, Local),
        ("Ambulance", ActivityKind.EmergencyResponse, "See, treat and convey", 460m, 2023, Ncc),
        ("Telecare", ActivityKind.Contact, "Alarm call handled", 6m, 2023, Local),
        ("Telecare", ActivityKind.EmergencyResponse, "Mobile responder attendance", 45m, 2023, Local),
        ("Citizens Advice", ActivityKind.Contact, "Advice session", 40m, 2023, Local),
        ("DWP", ActivityKind.Contact, "Work coach appointment", 30m, 2023, Local),
    ];
}
