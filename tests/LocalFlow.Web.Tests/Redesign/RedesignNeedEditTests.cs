using System.Net;
using LocalFlow.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Web.Tests.Redesign;

/// <summary>Changing and removing a need, in the redesign pages' fixture.</summary>
public partial class RedesignPagesTests
{
    [Fact]
    public async Task Need_IsChanged_AnOlderVersionIsRefusedKeepingWhatWasTyped_AndRemoved()
    {
        var client = await _app.ClientAsync(DemoUsers.Citizen);
        Dictionary<string, string> Form(string title, string version) => new()
        {
            ["Input.Title"] = title,
            ["Input.Who"] = "Community",
            ["Input.EvidenceKind"] = "ConsultationTheme",
            ["Input.Evidence"] = "The bus review's consultation",
            ["Input.FirstStage"] = "LaterLife",
            ["Input.Version"] = version,
        };
        var recorded = await PostFormAsync(client, "/Redesign/NewNeed", "/Redesign/NewNeed", Form("No bus to the surgery", "0"));
        var need = await WithDbAsync(db => db.Needs.SingleAsync(n => n.Title == "No bus to the surgery"));
        var page = $"/Redesign/NewNeed/{need.Id}";
        var read = need.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var blank = await PostFormAsync(client, page, page, Form("", read));
        var blankHtml = WebUtility.HtmlDecode(await blank.Content.ReadAsStringAsync());
        var changed = await PostFormAsync(client, page, page, Form("No bus to the surgery on Sundays", read));
        var stale = await PostFormAsync(client, page, page, Form("Typed over an older version", read));
        var staleHtml = WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync());

        recorded.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        blank.StatusCode.ShouldBe(HttpStatusCode.OK);
        blankHtml.ShouldContain("Describe the need in a few plain words");
        blankHtml.ShouldContain("The bus review's consultation");
        changed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        stale.StatusCode.ShouldBe(HttpStatusCode.OK);
        staleHtml.ShouldContain("citizen saved a change to this need while you were editing");
        staleHtml.ShouldContain("value=\"Typed over an older version\"");
        var stored = await WithDbAsync(db => db.Needs.SingleAsync(n => n.Id == need.Id));
        (stored.Title, stored.UpdatedBy, stored.RecordedBy).ShouldBe(("No bus to the surgery on Sundays", DemoUsers.Citizen, DemoUsers.Citizen));

        var removed = await PostFormAsync(client, page, page + "?handler=Remove", []);
        removed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await WithDbAsync(db => db.Needs.AnyAsync(n => n.Id == need.Id))).ShouldBeFalse();
    }
}
