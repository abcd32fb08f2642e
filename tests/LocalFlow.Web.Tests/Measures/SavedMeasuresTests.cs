using System.Net;
using System.Text.RegularExpressions;
using LocalFlow.Data;
using LocalFlow.Data.Audit;
using LocalFlow.Data.Entities;
using LocalFlow.Web.Infrastructure;
using LocalFlow.Web.Tests.Flow;
using LocalFlow.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LocalFlow.Web.Tests.Measures;

/// <summary>Saved purpose measures and their experiments (/Measures/Define, /Measures/Measure, /Measures/Experiment), against the real app and its demo.</summary>
public class SavedMeasuresTests(JudgePagesTests.App app) : IClassFixture<JudgePagesTests.App>
{
    private readonly LocalFlowApp _app = app.Factory;

    private async Task<T> WithDbAsync<T>(Func<LocalFlowDb, Task<T>> work)
    {
        using var scope = _app.Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<LocalFlowDb>());
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string page, Dictionary<string, string> form)
    {
        form["__RequestVerificationToken"] = await LocalFlowApp.AntiforgeryTokenAsync(client, page);
        return await client.PostAsync(page, new FormUrlEncodedContent(form));
    }

    private static Dictionary<string, string> Measure(string name) => new()
    {
        ["Name"] = name,
        ["Purpose"] = "People are not passed back for the same need",
        ["Owner"] = "Test owner",
        ["Level"] = "Strategic",
        ["Counts"] = "AssessmentsPerPerson",
        ["Period"] = "Month",
        ["FromDay"] = "1",
        ["FromMonth"] = "1",
        ["FromYear"] = "2025",
        ["Definition"] = "Assessments each month divided by people with a record that month",
        ["Improvement"] = "down",
    };

    [Fact]
    public async Task TheDemosMeasure_IsChartedFromTheRecords_WithTheExperimentAsAPhase_AndItsReading()
    {
        var client = await _app.ClientAsync(DemoUsers.Commissioner);
        var index = await client.GetStringAsync("/Measures");
        index.ShouldContain("Contacts into all agencies per household");
        var id = await WithDbAsync(db => db.SavedMeasures.Where(m => m.Name == "Contacts into all agencies per household").Select(m => m.Id).SingleAsync());
        var html = await client.GetStringAsync($"/Measures/Measure/{id}");
        html.ShouldContain("<svg");
        html.ShouldContain("Limits per phase");
        // The experiment starts a second phase, named after it, and is read from the signals.
        html.ShouldContain("Phase 2: Locality working");
        Regex.IsMatch(html, "data-verdict=\"(NoSignal|Improvement|Concern|Changed|TooFewBefore)\"").ShouldBeTrue();
    }

    [Fact]
    public async Task DefiningAMeasure_RefusesBadFieldsKeepingWhatWasTyped_ThenSavesAndVersionsEachEdit()
    {
        var client = await _app.ClientAsync(DemoUsers.Analyst);
        var bad = Measure("Assessments per person (test)");
        bad["Purpose"] = "";
        bad["Counts"] = "7";
        bad["FromMonth"] = "13";
        var refused = await PostAsync(client, "/Measures/Define", bad);
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await refused.Content.ReadAsStringAsync();
        html.ShouldContain("Say what purpose the measure serves");
        html.ShouldContain("Choose what the measure counts");
        html.ShouldContain("Enter the date as day, month and year");
        html.ShouldContain("value=\"Assessments per person (test)\"");
        html.ShouldContain("Assessments each month divided by people with a record that month");

        var saved = await PostAsync(client, "/Measures/Define", Measure("Assessments per person (test)"));
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var id = await WithDbAsync(db => db.SavedMeasures.Where(m => m.Name == "Assessments per person (test)").Select(m => m.Id).SingleAsync());
        saved.Headers.Location!.ToString().ShouldBe($"/Measures/Measure/{id}");
        (await client.GetStringAsync($"/Measures/Measure/{id}")).ShouldContain("Limits per phase");

        var same = await PostAsync(client, "/Measures/Define", Measure("Assessments per person (test)"));
        (await same.Content.ReadAsStringAsync()).ShouldContain("There is already a measure called");

        var edit = Measure("Assessments per person (test)");
        edit["Period"] = "Quarter";
        (await PostAsync(client, $"/Measures/Define?id={id}", edit)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var stored = await WithDbAsync(db => db.SavedMeasures.AsNoTracking().SingleAsync(m => m.Id == id));
        stored.Version.ShouldBe(2);
        stored.Period.ShouldBe(LocalFlow.Analytics.Measures.MeasurePeriod.Quarter);
        var audit = await WithDbAsync(db => db.AuditEvents.Where(a => a.EventType == AuditEventType.ReferenceDataChanged && a.EntityType == nameof(SavedMeasure) && a.EntityId == id.ToString()).Select(a => a.Detail).ToListAsync());
        audit.Count.ShouldBe(2);
        audit.ShouldContain(d => d!.Contains("version 2") && d.Contains("per Month") && d.Contains("per Quarter"));
    }

    [Fact]
    public async Task AnExperiment_AddsAPhaseToTheChart_AndBadDatesAreRefused()
    {
        var client = await _app.ClientAsync(DemoUsers.Study);
        (await PostAsync(client, "/Measures/Define", Measure("Assessments for experiments (test)"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var id = await WithDbAsync(db => db.SavedMeasures.Where(m => m.Name == "Assessments for experiments (test)").Select(m => m.Id).SingleAsync());
        var phasesBefore = Regex.Count(await client.GetStringAsync($"/Measures/Measure/{id}"), "<td class=\"govuk-table__cell\">\\d+, from ");

        var page = $"/Measures/Experiment?measure={id}";
        var future = await PostAsync(client, page, new() { ["Change"] = "Assessments done once and shared", ["ForWhom"] = "Everyone", ["StartedOnDay"] = "1", ["StartedOnMonth"] = "1", ["StartedOnYear"] = "2999" });
        var html = await future.Content.ReadAsStringAsync();
        html.ShouldContain("must be today or in the past");
        html.ShouldContain("Assessments done once and shared");

        var started = await WithDbAsync(db => Task.FromResult(DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(-6)));
        var ok = await PostAsync(client, page, new()
        {
            ["Change"] = "Assessments done once and shared",
            ["ForWhom"] = "Everyone",
            ["StartedOnDay"] = "1",
            ["StartedOnMonth"] = started.Month.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["StartedOnYear"] = started.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        ok.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var after = await client.GetStringAsync($"/Measures/Measure/{id}");
        Regex.Count(after, "<td class=\"govuk-table__cell\">\\d+, from ").ShouldBe(phasesBefore + 1);
        after.ShouldContain("Phase 2: Assessments done once and shared");
        (await WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.EntityType == nameof(Experiment) && a.UserName == "study"))).ShouldBeTrue();
    }

    [Fact]
    public async Task PopulationCurves_ShowTheLocalityWideMeasures_WithAPhaseWhereLocalityWorkingBegan_AndWhetherEachHasTurned()
    {
        var locality = await WithDbAsync(db => db.SavedMeasures.Where(m => m.Name == "Contacts into all agencies per household").Select(m => m.LocalityId).SingleAsync());
        var began = await WithDbAsync(db => db.Supports.Where(s => s.LocalityId == locality).MinAsync(s => (DateOnly?)s.StartedOn));
        began.ShouldNotBeNull();
        var expected = await WithDbAsync(db => db.SavedMeasures.Where(m => m.LocalityId == locality && m.Level != MeasureLevel.Individual).Select(m => m.Id).ToListAsync());
        var individual = await WithDbAsync(db => db.SavedMeasures.Where(m => m.LocalityId == locality && m.Level == MeasureLevel.Individual).Select(m => m.Id).ToListAsync());
        expected.Count.ShouldBeGreaterThanOrEqualTo(3);
        individual.ShouldNotBeEmpty();

        var client = await _app.ClientAsync(DemoUsers.Commissioner);
        (await client.GetStringAsync("/Measures")).ShouldContain("href=\"/Measures/Population\"");
        var html = await client.GetStringAsync("/Measures/Population");
        html.ShouldContain(Gov.Date(began.Value));
        foreach (var id in expected)
        {
            html.ShouldContain($"id=\"curve-{id}-heading\"");
            html.ShouldContain($"id=\"curve-{id}-phase-limits\"");
        }
        foreach (var id in individual)
        {
            html.ShouldNotContain($"id=\"curve-{id}-heading\"");
        }
        Regex.Count(html, "data-turn=\"(Improvement|Concern|Changed|NoSignal|TooFewBefore|NoValuesAfter)\"").ShouldBe(expected.Count);
        html.ShouldContain("Before locality working");
        html.ShouldContain("Locality working");
        Regex.Count(html, "<svg").ShouldBeGreaterThanOrEqualTo(expected.Count);
        // every chart and table has its own id on the one page
        var ids = Regex.Matches(html, "id=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        ids.Count.ShouldBe(ids.Distinct().Count());
    }

    [Fact]
    public async Task TheReport_ShowsTheSameFiguresAsPageAsPdfAndAsCsv_WithThePictureAndEconomicsOnlyForThoseWhoMaySeeThem()
    {
        var client = await _app.ClientAsync(DemoUsers.Commissioner);
        var curves = await client.GetStringAsync("/Measures/Population");
        var html = await client.GetStringAsync("/Measures/Report");
        html.ShouldContain("id=\"report-curves\"");
        html.ShouldContain("id=\"report-tiers\"");
        html.ShouldContain("Assumptions");
        var turns = Regex.Matches(curves, "data-turn=\"[^\"]+\">([^<]+)<").Select(m => m.Groups[1].Value).ToList();
        turns.ShouldNotBeEmpty();

        var csv = await client.GetAsync("/Measures/Report?handler=Csv");
        csv.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines.Where(l => l.Contains(",Has the curve turned?,", StringComparison.Ordinal)).Select(l => l[(l.LastIndexOf(',') + 1)..]).ShouldBe(turns);
        lines.ShouldContain(l => l.StartsWith("Tiers,Households by tier,", StringComparison.Ordinal));

        var pdf = await client.GetAsync("/Measures/Report?handler=Pdf");
        pdf.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        using var doc = PdfSharp.Pdf.IO.PdfReader.Open(await pdf.Content.ReadAsStreamAsync(), PdfSharp.Pdf.IO.PdfDocumentOpenMode.Import);
        doc.PageCount.ShouldBeGreaterThanOrEqualTo(2);
        doc.Info.Title.ShouldEndWith(": locality measures report");

        // the picture and the economics are in it for a commissioner, with the Economics page's own figures
        html.ShouldContain("id=\"report-picture\"");
        html.ShouldContain("id=\"report-flags\"");
        html.ShouldContain("An estimate, not a finding");
        var all = Regex.Match(html, "id=\"report-economics\".*?All agencies</th>\\s*<td class=\"govuk-table__cell\">([^<]+)</td>\\s*<td class=\"govuk-table__cell\">([^<]+)</td>", RegexOptions.Singleline);
        all.Success.ShouldBeTrue("the report has the cost by agency, before and after");
        var economics = await client.GetStringAsync("/Economics");
        economics.ShouldContain($"<strong>{all.Groups[1].Value}</strong>");
        economics.ShouldContain($"<strong>{all.Groups[2].Value}</strong>");
        lines.ShouldContain(l => l.StartsWith("Economics,\"Cost by agency, before and after", StringComparison.Ordinal));

        // the study team may see neither the locality picture nor the economics, so its report has neither
        var study = await _app.ClientAsync(DemoUsers.Study);
        var theirs = await study.GetStringAsync("/Measures/Report");
        theirs.ShouldNotContain("id=\"report-tiers\"");
        theirs.ShouldNotContain("id=\"report-picture\"");
        theirs.ShouldNotContain("id=\"report-economics\"");
    }
}
