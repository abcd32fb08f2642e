using System.Net;
using System.Text.RegularExpressions;
using LocalFlow.Analytics.Flow;
using LocalFlow.Data;
using LocalFlow.Data.Audit;
using LocalFlow.Data.Flow;
using LocalFlow.Web.Infrastructure;
using LocalFlow.Web.Pages.Flow;
using LocalFlow.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LocalFlow.Web.Tests.Flow;

/// <summary>
/// The flow study's cohort, hand-offs and signals pages against the demo: every figure on a page is checked against
/// the engine run over the same stored records here, never against a number written in the test.
/// </summary>
public partial class FlowViewsTests(FlowViewsTests.App app) : IClassFixture<FlowViewsTests.App>
{
    public sealed class App : IDisposable
    {
        public LocalFlowApp Factory { get; } = new(households: 120);

        public void Dispose() => Factory.Dispose();
    }

    private readonly LocalFlowApp _app = app.Factory;

    private async Task<T> WithDbAsync<T>(Func<LocalFlowDb, Task<T>> work)
    {
        using var scope = _app.Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<LocalFlowDb>());
    }

    /// <summary>The engine over the demo locality's stored records, and the people hidden from users who may not see restricted records.</summary>
    private Task<(FlowEngine Flow, PersonFigures[] Everyone, HashSet<Guid> Restricted, List<Guid> Stories)> EngineAsync() => WithDbAsync(async db =>
    {
        var stories = (await FlowQueries.CaseHistoriesAsync(db)).Select(s => s.PersonId).ToList();
        var locality = await db.People.Where(p => p.Id == stories[0]).Select(p => p.LocalityId).SingleAsync();
        // a fresh engine of the test's own, read from the database, not the app's cached one
        var flow = await new FlowEngines().ForLocalityAsync(db, locality);
        var restricted = (await db.People.Where(p => p.Restricted || (p.Household != null && p.Household.Restricted)).Select(p => p.Id).ToListAsync()).ToHashSet();
        return (flow, flow.Everyone, restricted, stories);
    });

    private static string Text(string html) => WebUtility.HtmlDecode(html);

    private static string Cell(string html, string attribute, string key)
    {
        var m = Regex.Match(html, $"{attribute}=\"{Regex.Escape(key)}\">([^<]*)<");
        m.Success.ShouldBeTrue($"the page should have a cell {attribute}=\"{key}\"");
        return WebUtility.HtmlDecode(m.Groups[1].Value);
    }

    private static int PeopleOf(string html) => int.Parse(Cell(html, "data-count", "people").Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Cohort_ShowsTheEnginesTotals_SentenceAndSpreads_ForEveryone()
    {
        var (flow, everyone, _, _) = await EngineAsync();
        var exact = CohortFigures.Of(everyone, flow.Log);
        // An analyst may not see people: every figure is the engine's through the small-number rule.
        var totals = LocalFlow.Analytics.Disclosure.Of(exact);
        var client = await _app.ClientAsync(DemoUsers.Analyst);

        var html = await client.GetStringAsync("/Flow/Cohort");

        Text(html).ShouldContain(FlowSentence.Of(totals));
        PeopleOf(html).ShouldBe((int)LocalFlow.Analytics.Disclosure.Count(everyone.Length)!.Value);
        Cell(html, "data-count", "records").ShouldBe(Gov.Number(totals.Records));
        Cell(html, "data-count", "assessments").ShouldBe(Gov.Number(totals.Assessments));
        Cell(html, "data-count", "repeated-assessments").ShouldBe(Gov.Number(totals.RepeatedAssessments));
        Cell(html, "data-count", "referrals").ShouldBe(Gov.Number(totals.Referrals));
        Cell(html, "data-count", "cycles").ShouldBe(Gov.Number(totals.AssessDoReferCycles));
        Cell(html, "data-count", "re-entries").ShouldBe(Gov.Number(totals.ReEntries));
        Cell(html, "data-count", "hospital-days").ShouldBe(Gov.Number(totals.HospitalDays));
        Cell(html, "data-count", "admissions").ShouldBe(Gov.Number(totals.HospitalAdmissions));
        Cell(html, "data-count", "cost").ShouldBe(Gov.Money(totals.Cost, whole: true));
        Cell(html, "data-median", "records").ShouldBe(Gov.Number(exact.RecordsPerPerson.Median));
        // "The most" is what at least five people reached, not the busiest person's own count.
        Cell(html, "data-max", "records").ShouldBe(Gov.Number(LocalFlow.Analytics.Disclosure.Most([.. everyone.Select(p => (double)p.Records)])));
        Cell(html, "data-max", "records").ShouldNotBe(Gov.Number(exact.RecordsPerPerson.Max));
        Cell(html, "data-max", "agencies").ShouldBe(Gov.Number(LocalFlow.Analytics.Disclosure.Most([.. everyone.Select(p => (double)p.Agencies)])));
        html.ShouldContain("id=\"cohort-rounded\"");

        // The study team sees the exact figures.
        var study = await (await _app.ClientAsync(DemoUsers.Study)).GetStringAsync("/Flow/Cohort");
        PeopleOf(study).ShouldBe(everyone.Length);
        Cell(study, "data-count", "records").ShouldBe(Gov.Number(exact.Records));
        Cell(study, "data-max", "records").ShouldBe(Gov.Number(exact.RecordsPerPerson.Max));
        study.ShouldNotContain("id=\"cohort-rounded\"");

        // Each count's spread is a histogram with a title, a description and its data table, and the table's
        // bins add up to everyone.
        var met = everyone.Count(p => p.DaysToNeedMet is not null);
        foreach (var id in new[] { "records", "agencies", "workers", "assessments", "repeated-assessments", "referrals", "cycles", "re-entries", "hospital-days", "cost", "need-met" })
        {
            if (id == "need-met" && met == 0)
            {
                // The demo's records never say a need was met: the chart says so instead of drawing nothing.
                html.ShouldContain("id=\"spread-need-met-empty\"");
                continue;
            }
            html.ShouldContain($"<figure class=\"lf-chart lf-chart--histogram\" id=\"spread-{id}\">");
            html.ShouldContain($"<title id=\"spread-{id}-title\">");
            html.ShouldContain($"<desc id=\"spread-{id}-desc\">");
            html.ShouldContain($"id=\"spread-{id}-table\"");
        }
        // The study team's bins add up to everyone; an analyst's are each rounded to 5 or "fewer than 5".
        var recordsTable = Regex.Match(study, "id=\"spread-records-table\".*?</table>", RegexOptions.Singleline).Value;
        Regex.Matches(recordsTable, "govuk-table__cell--numeric\">([0-9,]+)<").Sum(m => int.Parse(m.Groups[1].Value.Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture))
            .ShouldBe(everyone.Length);
        AssertSmallNumbers(html);
        if (met > 0 && met < everyone.Length)
        {
            Text(study).ShouldContain($"Need never recorded as met</th><td class=\"govuk-table__cell govuk-table__cell--numeric\">{Gov.Number(everyone.Length - met)}<");
        }

        // Analysts see counts, never names.
        html.ShouldNotContain("/Flow/Person/");
        html.ShouldContain("named only to the study team and data officers");
    }

    [Fact]
    public async Task Cohort_Filters_ChooseThePeopleTheCliWould()
    {
        var (flow, everyone, _, stories) = await EngineAsync();
        var police = await WithDbAsync(db => db.Agencies.Where(a => a.ShortName == "Police").Select(a => a.Id).SingleAsync());
        var policePeople = flow.PeopleSeenBy(police);
        var client = await _app.ClientAsync(DemoUsers.Study);

        var byPolice = await client.GetStringAsync($"/Flow/Cohort?agency={police}&hospital=true");
        var expected = everyone.Where(p => policePeople.Contains(p.Person) && p.HospitalAdmissions > 0).ToList();
        expected.ShouldNotBeEmpty();
        PeopleOf(byPolice).ShouldBe(expected.Count);
        Cell(byPolice, "data-count", "records").ShouldBe(Gov.Number(expected.Sum(p => p.Records)));
        Text(byPolice).ShouldContain("people with a record from Police, admitted to hospital");

        var many = everyone.OrderByDescending(p => p.Records).ElementAt(Math.Min(3, everyone.Length - 1)).Records;
        PeopleOf(await client.GetStringAsync($"/Flow/Cohort?minRecords={many}")).ShouldBe(everyone.Count(p => p.Records >= many));

        var pingPong = flow.Signals.Where(s => s.Kind == FlowSignalKind.ReferralPingPong).Select(s => s.Person).ToHashSet();
        PeopleOf(await client.GetStringAsync("/Flow/Cohort?signal=ReferralPingPong")).ShouldBe(pingPong.Count);

        var storyHtml = await client.GetStringAsync("/Flow/Cohort?stories=true");
        PeopleOf(storyHtml).ShouldBe(stories.Count);
        var storyRecords = await WithDbAsync(db => db.ActivityRecords.CountAsync(r => stories.Contains(r.PersonId)));
        Cell(storyHtml, "data-count", "records").ShouldBe(Gov.Number(storyRecords));
        foreach (var id in stories)
        {
            storyHtml.ShouldContain($"href=\"/Flow/Person/{id}\"");
        }

        var bad = await client.GetStringAsync("/Flow/Cohort?minRecords=lots");
        bad.ShouldContain("There is a problem");
        Text(bad).ShouldContain("Enter the least number of records as a whole number");
        PeopleOf(bad).ShouldBe(everyone.Length);
    }

    [Fact]
    public async Task ACohortOfFewerThanFive_IsWithheldFromThoseWhoMayNotSeePeople_ButNotFromTheStudyTeam()
    {
        var (_, everyone, _, _) = await EngineAsync();
        // The busiest two people: a cohort that could pick one of them out.
        var many = everyone.OrderByDescending(p => p.Records).ElementAt(1).Records;
        var few = everyone.Count(p => p.Records >= many);
        few.ShouldBeLessThan(LocalFlow.Web.Pages.Flow.FlowAccess.SmallestCohortShown);

        var analyst = await _app.ClientAsync(DemoUsers.Analyst);
        var cohort = await analyst.GetStringAsync($"/Flow/Cohort?minRecords={many}");
        cohort.ShouldContain("id=\"cohort-withheld\"");
        cohort.ShouldNotContain("data-count");
        cohort.ShouldNotContain("<svg");
        var map = await analyst.GetStringAsync($"/Flow/Handoffs?minRecords={many}");
        map.ShouldContain("id=\"cohort-withheld\"");
        map.ShouldNotContain("id=\"handoff-map\"");
        // A cohort of five or more is shown to analysts as before.
        var wide = everyone.OrderByDescending(p => p.Records).ElementAt(LocalFlow.Web.Pages.Flow.FlowAccess.SmallestCohortShown + 2).Records;
        (await analyst.GetStringAsync($"/Flow/Cohort?minRecords={wide}")).ShouldNotContain("cohort-withheld");

        var study = await _app.ClientAsync(DemoUsers.Study);
        PeopleOf(await study.GetStringAsync($"/Flow/Cohort?minRecords={many}")).ShouldBe(few);
    }

    [Fact]
    public async Task Cohort_ListsThePeopleWithMostRecords_HidingRestrictedPeople_AndAuditsTheList()
    {
        var (flow, everyone, restricted, stories) = await EngineAsync();
        // The busiest person outside the case histories, restricted for this test.
        var busiest = everyone.Select(p => (Id: flow.PersonId(p.Person), p.Records)).Where(p => !stories.Contains(p.Id) && !restricted.Contains(p.Id))
            .OrderByDescending(p => p.Records).First().Id;
        await SetRestrictedAsync(busiest, true);
        try
        {
            var client = await _app.ClientAsync(DemoUsers.Study);
            var html = await client.GetStringAsync("/Flow/Cohort");
            html.ShouldNotContain(busiest.ToString());
            var hiddenCount = everyone.Count(p => restricted.Contains(flow.PersonId(p.Person))) + 1;
            Text(html).ShouldContain($"{Gov.Number(hiddenCount)} hidden:");
            var listed = Regex.Matches(Regex.Match(html, "id=\"cohort-people\".*?</table>", RegexOptions.Singleline).Value, "href=\"/Flow/Person/([0-9a-f-]+)\"").Select(m => Guid.Parse(m.Groups[1].Value)).ToList();
            var expected = everyone.Select(p => (Id: flow.PersonId(p.Person), p.Records, Key: p.PersonId)).Where(p => p.Id != busiest && !restricted.Contains(p.Id))
                .OrderByDescending(p => p.Records).ThenBy(p => p.Key, StringComparer.Ordinal).Take(CohortModel.MostRecordsShown).Select(p => p.Id).ToList();
            listed.ShouldBe(expected);
            (await WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.EventType == AuditEventType.PersonalDataListed && a.UserName == "study" && a.Detail!.StartsWith("Flow cohort")))).ShouldBeTrue();
        }
        finally
        {
            await SetRestrictedAsync(busiest, false);
        }
    }

    [Fact]
    public async Task Handoffs_MapAndTable_AreTheEnginesGraph_AtBothLevels()
    {
        var (flow, _, _, stories) = await EngineAsync();
        var client = await _app.ClientAsync(DemoUsers.Commissioner);

        var html = await client.GetStringAsync("/Flow/Handoffs");
        // A commissioner may not see people: arrows of fewer than five people are left out, the rest rounded.
        var (graph, leftOut) = LocalFlow.Analytics.Disclosure.Of(HandOffs.Graph(flow.Log, FlowLevel.Agency));
        Text(html).ShouldContain($"({LocalFlow.Analytics.Plural.Of(leftOut, "arrow")} left out)");
        html.ShouldContain("<title id=\"handoff-map-title\">Hand-offs between agencies</title>");
        html.ShouldContain("<desc id=\"handoff-map-desc\">");
        var rows = TableRows(html, "handoff-map-table");
        rows.Count.ShouldBe(graph.Edges.Count);
        foreach (var (e, row) in graph.Edges.Zip(rows))
        {
            row[0].ShouldBe(e.From);
            row[1].ShouldBe(e.To);
            row[2].ShouldBe(Gov.Number(e.Count));
            row[3].ShouldBe(Gov.Number(e.People));
        }
        Regex.Count(html, "class=\"lf-chart__handoff\"").ShouldBe(Math.Min(30, graph.Edges.Count));
        Regex.Count(html, "class=\"lf-chart__node\"").ShouldBe(graph.Nodes.Count);
        var paths = LocalFlow.Analytics.Disclosure.Of(HandOffs.MostCommonPaths(flow.Log, FlowLevel.Agency, HandoffsModel.PathsShown), flow.Log.PersonCount);
        if (paths.Count > 0)
        {
            var pathRows = TableRows(html, "path-table");
            pathRows.Count.ShouldBe(paths.Count);
            pathRows[0][1].ShouldBe(string.Join(" → ", paths[0].Steps));
            pathRows[0][2].ShouldBe(Gov.Number(paths[0].People));
        }
        AssertNoPathOrArrowOfFewerThanFive(html);

        var teams = await client.GetStringAsync("/Flow/Handoffs?level=Team");
        TableRows(teams, "handoff-map-table").Count.ShouldBe(LocalFlow.Analytics.Disclosure.Of(HandOffs.Graph(flow.Log, FlowLevel.Team)).Graph.Edges.Count);
        teams.ShouldContain("Hand-offs between teams");
        AssertNoPathOrArrowOfFewerThanFive(teams);

        var storyPeople = stories.Select(flow.PersonNumber).Where(p => p >= 0).ToList();
        var storyHtml = await client.GetStringAsync("/Flow/Handoffs?stories=true");
        if (!storyHtml.Contains("id=\"cohort-withheld\"", StringComparison.Ordinal))
        {
            TableRows(storyHtml, "handoff-map-table").Count.ShouldBe(LocalFlow.Analytics.Disclosure.Of(HandOffs.Graph(flow.Log, FlowLevel.Agency, storyPeople)).Graph.Edges.Count);
            Text(storyHtml).ShouldContain($"{Gov.Number(LocalFlow.Analytics.Disclosure.Count(stories.Count) ?? 0)} of {Gov.Number(LocalFlow.Analytics.Disclosure.Count(flow.Log.PersonCount) ?? 0)} people with records");
        }
        storyHtml.ShouldNotContain("/Flow/Person/");

        // The study team still sees every arrow, exactly.
        var study = await (await _app.ClientAsync(DemoUsers.Study)).GetStringAsync("/Flow/Handoffs");
        TableRows(study, "handoff-map-table").Count.ShouldBe(HandOffs.Graph(flow.Log, FlowLevel.Agency).Edges.Count);
    }

    [Fact]
    public async Task Signals_ListTheEnginesSignals_WithFiltersAndPages()
    {
        var (flow, _, restricted, stories) = await EngineAsync();
        var all = flow.Signals.Where(s => !restricted.Contains(flow.PersonId(s.Person))).ToList();
        var client = await _app.ClientAsync(DemoUsers.Study);

        var html = await client.GetStringAsync("/Flow/Signals");
        Text(html).ShouldContain($"{Gov.Number(all.Count)} signals for {Gov.Number(all.Select(s => s.Person).Distinct().Count())} people");
        var perKind = TableRows(html, "signals-per-kind-table");
        foreach (var kind in Enum.GetValues<FlowSignalKind>())
        {
            perKind.Single(r => r[0] == FlowAccess.SignalName(kind))[1].ShouldBe(Gov.Number(all.Count(s => s.Kind == kind)));
        }
        html.ShouldContain("<title id=\"signals-per-kind-title\">");
        Regex.Count(html, "<tr class=\"govuk-table__row lf-signal\">").ShouldBe(Math.Min(SignalsModel.PageSize, all.Count));
        html.ShouldContain("href=\"/Flow/Record/");

        // The second page holds the next signals, not the first page's again.
        var second = await client.GetStringAsync("/Flow/Signals?p=2");
        Regex.Count(second, "<tr class=\"govuk-table__row lf-signal\">").ShouldBe(Math.Min(SignalsModel.PageSize, all.Count - SignalsModel.PageSize));
        second.ShouldContain("Page 2 of");

        var kind1 = await client.GetStringAsync("/Flow/Signals?kind=RepeatedAssessment");
        Text(kind1).ShouldContain($"{Gov.Number(all.Count(s => s.Kind == FlowSignalKind.RepeatedAssessment))} signals for");

        // One person's signals, by id: exactly what the engine finds in that person's records alone.
        var ruth = stories[0];
        var ruths = flow.Person(ruth)!.Signals;
        var ruthHtml = await client.GetStringAsync($"/Flow/Signals?person={ruth}");
        Text(ruthHtml).ShouldContain($"{Gov.Number(ruths.Count)} signals for 1 person");
        var inLocality = flow.Analyzer.Signals(flow.Log.FindPerson(ruth.ToString("N")));
        inLocality.Count.ShouldBe(ruths.Count);
        foreach (var s in inLocality.Take(SignalsModel.PageSize))
        {
            Text(ruthHtml).ShouldContain(s.Describe(flow.Log));
        }

        // By agency and date: the signals raised in 2012 by a record from the council.
        var council = await WithDbAsync(db => db.Agencies.Where(a => a.ShortName == "Council").Select(a => a.Id).SingleAsync());
        var expected = all.Count(s => FlowAccess.LocalDate(flow.Log.Start(s.Events[^1]).UtcDateTime).Year == 2012 && s.Events.Any(i => flow.AgencyId(i) == council));
        var dated = await client.GetStringAsync($"/Flow/Signals?agency={council}&from=2012-01-01&to=2012-12-31");
        Text(dated).ShouldContain($"{Gov.Number(expected)} {(expected == 1 ? "signal" : "signals")} for");

        var badDates = await client.GetStringAsync("/Flow/Signals?from=2013-01-01&to=2012-01-01");
        badDates.ShouldContain("There is a problem");
    }

    [Fact]
    public async Task Signals_HideRestrictedPeople_AndAreAudited()
    {
        var (flow, _, restricted, stories) = await EngineAsync();
        var signals = flow.Signals;
        var person = signals.Select(s => flow.PersonId(s.Person)).First(id => !stories.Contains(id) && !restricted.Contains(id));
        var hiddenSignals = signals.Where(s => restricted.Contains(flow.PersonId(s.Person)) || flow.PersonId(s.Person) == person).ToList();
        await SetRestrictedAsync(person, true);
        try
        {
            var client = await _app.ClientAsync(DemoUsers.DataOfficer);
            var html = await client.GetStringAsync("/Flow/Signals");
            html.ShouldNotContain($"/Flow/Person/{person}");
            Text(html).ShouldContain($"{Gov.Number(signals.Count - hiddenSignals.Count)} signals for");
            var hiddenPeople = hiddenSignals.Select(s => s.Person).Distinct().Count();
            Text(html).ShouldContain($"{Gov.Number(hiddenSignals.Count)} more {(hiddenSignals.Count == 1 ? "signal" : "signals")} of {Gov.Number(hiddenPeople)} {(hiddenPeople == 1 ? "person with a restricted record is" : "people with restricted records are")} not shown");

            // Looked for by id, a restricted person answers as someone with no signals: nothing says they are there.
            var byId = await client.GetStringAsync($"/Flow/Signals?person={person}");
            Text(byId).ShouldContain("0 signals for 0 people");
            byId.ShouldNotContain("not shown");
            byId.ShouldNotContain($"/Flow/Person/{person}");
            (await WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.EventType == AuditEventType.PersonalDataListed && a.UserName == "dataofficer" && a.Detail!.StartsWith("Flow signals")))).ShouldBeTrue();
        }
        finally
        {
            await SetRestrictedAsync(person, false);
        }
    }

    [Fact]
    public async Task FlowIndex_LinksTheThreePages_ByRole()
    {
        var study = await (await _app.ClientAsync(DemoUsers.Study)).GetStringAsync("/Flow");
        study.ShouldContain("href=\"/Flow/Cohort\"");
        study.ShouldContain("href=\"/Flow/Handoffs\"");
        study.ShouldContain("href=\"/Flow/Signals\"");
        var analyst = await (await _app.ClientAsync(DemoUsers.Analyst)).GetStringAsync("/Flow");
        analyst.ShouldContain("href=\"/Flow/Cohort\"");
        analyst.ShouldContain("href=\"/Flow/Handoffs\"");
        analyst.ShouldNotContain("href=\"/Flow/Signals\"");
    }

    private Task SetRestrictedAsync(Guid person, bool restricted) => WithDbAsync(async db =>
    {
        var p = await db.People.SingleAsync(x => x.Id == person);
        p.Restricted = restricted;
        await db.SaveChangesAsync();
        return 0;
    });

    /// <summary>The rows of the table with this id, each as its cells' text.</summary>
    private static List<string[]> TableRows(string html, string id)
    {
        var table = Regex.Match(html, $"<table[^>]*id=\"{Regex.Escape(id)}\".*?</table>", RegexOptions.Singleline);
        table.Success.ShouldBeTrue($"the page should have a table #{id}");
        var body = Regex.Match(table.Value, "<tbody.*?</tbody>", RegexOptions.Singleline).Value;
        return [.. Regex.Matches(body, "<tr[^>]*>(.*?)</tr>", RegexOptions.Singleline)
            .Select(r => Regex.Matches(r.Groups[1].Value, "<t[hd][^>]*>(.*?)</t[hd]>", RegexOptions.Singleline)
                .Select(c => WebUtility.HtmlDecode(TagPattern().Replace(c.Groups[1].Value, "")).Trim()).ToArray())];
    }

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex TagPattern();
}
