using System.Globalization;

namespace LocalFlow.Analytics.Linking.Synthetic;

/// <summary>
/// The hard profile (<see cref="SyntheticOptions.Hard"/>), shaped like real agencies' extracts of one locality:
/// <list type="bullet">
/// <item>households whose members share the address, often a landline, a surname, sometimes a mobile (a child's
/// records carry a parent's mobile 40% of the time) or an e-mail (a quarter of couples use one address);</item>
/// <item>parent and child namesakes (15% of fathers with a son: same given and surname, born 20–40 years apart), twins
/// (6% of families with two or more children: same birthday and address, different given names), couples;</item>
/// <item>tower blocks: 12% of households live in flats of buildings with one postcode and a few hundred residents;</item>
/// <item>placeholders: 01/01/1900 for an unknown date of birth (police 2%, council and housing 1%), ZZ99 3VZ for no
/// fixed abode (hospital 1%, GP 0.5%), "NFA" as the police address (1%);</item>
/// <item>five agencies with their own headers and formats — council (Ref, Title, First Name, Middle Names, Last Name,
/// dd/mm/yyyy, one-line address with the postcode inside, Contact Number), police (person_ref, full_name "QUINN, Dawn
/// Chloe", dob 24-Jun-1971, one-line address, phone_no), hospital (MRN, NHS No spaced, Forename, Middle Name, yyyy-mm-dd,
/// two address lines and a postcode), GP (patient_id, nhs_number, first_name, last_name, phone_no) and housing (Tenant
/// ID, Title as the only clue to sex, Property Address with the town, Contact Number) — and duplicate rows (4%).</item>
/// </list>
/// The per-record error rates are those of the default profile.
/// </summary>
public static partial class LinkageDataGenerator
{
    /// <summary>The agencies of the hard profile.</summary>
    public static readonly IReadOnlyList<string> HardAgencies = ["council", "police", "hospital", "gp", "housing"];

    private static readonly double[] HardCoverage = [0.55, 0.3, 0.6, 0.95, 0.35];

    private static readonly string[] BuildingNames = ["House", "Court", "Tower", "Heights", "Point", "Lodge"];

    private sealed class HardPerson
    {
        public Person Core = new();
        public string Household = "";
        public string Landline = "";
        public string Mobile = "";
        public string ParentMobile = "";
        public bool Adult;
        public bool Married;
    }

    private static SyntheticDataset GenerateHard(SyntheticOptions options)
    {
        var rng = new Random(options.Seed);
        var people = MakeHardPeople(options.People, rng);
        var capacity = (int)(options.People * HardCoverage.Sum() * 1.06);
        var records = new List<LinkRecord>(capacity);
        var truth = new List<string>(capacity);
        var households = new List<string>(capacity);
        var e = options.ErrorScale;
        for (var a = 0; a < HardAgencies.Count; a++)
        {
            var agency = HardAgencies[a];
            var extractDate = new DateOnly(2025, 1, 1).AddDays(-rng.Next(0, 700));
            var counter = 0;
            foreach (var hp in people)
            {
                var p = hp.Core;
                var coverage = agency == "housing" && !hp.Adult ? HardCoverage[a] * 0.5 : HardCoverage[a];
                if (rng.NextDouble() >= coverage * options.Coverage / 0.8 || p.Dob > extractDate)
                {
                    continue;
                }
                var copies = rng.NextDouble() < 0.04 * options.DuplicateRate / 0.03 ? 2 : 1;
                for (var copy = 0; copy < copies; copy++)
                {
                    counter++;
                    var id = agency switch
                    {
                        "council" => $"C{counter:D7}",
                        "police" => $"PR{counter:D7}",
                        "hospital" => $"RX{counter:D7}",
                        "gp" => (100000 + counter).ToString(CultureInfo.InvariantCulture),
                        _ => $"T-{counter:D7}",
                    };
                    var r = MakeRecord(p, agency, a == 2 ? 2 : 0, id, extractDate, rng, e);
                    ShapeHard(r, hp, agency, extractDate, rng, e);
                    records.Add(r);
                    truth.Add(p.Id);
                    households.Add(hp.Household);
                }
            }
        }
        return new SyntheticDataset(records, truth, HardAgencies) { Households = households, Layouts = HardLayouts };
    }

    /// <summary>Rewrites a default-profile record in the agency's own conventions, with the household's shared contacts and placeholders.</summary>
    private static void ShapeHard(LinkRecord r, HardPerson hp, string agency, DateOnly extractDate, Random rng, double e)
    {
        bool Chance(double rate) => rng.NextDouble() < rate * e;
        var p = hp.Core;
        // Contacts: the household landline, the person's mobile, or (children) a parent's mobile.
        var phones = new List<string>(3);
        if (hp.Landline.Length > 0)
        {
            phones.Add(hp.Landline);
        }
        if (hp.Mobile.Length > 0)
        {
            phones.Add(hp.Mobile);
            phones.Add(hp.Mobile);
        }
        if (hp.ParentMobile.Length > 0 && rng.NextDouble() < 0.4)
        {
            phones.Clear();
            phones.Add(hp.ParentMobile);
        }
        r.Phone = phones.Count > 0 && rng.NextDouble() < 0.75 ? phones[rng.Next(phones.Count)] : "";
        if (r.Phone.Length > 0 && rng.NextDouble() < 0.3)
        {
            r.Phone = r.Phone[..5] + " " + r.Phone[5..];
        }
        r.Email = p.Email.Length > 0 && agency != "police" && rng.NextDouble() < 0.6 ? p.Email : "";
        r.NhsNumber = agency switch
        {
            "hospital" or "gp" => r.NhsNumber,
            "council" => rng.NextDouble() < 0.3 ? p.Nhs : "",
            "police" => rng.NextDouble() < 0.05 ? p.Nhs : "",
            _ => "",
        };
        if (agency == "hospital" && r.NhsNumber is { Length: 10 } nhs)
        {
            r.NhsNumber = $"{nhs[..3]} {nhs[3..6]} {nhs[6..]}";
        }
        // Dates in the agency's format; placeholders where the agency did not know.
        if (PartialDate.TryParse(r.DateOfBirth, out var parsed, out _) && parsed.IsValidCalendarDate)
        {
            var dob = new DateOnly(parsed.Year, parsed.Month, parsed.Day);
            r.DateOfBirth = agency switch
            {
                "police" => dob.ToString("dd-MMM-yyyy", CultureInfo.InvariantCulture),
                "hospital" => dob.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                _ => dob.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
            };
        }
        var placeholderDob = agency switch { "police" => 0.02, "council" or "housing" => 0.01, _ => 0.0 };
        if (Chance(placeholderDob))
        {
            r.DateOfBirth = agency == "police" ? "01-Jan-1900" : "01/01/1900";
        }
        // Sex as the agency holds it: housing has only a title.
        var sex = Normalise.Sex(r.Sex);
        var child = extractDate.Year - p.Dob.Year < 16;
        var title = sex == 'M' ? (child ? "Master" : "Mr") : sex == 'F' ? (child ? "Miss" : hp.Married ? "Mrs" : rng.NextDouble() < 0.5 ? "Ms" : "Miss") : "";
        if (!child && rng.NextDouble() < 0.02)
        {
            title = "Dr";
        }
        r.Sex = agency switch
        {
            "council" => sex == 'M' ? "Male" : sex == 'F' ? "Female" : "",
            "housing" => null,
            _ => sex == '\0' ? "" : sex.ToString(),
        };
        r.Title = agency is "council" or "housing" ? title : null;
        // Names: police hold one column, surname first in capitals; the GP keeps no middle names.
        if (agency == "police")
        {
            r.FullName = $"{(r.Surname ?? "").ToUpperInvariant()}, {r.GivenNames}".Trim(' ', ',');
            r.GivenNames = null;
            r.Surname = null;
        }
        else if (agency == "gp" && r.GivenNames is { } g && g.Contains(' ', StringComparison.Ordinal))
        {
            r.GivenNames = g[..g.IndexOf(' ', StringComparison.Ordinal)];
        }
        // Addresses: one line with the postcode inside (council, police), two lines and a postcode (hospital, GP),
        // the property address with its town (housing); ZZ99 3VZ or NFA when of no fixed abode.
        // The address the default profile chose (perhaps an older one): "27F3 Tulip House" and the town.
        var first = r.AddressLines[0];
        var space = first.IndexOf(' ', StringComparison.Ordinal);
        var (number, streetName, town) = (first[..space], first[(space + 1)..], r.AddressLines[1]);
        var flatAt = number.IndexOf('F', StringComparison.Ordinal);
        var street = flatAt > 0 ? $"Flat {number[(flatAt + 1)..]}, {number[..flatAt]} {streetName}" : $"{number} {streetName}";
        var postcode = r.Postcode ?? "";
        switch (agency)
        {
            case "council":
            case "police":
                r.AddressLines = [string.Join(", ", new[] { street, town, postcode }.Where(x => x.Length > 0))];
                r.Postcode = null;
                if (agency == "police" && Chance(0.01))
                {
                    r.AddressLines = ["NFA"];
                }
                break;
            case "housing":
                r.AddressLines = [$"{street}, {town}"];
                break;
            default:
                r.AddressLines = [street, town];
                if (Chance(agency == "hospital" ? 0.01 : 0.005))
                {
                    r.Postcode = "ZZ99 3VZ";
                    r.AddressLines = [];
                }
                break;
        }
        r.PreviousPostcodes = null;
        r.PreviousSurnames = agency is "hospital" or "gp" ? r.PreviousSurnames : null;
    }

    private static readonly IReadOnlyDictionary<string, (string Header, Func<LinkRecord, string?> Value)[]> HardLayouts = new Dictionary<string, (string, Func<LinkRecord, string?>)[]>
    {
        ["council"] =
        [
            ("Ref", r => r.RecordId), ("Title", r => r.Title), ("First Name", r => First(r.GivenNames)), ("Middle Names", r => Rest(r.GivenNames)),
            ("Last Name", r => r.Surname), ("Date of Birth", r => r.DateOfBirth), ("Gender", r => r.Sex), ("Address", r => Line(r, 0)),
            ("Contact Number", r => r.Phone), ("Email Address", r => r.Email), ("NHS Number", r => r.NhsNumber), ("Last Updated", Updated),
        ],
        ["police"] =
        [
            ("person_ref", r => r.RecordId), ("full_name", r => r.FullName), ("dob", r => r.DateOfBirth), ("gender", r => r.Sex),
            ("address", r => Line(r, 0)), ("phone_no", r => r.Phone), ("nhs_no", r => r.NhsNumber), ("last_updated", Updated),
        ],
        ["hospital"] =
        [
            ("MRN", r => r.RecordId), ("NHS No", r => r.NhsNumber), ("Forename", r => First(r.GivenNames)), ("Middle Name", r => Rest(r.GivenNames)),
            ("Surname", r => r.Surname), ("Previous Surname", r => r.PreviousSurnames), ("DOB", r => r.DateOfBirth), ("Sex", r => r.Sex),
            ("Address Line 1", r => Line(r, 0)), ("Address Line 2", r => Line(r, 1)), ("Postcode", r => r.Postcode), ("Phone", r => r.Phone),
            ("Email", r => r.Email), ("Last Updated", Updated),
        ],
        ["gp"] =
        [
            ("patient_id", r => r.RecordId), ("nhs_number", r => r.NhsNumber), ("first_name", r => r.GivenNames), ("last_name", r => r.Surname),
            ("maiden_name", r => r.PreviousSurnames), ("dob", r => r.DateOfBirth), ("sex", r => r.Sex), ("address_1", r => Line(r, 0)),
            ("address_2", r => Line(r, 1)), ("postcode", r => r.Postcode), ("phone_no", r => r.Phone), ("email", r => r.Email), ("last_updated", Updated),
        ],
        ["housing"] =
        [
            ("Tenant ID", r => r.RecordId), ("Title", r => r.Title), ("Forename", r => r.GivenNames), ("Surname", r => r.Surname),
            ("Date of Birth", r => r.DateOfBirth), ("Property Address", r => Line(r, 0)), ("Postcode", r => r.Postcode),
            ("Contact Number", r => r.Phone), ("Email", r => r.Email), ("Last Updated", Updated),
        ],
    };

    private static string First(string? names) => names is null ? "" : names.Contains(' ', StringComparison.Ordinal) ? names[..names.IndexOf(' ', StringComparison.Ordinal)] : names;

    private static string Rest(string? names) => names is null || !names.Contains(' ', StringComparison.Ordinal) ? "" : names[(names.IndexOf(' ', StringComparison.Ordinal) + 1)..];

    private static string Line(LinkRecord r, int i) => r.AddressLines.Count > i ? r.AddressLines[i] : "";

    private static string? Updated(LinkRecord r) => r.RecordDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static List<HardPerson> MakeHardPeople(int count, Random rng)
    {
        var people = new List<HardPerson>(count);
        var rareSurnames = new string[Math.Max(200, count / 6)];
        for (var i = 0; i < rareSurnames.Length; i++)
        {
            var s = Syllables[rng.Next(Syllables.Length)] + Syllables[rng.Next(Syllables.Length)] + (rng.NextDouble() < 0.3 ? Syllables[rng.Next(Syllables.Length)] : "");
            rareSurnames[i] = s.ToUpperInvariant();
        }
        var postcodes = Math.Max(4, count / 30);
        var towers = Math.Max(1, count / 3000);
        var streetsPerPostcode = new Dictionary<int, string>();
        string PostcodeOf(int pc) => $"NF{1 + (pc % 40)} {pc / 40 % 10}{(char)('A' + (pc / 400 % 26))}{(char)('A' + (pc / 400 / 26 % 26))}";
        Address NewAddress()
        {
            if (rng.NextDouble() < 0.12)
            {
                // A flat in a tower block: one postcode and building number for a few hundred residents.
                var t = rng.Next(towers);
                var pcTower = postcodes + t;
                return new Address
                {
                    Number = $"{1 + (t % 90)}F{1 + rng.Next(160)}",
                    Street = $"{Streets[t % Streets.Length]} {BuildingNames[t % BuildingNames.Length]}",
                    Town = Towns[t % Towns.Length],
                    Postcode = PostcodeOf(pcTower),
                };
            }
            var pc = rng.Next(postcodes);
            if (!streetsPerPostcode.TryGetValue(pc, out var street))
            {
                street = $"{Streets[rng.Next(Streets.Length)]} {StreetTypes[rng.Next(StreetTypes.Length)]}";
                streetsPerPostcode[pc] = street;
            }
            return new Address
            {
                Number = (1 + rng.Next(180)).ToString(CultureInfo.InvariantCulture),
                Street = street,
                Town = Towns[(1 + (pc % 40)) % Towns.Length],
                Postcode = PostcodeOf(pc),
            };
        }
        string Surname() => rng.NextDouble() < 0.55
            ? CommonSurnames[(int)(CommonSurnames.Length * Math.Pow(rng.NextDouble(), 1.5))]
            : rareSurnames[rng.Next(rareSurnames.Length)];
        string Mobile() => "07" + rng.Next(100_000_000, 999_999_999).ToString(CultureInfo.InvariantCulture);
        var n = 0;
        var h = 0;
        while (people.Count < count)
        {
            var household = $"H{++h:D7}";
            var familySurname = Surname();
            var history = new List<(DateOnly, Address)> { (new DateOnly(2000 + rng.Next(0, 10), 1 + rng.Next(12), 1), NewAddress()) };
            var moves = rng.Next(0, 3);
            for (var m = 0; m < moves; m++)
            {
                history.Add((history[^1].Item1.AddDays(300 + rng.Next(2500)), NewAddress()));
            }
            var landline = rng.NextDouble() < 0.5 ? "01" + rng.Next(100_000_000, 999_999_999).ToString(CultureInfo.InvariantCulture) : "";
            var adults = rng.NextDouble() < 0.6 ? 2 : 1;
            var children = rng.NextDouble() < 0.5 ? rng.Next(1, 4) : 0;
            var parentYear = 1940 + rng.Next(0, 62);
            var twins = children >= 2 && rng.NextDouble() < 0.06;
            var jrSr = rng.NextDouble() < 0.15;
            var sharedEmail = adults == 2 && rng.NextDouble() < 0.25;
            HardPerson? father = null, mother = null;
            DateOnly? lastChildDob = null;
            for (var i = 0; i < adults + children && people.Count < count; i++)
            {
                var adult = i < adults;
                var p = NewMember(rng, ++n, adult, i);
                var hp = new HardPerson { Core = p, Household = household, Landline = landline, Adult = adult };
                if (adult)
                {
                    hp.Married = MakeAdult(p, rng, parentYear, familySurname, adults == 2, Surname);
                    hp.Mobile = rng.NextDouble() < 0.85 ? Mobile() : "";
                    if (p.Sex == 'F')
                    {
                        mother = hp;
                    }
                    else
                    {
                        father = hp;
                    }
                }
                else
                {
                    MakeChild(p, twins && lastChildDob is { } twin && i == adults + 1 ? twin : ChildDob(rng, parentYear), familySurname);
                    lastChildDob = p.Dob;
                    if (jrSr && father is not null && p.Sex == 'M')
                    {
                        // Named after his father: same given (and often middle) name, a generation younger.
                        p.Given = father.Core.Given;
                        p.Middle = rng.NextDouble() < 0.5 ? father.Core.Middle : p.Middle;
                        jrSr = false;
                    }
                    hp.Mobile = 2024 - p.Dob.Year >= 11 && rng.NextDouble() < 0.55 ? Mobile() : "";
                    var parent = mother ?? father;
                    hp.ParentMobile = parent?.Mobile ?? "";
                }
                p.Nhs = NewNhsNumber(rng);
                p.Phone = hp.Mobile;
                p.Email = adult && rng.NextDouble() < 0.6 ? $"{p.Given.ToLowerInvariant()}.{p.Surname.ToLowerInvariant().Replace("'", "", StringComparison.Ordinal)}{rng.Next(1, 99)}@example.org" : "";
                if (adult && sharedEmail && i == 1 && mother is not null)
                {
                    // One e-mail address for the couple.
                    var joint = mother.Core.Email.Length > 0 ? mother.Core.Email : $"the{familySurname.ToLowerInvariant().Replace("'", "", StringComparison.Ordinal)}s{rng.Next(1, 99)}@example.org";
                    mother.Core.Email = joint;
                    p.Email = joint;
                }
                p.Addresses = history;
                people.Add(hp);
            }
        }
        return people;
    }
}
