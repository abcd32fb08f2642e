using LocalFlow.Analytics.Linking;
using static LocalFlow.Analytics.Tests.Linking.LinkingTestData;

namespace LocalFlow.Analytics.Tests.Linking;

public class BadInputTests
{
    [Fact]
    public void MalformedDatesAndIds_AreReportedPerRow()
    {
        var schema = new ClearTextSchema(
        [
            Person("police", "1", surname: "Khan", dob: "1980-03-04"),
            Person("police", "2", surname: "Khan", dob: "31/02/1980"),
            Person("police", "3", surname: "Khan", dob: "yesterday"),
            Person("police", "4", surname: "Khan", nhs: "9434765918"),
            Person("police", "5", surname: "Khan", dob: "1990", email: "not-an-address"),
        ]);
        schema.Issues.Select(i => (i.Row, i.Field)).ShouldBe([(2, "date of birth"), (3, "date of birth"), (4, "NHS number"), (5, "email")]);
        schema.Issues[0].Problem.ShouldContain("not a real calendar date");
        schema.Issues[2].Problem.ShouldContain("check digit");
    }

    [Theory]
    [InlineData("19800304", 1980, 3, 4)]
    [InlineData("1980-03-04", 1980, 3, 4)]
    [InlineData("04/03/1980", 1980, 3, 4)]
    [InlineData("03/1980", 1980, 3, 0)]
    [InlineData("1980", 1980, 0, 0)]
    public void Dates_InTheFormsSourcesUse_AreParsed(string text, int y, int m, int d)
    {
        PartialDate.TryParse(text, out var date, out var problem).ShouldBeTrue();
        problem.ShouldBeNull();
        date.ShouldBe(new PartialDate(y, m, d));
    }

    [Theory]
    [InlineData("12/13/14/15")]
    [InlineData("abc")]
    [InlineData("1700-01-01")]
    public void NotDates_AreRefused(string text) => PartialDate.TryParse(text, out _, out var problem).ShouldBeFalse(problem);

    [Fact]
    public void ASourceWithNoUsableIdentifier_IsRefusedWithAClearMessage()
    {
        var ex = Should.Throw<LinkageInputException>(() => new ClearTextSchema(
        [
            Person("police", "1", given: "Ann", surname: "Khan", dob: "1980-03-04"),
            Person("notes", "1", given: "Ann", postcode: "NF1 2AB"),
        ]));
        ex.Message.ShouldContain("\"notes\" has no usable identifier");
    }

    [Fact]
    public void Csv_WithNoIdentifierColumns_IsRefused_AndRaggedRowsNameTheLine()
    {
        Should.Throw<LinkageInputException>(() => LinkCsv.Read("notes", new StringReader("case,note\n1,hello\n"))).Message.ShouldContain("no usable identifier");
        Should.Throw<LinkageInputException>(() => LinkCsv.Read("p", new StringReader("id,surname\n1,Khan\n2,Ali,extra\n"))).Message.ShouldContain("line 3");
        Should.Throw<LinkageInputException>(() => LinkCsv.Read("p", new StringReader(""))).Message.ShouldContain("empty");
    }

    [Fact]
    public void Csv_MapsCommonHeaders_AndQuotedFields()
    {
        var source = LinkCsv.Read("p", new StringReader("Record ID,Forename,Last Name,DOB,Post Code,NHS No\n7,\"Mary, Ann\",\"O'Neill\",1970-01-02,NF1 2AB,943 476 5919\n"));
        var r = source.Records.Single();
        (r.RecordId, r.GivenNames, r.Surname, r.DateOfBirth, r.Postcode, r.NhsNumber).ShouldBe(("7", "Mary, Ann", "O'Neill", "1970-01-02", "NF1 2AB", "943 476 5919"));
    }
}
