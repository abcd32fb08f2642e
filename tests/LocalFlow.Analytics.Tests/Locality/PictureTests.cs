using LocalFlow.Analytics.Flow;
using LocalFlow.Analytics.Locality;

namespace LocalFlow.Analytics.Tests.Locality;

public class PictureTests
{
    private static readonly DateOnly Day = new(2026, 3, 2);

    private static FlagRecord Police(int h, string text = "Attended", ActivityKind kind = ActivityKind.EmergencyResponse) => new(h, "Northshire Police", "Police", "Police", "Response", kind, null, text, Day);
    private static FlagRecord Rent(int h) => new(h, "Northfield Homes", "Housing", "HousingProvider", "Income and rent", ActivityKind.Contact, null, "Rent arrears call", Day);
    private static FlagRecord Gp(int h) => new(h, "Northfield Medical Practice", "GP", "GpPractice", "GPs", ActivityKind.Contact, null, "Cough", Day);
    private static FlagRecord School(int h) => new(h, "Northfield Academy", "School", "School", "Attendance", ActivityKind.Document, "Attendance letter", "Letter", Day);

    private static readonly FlagRule[] Rules =
    [
        new("Crime", "police", null, ActivityKind.EmergencyResponse, null),
        new("Rent arrears", null, "income and RENT", null, null),
        new("Violence or abuse", null, null, null, "abuse"),
        new("School attendance", "School", null, null, "attendance"),
    ];

    [Fact]
    public void Flag_RaisesEachFlagOncePerHousehold_AndCountsDemandAndAgencies()
    {
        // Household 0: two police attendances (one says abuse) and rent arrears → Crime, Rent arrears, Violence; 3 records, 2 agencies.
        // Household 1: a GP contact and a police call (a contact, not an attendance) → no flags; 2 records, 2 agencies.
        // Household 2: nothing.  Household 3: a school attendance letter (its type matches) → 1 flag.
        var flags = Picture.Flag([Police(0), Police(0, "999 call: domestic abuse"), Rent(0), Gp(1), Police(1, "Call", ActivityKind.Contact), School(3)], Rules, 4);

        flags[0].Flags.ShouldBe([0, 1, 2]);
        flags[0].FlagRecords.ShouldBe(3);
        flags[0].Records.ShouldBe(3);
        flags[0].Agencies.ShouldBe(2);
        flags[1].Flags.ShouldBeEmpty();
        flags[1].Records.ShouldBe(2);
        flags[1].Agencies.ShouldBe(2);
        flags[2].Records.ShouldBe(0);
        flags[2].Agencies.ShouldBe(0);
        flags[3].Flags.ShouldBe([3]);
    }

    [Fact]
    public void Flag_CountsOnlyRecordsInsideThePeriod()
    {
        var late = Police(0) with { On = Day.AddDays(10) };
        var flags = Picture.Flag([Police(0), late, Rent(0) with { On = Day.AddDays(-1) }], Rules, 1, since: Day, until: Day.AddDays(10));
        flags[0].Records.ShouldBe(1);
        flags[0].Flags.ShouldBe([0]);
    }

    [Fact]
    public void ByArea_AddsUpHouseholdsFlagsAndSeveralServices_BusiestFirst()
    {
        var households = new List<HouseholdFlags>
        {
            new(0, [0, 1], 2, 5, 3),
            new(1, [], 0, 1, 1),
            new(2, [1], 1, 2, 2),
            new(3, [0], 1, 9, 4),
        };
        var areas = Picture.ByArea(households, ["Mill Road", "Mill Road", "Oak Lane", null], Rules.Length);

        areas.Count.ShouldBe(2);
        areas[0].ShouldBe(new AreaPicture("Mill Road", 2, 1, 2, 6, 1, areas[0].FlagCounts));
        areas[0].FlagCounts.ShouldBe([1, 1, 0, 0]);
        areas[1].Area.ShouldBe("Oak Lane");
        areas[1].Flags.ShouldBe(1);
        areas[1].SeveralServices.ShouldBe(0);
        Picture.OnSeveralServices(households).ShouldBe(2);
    }

    [Fact]
    public void Frequencies_CountHouseholds_MostFirst()
    {
        var households = new List<HouseholdFlags> { new(0, [0, 1], 2, 2, 1), new(1, [1], 1, 1, 1), new(2, [], 0, 0, 0) };
        Picture.FlagFrequencies(households, Rules).ShouldBe([new Frequency("Rent arrears", 2, 2), new Frequency("Crime", 1, 1)]);

        var said = Picture.MostFrequent([(0, "I want to feel safe"), (0, "i want to feel safe "), (1, "I want to feel safe"), (1, "Money"), (2, "  ")]);
        said.ShouldBe([new Frequency("I want to feel safe", 2, 3), new Frequency("Money", 1, 1)]);
    }

    [Fact]
    public void DemandConcentration_OneHouseholdOfFourWithHalfTheRecords()
    {
        // Records 6, 2, 2, 2: the busiest quarter of households has half of the 12 records.
        var households = new List<HouseholdFlags> { new(0, [], 0, 2, 1), new(1, [], 0, 6, 1), new(2, [], 0, 2, 1), new(3, [], 0, 2, 1) };
        var c = Picture.DemandConcentration(households);
        c.ShareForHalf.ShouldBe(0.25);
        c.Curve[1].TotalShare.ShouldBe(0.5);
    }

    [Fact]
    public void DefaultRules_FlagTheSeedsIssues()
    {
        var admission = new FlagRecord(0, "Northfield and District NHS Trust", "NHS Trust", "NhsTrust", "Acute medical unit", ActivityKind.Admission, null, "Emergency admission", Day);
        var mash = new FlagRecord(0, "Northfield Borough Council", "Council", "Council", "Children's front door (MASH)", ActivityKind.Assessment, "MASH screening", "Screening", Day);
        var flags = Picture.Flag([admission, mash, Rent(0)], Picture.DefaultRules, 1);
        flags[0].Flags.Select(f => Picture.DefaultRules[f].Name).ShouldBe(["Referral to children's services", "Rent arrears", "Hospital admission"]);
    }
}
