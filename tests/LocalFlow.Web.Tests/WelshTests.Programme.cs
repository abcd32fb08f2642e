using System.Net;
using System.Text.RegularExpressions;
using LocalFlow.Analytics.Redesign;
using LocalFlow.Data;
using LocalFlow.Data.Entities;
using LocalFlow.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LocalFlow.Web.Tests;

/// <summary>
/// The programme side of the redesign pages in Welsh (issue 15): the overview and its ten steps, vision and principles,
/// the questions and their gateways and cost–benefit cases, the strategies and the change jigsaw, each declared
/// translated and showing none of its English; a gateway decision with no reason and a negative year refused in Welsh.
/// </summary>
public partial class WelshTests
{
    /// <summary>
    /// A demo user, a page they ask for in Welsh ("{condition-question}" a demo question raised from a system condition,
    /// "{open}" one a gateway may still decide, "{strategy}" a demo strategy), the Welsh it must show, and English of that
    /// page that must not show.
    /// </summary>
    public static TheoryData<string, string, string, string[]> ProgrammePages => new()
    {
        { DemoUsers.Commissioner, "/Redesign", "Y deg cam", ["The ten steps", "Where the programme stands", "Questions by stage", "Estimated savings", "What LocalFlow does not do", "No targets, no payment by results", "Portfolio of commissioning questions", "Not started", "Stopped at a gateway"] },
        { DemoUsers.Commissioner, "/Redesign/Programme", "Gweledigaeth ac egwyddorion", ["Vision and principles", "Programme name", "Commissioning principles", "One a line", "Back to the programme"] },
        { DemoUsers.Commissioner, "/Redesign/Questions", "Dangos cwestiynau", ["Commissioning questions", "Any stage", "Show questions", "questions match", "On hold:", "Raised from", "Being worked on", "Not assigned"] },
        { DemoUsers.Citizen, "/Redesign/Question/{condition-question}", "Un o amodau'r system:", ["System condition:", "The challenge", "Outcome it aims at", "Failure demands", "Gateway decisions", "Our vision", "All questions", "The evidence it was raised from"] },
        { DemoUsers.Commissioner, "/Redesign/Raise", "Gofyn cwestiwn comisiynu", ["Pose a commissioning question", "The challenge behind it", "Think the unthinkable", "Commissioning group", "Pose the question"] },
        { DemoUsers.Commissioner, "/Redesign/Edit/{open}", "Newid cwestiwn", ["Change question", "Back to the question", "Feasibility finding", "Implementation plan", "How it will be known"] },
        { DemoUsers.Steering, "/Redesign/Gateway/{open}", "Beth mae'r grŵp llywio yn ei benderfynu?", ["Gateway decision", "What does the steering group decide", "Hold it at", "Stop it", "Record the decision", "Every decision needs a reason"] },
        { DemoUsers.Commissioner, "/Redesign/CostBenefit/{open}", "Cyfradd ddisgowntio", ["Cost–benefit case", "Discount rate", "Price year", "Rows left blank", "Save the case", "Year, row"] },
        { DemoUsers.Commissioner, "/Redesign/Strategies", "Strategaethau comisiynu", ["Commissioning strategies", "Each strategy brings", "Make a strategy", "Estimate at", "present benefit", "net present value"] },
        { DemoUsers.Commissioner, "/Redesign/Strategy/{strategy}", "Ei chwestiynau a'u cynlluniau", ["Back to the strategies", "Owned by", "Expected benefit", "Its questions", "Change the strategy", "Estimate: net present value"] },
        { DemoUsers.Steering, "/Redesign/EditStrategy", "Llunio strategaeth gomisiynu", ["Make a commissioning strategy", "What it is for", "Approved questions in it", "Owned by", "Bring approved questions"] },
        { DemoUsers.Commissioner, "/Redesign/Jigsaw", "Y gromlin newid", ["The change jigsaw", "What is missing", "Burning platform", "Not in place", "Save my answers", "The change curve", "Shock", "What helps"] },
    };

    [Theory]
    [MemberData(nameof(ProgrammePages))]
    public async Task AProgrammePage_IsAllWelsh(string user, string path, string welsh, string[] english)
    {
        var client = await ProgrammeClientAsync(user);
        var (conditionQuestion, open, strategy) = await ProgrammeIdsAsync();
        var response = await client.GetAsync(path.Replace("{condition-question}", conditionQuestion.ToString(), StringComparison.Ordinal)
            .Replace("{open}", open.ToString(), StringComparison.Ordinal).Replace("{strategy}", strategy.ToString(), StringComparison.Ordinal));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        ShouldBeAllWelsh(await response.Content.ReadAsStringAsync(), path, welsh, english);
    }

    /// <summary>A gateway decision with no reason, in Welsh: the Welsh refusal, and the question neither moved nor recorded.</summary>
    [Fact]
    public async Task GatewayDecisionWithNoReason_InWelsh_IsRefusedInWelsh()
    {
        var (_, open, _) = await ProgrammeIdsAsync();
        var (stage, status, decisions) = await QuestionStateAsync(open);
        var client = await ProgrammeClientAsync(DemoUsers.Steering);
        var path = $"/Redesign/Gateway/{open}";
        var form = await client.GetStringAsync(path);
        var response = await client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Decision"] = "Stop",
            ["Reason"] = " ",
            ["Version"] = ProgrammeVersion().Match(form).Groups[1].Value,
            ["__RequestVerificationToken"] = await LocalFlowApp.AntiforgeryTokenAsync(client, path),
        }));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        ShouldBeAllWelsh(await response.Content.ReadAsStringAsync(), path, "Rhowch y rheswm dros stopio'r cwestiwn hwn: ni ellir gollwng cwestiwn heb reswm.",
            ["Give the reason", "There is a problem", "Error:", "Gateway decision"]);
        (await QuestionStateAsync(open)).ShouldBe((stage, status, decisions));
    }

    /// <summary>A cost–benefit case with a negative year, in Welsh: the Welsh refusal naming the row, what was typed kept, nothing saved.</summary>
    [Fact]
    public async Task CostBenefitWithANegativeYear_InWelsh_IsRefusedInWelsh()
    {
        var (_, open, _) = await ProgrammeIdsAsync();
        var client = await ProgrammeClientAsync(DemoUsers.Commissioner);
        var path = $"/Redesign/CostBenefit/{open}";
        var form = await client.GetStringAsync(path);
        var response = await client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Version"] = Regex.Match(form, "name=\"Input.Version\" value=\"(\\d+)\"").Groups[1].Value,
            ["Input.RatePercent"] = "3.5",
            ["Input.Currency"] = "GBP",
            ["Input.PriceYear"] = "2026",
            ["Input.Rows[0].Year"] = "-2",
            ["Input.Rows[0].Cost"] = "1234",
            ["__RequestVerificationToken"] = await LocalFlowApp.AntiforgeryTokenAsync(client, path),
        }));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        ShouldBeAllWelsh(html, path, "Rhes 1: rhaid i'r flwyddyn fod yn 0 neu fwy (0 yw'r flwyddyn gyntaf); -2 yw hi.", ["Row 1", "the year must be", "There is a problem", "Error:"]);
        html.ShouldContain("value=\"1234\"");
        using var scope = _app.Services.CreateScope();
        (await scope.ServiceProvider.GetRequiredService<LocalFlowDb>().QuestionYears.CountAsync(y => y.QuestionId == open && y.Year < 0)).ShouldBe(0);
    }

    /// <summary>A cost–benefit case with words for a cost, in Welsh: a Welsh error (not ASP.NET's English one), the words kept.</summary>
    [Fact]
    public async Task CostBenefitWithWordsForACost_InWelsh_IsRefusedInWelsh()
    {
        var (_, open, _) = await ProgrammeIdsAsync();
        var client = await ProgrammeClientAsync(DemoUsers.Commissioner);
        var path = $"/Redesign/CostBenefit/{open}";
        var response = await client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Version"] = "0",
            ["Input.Rows[0].Year"] = "0",
            ["Input.Rows[0].Cost"] = "llawer",
            ["__RequestVerificationToken"] = await LocalFlowApp.AntiforgeryTokenAsync(client, path),
        }));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        ShouldBeAllWelsh(html, path, "Rhowch rif, er enghraifft 3.5 neu 1200.", ["is not valid", "Enter a number", "There is a problem"]);
        html.ShouldContain("value=\"llawer\"");
    }

    /// <summary>
    /// A client in Welsh signed in as <paramref name="user"/>; the steering group signs in afresh, because
    /// <see cref="SigningOut_InWelsh_IsInWelsh"/> ends its sessions.
    /// </summary>
    private async Task<HttpClient> ProgrammeClientAsync(string user)
    {
        var client = user == DemoUsers.Steering ? await _app.FreshSignInAsync(user) : await _app.ClientAsync(user);
        (await client.GetAsync("/Language?to=cy&returnUrl=%2F")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return client;
    }

    /// <summary>The demo's first question raised from a system condition, the first a gateway may still decide, and its first strategy (in the demo users' locality).</summary>
    private async Task<(Guid ConditionQuestion, Guid Open, Guid Strategy)> ProgrammeIdsAsync()
    {
        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LocalFlowDb>();
        var locality = await db.Localities.MinAsync(l => l.Id);
        var questions = db.CommissioningQuestions.Where(q => q.LocalityId == locality).OrderBy(q => q.Number);
        return (
            await questions.Where(q => q.Source == QuestionSource.SystemCondition).Select(q => q.Id).FirstAsync(),
            await questions.Where(q => q.Status == QuestionStatus.Open && q.Stage != QuestionStage.Approved).Select(q => q.Id).FirstAsync(),
            await db.CommissioningStrategies.Where(s => s.LocalityId == locality).OrderBy(s => s.Title).Select(s => s.Id).FirstAsync());
    }

    private async Task<(QuestionStage, QuestionStatus, int)> QuestionStateAsync(Guid id)
    {
        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LocalFlowDb>();
        var q = await db.CommissioningQuestions.AsNoTracking().SingleAsync(x => x.Id == id);
        return (q.Stage, q.Status, await db.GatewayRecords.CountAsync(r => r.QuestionId == id));
    }

    [GeneratedRegex("name=\"Version\" value=\"(\\d+)\"")]
    private static partial Regex ProgrammeVersion();
}
