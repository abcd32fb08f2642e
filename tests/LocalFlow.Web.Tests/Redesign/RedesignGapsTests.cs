using System.Globalization;
using System.Net;
using LocalFlow.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Web.Tests.Redesign;

/// <summary>The workforce gap form and a group's version, in the redesign pages' fixture.</summary>
public partial class RedesignPagesTests
{
    [Fact]
    public async Task Gap_BadInputKeepsWhatWasTyped_AnOlderVersionIsRefused_AndACitizenCannotOpenIt()
    {
        var client = await _app.ClientAsync(DemoUsers.Commissioner);
        Dictionary<string, string> Form(string people, string version) => new()
        {
            ["Input.Skill"] = "Speech and language therapists",
            ["Input.People"] = people,
            ["Input.Note"] = "Waits of a year",
            ["Input.Version"] = version,
        };

        var resources = await client.GetStringAsync("/Redesign/Resources");
        var refused = await PostFormAsync(client, "/Redesign/Gap", "/Redesign/Gap", Form("two", "0"));
        var refusedHtml = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        var added = await PostFormAsync(client, "/Redesign/Gap", "/Redesign/Gap", Form("2", "0"));
        var gap = await WithDbAsync(db => db.WorkforceGaps.SingleAsync(g => g.Skill == "Speech and language therapists"));
        var page = $"/Redesign/Gap/{gap.Id.ToString(CultureInfo.InvariantCulture)}";
        var read = gap.Version.ToString(CultureInfo.InvariantCulture);
        var changed = await PostFormAsync(client, page, page, Form("3", read));
        var stale = await PostFormAsync(client, page, page, Form("5", read));
        var staleHtml = WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync());
        var citizen = await (await _app.ClientAsync(DemoUsers.Citizen)).GetAsync(page);
        var listed = WebUtility.HtmlDecode(await client.GetStringAsync("/Redesign/Resources"));

        resources.ShouldContain("href=\"/Redesign/Gap\"");
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        refusedHtml.ShouldContain("How many people must be a whole number from 1 to 10,000; \"two\" is not.");
        refusedHtml.ShouldContain("value=\"Speech and language therapists\"");
        refusedHtml.ShouldContain("Waits of a year");
        added.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        changed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        stale.StatusCode.ShouldBe(HttpStatusCode.OK);
        staleHtml.ShouldContain("commissioner saved a change to this workforce gap while you were editing");
        staleHtml.ShouldContain("value=\"5\"");
        (await WithDbAsync(db => db.WorkforceGaps.Where(g => g.Id == gap.Id).Select(g => g.People).SingleAsync())).ShouldBe(3);
        citizen.StatusCode.ShouldNotBe(HttpStatusCode.OK);
        listed.ShouldContain($"href=\"{page}\">Speech and language therapists</a>");
        listed.ShouldContain("3 people (no agency yet). Waits of a year");

        var removed = await PostFormAsync(client, page, page + "?handler=Remove", []);
        removed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await WithDbAsync(db => db.WorkforceGaps.AnyAsync(g => g.Id == gap.Id))).ShouldBeFalse();
    }

    [Fact]
    public async Task GroupAndMember_SavedFromAnOlderVersion_AreRefused_KeepingWhatWasTyped()
    {
        var client = await _app.ClientAsync(DemoUsers.Steering);
        var added = await PostFormAsync(client, "/Redesign/Group", "/Redesign/Group", new() { ["Input.Name"] = "Older people at night", ["Input.Remit"] = "Calls at night" });
        var group = await WithDbAsync(db => db.CommissioningGroups.SingleAsync(g => g.Name == "Older people at night"));
        var page = $"/Redesign/Group/{group.Id.ToString(CultureInfo.InvariantCulture)}";
        var read = group.Version.ToString(CultureInfo.InvariantCulture);
        var form = WebUtility.HtmlDecode(await client.GetStringAsync(page));
        var first = await PostFormAsync(client, page, page, new() { ["Input.Name"] = "Older people at night", ["Input.Remit"] = "Calls and falls at night", ["Input.Version"] = read });
        var second = await PostFormAsync(client, page, page, new() { ["Input.Name"] = "Nights", ["Input.Remit"] = "Everything at night", ["Input.Version"] = read });
        var html = WebUtility.HtmlDecode(await second.Content.ReadAsStringAsync());

        added.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        form.ShouldContain($"name=\"Input.Version\" value=\"{read}\"");
        first.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("steering saved a change to this group while you were editing");
        html.ShouldContain("Calls and falls at night");
        html.ShouldContain("value=\"Nights\"");
        html.ShouldContain("Everything at night");
        (await WithDbAsync(db => db.CommissioningGroups.Where(g => g.Id == group.Id).Select(g => g.Remit).SingleAsync())).ShouldBe("Calls and falls at night");

        // A member edited in place by two people at once: the second save is refused the same way.
        var members = $"/Redesign/Member/{group.Id.ToString(CultureInfo.InvariantCulture)}";
        Dictionary<string, string> Member(string background, string version) => new() { ["Input.Name"] = "Ann Lee", ["Input.Kind"] = "citizen", ["Input.Background"] = background, ["Input.Version"] = version };
        (await PostFormAsync(client, members, members, Member("Night carer", "0"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var member = await WithDbAsync(db => db.GroupMembers.SingleAsync(m => m.GroupId == group.Id));
        var memberPage = $"{members}/{member.Id.ToString(CultureInfo.InvariantCulture)}";
        var memberRead = member.Version.ToString(CultureInfo.InvariantCulture);
        (await PostFormAsync(client, memberPage, memberPage, Member("Night carer for 20 years", memberRead))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var staleMember = await PostFormAsync(client, memberPage, memberPage, Member("Carer", memberRead));
        var staleMemberHtml = WebUtility.HtmlDecode(await staleMember.Content.ReadAsStringAsync());
        staleMember.StatusCode.ShouldBe(HttpStatusCode.OK);
        staleMemberHtml.ShouldContain("steering saved a change to this member while you were editing");
        staleMemberHtml.ShouldContain("Night carer for 20 years");
        staleMemberHtml.ShouldContain("value=\"Carer\"");
        (await WithDbAsync(db => db.GroupMembers.Where(m => m.Id == member.Id).Select(m => m.Background).SingleAsync())).ShouldBe("Night carer for 20 years");
        await WithDbAsync(async db => await db.CommissioningGroups.Where(g => g.Id == group.Id).ExecuteDeleteAsync());
    }
}
