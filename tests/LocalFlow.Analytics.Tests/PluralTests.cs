namespace LocalFlow.Analytics.Tests;

public class PluralTests
{
    [Theory]
    [InlineData(0, "0 demands")]
    [InlineData(1, "1 demand")]
    [InlineData(2, "2 demands")]
    [InlineData(12345, "12,345 demands")]
    public void Of_UsesTheSingularOnlyForOne_WithThousandsSeparators(long count, string expected) => Plural.Of(count, "demand").ShouldBe(expected);

    [Fact]
    public void Of_TakesAnIrregularPlural()
    {
        Plural.Of(1, "person", "people").ShouldBe("1 person");
        Plural.Of(3, "person", "people").ShouldBe("3 people");
        Plural.Word(1, "is", "are").ShouldBe("is");
        Plural.Word(0, "is", "are").ShouldBe("are");
    }
}
