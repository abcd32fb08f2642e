namespace LocalFlow.Analytics.Linking;

/// <summary>One household: the people seen at one address, and when.</summary>
/// <param name="HouseholdId">"H" + a fingerprint of the address (stable while the address is written the same way).</param>
/// <param name="Postcode">Normalised postcode.</param>
/// <param name="AddressKey">Postcode, house number and street sound key.</param>
/// <param name="PersonIds">The people seen there.</param>
/// <param name="FirstSeen">Earliest record date at the address (null when no record was dated).</param>
/// <param name="LastSeen">Latest record date.</param>
public sealed record Household(string HouseholdId, string Postcode, string AddressKey, IReadOnlyList<string> PersonIds, DateOnly? FirstSeen, DateOnly? LastSeen);

/// <summary>A person's stay at one household's address.</summary>
/// <param name="PersonId">The person.</param>
/// <param name="HouseholdId">The household.</param>
/// <param name="FirstSeen">Earliest record date at that address.</param>
/// <param name="LastSeen">Latest.</param>
public sealed record Residence(string PersonId, string HouseholdId, DateOnly? FirstSeen, DateOnly? LastSeen);

/// <summary>
/// Households from shared addresses over time: an address (postcode + house number + street) that several linked
/// people's records show is a household; a person whose records show several addresses has moved, and has one
/// <see cref="Residence"/> per address in date order. Addresses with more people than a limit (hostels, care homes,
/// institutions) are left out.
/// </summary>
public static class Households
{
    /// <summary>Builds households and residences from a clear-text linkage result.</summary>
    public static (IReadOnlyList<Household> Households, IReadOnlyList<Residence> Residences) Build(LinkageResult result, int maxPeoplePerAddress = 12)
    {
        if (result.Schema is not ClearTextSchema schema)
        {
            return ([], []);
        }
        var byAddress = new Dictionary<string, (string Postcode, Dictionary<string, (DateOnly? First, DateOnly? Last)> People)>(StringComparer.Ordinal);
        for (var i = 0; i < schema.Count; i++)
        {
            var (postcode, key, seen) = schema.AddressOf(i);
            if (key.Length == 0)
            {
                continue;
            }
            if (!byAddress.TryGetValue(key, out var entry))
            {
                byAddress[key] = entry = (postcode, new Dictionary<string, (DateOnly?, DateOnly?)>(StringComparer.Ordinal));
            }
            var person = result.Clusters.PersonIdOf(i);
            entry.People[person] = entry.People.TryGetValue(person, out var span) ? (Min(span.First, seen), Max(span.Last, seen)) : (seen, seen);
        }
        var households = new List<Household>();
        var residences = new List<Residence>();
        foreach (var (key, (postcode, people)) in byAddress.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (people.Count > maxPeoplePerAddress)
            {
                continue;
            }
            var id = "H" + (LinkageSchema.Hash(key, 77) & 0xFFFFFFFFFFUL).ToString("X10", System.Globalization.CultureInfo.InvariantCulture);
            var first = people.Values.Select(p => p.First).Where(d => d.HasValue).Min();
            var last = people.Values.Select(p => p.Last).Where(d => d.HasValue).Max();
            households.Add(new Household(id, postcode, key, [.. people.Keys.OrderBy(p => p, StringComparer.Ordinal)], first, last));
            foreach (var (person, span) in people)
            {
                residences.Add(new Residence(person, id, span.First, span.Last));
            }
        }
        residences.Sort((a, b) => string.CompareOrdinal(a.PersonId, b.PersonId) is var c and not 0 ? c : Nullable.Compare(a.FirstSeen, b.FirstSeen));
        return (households, residences);
    }

    private static DateOnly? Min(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a < b ? a : b;

    private static DateOnly? Max(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a > b ? a : b;
}
