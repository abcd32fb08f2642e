using System.Net;
using LocalFlow.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace LocalFlow.Web.Tests;

/// <summary>The system conditions pages in Welsh (issue 15): each declared translated, the kinds of condition named in Welsh, none of the page's English shown.</summary>
public partial class WelshTests
{
    /// <summary>A demo user, a conditions page they ask for in Welsh ("{condition}" is a demo condition), the Welsh it must show, and English of that page that must not show.</summary>
    public static TheoryData<string, string, string, string[]> ConditionsPages => new()
    {
        { DemoUsers.Study, "/Conditions", "Yr holl amodau gyda'i gilydd", ["System conditions", "The causes of failure", "Record a system condition", "All the conditions together", "People affected", "Condition and what the team found", "Thresholds and criteria"] },
        { DemoUsers.Analyst, "/Conditions/Condition/{condition}", "Ei gyrhaeddiad", ["All system conditions", "System condition:", "Recorded by", "Its reach", "Failure demands", "Computed from the evidence", "What it shows"] },
        { DemoUsers.Study, "/Conditions/Create", "Pa fath o amod system ydyw?", ["Record a system condition", "What kind of system condition", "Specialisation", "Keeping the organisation safe", "What the team found", "Save and add evidence"] },
        { DemoUsers.Study, "/Conditions/Edit/{condition}", "Newid un o amodau'r system", ["Change a system condition", "Back to the condition", "What kind of system condition", "Save changes"] },
        { DemoUsers.Study, "/Conditions/Delete/{condition}", "Dileu'r amod", ["Delete the condition", "will be deleted", "Cancel", "Back to the condition"] },
        { DemoUsers.Study, "/Conditions/Evidence/{condition}", "Ychwanegu tystiolaeth", ["Evidence of a system condition", "Linked evidence", "Add evidence", "One activity record", "Done: back to the condition"] },
        { DemoUsers.Study, "/Conditions/Choose", "O ba un o amodau'r system", ["Which system condition", "Record a new system condition", "All system conditions"] },
    };

    [Theory]
    [MemberData(nameof(ConditionsPages))]
    public async Task AConditionsPage_IsAllWelsh(string user, string path, string welsh, string[] english)
    {
        var client = await _app.ClientAsync(user);
        (await client.GetAsync("/Language?to=cy&returnUrl=%2F")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var response = await client.GetAsync(path.Replace("{condition}", DemoCondition().ToString(), StringComparison.Ordinal));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        ShouldBeAllWelsh(await response.Content.ReadAsStringAsync(), path, welsh, english);
    }

    /// <summary>Adding as evidence the case history of someone who is not there, in Welsh: the Welsh error, and no evidence added.</summary>
    [Fact]
    public async Task AddingEvidenceOfNobody_InWelsh_SaysSoInWelsh()
    {
        var client = await _app.ClientAsync(DemoUsers.Study);
        (await client.GetAsync("/Language?to=cy&returnUrl=%2F")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var condition = DemoCondition();
        var path = $"/Conditions/Evidence/{condition}";
        int Linked()
        {
            using var scope = _app.Services.CreateScope();
            return scope.ServiceProvider.GetRequiredService<LocalFlow.Data.LocalFlowDb>().ConditionEvidence.Count(e => e.ConditionId == condition);
        }
        var before = Linked();
        var response = await client.PostAsync(path + "?handler=Add", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Kind"] = "CaseHistory",
            ["Input.PersonId"] = Guid.NewGuid().ToString(),
            ["Input.Note"] = "Nodyn",
            ["__RequestVerificationToken"] = await LocalFlowApp.AntiforgeryTokenAsync(client, path),
        }));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        ShouldBeAllWelsh(await response.Content.ReadAsStringAsync(), path, "Dewiswch berson yn yr ardal hon", ["Choose a person", "There is a problem", "Error:"]);
        Linked().ShouldBe(before);
    }

    private Guid DemoCondition()
    {
        using var scope = _app.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<LocalFlow.Data.LocalFlowDb>().SystemConditions.OrderBy(c => c.Title).First().Id;
    }
}
