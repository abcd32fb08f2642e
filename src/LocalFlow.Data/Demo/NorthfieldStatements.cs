using LocalFlow.Data.Entities;
using LocalFlow.Data.Flow;
using LocalFlow.Data.LocalityWork;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Data.Demo;

/// <summary>
/// I statements in the demo: Melvyn's five statements (from the Locality report) scored at four conversations after
/// locality working began, a carer's own statements, and the people the locality team works with (or, without a team
/// yet, a dozen adults) scored at three conversations each. Scores are made by a seeded walk, so every run is the same.
/// </summary>
internal sealed class NorthfieldStatements : IDemoPart
{
    public int Order => 97;
    public string Name => "I statements";

    /// <summary>What matters to Melvyn, in his words (Locality, "Saving money by doing the right thing", Part Ic).</summary>
    internal static readonly string[] Melvyn =
    [
        "I want to go out and about",
        "I want to be free from pain",
        "I want people I'm familiar with helping me",
        "I want to be in control of my life and make my own decisions",
        "I want to stay living in my home",
    ];

    /// <summary>A carer's own statements: carers have needs of their own.</summary>
    internal static readonly string[] Carer =
    [
        "I get a break and time for myself",
        "I can sleep through the night",
        "I know who to ring when things go wrong",
    ];

    /// <summary>The setting naming the demo carer ("person id").</summary>
    public const string CarerSettingKey = "demo.statements.carer";

    public async Task AddAsync(DemoContext context, IProgress<DemoProgress> progress, CancellationToken ct)
    {
        var db = context.Db;
        await db.SaveChangesAsync(ct);
        var random = context.RandomFor(Name);
        var locality = context.Locality.Id;
        var by = "Demo locality team";

        var melvyn = (await FlowQueries.CaseHistoriesAsync(db, ct)).Where(c => c.Story == "Melvyn").Select(c => (Guid?)c.PersonId).FirstOrDefault();
        if (melvyn is Guid m)
        {
            DateOnly[] dates = [new(2012, 11, 5), new(2012, 12, 17), new(2013, 2, 11), new(2013, 4, 8)];
            Add(db, random, locality, m, null, Melvyn, dates, start: 1, by);
        }

        // The people the team works with; without a team in the demo yet, a dozen adults who are not restricted.
        var supported = await db.Supports.AsNoTracking().Where(s => s.LocalityId == locality && s.RemovedUtc == null)
            .Select(s => new { s.PersonId, s.HouseholdId }).ToListAsync(ct);
        var householdIds = supported.Where(s => s.HouseholdId != null).Select(s => s.HouseholdId!.Value).ToList();
        var personIds = supported.Where(s => s.PersonId != null).Select(s => s.PersonId!.Value).ToList();
        var anyTeam = supported.Count > 0;
        var adults = context.Today.AddYears(-18);
        var notMelvyn = melvyn ?? Guid.Empty;
        var candidates = await db.People.AsNoTracking()
            .Where(p => p.LocalityId == locality && !p.Restricted && (p.Household == null || !p.Household.Restricted) && p.DateOfBirth != null && p.DateOfBirth <= adults && p.Id != notMelvyn)
            .Where(p => !anyTeam || (p.HouseholdId != null && householdIds.Contains(p.HouseholdId.Value)) || personIds.Contains(p.Id))
            .OrderBy(p => p.HouseholdId).ThenBy(p => p.DateOfBirth).ThenBy(p => p.Id)
            .Select(p => new { p.Id, p.HouseholdId, p.DateOfBirth }).ToListAsync(ct);
        // one person per household speaks for their own statements; a household with two adults gives the carer theirs
        var byHousehold = candidates.GroupBy(c => c.HouseholdId).Take(anyTeam ? 60 : 12).ToList();
        var carerSet = false;
        foreach (var household in byHousehold)
        {
            var speaker = household.First();
            var statements = IStatements.Examples.OrderBy(_ => random.Next()).Take(3 + random.Next(3)).ToArray();
            var first = context.Today.AddDays(-150 - random.Next(60));
            DateOnly[] dates = [first, first.AddDays(35 + random.Next(20)), first.AddDays(90 + random.Next(30))];
            Add(db, random, locality, speaker.Id, null, statements, dates, start: 2, by);
            if (!carerSet && household.Count() > 1)
            {
                var carer = household.Skip(1).First();
                Add(db, random, locality, carer.Id, null, Carer, dates, start: 2, by);
                db.Settings.Add(new Setting { Key = CarerSettingKey, Value = carer.Id.ToString() });
                carerSet = true;
            }
        }
        await db.SaveChangesAsync(ct);
        progress.Report(new DemoProgress(Name, $"{byHousehold.Count + (melvyn is null ? 0 : 1)} people's statements", 1));
    }

    /// <summary>Statements with scores that start low and mostly rise (as the slides' radar does), one to three points a conversation.</summary>
    private static void Add(LocalFlowDb db, Random random, int locality, Guid personId, Guid? householdId, IReadOnlyList<string> words, IReadOnlyList<DateOnly> dates, int start, string by)
    {
        for (var i = 0; i < words.Count; i++)
        {
            var statement = new PersonStatement
            {
                Id = DemoContext.NextId(random),
                LocalityId = locality,
                PersonId = householdId is null ? personId : null,
                HouseholdId = householdId,
                Words = words[i],
                Position = i + 1,
                AddedOn = dates[0],
                AddedBy = by,
            };
            db.PersonStatements.Add(statement);
            var score = Math.Clamp(start + random.Next(3), 0, 10);
            foreach (var on in dates)
            {
                db.StatementScores.Add(new StatementScore
                {
                    Id = DemoContext.NextId(random),
                    LocalityId = locality,
                    StatementId = statement.Id,
                    ScoredOn = on,
                    Score = score,
                    RecordedBy = by,
                    RecordedUtc = on.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc),
                });
                score = Math.Clamp(score + random.Next(-1, 4), 0, 10);
            }
        }
    }
}
