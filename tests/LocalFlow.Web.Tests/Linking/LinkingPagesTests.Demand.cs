using System.Net;
using LocalFlow.Data;
using LocalFlow.Data.Entities;
using LocalFlow.Data.Linking;
using LocalFlow.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LocalFlow.Web.Tests.Linking;

// A demand heard at a front door linked by hand to the person it came from, from the demand's own page.
public partial class LinkingPagesTests
{
    [Fact]
    public async Task ADemand_IsLinkedByHandToThePersonItCameFrom_ShownOnTheirRecord_AndUnlinked()
    {
        Data.Entities.Demand demand;
        Person person;
        using (var scope = _app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LocalFlowDb>();
            var stories = (await LocalFlow.Data.Flow.FlowQueries.CaseHistoriesAsync(db)).Select(c => c.PersonId).ToList();
            var id = await db.SourceIdentities.Where(s => s.PersonId != null && !stories.Contains(s.PersonId.Value) && !s.Person!.Restricted && !s.Person.Household!.Restricted)
                .GroupBy(s => s.PersonId!.Value).Where(g => g.Count() >= 2).OrderByDescending(g => g.Key).Select(g => g.Key).FirstAsync();
            person = await db.People.AsNoTracking().SingleAsync(p => p.Id == id);
            demand = await db.Demands.AsNoTracking().OrderByDescending(d => d.ReceivedAt).ThenBy(d => d.Id).Skip(1).FirstAsync();
        }
        var study = await _app.ClientAsync(DemoUsers.Study);
        var correct = $"/Demand/Correct/{demand.StudyId}/{demand.Id}";
        var correctPage = await study.GetStringAsync(correct);
        System.Net.WebUtility.HtmlDecode(correctPage).ShouldContain("Not linked to a person's record you can see.");
        correctPage.ShouldContain($"href=\"/Linking/Demand/{demand.Id}\"");

        var page = $"/Linking/Demand/{demand.Id}";
        (await study.GetStringAsync(page)).ShouldContain("Not linked to anyone");
        var token = await LocalFlowApp.AntiforgeryTokenAsync(study, page);
        FormUrlEncodedContent Form(params (string Key, string Value)[] fields)
            => new(fields.Select(f => KeyValuePair.Create(f.Key, f.Value)).Append(KeyValuePair.Create("__RequestVerificationToken", token)));

        // Details with an impossible date: a clear error, and what was typed is kept.
        var refused = WebUtility.HtmlDecode(await (await study.PostAsync(page + "?handler=Details", Form(("Surname", "Zzcaller"), ("BornDay", "31"), ("BornMonth", "2"), ("BornYear", "1950")))).Content.ReadAsStringAsync());
        refused.ShouldContain("Date of birth must be a real date");
        refused.ShouldContain("value=\"Zzcaller\"");
        refused.ShouldContain("value=\"31\"");

        // Found by family name; linking asks for a reason.
        var found = await study.GetStringAsync(page + "?q=" + Uri.EscapeDataString(person.FamilyName));
        found.ShouldContain(person.Id.ToString());
        (await (await study.PostAsync(page + "?handler=Link", Form(("PersonId", person.Id.ToString())))).Content.ReadAsStringAsync())
            .ShouldContain("Say why this demand came from this person");
        var linked = await study.PostAsync(page + "?handler=Link", Form(("PersonId", person.Id.ToString()), ("Reason", "Same name and address, confirmed by the caller")));
        linked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        Guid identity;
        using (var scope = _app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LocalFlowDb>();
            var row = (await DemandLinks.IdentityAsync(db, demand.LocalityId, demand.Id))!;
            row.PersonId.ShouldBe(person.Id);
            identity = row.Id;
            (await db.LinkDecisions.AnyAsync(d => d.IdentityBId == identity && d.IsMatch && d.DecidedBy == DemoUsers.Study && d.Note == "Same name and address, confirmed by the caller")).ShouldBeTrue();
            (await db.AuditEvents.AnyAsync(e => e.EntityType == nameof(SourceIdentity) && e.EntityId == identity.ToString() && e.UserName == DemoUsers.Study)).ShouldBeTrue();
            (await db.AuditEvents.AnyAsync(e => e.EntityType == nameof(Data.Entities.Demand) && e.EntityId == demand.Id.ToString() && e.Operation == LocalFlow.Data.Audit.AuditOperation.Read && e.UserName == DemoUsers.Study)).ShouldBeTrue();
        }

        // The demand reaches the person's record, and the demand's page names the person.
        (await study.GetStringAsync($"/Flow/Person/{person.Id}")).ShouldContain($"href=\"/Linking/Demand/{demand.Id}\"");
        (await (await _app.ClientAsync(DemoUsers.DataOfficer)).GetStringAsync($"/Linking/Person/{person.Id}")).ShouldContain($"href=\"/Linking/Demand/{demand.Id}\"");
        (await study.GetStringAsync(correct)).ShouldContain($"href=\"/Flow/Person/{person.Id}\"");

        // Unlinked with a reason: on nobody's record, and not linked back to them by a later run.
        (await (await study.PostAsync(page + "?handler=Unlink", Form())).Content.ReadAsStringAsync()).ShouldContain("Say why this demand did not come from this person");
        (await study.PostAsync(page + "?handler=Unlink", Form(("Reason", "It was her neighbour ringing")))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        using (var scope = _app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LocalFlowDb>();
            (await db.SourceIdentities.SingleAsync(s => s.Id == identity)).PersonId.ShouldBeNull();
            (await db.LinkDecisions.AnyAsync(d => d.IdentityAId == identity && !d.IsMatch && d.Note == "It was her neighbour ringing")).ShouldBeTrue();
        }
        (await study.GetStringAsync(page)).ShouldContain("Not linked to anyone");
    }
}
