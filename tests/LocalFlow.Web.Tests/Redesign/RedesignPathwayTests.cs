using System.Net;
using System.Text.RegularExpressions;
using LocalFlow.Analytics.Flow;
using LocalFlow.Analytics.Redesign;
using LocalFlow.Data.Entities;
using LocalFlow.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Web.Tests.Redesign;

/// <summary>The user pathway and the commissioning strategies over the demo, by plain HTTP, in the redesign pages' fixture.</summary>
public partial class RedesignPagesTests
{
    [Fact]
    public async Task Pathway_CountsOnlyThisLocality_AndACitizenSeesSuppressedCounts()
    {
        // A second locality whose people are seen only by an agency of their own: its name must never reach Northfield's pathway.
        await WithDbAsync(async db =>
        {
            if (await db.Agencies.AnyAsync(a => a.ShortName == "Elsewhere"))
            {
                return 0;
            }
            var other = new LocalFlow.Data.Entities.Locality { Name = "Elsewhere-on-Sea" };
            var agency = new Agency { Name = "Elsewhere-only agency", ShortName = "Elsewhere", Kind = AgencyKind.Council };
            db.AddRange(other, agency);
            await db.SaveChangesAsync();
            for (var i = 0; i < 12; i++)
            {
                var person = new Person { LocalityId = other.Id, GivenName = "E", FamilyName = $"Elsewhere{i}", DateOfBirth = new DateOnly(1960, 3, 3 + i) };
                db.People.Add(person);
                db.ActivityRecords.Add(new ActivityRecord
                {
                    LocalityId = other.Id,
                    PersonId = person.Id,
                    AgencyId = agency.Id,
                    Kind = ActivityKind.Contact,
                    StartUtc = new DateTime(2024, 5, 1, 10, 0, 0, DateTimeKind.Utc),
                    SourceSystem = "test",
                    SourceRecordId = $"elsewhere-{i}",
                });
            }
            return await db.SaveChangesAsync();
        });
        var citizen = WebUtility.HtmlDecode(await (await _app.ClientAsync(DemoUsers.Citizen)).GetStringAsync("/Redesign/Pathway"));
        var study = WebUtility.HtmlDecode(await (await _app.ClientAsync(DemoUsers.Study)).GetStringAsync("/Redesign/Pathway"));

        foreach (var page in new[] { citizen, study })
        {
            page.ShouldContain("id=\"pathway-chart\"");
            page.ShouldContain("Leaving school");
            page.ShouldNotContain("Elsewhere");
            page.ShouldNotContain("/Flow/Person/");
            page.ShouldNotContain("/Locality/Person/");
            // The demo places the families' need on pregnancy with no service there: a gap.
            page.ShouldContain("Needs but no service or building placed");
        }
        var families = await WithDbAsync(db => db.Needs.Where(n => n.Title.StartsWith("Families with young children")).Select(n => n.Id).FirstAsync());
        WebUtility.HtmlDecode(await (await _app.ClientAsync(DemoUsers.Citizen)).GetStringAsync($"/Redesign/Need/{families}")).ShouldContain("Pregnancy (−9 months to birth) to Early years (0 to 4)");
        citizen.ShouldContain("id=\"rounded-note\"");
        study.ShouldNotContain("id=\"rounded-note\"");
        // Every count of people in the stages table is a multiple of 5, 0 or withheld for the citizen.
        var stages = citizen[citizen.IndexOf("id=\"stages\"", StringComparison.Ordinal)..citizen.IndexOf("id=\"handoffs-heading\"", StringComparison.Ordinal)];
        var counts = Regex.Matches(stages, "govuk-table__cell--numeric\">([^<]*)<").Select(m => m.Groups[1].Value).ToList();
        counts.ShouldNotBeEmpty();
        counts.ShouldAllBe(c => c == "fewer than 5" || int.Parse(c.Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture) % 5 == 0);
    }

    [Fact]
    public async Task Strategies_ShowTheDemosStrategiesAsEstimates_AndTheFormRefusesAQuestionNotApproved()
    {
        var (notApproved, approved, before) = await WithDbAsync(async db => (
            await db.CommissioningQuestions.Where(q => q.Stage == QuestionStage.ImplementationPlan).OrderBy(q => q.Number).Select(q => q.Number).FirstAsync(),
            await db.CommissioningQuestions.Where(q => q.Stage == QuestionStage.Approved && q.Status == QuestionStatus.Open).OrderBy(q => q.Number).Select(q => q.Number).FirstAsync(),
            await db.CommissioningStrategies.CountAsync()));
        var citizen = await _app.ClientAsync(DemoUsers.Citizen);
        var list = WebUtility.HtmlDecode(await citizen.GetStringAsync("/Redesign/Strategies"));
        list.ShouldContain("Known by name: help from people who stay");
        list.ShouldContain("Estimate at ");
        list.ShouldNotContain("id=\"new-strategy\"");
        (await citizen.GetAsync("/Redesign/EditStrategy")).StatusCode.ShouldNotBe(HttpStatusCode.OK);

        var steering = await _app.ClientAsync(DemoUsers.Steering);
        var token = await LocalFlowApp.AntiforgeryTokenAsync(steering, "/Redesign/EditStrategy");
        var groupId = await WithDbAsync(db => db.CommissioningGroups.OrderBy(g => g.Id).Select(g => g.Id).FirstAsync());
        List<KeyValuePair<string, string>> Form(string title, params int[] questions) =>
        [
            new("__RequestVerificationToken", token),
            new("Input.Title", title),
            new("Input.Purpose", "Help arrives before the crisis"),
            new("Input.OwnerGroupId", groupId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            .. questions.Select(q => new KeyValuePair<string, string>("Input.Questions", q.ToString(System.Globalization.CultureInfo.InvariantCulture))),
        ];

        var refused = await steering.PostAsync("/Redesign/EditStrategy", new FormUrlEncodedContent(Form("Before the crisis", approved, notApproved)));
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        var noTitle = WebUtility.HtmlDecode(await (await steering.PostAsync("/Redesign/EditStrategy", new FormUrlEncodedContent(Form("  ", approved)))).Content.ReadAsStringAsync());

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("govuk-error-summary");
        html.ShouldContain($"Question {notApproved} is not approved: only questions through the final gateway can be in a strategy.");
        html.ShouldContain("value=\"Before the crisis\"");
        noTitle.ShouldContain("Enter the strategy's title");
        (await WithDbAsync(db => db.CommissioningStrategies.CountAsync())).ShouldBe(before);

        var saved = await steering.PostAsync("/Redesign/EditStrategy", new FormUrlEncodedContent(Form("Before the crisis", approved)));
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = WebUtility.HtmlDecode(await steering.GetStringAsync(saved.Headers.Location!.ToString()));
        page.ShouldContain("Before the crisis");
        page.ShouldContain("Expected benefits (estimates, not targets)");
        page.ShouldContain("id=\"question-" + approved + "\"");
        (await WithDbAsync(db => db.CommissioningStrategies.CountAsync())).ShouldBe(before + 1);
    }
}
