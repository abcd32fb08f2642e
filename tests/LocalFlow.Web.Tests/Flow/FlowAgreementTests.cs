using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using LocalFlow.Analytics.Flow;
using LocalFlow.Data;
using LocalFlow.Data.Flow;
using LocalFlow.Web.Infrastructure;
using LocalFlow.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LocalFlow.Web.Tests.Flow;

/// <summary>
/// For every person of the demo, the person page and the API show exactly the figures of the locality's engine,
/// built here from the stored records independently of the app's kept engine.
/// </summary>
public partial class FlowAgreementTests(FlowAgreementTests.App app) : IClassFixture<FlowAgreementTests.App>
{
    public sealed class App : IDisposable
    {
        public LocalFlowApp Factory { get; } = new(households: 120);

        public void Dispose() => Factory.Dispose();
    }

    private readonly LocalFlowApp _app = app.Factory;

    [Fact]
    public async Task EveryPerson_ThePersonPageAndTheApi_ShowTheEnginesFigures()
    {
        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LocalFlowDb>();
        var locality = await db.Localities.Select(l => l.Id).SingleAsync();
        var flow = await new FlowEngines().ForLocalityAsync(db, locality);
        var restricted = (await db.People.Where(p => p.Restricted || (p.Household != null && p.Household.Restricted)).Select(p => p.Id).ToListAsync()).ToHashSet();
        var client = await _app.ClientAsync(DemoUsers.Study);
        var everyone = await db.People.Where(p => p.LocalityId == locality).Select(p => p.Id).ToListAsync();
        // The study team sees its own agencies' records and others' as the data sharing agreements allow (docs/trust.md):
        // where an agreement leaves a record out, the figures are the engine's over the records this viewer may see.
        var agencies = await db.Users.Where(u => u.UserName == DemoUsers.Study).SelectMany(u => u.Agencies.Select(a => a.AgencyId)).ToListAsync();
        var viewer = new LocalFlow.Data.LocalityWork.Viewer([locality], MaySeeRestricted: false, WorkerId: null)
        {
            AgencyIds = agencies,
            Purposes = LocalFlow.Data.Trust.Sharing.PurposesOf(LocalFlow.Data.Entities.Roles.StudyTeam),
        };
        var narrowed = 0;
        flow.Everyone.Length.ShouldBeGreaterThanOrEqualTo(5, "the case histories at least have records");
        var checkedPeople = 0;
        foreach (var id in everyone)
        {
            // someone with no records has the figures of nobody, and the page and API must say so
            var f = flow.Person(id)?.Figures ?? PersonFigures.None(id.ToString("N"));
            var engine = flow;
            if (!restricted.Contains(id))
            {
                var shared = await FlowQueries.RecordsForAsync(db, viewer, locality, id);
                if (shared.Count < f.Records)
                {
                    narrowed++;
                    engine = await new FlowEngines().ForPersonAsync(db, locality, id, shared);
                    f = engine.Person(id)?.Figures ?? PersonFigures.None(id.ToString("N"));
                }
            }
            var page = await client.GetAsync($"/Flow/Person/{id}");
            var api = await client.GetAsync($"/api/flow/people/{id}/summary");
            if (restricted.Contains(id))
            {
                page.StatusCode.ShouldBe(HttpStatusCode.NotFound);
                api.StatusCode.ShouldBe(HttpStatusCode.NotFound);
                continue;
            }
            var html = await page.Content.ReadAsStringAsync();
            var who = $"person {id}";
            Sentence(html).ShouldBe(FlowSentence.Of(f), who);
            Value(html, "Agencies").ShouldBe(Gov.Number(f.Agencies), who);
            Value(html, "Teams").ShouldBe(Gov.Number(f.Teams), who);
            Value(html, "Named staff").ShouldBe(Gov.Number(f.Workers), who);
            Value(html, "Assessments").ShouldBe(Gov.Number(f.Assessments), who);
            Value(html, "Referrals").ShouldBe(Gov.Number(f.Referrals), who);
            Value(html, "Hospital admissions").ShouldBe($"{Gov.Number(f.HospitalAdmissions)} ({Gov.Number(f.HospitalDays)} days, {Gov.Number(f.DaysAfterMedicallyFit)} after being medically fit)", who);
            Value(html, "Cost of what was done").ShouldBe(Gov.Money(f.Cost, whole: true), who);
            if (f.Records > 0)
            {
                Value(html, "Interactions").ShouldBe(Gov.Number(f.Interactions), who);
                Value(html, "Repeated assessments").ShouldStartWith($"{Gov.Number(f.RepeatedAssessments)} of {Gov.Number(f.Assessments)} ", customMessage: who);
                Value(html, "Assess–do–refer cycles").ShouldBe(Gov.Number(f.AssessDoReferCycles), who);
                Value(html, "Exits and re-entries").ShouldBe($"{Gov.Number(f.Exits)} exits (closure, no further action, advice), {Gov.Number(f.ReEntries)} re-entries", who);
                Value(html, "Documents and letters").ShouldBe(Gov.Number(f.Documents), who);
                Regex.Match(html, "id=\"signals-heading\">Failure-demand signals \\((\\d+)\\)").Groups[1].Value.ShouldBe(engine.Analyzer.Signals(f.Person).Count.ToString(System.Globalization.CultureInfo.InvariantCulture), who);
            }

            var json = await api.Content.ReadFromJsonAsync<JsonElement>();
            json.GetProperty("sentence").GetString().ShouldBe(FlowSentence.Of(f), who);
            var figures = json.GetProperty("figures");
            figures.GetProperty("records").GetInt32().ShouldBe(f.Records, who);
            figures.GetProperty("interactions").GetInt32().ShouldBe(f.Interactions, who);
            figures.GetProperty("agencies").GetInt32().ShouldBe(f.Agencies, who);
            figures.GetProperty("teams").GetInt32().ShouldBe(f.Teams, who);
            figures.GetProperty("workers").GetInt32().ShouldBe(f.Workers, who);
            figures.GetProperty("assessments").GetInt32().ShouldBe(f.Assessments, who);
            figures.GetProperty("repeatedAssessments").GetInt32().ShouldBe(f.RepeatedAssessments, who);
            figures.GetProperty("referrals").GetInt32().ShouldBe(f.Referrals, who);
            figures.GetProperty("assessDoReferCycles").GetInt32().ShouldBe(f.AssessDoReferCycles, who);
            figures.GetProperty("reEntries").GetInt32().ShouldBe(f.ReEntries, who);
            figures.GetProperty("hospitalAdmissions").GetInt32().ShouldBe(f.HospitalAdmissions, who);
            figures.GetProperty("hospitalDays").GetInt32().ShouldBe(f.HospitalDays, who);
            figures.GetProperty("daysAfterMedicallyFit").GetInt32().ShouldBe(f.DaysAfterMedicallyFit, who);
            figures.GetProperty("cost").GetDecimal().ShouldBe(f.Cost, who);
            checkedPeople++;
        }
        checkedPeople.ShouldBeGreaterThan(100, "every unrestricted person of the demo");
        narrowed.ShouldBeGreaterThan(0, "the demo's agreements leave some records out for the study team");
    }

    private static string Sentence(string html) => WebUtility.HtmlDecode(Regex.Match(html, "id=\"summary-sentence\">([^<]*)</p>").Groups[1].Value);

    private static string Value(string html, string key)
    {
        var m = Regex.Match(html, $"<dt class=\"govuk-summary-list__key\">{Regex.Escape(WebUtility.HtmlEncode(key))}</dt><dd class=\"govuk-summary-list__value\">([^<]*)</dd>");
        if (!m.Success)
        {
            m = Regex.Match(html, $"<dt class=\"govuk-summary-list__key\">{Regex.Escape(key)}</dt><dd class=\"govuk-summary-list__value\">([^<]*)</dd>");
        }
        m.Success.ShouldBeTrue($"the page should show \"{key}\"");
        return WebUtility.HtmlDecode(m.Groups[1].Value);
    }
}
