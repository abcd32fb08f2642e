using LocalFlow.Analytics.Flow;
using LocalFlow.Analytics.Flow.Formats;
using LocalFlow.Analytics.Flow.Synthetic;
using static LocalFlow.Analytics.Tests.Flow.FlowTestLog;

namespace LocalFlow.Analytics.Tests.Flow;

/// <summary>Exact duplicate records (the same thing under another record id) are kept but counted once by every figure and signal.</summary>
public class DuplicateRecordsTests
{
    [Fact]
    public void AFileWithTwoPercentOfItsRowsDuplicated_GivesEveryFigureAndSignalOfTheDeduplicatedFile()
    {
        var generated = new ActivityLogBuilder();
        SyntheticFlowGenerator.AddTo(generated, people: 400, years: 5, seed: 11);
        var source = generated.Build();
        var random = new Random(20261206);
        var planted = Enumerable.Range(0, source.Count).Where(_ => random.Next(50) == 0).ToList();
        planted.Count.ShouldBeGreaterThan(source.Count / 100);
        planted.Count(i => source.Kind(i) == ActivityKind.Assessment).ShouldBeGreaterThan(0);

        // the clean file: every record with its own id; the dirty file: the same, then 2% of the rows again under new ids
        var clean = Read(Csv(Enumerable.Range(0, source.Count).Select(i => source[i] with { SourceRecordId = "R" + i })));
        var dirty = Read(Csv(Enumerable.Range(0, source.Count).Select(i => source[i] with { SourceRecordId = "R" + i })
            .Concat(planted.Select(i => source[i] with { SourceRecordId = "D" + i }))));

        dirty.Count.ShouldBe(clean.Count + planted.Count, "every row is kept");
        dirty.DuplicateCount.ShouldBe(clean.DuplicateCount + planted.Count);
        var a = new FlowAnalyzer(clean);
        var b = new FlowAnalyzer(dirty);
        var cleanPeople = a.AllPeople();
        var dirtyPeople = b.AllPeople();
        dirtyPeople.Sum(p => p.Duplicates).ShouldBe(dirty.DuplicateCount);
        for (var p = 0; p < cleanPeople.Length; p++)
        {
            (dirtyPeople[p] with { Duplicates = cleanPeople[p].Duplicates }).ShouldBe(cleanPeople[p]);
        }
        Signals(b, dirty).ShouldBe(Signals(a, clean));
        Signals(a, clean).Count(s => s.Kind == FlowSignalKind.RepeatedAssessment).ShouldBeGreaterThan(0);
        foreach (var level in new[] { FlowLevel.Agency, FlowLevel.Team })
        {
            HandOffs.Graph(dirty, level).Edges.ShouldBe(HandOffs.Graph(clean, level).Edges);
            HandOffs.MostCommonPaths(dirty, level).Select(x => string.Join(">", x.Steps) + x.People)
                .ShouldBe(HandOffs.MostCommonPaths(clean, level).Select(x => string.Join(">", x.Steps) + x.People));
        }
        (LogStatistics.Of(dirty) with { Duplicates = 0 }).ShouldBe(LogStatistics.Of(clean) with { Duplicates = 0 });
        CohortFigures.Of(dirtyPeople, dirty).Records.ShouldBe(CohortFigures.Of(cleanPeople, clean).Records);

        // the duplicates are kept for audit and exports: every planted id is still in the log
        var ids = Enumerable.Range(0, dirty.Count).Select(i => dirty[i].SourceRecordId).ToHashSet();
        planted.ShouldAllBe(i => ids.Contains("D" + i));
    }

    [Fact]
    public void ADuplicate_NeedsEveryPartToMatch_AndARecordId()
    {
        var sameTime = Day0.AddDays(3);
        ActivityEvent A(string id, string? worker = "W1", string? subtype = "falls") =>
            new("p", null, "Council", null, worker, ActivityKind.Assessment, subtype, null, null, sameTime, SourceRecordId: id);
        var log = Log(A("1"), A("2"), A("3", worker: "W2"), A("4", subtype: "core"), A("5") with { Agency = "NHS" },
            A("6") with { Kind = ActivityKind.Review }, A("7") with { Start = sameTime.AddMinutes(1) }, A("8") with { SourceRecordId = null });
        log.DuplicateCount.ShouldBe(1);
        var (from, to) = log.DuplicatesOf(0);
        log[from].SourceRecordId.ShouldBe("2");
        to.ShouldBe(from + 1);
        new FlowAnalyzer(log).Person(0).Records.ShouldBe(7);
        new FlowAnalyzer(log).Person(0).Duplicates.ShouldBe(1);
        log.RecordsOf(0).ShouldBe((0, 8));
    }

    private static string Csv(IEnumerable<ActivityEvent> events)
    {
        var b = new ActivityLogBuilder();
        foreach (var e in events)
        {
            b.Add(e);
        }
        var writer = new StringWriter();
        CsvActivityWriter.Write(b.Build(), writer);
        return writer.ToString();
    }

    private static ActivityLog Read(string csv)
    {
        var b = new ActivityLogBuilder();
        CsvActivityReader.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(csv)), CsvMapping.Canonical, b);
        return b.Build();
    }

    private static List<(FlowSignalKind Kind, string Person, string Records)> Signals(FlowAnalyzer analyzer, ActivityLog log)
        => [.. analyzer.AllSignals().Select(s => (s.Kind, log.PersonId(s.Person), string.Join(',', s.Events.Select(i => log[i].SourceRecordId))))];
}
