using CsCheck;
using LocalFlow.Analytics.Flow;
using LocalFlow.Data.Demo;
using LocalFlow.Data.Entities;
using LocalFlow.Data.Flow;
using LocalFlow.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Data.Tests;

/// <summary>
/// An import that only adds records brings the kept flow engine up to date by reading the import's records alone,
/// and the engine it makes answers exactly as one read in full: the log, everyone's figures, every signal, the
/// hand-offs. Anything else (an undo, two imports on top of an engine not kept) reads everything again.
/// </summary>
public class FlowEngineAppendTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AnImportThatOnlyAddsRecords_ExtendsTheKeptEngine_WhichAnswersAsAFullRead(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateDemoAsync(provider, new DemoOptions { Households = 120, Users = false, Today = new DateOnly(2026, 11, 23) });
        int localityId, agency, other;
        Guid[] people;
        Guid newcomer;
        int total;
        await using (var ctx = db.Options.CreateContext())
        {
            localityId = (await ctx.Localities.SingleAsync()).Id;
            var agencies = await ctx.Agencies.OrderBy(a => a.Id).Select(a => a.Id).ToListAsync();
            (agency, other) = (agencies[0], agencies[1]);
            people = [.. (await ctx.ActivityRecords.Where(r => r.LocalityId == localityId).Select(r => r.PersonId).Distinct().ToListAsync()).OrderBy(p => p).Take(6)];
            // someone with no records yet: the import makes them a new person of the log
            var person = new Person { LocalityId = localityId, GivenName = "Nia", FamilyName = "Newcomer" };
            ctx.People.Add(person);
            await ctx.SaveChangesAsync();
            newcomer = person.Id;
            total = await ctx.ActivityRecords.CountAsync(r => r.LocalityId == localityId);
        }
        var engines = new FlowEngines();
        var kept = await ViewAsync(db, engines, localityId);
        kept.RecordsRead.ShouldBe(total);
        _ = kept.Everyone;
        _ = kept.Signals;

        // Existing people, a new one, exact duplicates of stored records, records earlier than any stored and ties.
        List<ActivityRecord> firstImport;
        await using (var ctx = db.Options.CreateContext())
        {
            var copied = await ctx.ActivityRecords.AsNoTracking().Where(r => r.LocalityId == localityId && r.PersonId == people[0]).OrderBy(r => r.StartUtc).Take(3).ToListAsync();
            firstImport =
            [
                .. copied.Select((r, i) => Record(localityId, r.PersonId, r.AgencyId, r.Kind, r.StartUtc, "duplicate-" + i, r.Subtype, r.WorkerId)),
                Record(localityId, people[1], agency, ActivityKind.Assessment, new DateTime(2001, 1, 1, 9, 0, 0, DateTimeKind.Utc), "early", "Care needs"),
                Record(localityId, people[1], agency, ActivityKind.Assessment, new DateTime(2001, 2, 1, 9, 0, 0, DateTimeKind.Utc), "early-again", "Care needs"),
                Record(localityId, people[2], other, ActivityKind.Referral, copied[0].StartUtc, "tie"),
                Record(localityId, newcomer, agency, ActivityKind.Contact, new DateTime(2025, 3, 1, 9, 0, 0, DateTimeKind.Utc), "new-1"),
                Record(localityId, newcomer, other, ActivityKind.Assessment, new DateTime(2025, 3, 2, 9, 0, 0, DateTimeKind.Utc), "new-2", "Care needs"),
                Record(localityId, newcomer, agency, ActivityKind.Assessment, new DateTime(2025, 3, 3, 9, 0, 0, DateTimeKind.Utc), "new-3", "Care needs"),
                Record(localityId, newcomer, other, ActivityKind.Closure, new DateTime(2025, 3, 3, 9, 0, 0, DateTimeKind.Utc), "new-4"),
            ];
        }
        var first = await ImportAsync(db, localityId, "first.csv", firstImport);
        var extended = await ViewAsync(db, engines, localityId);
        extended.RecordsRead.ShouldBe(firstImport.Count, "only the import's records are read");
        extended.Log.DuplicateCount.ShouldBe(kept.Log.DuplicateCount + 3, "the copies count once");
        kept.Log.Count.ShouldBe(total, "the engine before stays as it was for views still using it");
        await ShouldAnswerAsAFullReadAsync(db, localityId, extended);

        // Again, on top of the extended engine, this time without its figures made first (they are made on first use).
        var second = await ImportAsync(db, localityId, "second.csv",
            [Record(localityId, people[3], agency, ActivityKind.Contact, new DateTime(2019, 6, 1, 9, 0, 0, DateTimeKind.Utc), "second-1")]);
        var again = await ViewAsync(db, engines, localityId);
        again.RecordsRead.ShouldBe(1);
        await ShouldAnswerAsAFullReadAsync(db, localityId, again);

        // Two imports with no view between: the second was added to a version no engine was kept at, so all is read.
        await ImportAsync(db, localityId, "third.csv", [Record(localityId, people[4], agency, ActivityKind.Contact, new DateTime(2019, 7, 1, 9, 0, 0, DateTimeKind.Utc), "third-1")]);
        await ImportAsync(db, localityId, "fourth.csv", [Record(localityId, people[5], agency, ActivityKind.Contact, new DateTime(2019, 8, 1, 9, 0, 0, DateTimeKind.Utc), "fourth-1")]);
        var full = await ViewAsync(db, engines, localityId);
        full.RecordsRead.ShouldBe(total + firstImport.Count + 3);
        await ShouldAnswerAsAFullReadAsync(db, localityId, full);

        // An undo removes records: everything is read again.
        await using (var ctx = db.Options.CreateContext())
        {
            await FlowStore.UndoImportAsync(ctx, localityId, first);
        }
        var undone = await ViewAsync(db, engines, localityId);
        undone.RecordsRead.ShouldBe(total + 3);
        undone.PersonNumber(newcomer).ShouldBe(-1);
        await ShouldAnswerAsAFullReadAsync(db, localityId, undone);
        second.ShouldNotBe(first);
    }

    [Fact]
    public void AReopenedLog_WithRecordsAdded_IsTheLogOneBuilderMakesOfThemAll()
    {
        // A small log of few people, agencies and instants, so that ties, exact duplicates and records earlier than
        // others are common; the records are split at a random point into "stored" and "imported".
        var record = Gen.Select(Gen.Int[0, 5], Gen.Int[0, 2], Gen.Int[1, 9], Gen.Int[0, 6], Gen.Int[0, 2], Gen.Bool);
        Gen.Select(record.Array[1, 40], Gen.Int[0, 40]).Sample((records, split) =>
        {
            split = Math.Min(split, records.Length);
            static ActivityEvent Event((int Person, int Agency, int Kind, int Day, int Worker, bool Cost) r, int i)
                => new($"p{r.Person}", null, $"agency {r.Agency}", null, r.Worker == 0 ? null : $"w{r.Worker}", (ActivityKind)r.Kind, r.Kind == 2 ? "Care" : null,
                    null, null, new DateTimeOffset(2024, 1, 1 + r.Day, 9, 0, 0, TimeSpan.Zero), null, SourceRecordId: $"r{i}", Cost: r.Cost ? 12.5m : null);
            var whole = new ActivityLogBuilder(4) { EveryRecordHasAnId = true };
            var stored = new ActivityLogBuilder(4) { EveryRecordHasAnId = true };
            for (var i = 0; i < records.Length; i++)
            {
                whole.Add(Event(records[i], i));
                if (i < split)
                {
                    stored.Add(Event(records[i], i));
                }
            }
            var before = stored.Build();
            var reopened = ActivityLogBuilder.Reopen(before, records.Length - split, everyRecordHasAnId: true);
            for (var i = split; i < records.Length; i++)
            {
                reopened.Add(Event(records[i], i));
            }
            var expected = whole.Build();
            var actual = reopened.Build();
            Describe(actual).ShouldBe(Describe(expected));
            before.Count.ShouldBe(split, "the log reopened is not changed");
        });
    }

    private static string Describe(ActivityLog log)
    {
        var analyzer = new FlowAnalyzer(log);
        var lines = new List<string> { $"{log.Count} {log.PersonCount} {log.DuplicateCount}" };
        for (var p = 0; p < log.PersonCount; p++)
        {
            lines.Add($"{log.PersonId(p)} {log.EventsOf(p)} {log.DuplicatesOf(p)} {analyzer.Person(p)}");
        }
        for (var i = 0; i < log.Count; i++)
        {
            // each record is told apart by its record id (FileOrder counts a reopened log's records in log order)
            lines.Add($"{i}: {log[i]}");
        }
        lines.AddRange(analyzer.AllSignals().Select(s => $"{s.Kind} {s.Person} {string.Join(',', s.Events)}"));
        return string.Join('\n', lines);
    }

    /// <summary>Everything the engine answers, compared with an engine read in full from the same database.</summary>
    private static async Task ShouldAnswerAsAFullReadAsync(TestDatabase db, int localityId, FlowEngine engine)
    {
        var full = await ViewAsync(db, new FlowEngines(), localityId);
        full.RecordsRead.ShouldBe(full.Log.Count);
        Answers(engine).ShouldBe(Answers(full));
    }

    /// <summary>
    /// Everything the engine answers, told apart by what each record is rather than where it stands: two records of one
    /// person at one instant (exact duplicates above all) may come in either order from a full read — PostgreSQL reads
    /// its rows in the heap's order, which vacuuming changes — and either order is one a full read could give
    /// (docs/flow-study.md). So records are compared as a set of (stored id, what it is), and a signal by its kind,
    /// person and what its records are; every figure is compared as it stands.
    /// </summary>
    private static string Answers(FlowEngine e)
    {
        var log = e.Log;
        string What(int i) => $"{e.AgencyId(i)} {log[i]} {log.Persons[i]}";
        var whatOf = Enumerable.Range(0, log.Count).ToDictionary(e.RecordId, What);
        var lines = new List<string> { $"{log.Count} {log.PersonCount} {log.DuplicateCount} {string.Join(',', e.AgencyIds.Order())}" };
        for (var p = 0; p < log.PersonCount; p++)
        {
            var id = e.PersonId(p);
            var person = e.Person(id)!;
            lines.Add($"{id} {e.PersonNumber(id)} {log.EventsOf(p)} {log.DuplicatesOf(p)} {e.Everyone[p]}");
            lines.AddRange(person.Signals.Select(s => $"  {s.Kind} {s.Description} {string.Join(" | ", s.RecordIds.Select(r => whatOf[r]).Order(StringComparer.Ordinal))}")
                .Order(StringComparer.Ordinal));
        }
        lines.AddRange(Enumerable.Range(0, log.Count).Select(i => $"{e.RecordId(i)}: {What(i)}").Order(StringComparer.Ordinal));
        lines.AddRange(e.Signals.Select(s => $"{s.Kind} {s.Person} {string.Join(" | ", s.Events.Select(What).Order(StringComparer.Ordinal))}").Order(StringComparer.Ordinal));
        foreach (var level in new[] { FlowLevel.Agency, FlowLevel.Team })
        {
            var (graph, paths) = e.HandOffsOf(level, 10);
            lines.Add($"{graph.Level} {graph.Stays} {string.Join(';', graph.Nodes)} {string.Join(';', graph.Edges)}");
            lines.AddRange(paths.Select(p => $"{string.Join('>', p.Steps)} {p.People} {p.Share}"));
        }
        foreach (var agency in e.AgencyIds.Order())
        {
            lines.Add($"{agency}: {string.Join(',', e.PeopleSeenBy(agency).Order())}");
        }
        return string.Join('\n', lines);
    }

    private static async Task<FlowEngine> ViewAsync(TestDatabase db, FlowEngines engines, int localityId)
    {
        await using var ctx = db.Options.CreateContext();
        return await engines.ForLocalityAsync(ctx, localityId);
    }

    private static async Task<Guid> ImportAsync(TestDatabase db, int localityId, string file, IEnumerable<ActivityRecord> records)
    {
        await using var ctx = db.Options.CreateContext();
        return (await FlowStore.ImportAsync(ctx, new FlowImport { LocalityId = localityId, FileName = file, SourceSystem = "test", ImportedBy = "test" }, records)).Id;
    }

    private static ActivityRecord Record(int localityId, Guid person, int agency, ActivityKind kind, DateTime start, string id, string? subtype = null, int? worker = null) => new()
    {
        LocalityId = localityId,
        PersonId = person,
        AgencyId = agency,
        Kind = kind,
        Subtype = subtype,
        WorkerId = worker,
        StartUtc = start,
        SourceSystem = "test",
        SourceRecordId = id,
    };
}
