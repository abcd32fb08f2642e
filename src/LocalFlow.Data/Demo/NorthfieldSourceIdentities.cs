using System.Globalization;
using LocalFlow.Analytics.Linking;
using LocalFlow.Data.Entities;
using LocalFlow.Data.Linking;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Data.Demo;

/// <summary>
/// Linking's demo: the same Northfield people as six agencies' systems hold them — each spelling, dating and
/// addressing them in its own way (nicknames, typos, day and month swapped, old addresses, married surnames,
/// missing NHS numbers). Most records were linked on an earlier run; the latest extracts arrive unlinked and
/// the demo runs the linkage over them, leaving a review queue for the data officer.
/// </summary>
internal sealed class NorthfieldSourceIdentities : IDemoPart
{
    public int Order => 60;
    public string Name => "Agencies' records of people (linking)";

    /// <summary>Source systems and the agency short names they belong to.</summary>
    internal static readonly (string Source, string Agency, string Prefix)[] Sources =
    [
        ("Police (Niche)", "Police", "NP"),
        ("Housing (Northfield Homes)", "Housing", "NH"),
        ("GP (Northfield Medical Practice)", "GP", "GP"),
        ("Adult social care (council)", "Council", "AS"),
        ("Emergency department (NHS Trust)", "NHS Trust", "ED"),
        ("Citizens Advice", "Citizens Advice", "CA"),
    ];

    public async Task AddAsync(DemoContext context, IProgress<DemoProgress> progress, CancellationToken ct)
    {
        var db = context.Db;
        var random = context.RandomFor(Name);
        var localityId = context.Locality.Id;
        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.ShortName, ct);
        var people = (await db.People.AsNoTracking().Where(p => p.LocalityId == localityId && !p.Restricted).ToListAsync(ct)).OrderBy(p => p.Id).ToList();
        var households = await db.Households.AsNoTracking().Where(h => h.LocalityId == localityId).ToDictionaryAsync(h => h.Id, ct);
        var otherHouseholds = households.Values.Where(h => !h.Restricted).OrderBy(h => h.Id).ToList();
        var nextNumber = new int[Sources.Length];
        var added = new List<SourceIdentity>();

        // Everyone with flow records is known to several systems (so the flow views show people linked from
        // several agencies' extracts); about one other person in six is known to at least one.
        var withRecords = (await db.ActivityRecords.AsNoTracking().Where(r => r.LocalityId == localityId).Select(r => r.PersonId).Distinct().ToListAsync(ct)).ToHashSet();
        foreach (var person in people)
        {
            var inFlow = withRecords.Contains(person.Id);
            if (random.Next(6) != 0 && !inFlow)
            {
                continue;
            }
            var home = person.HouseholdId is { } hid && households.TryGetValue(hid, out var h) ? h : null;
            var count = inFlow ? 3 + random.Next(3) : 1 + random.Next(4);
            var chosen = Enumerable.Range(0, Sources.Length).OrderBy(_ => random.Next()).Take(count).ToList();
            var first = true;
            foreach (var s in chosen)
            {
                var (source, agency, prefix) = Sources[s];
                nextNumber[s]++;
                var identity = new SourceIdentity
                {
                    Id = DemoContext.NextId(random),
                    LocalityId = localityId,
                    Source = source,
                    SourceRecordId = $"{prefix}{(100000 + (nextNumber[s] * 7)).ToString(CultureInfo.InvariantCulture)}",
                    AgencyId = agencies.TryGetValue(agency, out var a) ? a.Id : null,
                    GivenNames = person.GivenName,
                    Surname = person.FamilyName,
                    DateOfBirth = person.DateOfBirth?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    Sex = person.Sex,
                    AddressLine = home?.AddressLine,
                    HouseNumber = home is null ? null : new string(home.AddressLine.Split(' ').FirstOrDefault(w => w.Length > 0 && char.IsDigit(w[0]))?.TakeWhile(char.IsLetterOrDigit).ToArray() ?? []),
                    Postcode = home?.Postcode,
                    NhsNumber = agency is "GP" or "NHS Trust" or "Council" ? person.NhsNumber : null,
                    Phone = random.Next(3) == 0 ? person.Phone : null,
                    Email = random.Next(5) == 0 ? person.Email : null,
                    RecordDate = context.Today.AddDays(-random.Next(3650)),
                    // Linked on an earlier run, except the latest extracts (about one record in four after the first).
                    PersonId = !first && random.Next(4) == 0 ? null : person.Id,
                };
                Disturb(identity, person, otherHouseholds, random);
                added.Add(identity);
                first = false;
            }
        }
        db.SourceIdentities.AddRange(added);
        progress.Report(new DemoProgress(Name, $"{added.Count} records from {Sources.Length} systems", 0.5));
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);

        // Link the latest extracts as a data officer would, so that the demo has a run, a report and a queue.
        var run = new LinkRun { LocalityId = localityId, StartedAt = db.Clock.GetUtcNow().UtcDateTime, StartedBy = "demo", Status = LinkRunStatus.Running, Stage = "starting" };
        db.LinkRuns.Add(run);
        await db.SaveChangesAsync(ct);
        await LinkingService.LinkWithinTransactionAsync(db, run, null, new LinkageOptions { RandomPairs = 200_000 }, ct);
        run.Status = LinkRunStatus.Finished;
        run.FinishedAt = db.Clock.GetUtcNow().UtcDateTime;
        run.Stage = "finished";
        run.Progress = 1;
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);
        progress.Report(new DemoProgress(Name, $"linked into {run.People} people; {run.ForReview} pairs for review", 1));
    }

    /// <summary>The ways real systems get people's details wrong or out of date.</summary>
    private static void Disturb(SourceIdentity s, Person person, List<Entities.Household> households, Random random)
    {
        var roll = random.NextDouble();
        if (roll < 0.12)
        {
            // A short form or nickname: Margaret → Peggy, Robert → Bob.
            var group = Nicknames.All.FirstOrDefault(g => g.Contains(person.GivenName.ToLowerInvariant()));
            if (group is not null)
            {
                var other = group.Where(n => n != person.GivenName.ToLowerInvariant()).ToList();
                if (other.Count > 0)
                {
                    var n = other[random.Next(other.Count)];
                    s.GivenNames = char.ToUpperInvariant(n[0]) + n[1..];
                }
            }
        }
        else if (roll < 0.20 && s.Surname is { Length: > 3 })
        {
            // A typing slip: two letters swapped.
            var i = 1 + random.Next(s.Surname.Length - 2);
            var chars = s.Surname.ToCharArray();
            (chars[i], chars[i + 1]) = (chars[i + 1], chars[i]);
            s.Surname = new string(chars);
        }
        roll = random.NextDouble();
        if (roll < 0.05 && person.DateOfBirth is { Day: <= 12 } dob && dob.Day != dob.Month)
        {
            s.DateOfBirth = new DateOnly(dob.Year, dob.Day, dob.Month).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
        else if (roll < 0.10)
        {
            s.DateOfBirth = null;
        }
        roll = random.NextDouble();
        if (roll < 0.10 && households.Count > 0)
        {
            // Still at an old address in this system.
            var old = households[random.Next(households.Count)];
            s.AddressLine = old.AddressLine;
            s.Postcode = old.Postcode;
            s.HouseNumber = new string(old.AddressLine.Split(' ').FirstOrDefault(w => w.Length > 0 && char.IsDigit(w[0]))?.TakeWhile(char.IsLetterOrDigit).ToArray() ?? []);
        }
        else if (roll < 0.14 && s.Postcode is not null)
        {
            s.Postcode = s.Postcode.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();
        }
        if (person.Sex == "F" && random.Next(25) == 0 && s.Surname is not null)
        {
            // Known here by a surname from before marriage.
            s.PreviousSurnames = s.Surname;
            s.Surname = DemoNames.FamilyName(random, DemoNames.Origin(random));
        }
    }
}
