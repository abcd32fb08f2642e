using System.Globalization;
using System.Text.Encodings.Web;
using LocalFlow.Web.Charts;
using static LocalFlow.Web.Charts.Charts;

namespace LocalFlow.Web.Tests.Charts;

/// <summary>The capability chart's own words follow the language (issue 15): signal and phase names, its key, marks, table and summary.</summary>
public sealed class ChartWordsWelshTests
{
    [Fact]
    public void ACapabilityChart_InWelsh_NamesItsSignalsAndPhasesInWelsh()
    {
        var day = new DateOnly(2026, 11, 23);
        var points = new List<CapabilityPoint>
        {
            new(day, 10, 12, 4, 20, SignalClassification.None, 0),
            new(day.AddDays(7), 25, 12, 4, 20, SignalClassification.Concern, 0),
            new(day.AddDays(14), 6, 8, 2, 14, SignalClassification.Improvement, 1),
            new(day.AddDays(21), 7, 8, null, 14, SignalClassification.Neutral, 1),
        };
        var (culture, ui) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        string html;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = LocalFlow.Web.Infrastructure.Languages.Welsh;
            using var writer = new StringWriter(CultureInfo.InvariantCulture);
            Capability(new CapabilityChartData("Ail-atgyfeirio", "Ail-atgyfeirio bob wythnos.", points)).WriteTo(writer, HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All));
            html = System.Net.WebUtility.HtmlDecode(writer.ToString());
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, ui);
        }
        foreach (var welsh in (string[])["Arwydd: gwelliant", "Arwydd: pryder", "Arwydd: niwtral", "Cyfnod 2 (o ", ", arwydd: pryder", "Gwelliant", "Dim", "dim", "o werthoedd o", "2 o gyfnodau", "3 o bwyntiau ag arwydd"])
        {
            html.ShouldContain(welsh);
        }
        foreach (var english in (string[])["Signal:", ", signal:", "Phase ", "Improvement", "Concern", "Neutral", ">none<", "values from", "with a signal"])
        {
            html.ShouldNotContain(english, Case.Sensitive);
        }
    }

    [Fact]
    public void ADatedChart_InWelsh_NamesItsMonthsInWelsh_AndInEnglishInEnglish()
    {
        var points = Enumerable.Range(0, 10).Select(i => new CapabilityPoint(new DateOnly(2026, 3, 2).AddDays(28 * i), 10 + i, 12, 4, 20, SignalClassification.None, 0)).ToList();
        string Draw(CultureInfo language)
        {
            var (culture, ui) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
            try
            {
                CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = language;
                using var writer = new StringWriter(CultureInfo.InvariantCulture);
                Capability(new CapabilityChartData("Galw", "Galw bob mis.", points)).WriteTo(writer, HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All));
                return System.Net.WebUtility.HtmlDecode(writer.ToString());
            }
            finally
            {
                (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, ui);
            }
        }
        var welsh = Draw(LocalFlow.Web.Infrastructure.Languages.Welsh);
        foreach (var month in (string[])["Maw 2026", "Ebr 2026", "Tach 2026", "2 Maw 2026"])
        {
            welsh.ShouldContain(month);
        }
        foreach (var month in (string[])["Mar 2026", "Apr 2026", "Nov 2026"])
        {
            welsh.ShouldNotContain(month, Case.Sensitive);
        }
        var english = Draw(LocalFlow.Web.Infrastructure.Languages.English);
        english.ShouldContain("Mar 2026");
        english.ShouldContain("2 Mar 2026");
        english.ShouldNotContain("Maw 2026", Case.Sensitive);
    }
}
