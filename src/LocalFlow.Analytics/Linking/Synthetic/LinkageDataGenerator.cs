using System.Globalization;
using System.Text;

namespace LocalFlow.Analytics.Linking.Synthetic;

/// <summary>Settings of the synthetic extracts.</summary>
public sealed class SyntheticOptions
{
    /// <summary>How many people live in the synthetic locality.</summary>
    public int People { get; set; } = 10_000;

    /// <summary>Random seed: the same seed and size always give the same files.</summary>
    public int Seed { get; set; } = 1;

    /// <summary>Chance that a person appears in a given agency's extract.</summary>
    public double Coverage { get; set; } = 0.8;

    /// <summary>Chance that an agency holds a second record (a duplicate) for a person it holds.</summary>
    public double DuplicateRate { get; set; } = 0.03;

    /// <summary>Scales every error rate (1 = the documented rates, 0 = clean copies).</summary>
    public double ErrorScale { get; set; } = 1.0;

    /// <summary>
    /// The hard profile: real households (shared landline, mobile, e-mail, surname), parent and child namesakes, twins,
    /// couples, placeholder dates and postcodes, tower blocks with hundreds of residents, and five agencies (council,
    /// police, hospital, GP, housing) each with its own headers and formats. See <see cref="LinkageDataGenerator"/>.
    /// </summary>
    public bool Hard { get; set; }
}

/// <summary>Synthetic extracts with their truth.</summary>
/// <param name="Records">Every record of every agency, agency by agency.</param>
/// <param name="Truth">For each record, the id of the person it is about.</param>
/// <param name="Agencies">The agencies, in order.</param>
public sealed record SyntheticDataset(IReadOnlyList<LinkRecord> Records, IReadOnlyList<string> Truth, IReadOnlyList<string> Agencies)
{
    /// <summary>For each record, the household its person lived in when generated (people of one household share it).</summary>
    public IReadOnlyList<string> Households { get; init; } = [];

    /// <summary>Per agency, the CSV columns: header and how each record's value is written (null: the default columns).</summary>
    internal IReadOnlyDictionary<string, (string Header, Func<LinkRecord, string?> Value)[]>? Layouts { get; init; }

    /// <summary>
    /// Writes one CSV per agency (agency.csv, with that agency's own date format) and truth.csv (agency, record_id,
    /// person_id) into a directory, creating it when needed. Returns the files written.
    /// </summary>
    public IReadOnlyList<string> WriteCsv(string directory)
    {
        Directory.CreateDirectory(directory);
        var files = new List<string>();
        foreach (var agency in Agencies)
        {
            var path = Path.Combine(directory, agency + ".csv");
            using var w = new StreamWriter(path, false, new UTF8Encoding(false));
            if (Layouts is not null)
            {
                var layout = Layouts[agency];
                LinkCsv.WriteRow(w, [.. layout.Select(c => c.Header)]);
                foreach (var r in Records.Where(r => r.Source == agency))
                {
                    LinkCsv.WriteRow(w, [.. layout.Select(c => c.Value(r))]);
                }
                files.Add(path);
                continue;
            }
            LinkCsv.WriteRow(w, "record_id", "given_names", "surname", "previous_surnames", "date_of_birth", "sex", "address_1", "address_2", "postcode", "previous_postcodes", "nhs_number", "phone", "email", "record_date");
            foreach (var r in Records.Where(r => r.Source == agency))
            {
                LinkCsv.WriteRow(w, r.RecordId, r.GivenNames, r.Surname, r.PreviousSurnames, r.DateOfBirth, r.Sex, r.AddressLines.Count > 0 ? r.AddressLines[0] : "", r.AddressLines.Count > 1 ? r.AddressLines[1] : "", r.Postcode, r.PreviousPostcodes, r.NhsNumber, r.Phone, r.Email, r.RecordDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            }
            files.Add(path);
        }
        var truthPath = Path.Combine(directory, "truth.csv");
        using (var t = new StreamWriter(truthPath, false, new UTF8Encoding(false)))
        {
            LinkCsv.WriteRow(t, "agency", "record_id", "person_id");
            for (var i = 0; i < Records.Count; i++)
            {
                LinkCsv.WriteRow(t, Records[i].Source, Records[i].RecordId, Truth[i]);
            }
        }
        files.Add(truthPath);
        return files;
    }
}

/// <summary>
/// Makes per-agency extracts of the same synthetic people with the errors real extracts have, and the truth. People
/// live in households (families share a surname and an address; twins share a birthday), move house over the years,
/// and some women change surname on marriage. Each of five agencies (police, housing, health, social care,
/// education) holds a snapshot at its own date in its own date format, with these error rates per record (×
/// <see cref="SyntheticOptions.ErrorScale"/>): given name typo 4%, nickname 8%, initial only 2%, missing 1%; surname
/// typo 3%; given and surname swapped 1%; date of birth missing 3%, day and month swapped 2%, one digit wrong 2%,
/// year ±1 1%, year only 1%; an older address (not yet updated) 10%; postcode typo 2%, missing 3%; NHS number missing
/// (60% outside health) or with a digit wrong 2%; sex missing 5%. No real person is in the output.
/// </summary>
public static partial class LinkageDataGenerator
{
    /// <summary>The five agencies.</summary>
    public static readonly IReadOnlyList<string> Agencies = ["police", "housing", "health", "social_care", "education"];

    private static readonly string[] DateFormats = ["dd/MM/yyyy", "yyyyMMdd", "yyyy-MM-dd", "dd-MM-yyyy", "yyyy-MM-dd"];

    private static readonly string[] MaleNames =
    [
        "ROBERT", "WILLIAM", "RICHARD", "JAMES", "JOHN", "MICHAEL", "THOMAS", "ANTHONY", "EDWARD", "CHARLES", "CHRISTOPHER", "DANIEL",
        "DAVID", "JOSEPH", "SAMUEL", "ALEXANDER", "ANDREW", "PATRICK", "NICHOLAS", "STEPHEN", "PETER", "TIMOTHY", "BENJAMIN", "MATTHEW",
        "GEORGE", "HENRY", "ALFRED", "FREDERICK", "LEONARD", "RAYMOND", "KENNETH", "GERALD", "PHILIP", "JONATHAN", "JOSHUA", "OLIVER",
        "JACK", "HARRY", "CHARLIE", "OSCAR", "LEO", "NOAH", "ARTHUR", "MUHAMMAD", "ISAAC", "ADAM", "LUCAS", "DYLAN", "CALLUM", "RYAN",
        "LIAM", "CONNOR", "KIERAN", "SEAN", "OWEN", "GARETH", "IAN", "NEIL", "CRAIG", "SCOTT", "MARK", "PAUL", "GARY", "KEVIN", "DEAN",
        "WAYNE", "LEE", "DARREN", "JASON", "SIMON", "MARTIN", "KEITH", "BARRY", "TREVOR", "COLIN", "DEREK", "ALAN", "BRIAN", "ROY",
    ];

    private static readonly string[] FemaleNames =
    [
        "MARGARET", "ELIZABETH", "CATHERINE", "SUSAN", "DEBORAH", "REBECCA", "VICTORIA", "JENNIFER", "PATRICIA", "ALEXANDRA", "SAMANTHA",
        "CHRISTINE", "NICOLA", "ANNE", "MARY", "SARAH", "HELEN", "ELEANOR", "FRANCES", "JACQUELINE", "JESSICA", "JULIA", "LOUISE",
        "NATALIE", "OLIVIA", "SOPHIE", "STEPHANIE", "ISABEL", "ABIGAIL", "AMANDA", "CHARLOTTE", "EMILY", "EMMA", "GILLIAN", "KIMBERLEY",
        "AMELIA", "AVA", "MIA", "GRACE", "LILY", "ELLA", "CHLOE", "RUBY", "EVIE", "POPPY", "FREYA", "HOLLY", "LAURA", "ZOE", "KAREN",
        "JULIE", "TRACEY", "DAWN", "LISA", "CLAIRE", "JOANNE", "DONNA", "ANGELA", "SHARON", "LINDA", "CAROL", "BRENDA", "MAUREEN",
        "RUTH", "JEAN", "IRENE", "SHEILA", "PAULINE", "DIANE", "WENDY", "HAYLEY", "KELLY", "LEANNE", "AISHA", "FATIMA", "PRIYA", "NIAMH",
    ];

    private static readonly string[] CommonSurnames =
    [
        "SMITH", "JONES", "WILLIAMS", "TAYLOR", "BROWN", "DAVIES", "EVANS", "WILSON", "THOMAS", "JOHNSON", "ROBERTS", "ROBINSON", "THOMPSON",
        "WRIGHT", "WALKER", "WHITE", "EDWARDS", "HUGHES", "GREEN", "HALL", "LEWIS", "HARRIS", "CLARKE", "PATEL", "JACKSON", "WOOD",
        "TURNER", "MARTIN", "COOPER", "HILL", "WARD", "MORRIS", "MOORE", "CLARK", "LEE", "KING", "BAKER", "HARRISON", "MORGAN", "ALLEN",
        "JAMES", "SCOTT", "PHILLIPS", "WATSON", "DAVIS", "PARKER", "PRICE", "BENNETT", "YOUNG", "GRIFFITHS", "MITCHELL", "KELLY", "COOK",
        "CARTER", "RICHARDSON", "BAILEY", "COLLINS", "BELL", "SHAW", "MURPHY", "MILLER", "COX", "RICHARDS", "KHAN", "MARSHALL", "ANDERSON",
        "SIMPSON", "ELLIS", "ADAMS", "SINGH", "BEGUM", "WILKINSON", "FOSTER", "CHAPMAN", "POWELL", "WEBB", "ROGERS", "GRAY", "MASON", "ALI",
        "HUNT", "HUSSAIN", "CAMPBELL", "MATTHEWS", "OWEN", "PALMER", "HOLMES", "MILLS", "BARNES", "KNIGHT", "LLOYD", "BUTLER", "RUSSELL",
        "BARKER", "FISHER", "STEVENS", "JENKINS", "MURRAY", "DIXON", "HARVEY", "GRAHAM", "PEARSON", "AHMED", "FLETCHER", "WALSH", "KAUR",
        "GIBSON", "HOWARD", "ANDREWS", "STEWART", "ELLIOTT", "REYNOLDS", "SAUNDERS", "PAYNE", "FOX", "FORD", "PEARCE", "DAY", "BROOKS",
        "WEST", "LAWRENCE", "COLE", "ATKINSON", "BRADLEY", "SPENCER", "GILL", "DAWSON", "BALL", "BURTON", "O'BRIEN", "WATTS", "ROSE",
        "BOOTH", "PERRY", "RYAN", "GRANT", "WELLS", "ARMSTRONG", "FRANCIS", "REES", "HAYES", "HART", "HUDSON", "NEWMAN", "BARRETT",
        "WEBSTER", "HUNTER", "GREGORY", "CARR", "LOWE", "PAGE", "MARSH", "RILEY", "DUNN", "WOODS", "PARSONS", "BERRY", "STONE", "REID",
        "HOLLAND", "HAWKINS", "HARDING", "PORTER", "ROBERTSON", "NEWTON", "OLIVER", "REED", "KENNEDY", "WILLIAMSON", "BIRD", "GARDNER",
        "SHAH", "DEAN", "LANE", "COLEMAN", "LONG", "WARREN", "NICHOLS", "SPENCER-JONES", "MCKENZIE", "MACDONALD", "O'CONNOR", "NGUYEN",
    ];

    private static readonly string[] Syllables =
    [
        "ash", "ber", "ton", "ley", "wick", "ham", "ford", "brook", "dale", "worth", "field", "mor", "by", "thorn", "wel", "stan", "cott",
        "ridge", "well", "hurst", "den", "bur", "kin", "son", "mill", "gar", "row", "lan", "cas", "tle", "pen", "rith", "nor", "ing",
        "ald", "ric", "hol", "lis", "ter", "vil", "dun", "mere", "grove", "wood", "coombe", "haw", "kes", "ett", "ing", "ray", "bot",
    ];

    private static readonly string[] Streets =
    [
        "High", "Station", "Church", "Park", "Victoria", "Green", "Manor", "Kings", "Queens", "Mill", "School", "New", "Grange", "Chapel",
        "Springfield", "Windsor", "Albert", "York", "Highfield", "Orchard", "Meadow", "Elm", "Oak", "Ash", "Beech", "Willow", "Cedar",
        "Hawthorn", "Rowan", "Holly", "Lime", "Chestnut", "Sycamore", "Birch", "Maple", "Poplar", "Laburnum", "Lilac", "Primrose",
        "Bluebell", "Heather", "Foxglove", "Kingsway", "Richmond", "Cambridge", "Oxford", "Stanley", "Clarence", "Mount", "Hill",
    ];

    private static readonly string[] StreetTypes = ["Road", "Street", "Lane", "Avenue", "Close", "Drive", "Way", "Gardens", "Crescent", "Court"];

    private static readonly string[] Towns = ["Northfield", "Eastbridge", "Millbrook", "Ashdown", "Kingsmere", "Holloway Green", "Westcote", "Fernley"];

    private sealed class Address
    {
        public string Number = "";
        public string Street = "";
        public string Town = "";
        public string Postcode = "";
    }

    private sealed class Person
    {
        public string Id = "";
        public char Sex;
        public string Given = "";
        public string Middle = "";
        public string Surname = "";
        public string BirthSurname = "";
        public int MarriedYear;
        public DateOnly Dob;
        public string Nhs = "";
        public string Phone = "";
        public string Email = "";
        public List<(DateOnly From, Address Address)> Addresses = [];
    }

    /// <summary>Makes the people and every agency's extract. Deterministic for the options.</summary>
    public static SyntheticDataset Generate(SyntheticOptions options)
    {
        if (options.People < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "At least one person is needed.");
        }
        if (options.Hard)
        {
            return GenerateHard(options);
        }
        var rng = new Random(options.Seed);
        var people = MakePeople(options.People, rng);
        var records = new List<LinkRecord>((int)(options.People * Agencies.Count * options.Coverage * 1.05));
        var truth = new List<string>(records.Capacity);
        var e = options.ErrorScale;
        for (var a = 0; a < Agencies.Count; a++)
        {
            var agency = Agencies[a];
            var extractDate = new DateOnly(2025, 1, 1).AddDays(-rng.Next(0, 700));
            var counter = 0;
            foreach (var p in people)
            {
                if (rng.NextDouble() >= options.Coverage || p.Dob > extractDate)
                {
                    continue;
                }
                var copies = rng.NextDouble() < options.DuplicateRate ? 2 : 1;
                for (var copy = 0; copy < copies; copy++)
                {
                    counter++;
                    var id = $"{agency[..2].ToUpperInvariant()}{counter:D7}";
                    records.Add(MakeRecord(p, agency, a, id, extractDate, rng, e));
                    truth.Add(p.Id);
                }
            }
        }
        return new SyntheticDataset(records, truth, Agencies);
    }

    private static List<Person> MakePeople(int count, Random rng)
    {
        var people = new List<Person>(count);
        var rareSurnames = new string[Math.Max(200, count / 6)];
        for (var i = 0; i < rareSurnames.Length; i++)
        {
            var s = Syllables[rng.Next(Syllables.Length)] + Syllables[rng.Next(Syllables.Length)] + (rng.NextDouble() < 0.3 ? Syllables[rng.Next(Syllables.Length)] : "");
            rareSurnames[i] = s.ToUpperInvariant();
        }
        var postcodes = Math.Max(4, count / 30);
        var streetsPerPostcode = new Dictionary<int, string>();
        Address NewAddress()
        {
            var pc = rng.Next(postcodes);
            if (!streetsPerPostcode.TryGetValue(pc, out var street))
            {
                street = $"{Streets[rng.Next(Streets.Length)]} {StreetTypes[rng.Next(StreetTypes.Length)]}";
                streetsPerPostcode[pc] = street;
            }
            var district = 1 + (pc % 40);
            var sector = pc / 40 % 10;
            var unit = pc / 400;
            var letters = $"{(char)('A' + (unit % 26))}{(char)('A' + (unit / 26 % 26))}";
            return new Address
            {
                Number = (1 + rng.Next(180)).ToString(CultureInfo.InvariantCulture),
                Street = street,
                Town = Towns[district % Towns.Length],
                Postcode = $"NF{district} {sector}{letters}",
            };
        }
        string Surname() => rng.NextDouble() < 0.55
            ? CommonSurnames[(int)(CommonSurnames.Length * Math.Pow(rng.NextDouble(), 1.5))]
            : rareSurnames[rng.Next(rareSurnames.Length)];
        var n = 0;
        while (people.Count < count)
        {
            // A household: one or two adults, perhaps children, sharing a surname and an address history.
            var familySurname = Surname();
            var history = new List<(DateOnly, Address)> { (new DateOnly(2000 + rng.Next(0, 10), 1 + rng.Next(12), 1), NewAddress()) };
            var moves = rng.Next(0, 3);
            for (var m = 0; m < moves; m++)
            {
                history.Add((history[^1].Item1.AddDays(300 + rng.Next(2500)), NewAddress()));
            }
            var adults = rng.NextDouble() < 0.6 ? 2 : 1;
            var children = rng.NextDouble() < 0.5 ? rng.Next(1, 4) : 0;
            var parentYear = 1940 + rng.Next(0, 60);
            var twins = rng.NextDouble() < 0.01;
            DateOnly? lastChildDob = null;
            for (var i = 0; i < adults + children && people.Count < count; i++)
            {
                var adult = i < adults;
                var p = NewMember(rng, ++n, adult, i);
                if (adult)
                {
                    if (!MakeAdult(p, rng, parentYear, familySurname, adults == 2, Surname) && rng.NextDouble() < 0.03)
                    {
                        p.Surname = familySurname + "-" + Surname();
                        p.BirthSurname = p.Surname;
                    }
                }
                else
                {
                    MakeChild(p, twins && lastChildDob is { } twin ? twin : ChildDob(rng, parentYear), familySurname);
                    lastChildDob = p.Dob;
                }
                p.Nhs = NewNhsNumber(rng);
                p.Phone = rng.NextDouble() < 0.6 ? "07" + rng.Next(100_000_000, 999_999_999).ToString(CultureInfo.InvariantCulture) : "";
                p.Email = adult && rng.NextDouble() < 0.5 ? $"{p.Given.ToLowerInvariant()}.{p.Surname.ToLowerInvariant().Replace("'", "", StringComparison.Ordinal)}{rng.Next(1, 99)}@example.org" : "";
                p.Addresses = history;
                people.Add(p);
            }
        }
        return people;
    }

    /// <summary>A household member: id, sex (the first adult a woman, the second a man, children either), given and middle names.</summary>
    private static Person NewMember(Random rng, int number, bool adult, int index)
    {
        var p = new Person { Id = $"T{number:D8}" };
        p.Sex = adult ? (index == 0 ? 'F' : 'M') : (rng.NextDouble() < 0.5 ? 'F' : 'M');
        var names = p.Sex == 'F' ? FemaleNames : MaleNames;
        p.Given = names[rng.Next(names.Length)];
        p.Middle = rng.NextDouble() < 0.5 ? names[rng.Next(names.Length)] : "";
        return p;
    }

    /// <summary>
    /// An adult: born within three years of the parents' year, with the family surname; a woman of a couple took it on
    /// marriage 70% of the time (her birth surname then differs). Returns whether she did.
    /// </summary>
    private static bool MakeAdult(Person p, Random rng, int parentYear, string familySurname, bool couple, Func<string> surname)
    {
        p.Dob = new DateOnly(parentYear + rng.Next(-3, 4), 1 + rng.Next(12), 1 + rng.Next(28));
        p.Surname = familySurname;
        p.BirthSurname = familySurname;
        if (p.Sex == 'F' && couple && rng.NextDouble() < 0.7)
        {
            p.BirthSurname = surname();
            p.MarriedYear = parentYear + 20 + rng.Next(0, 15);
            return true;
        }
        return false;
    }

    /// <summary>A child born 20 to 40 years after the parents' year (not after 2024).</summary>
    private static DateOnly ChildDob(Random rng, int parentYear) => new(Math.Min(2024, parentYear + 20 + rng.Next(0, 20)), 1 + rng.Next(12), 1 + rng.Next(28));

    /// <summary>A child: the date of birth given and the family surname from birth.</summary>
    private static void MakeChild(Person p, DateOnly dob, string familySurname)
    {
        p.Dob = dob;
        p.Surname = familySurname;
        p.BirthSurname = familySurname;
    }

    private static string NewNhsNumber(Random rng)
    {
        Span<char> d = stackalloc char[10];
        while (true)
        {
            d[0] = (char)('4' + rng.Next(3));
            for (var i = 1; i < 9; i++)
            {
                d[i] = (char)('0' + rng.Next(10));
            }
            var check = NhsNumber.CheckDigit(d);
            if (check >= 0)
            {
                d[9] = (char)('0' + check);
                return new string(d);
            }
        }
    }

    private static LinkRecord MakeRecord(Person p, string agency, int agencyIndex, string id, DateOnly extractDate, Random rng, double e)
    {
        bool Chance(double rate) => rng.NextDouble() < rate * e;
        var r = new LinkRecord { Source = agency, RecordId = id };
        // Given names: nickname, typo, initial, middle name only, missing.
        var given = p.Given;
        if (Chance(0.08))
        {
            var groups = Nicknames.GroupsOf(given);
            if (groups.Length > 0)
            {
                var alternatives = Nicknames.All[groups[0]].Where(x => x != given).ToArray();
                given = alternatives[rng.Next(alternatives.Length)];
            }
        }
        else if (Chance(0.04))
        {
            given = Typo(given, rng);
        }
        else if (Chance(0.02))
        {
            given = given[..1];
        }
        var givenNames = p.Middle.Length > 0 && rng.NextDouble() < 0.5 ? $"{given} {p.Middle}" : given;
        if (Chance(0.01))
        {
            givenNames = "";
        }
        // Surname: married name after the marriage year, unless this agency has not caught up.
        var surname = p.MarriedYear != 0 && extractDate.Year >= p.MarriedYear && !Chance(0.15) ? p.Surname : p.BirthSurname;
        if (surname != p.BirthSurname && rng.NextDouble() < 0.3)
        {
            r.PreviousSurnames = Title(p.BirthSurname);
        }
        if (surname.Contains('-', StringComparison.Ordinal) && rng.NextDouble() < 0.3)
        {
            surname = surname.Split('-')[rng.Next(2)];
        }
        if (Chance(0.03))
        {
            surname = Typo(surname, rng);
        }
        if (Chance(0.01))
        {
            (givenNames, surname) = (surname, given);
        }
        r.GivenNames = Title(givenNames);
        r.Surname = Title(surname);
        // Date of birth in the agency's own format, with its errors.
        if (!Chance(0.03))
        {
            var dob = p.Dob;
            if (Chance(0.02) && dob.Day <= 12 && dob.Day != dob.Month)
            {
                dob = new DateOnly(dob.Year, dob.Day, dob.Month);
            }
            else if (Chance(0.01))
            {
                dob = dob.AddYears(rng.NextDouble() < 0.5 ? -1 : 1);
            }
            var text = dob.ToString(DateFormats[agencyIndex], CultureInfo.InvariantCulture);
            if (Chance(0.02))
            {
                text = DigitTypo(text, rng);
            }
            else if (Chance(0.01))
            {
                text = dob.Year.ToString(CultureInfo.InvariantCulture);
            }
            r.DateOfBirth = text;
        }
        r.Sex = Chance(0.05) ? "" : agencyIndex % 2 == 0 ? p.Sex.ToString() : p.Sex == 'F' ? "Female" : "Male";
        // Address at the extract date, or an older one the agency never updated.
        var at = p.Addresses.Count - 1;
        while (at > 0 && p.Addresses[at].From > extractDate)
        {
            at--;
        }
        if (at > 0 && Chance(0.10))
        {
            at--;
        }
        var address = p.Addresses[at].Address;
        r.AddressLines = [$"{address.Number} {address.Street}", address.Town];
        r.Postcode = Chance(0.03) ? "" : Chance(0.02) ? Typo(address.Postcode, rng) : address.Postcode;
        if (at > 0 && agency == "housing" && rng.NextDouble() < 0.5)
        {
            r.PreviousPostcodes = p.Addresses[at - 1].Address.Postcode;
        }
        r.RecordDate = extractDate;
        var holdsNhs = agency is "health" or "social_care" ? rng.NextDouble() < 0.95 : rng.NextDouble() < 0.4;
        if (holdsNhs)
        {
            r.NhsNumber = Chance(0.02) ? DigitTypo(p.Nhs, rng) : agency == "health" ? $"{p.Nhs[..3]} {p.Nhs[3..6]} {p.Nhs[6..]}" : p.Nhs;
        }
        r.Phone = p.Phone.Length > 0 && rng.NextDouble() < 0.6 ? (agencyIndex == 1 ? "+44 " + p.Phone[1..] : p.Phone) : "";
        r.Email = p.Email.Length > 0 && rng.NextDouble() < 0.5 ? p.Email : "";
        return r;
    }

    private static string Title(string upper)
    {
        if (upper.Length == 0)
        {
            return upper;
        }
        var chars = upper.ToLowerInvariant().ToCharArray();
        var start = true;
        for (var i = 0; i < chars.Length; i++)
        {
            if (start && char.IsLetter(chars[i]))
            {
                chars[i] = char.ToUpperInvariant(chars[i]);
            }
            start = !char.IsLetter(chars[i]);
        }
        return new string(chars);
    }

    private static string Typo(string text, Random rng)
    {
        if (text.Length < 3)
        {
            return text;
        }
        var chars = text.ToCharArray();
        var i = 1 + rng.Next(chars.Length - 1);
        switch (rng.Next(3))
        {
            case 0 when i + 1 < chars.Length:
                (chars[i], chars[i + 1]) = (chars[i + 1], chars[i]);
                return new string(chars);
            case 1:
                return text.Remove(i, 1);
            default:
                chars[i] = char.IsDigit(chars[i]) ? (char)('0' + rng.Next(10)) : (char)('A' + rng.Next(26));
                return char.IsUpper(text[^1]) || !char.IsLetter(chars[i]) ? new string(chars) : new string(chars).ToUpperInvariant();
        }
    }

    private static string DigitTypo(string text, Random rng)
    {
        var digits = Enumerable.Range(0, text.Length).Where(i => char.IsAsciiDigit(text[i])).ToArray();
        var chars = text.ToCharArray();
        var at = digits[rng.Next(digits.Length)];
        chars[at] = (char)('0' + ((chars[at] - '0' + 1 + rng.Next(9)) % 10));
        return new string(chars);
    }
}
