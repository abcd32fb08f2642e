using LocalFlow.Analytics.Linking;
using LocalFlow.Analytics.Linking.Synthetic;

namespace LocalFlow.Analytics.Tests.Linking;

/// <summary>Columns and values as UK agencies write them.</summary>
public class AgencyColumnsTests
{
    [Theory]
    [InlineData("patient_id", LinkField.RecordId)]
    [InlineData("person_ref", LinkField.RecordId)]
    [InlineData("MRN", LinkField.RecordId)]
    [InlineData("Tenant ID", LinkField.RecordId)]
    [InlineData("Ref", LinkField.RecordId)]
    [InlineData("full_name", LinkField.FullName)]
    [InlineData("Title", LinkField.Title)]
    [InlineData("Middle Names", LinkField.MiddleNames)]
    [InlineData("phone_no", LinkField.Phone)]
    [InlineData("Contact Number", LinkField.Phone)]
    [InlineData("Property Address", LinkField.AddressLine)]
    [InlineData("NHS No", LinkField.NhsNumber)]
    [InlineData("Email Address", LinkField.Email)]
    public void CommonHeadersOfUkSystems_AreRecognised(string header, LinkField field) => LinkCsv.DefaultField(header).ShouldBe(field);

    [Fact]
    public void PoliceExtract_NameInOneColumn_OneLineAddress_AndMonthNameDates_AreRead()
    {
        var source = LinkCsv.Read("police", new StringReader("person_ref,full_name,dob,address,phone_no\nPR1,\"QUINN, Dawn Chloe\",24-Jun-1971,\"Flat 3, 27 Church Rd, Leeds, LS6 2AB\",07700 900123\n"), requireRecordId: true);
        var r = AgencyConventions.Resolve(source.Records.Single());
        (r.RecordId, r.GivenNames, r.Surname, r.Postcode, r.HouseNumber, r.AddressLines.Single()).ShouldBe(("PR1", "Dawn Chloe", "QUINN", "LS62AB", "27F3", "Church Rd"));
        PartialDate.TryParse(r.DateOfBirth, out var dob, out var problem).ShouldBeTrue();
        (dob, problem).ShouldBe((new PartialDate(1971, 6, 24), null));
        source.Unmapped.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("QUINN, Dawn Chloe", "Dawn Chloe", "QUINN")]
    [InlineData("John Paul Smith", "John Paul", "Smith")]
    [InlineData("Mrs Dawn Quinn", "Dawn", "Quinn")]
    [InlineData("Okonkwo", "", "Okonkwo")]
    public void FullNames_InEitherOrder(string full, string given, string surname) => AgencyConventions.SplitFullName(full).ShouldBe((given, surname));

    [Fact]
    public void HousingExtract_TitleIsReadAsSex_AndMiddleNamesJoinTheGivenNames()
    {
        var source = LinkCsv.Read("housing", new StringReader("Tenant ID,Title,Forename,Middle Name,Surname,Property Address,Postcode,Tenancy Start\nT-1,Mrs,Sharon,Louise,Whitfield,\"7 Church Street, Northfield\",NF8 2EF,2019-01-01\n"), requireRecordId: true);
        var r = AgencyConventions.Resolve(source.Records.Single());
        (r.Sex, r.GivenNames, r.HouseNumber, r.AddressLines.Single()).ShouldBe(("F", "Sharon Louise", "7", "Church Street"));
        source.Unmapped.ShouldBe(["Tenancy Start"]);
        AgencyConventions.SexOfTitle("Master").ShouldBe('M');
        AgencyConventions.SexOfTitle("Dr").ShouldBe('\0');
    }

    [Fact]
    public void NoRecordIdColumn_IsRefused_NamingTheColumnsAndTheMapSyntax()
    {
        var ex = Should.Throw<LinkageInputException>(() => LinkCsv.Read("gp", new StringReader("patient number,surname,dob\n1,Khan,1980-01-01\n"), requireRecordId: true));
        ex.Message.ShouldContain("patient number, surname, dob");
        ex.Message.ShouldContain("--map \"gp:COLUMN=record-id\"");
        LinkCsv.TryParseField("full-name", out var f).ShouldBeTrue();
        f.ShouldBe(LinkField.FullName);
        LinkCsv.TryParseField("title", out f).ShouldBeTrue();
        f.ShouldBe(LinkField.Title);
    }

    [Fact]
    public void HardGenerator_FilesReadBack_ToTheRecordsItMade()
    {
        var data = LinkageDataGenerator.Generate(new SyntheticOptions { People = 400, Seed = 4, Hard = true });
        var read = HardAccuracyTests.ReadBack(data);
        read.Count.ShouldBe(data.Records.Count);
        for (var i = 0; i < read.Count; i++)
        {
            var (a, b) = (read[i], data.Records[i]);
            (a.Source, a.RecordId, a.FullName ?? "", a.GivenNames ?? "", a.Surname ?? "", a.DateOfBirth ?? "", a.Title ?? "", a.Postcode ?? "", a.Phone ?? "", a.NhsNumber ?? "")
                .ShouldBe((b.Source, b.RecordId, b.FullName ?? "", b.GivenNames ?? "", b.Surname ?? "", b.DateOfBirth ?? "", b.Title ?? "", b.Postcode ?? "", b.Phone ?? "", b.NhsNumber ?? ""));
            string.Join("|", a.AddressLines.Where(l => l.Length > 0)).ShouldBe(string.Join("|", b.AddressLines));
        }
        data.Records.Select(r => r.Source).Distinct().ShouldBe(LinkageDataGenerator.HardAgencies);
    }
}
