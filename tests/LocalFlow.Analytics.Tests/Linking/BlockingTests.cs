using LocalFlow.Analytics.Linking;
using static LocalFlow.Analytics.Tests.Linking.LinkingTestData;

namespace LocalFlow.Analytics.Tests.Linking;

/// <summary>Placeholders, oversized blocks and the pair budget.</summary>
public class BlockingTests
{
    [Fact]
    public void PlaceholderDatesAndPostcodes_AreUnknown_NeverAgreement()
    {
        var levels = Levels(Person("police", "1", "Dawn", "Quinn", "01/01/1900", "ZZ99 3VZ"), Person("gp", "1", "Ryan", "Quinn", "1900-01-01", "ZZ99 3VZ"));
        levels[ClearTextSchema.DateOfBirth].ShouldBe(LinkageSchema.Unknown);
        levels[ClearTextSchema.Address].ShouldBe(LinkageSchema.Unknown);
        var nfa = AgencyConventions.Resolve(Person("police", "2", "Dawn", "Quinn", address: "NFA"));
        nfa.AddressLines.ShouldBeEmpty();
    }

    [Fact]
    public void OversizedBlock_IsComparedInAWindow_AndSaysSo_NeverStopping()
    {
        // Three hundred residents of one tower block, all with the placeholder-free birthday 1 March 1980.
        var records = Enumerable.Range(0, 300).Select(i => Person(i % 2 == 0 ? "gp" : "council", $"R{i}", $"Given{(char)('A' + (i % 26))}{i}", $"Surname{i / 2}", "1980-03-01", "NF1 1AA", $"Flat {i}, 1 Tower Road")).ToList();
        var schema = new ClearTextSchema(records);
        var full = CandidatePairs.Build(schema, 2000, true);
        var windowed = CandidatePairs.Build(schema, 100, true, window: 10);
        full.Notes.ShouldBeEmpty();
        windowed.Count.ShouldBeLessThan(full.Count / 5);
        windowed.Notes.ShouldContain(n => n.Contains("date of birth", StringComparison.Ordinal) && n.Contains("window of 10", StringComparison.Ordinal));
        windowed.Packed.Distinct().Count().ShouldBe(windowed.Count);
    }

    [Fact]
    public void PairBudget_IsRespected_ByShrinkingTheBlocks()
    {
        var records = Enumerable.Range(0, 400).Select(i => Person("gp", $"R{i}", "Sam", $"Lee{i % 3}", "1980-03-01", "NF1 1AA", $"Flat {i}, 1 Tower Road")).ToList();
        var schema = new ClearTextSchema(records);
        var pairs = CandidatePairs.Build(schema, 2000, true, pairBudget: 5000);
        pairs.Count.ShouldBeLessThanOrEqualTo(5000);
        pairs.Notes.ShouldContain(n => n.Contains("budget of 5,000", StringComparison.Ordinal));
        var result = Linker.Run(schema, new LinkageOptions { Model = Model, PairBudget = 5000 });
        result.Pairs.Count.ShouldBeLessThanOrEqualTo(5000);
    }
}
