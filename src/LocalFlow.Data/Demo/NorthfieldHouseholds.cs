using LocalFlow.Data.Entities;

namespace LocalFlow.Data.Demo;

/// <summary>Households on Northfield's streets and the people in them, with en-GB names, dates of birth, NHS numbers and phones.</summary>
internal sealed class NorthfieldHouseholds : IDemoPart
{
    public int Order => 20;
    public string Name => "Households and people";

    public async Task AddAsync(DemoContext context, IProgress<DemoProgress> progress, CancellationToken ct)
    {
        var db = context.Db;
        var random = context.RandomFor(Name);
        // Names come from their own stream, so changing the name lists never moves addresses, ages or ids.
        var names = context.RandomFor(Name + " names");
        var streets = context.Locality.Streets.ToList();
        var nextNumber = new int[streets.Count];
        var today = context.Today;
        var total = context.Options.Households;
        for (var h = 0; h < total; h++)
        {
            var s = random.Next(streets.Count);
            var street = streets[s];
            nextNumber[s] += 1 + (random.Next(4) == 0 ? 1 : 0);
            var postcodes = street.Postcodes.Split(", ");
            var household = new Household
            {
                Id = DemoContext.NextId(random),
                LocalityId = context.Locality.Id,
                StreetId = street.Id,
                AddressLine = random.Next(12) == 0 ? $"Flat {1 + random.Next(8)}, {nextNumber[s]} {street.Name}" : $"{nextNumber[s]} {street.Name}",
                Postcode = postcodes[random.Next(postcodes.Length)],
                // About 1 household in 200 has a restricted address (domestic abuse).
                Restricted = random.Next(200) == 0,
            };
            db.Households.Add(household);
            foreach (var person in Members(household, random, names, today))
            {
                db.People.Add(person);
            }
            if ((h + 1) % 5000 == 0 || h + 1 == total)
            {
                db.ChangeTracker.DetectChanges();
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                db.Attach(context.Locality);
                progress.Report(new DemoProgress(Name, $"{h + 1:N0} of {total:N0} households", (h + 1) / (double)total));
            }
        }
    }

    private static IEnumerable<Person> Members(Household household, Random random, Random names, DateOnly today)
    {
        var origin = DemoNames.Origin(names);
        var family = DemoNames.FamilyName(names, origin);
        var roll = random.Next(100);
        // Rough shape of an English town: a third live alone, many of them older.
        var (adults, children, older) = roll switch
        {
            < 16 => (1, 0, true),
            < 30 => (1, 0, false),
            < 45 => (2, 0, true),
            < 62 => (2, 0, false),
            < 82 => (2, 1 + random.Next(3), false),
            < 92 => (1, 1 + random.Next(3), false),
            _ => (2 + random.Next(3), 0, false),
        };
        for (var a = 0; a < adults; a++)
        {
            var age = older ? 66 + random.Next(27) : 19 + random.Next(45);
            var female = random.Next(2) == 0;
            var sharer = roll >= 92;
            // People sharing a house are usually from different families.
            var ownOrigin = sharer ? DemoNames.Origin(names) : origin;
            var ownFamily = sharer ? DemoNames.FamilyName(names, ownOrigin) : family;
            yield return NewPerson(household, random, names, today, ownOrigin, ownFamily, age, female, adult: true);
        }
        for (var c = 0; c < children; c++)
        {
            yield return NewPerson(household, random, names, today, origin, family, random.Next(17), random.Next(2) == 0, adult: false);
        }
    }

    private static Person NewPerson(Household household, Random random, Random names, DateOnly today, NameOrigin origin, string family, int age, bool female, bool adult)
    {
        var dob = today.AddYears(-age).AddDays(-random.Next(365));
        return new Person
        {
            Id = DemoContext.NextId(random),
            LocalityId = household.LocalityId,
            HouseholdId = household.Id,
            GivenName = DemoNames.GivenName(names, origin, female, dob.Year),
            FamilyName = family,
            DateOfBirth = dob,
            Sex = female ? "F" : "M",
            NhsNumber = NhsNumber(random),
            // 07700 900000–900999 is Ofcom's range reserved for drama: never a real phone.
            Phone = adult && random.Next(10) < 8 ? $"07700 900{random.Next(1000):000}" : null,
            Email = adult && random.Next(10) < 4 ? $"{family.ToLowerInvariant().Replace("'", "", StringComparison.Ordinal)}{random.Next(100)}@example.com" : null,
            Restricted = household.Restricted,
        };
    }

    /// <summary>A ten-digit number that passes the NHS number modulus 11 check (demo numbers start 999, never issued).</summary>
    internal static string NhsNumber(Random random)
    {
        while (true)
        {
            Span<int> d = stackalloc int[10];
            d[0] = 9;
            d[1] = 9;
            d[2] = 9;
            for (var i = 3; i < 9; i++)
            {
                d[i] = random.Next(10);
            }
            var sum = 0;
            for (var i = 0; i < 9; i++)
            {
                sum += d[i] * (10 - i);
            }
            var check = 11 - (sum % 11);
            if (check == 11)
            {
                check = 0;
            }
            if (check == 10)
            {
                continue;
            }
            d[9] = check;
            return $"{d[0]}{d[1]}{d[2]} {d[3]}{d[4]}{d[5]} {d[6]}{d[7]}{d[8]}{d[9]}";
        }
    }
}
