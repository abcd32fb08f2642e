using LocalFlow.Analytics.Locality;
using LocalFlow.Analytics.Measures;
using LocalFlow.Data.Entities;
using LocalFlow.Data.Measures;
using LocalFlow.Web.Pages.Measures;

namespace LocalFlow.Web.Tests.Measures;

/// <summary>The report's text from given figures: what is withheld and rounded, and that the CSV says what the tables say.</summary>
public class MeasuresReportTests
{
    private static readonly SavedMeasure Contacts = new()
    {
        Id = 7,
        Name = "Contacts per household",
        Purpose = "p",
        Owner = "Team leader",
        Definition = "d",
        Level = MeasureLevel.Geography,
        Counts = MeasureCount.ContactsPerHousehold,
        Period = MeasurePeriod.Month,
        Improvement = ImprovementDirection.LowerIsBetter,
    };

    private static PopulationCurves Curves()
    {
        MeasurePoint[] points = [new(new(2026, 1, 1), 2, 7), new(new(2026, 2, 1), 3, 12), new(new(2026, 3, 1), 1, 30)];
        var curve = PopulationCurve.Of(points, new DateOnly(2026, 3, 1), PurposeMeasures.ChartOptions(Contacts.Counts, Contacts.Improvement));
        return new PopulationCurves(new DateOnly(2026, 3, 1), new DateOnly(2026, 4, 2), [new MeasureCurve(Contacts, curve, 4, 1)]);
    }

    [Fact]
    public void Report_RoundsHouseholdsAndWithholdsSmallTiers_UnlessExact()
    {
        var tiers = new TierCounts("All", 30, 3, 12);
        var rounded = MeasuresReport.Of("Northfield", new DateOnly(2026, 4, 2), Curves(), tiers, exact: false);
        var curve = rounded.Sections.SelectMany(s => s.Tables).Single(t => t.Id == "curve-7");
        curve.Rows.Select(r => r[2]).ShouldBe(["5", "10", "30"]);
        curve.Rows.Select(r => r[3]).ShouldBe(["Before locality working", "Before locality working", "Locality working"]);
        rounded.Sections.Single(s => s.Heading == "Population curves").Paragraphs.ShouldContain("Contacts per household: 1 period of 4 describes fewer than 5 households, so it is left out.");
        var tierRows = rounded.Sections.SelectMany(s => s.Tables).Single(t => t.Id == "tiers").Rows;
        tierRows.Select(r => r[1]).ShouldBe(["30", "fewer than 5", "10"]);
        tierRows[0][2].ShouldBe("75%"); // shares from the shown counts: 30 of 40

        var exact = MeasuresReport.Of("Northfield", new DateOnly(2026, 4, 2), Curves(), tiers, exact: true);
        exact.Sections.SelectMany(s => s.Tables).Single(t => t.Id == "curve-7").Rows.Select(r => r[2]).ShouldBe(["7", "12", "30"]);
        exact.Sections.SelectMany(s => s.Tables).Single(t => t.Id == "tiers").Rows.Select(r => r[1]).ShouldBe(["30", "3", "12"]);
        MeasuresReport.Of("Northfield", new DateOnly(2026, 4, 2), Curves(), null, exact: true).Sections.ShouldNotContain(s => s.Heading == "Tiers");
    }

    [Fact]
    public void Csv_HasOneLinePerCellOfEveryTable()
    {
        var report = MeasuresReport.Of("Northfield", new DateOnly(2026, 4, 2), Curves(), new TierCounts("All", 30, 3, 12), exact: true);
        var lines = report.Csv().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe("section,table,row,column,value");
        var cells = report.Sections.SelectMany(s => s.Tables).Sum(t => t.Rows.Count * (t.Columns.Count - 1));
        lines.Length.ShouldBe(cells + 1);
        lines.ShouldContain("Population curves,Contacts per household: each month,2026-02-01,Households,12");
        lines.ShouldContain("Tiers,Households by tier,I could go either way,Households,3");
    }

    [Fact]
    public void Pdf_IsADocumentWithTheReportsTitle()
    {
        var report = MeasuresReport.Of("Northfield", new DateOnly(2026, 4, 2), Curves(), null, exact: true);
        var bytes = ReportPdf.Write(report, new DateTimeOffset(2026, 4, 2, 9, 0, 0, TimeSpan.Zero));
        System.Text.Encoding.ASCII.GetString(bytes, 0, 5).ShouldBe("%PDF-");
        using var doc = PdfSharp.Pdf.IO.PdfReader.Open(new MemoryStream(bytes), PdfSharp.Pdf.IO.PdfDocumentOpenMode.Import);
        doc.PageCount.ShouldBe(1);
        doc.Info.Title.ShouldBe("Northfield: locality measures report");
    }
}
