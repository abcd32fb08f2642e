using System.Net;
using LocalFlow.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace LocalFlow.Web.Tests;

/// <summary>The locality team's and the demand study's pages in Welsh: each is declared translated and shows none of its English (docs/welsh.md).</summary>
public partial class WelshTests
{
    /// <summary>
    /// A page asked for in Welsh ("{person}" and "{family}" stand for a demo person the team works with, with good-life
    /// conversations and actions), its Welsh heading, and English of that page that must not show.
    /// </summary>
    public static TheoryData<string, string, string[]> TranslatedPages => new()
    {
        { "/Locality/MyPlan/{person}", "Cynllun ", ["'s plan", "What matters to me", "Who is helping me", "What will happen next", "Upload recording", " out of 10 on ", "Large print version"] },
        { "/Locality", "Gweithio yn yr ardal", ["Locality working", "My people", "Team board", "Local directory", "What happens next", "you work with now"] },
        { "/Locality/People?q={family}", "Pobl ac aelwydydd", ["People and households", "Search by name", "Date of birth", "found", "Every search is recorded"] },
        { "/Locality/Person/{person}", "Gweithio gyda", ["Back to people", "Date of birth", "Working with", "Key worker", "Good-life conversations", "A good life", "Mark done", "Log a contact", "What was avoided", "Leave empty for today", "Known to these systems", "Day", "Month", "Year"] },
        { "/Locality/Board", "Bwrdd y tîm", ["Team board", "Waiting for us", "Need a visit", "Who we are working with", "Our capacity", "we work with"] },
        { "/Locality/Conversation/{person}", "Sgwrs bywyd da gyda", ["Good-life conversation", "Already known", "Their strengths", "Who said it", "Save the conversation"] },
        { "/Locality/EditConversation/{conversation}", "Newid y sgwrs bywyd da", ["Change the good-life", "Held by", "Their strengths", "Save the changes"] },
        { "/Locality/Statements/{person}", "Datganiadau 'Fi'", ["I statements", "Score the statements", "Date of the conversation", "Save scores", "Add statements", "Whose statement"] },
        { "/Locality/Purpose", "Ein diben a'n hegwyddorion", ["Our purpose", "Written by the team", "One principle to a line"] },
        { "/Locality/Action/{person}?Skill=handyperson", "Ychwanegu cam gweithredu", ["Add an action", "Find help", "in the directory", "What will be done", "A visit", "Who will do it", "None of these"] },
        { "/Locality/Directory", "Cyfeiriadur lleol", ["Local directory", "People, groups", "entries", "Skills", "Street and area", "Volunteer"] },
        { "/Locality/Handover/{handover}?q={family}", "Wedi'i glywed wrth ddrws ffrynt", ["Heard at a front door", "Handed over", "Is it someone we know", "Who is it?", "Born ", "Someone new", "with their household"] },
        { "/Locality/NewPerson?handover={handover}", "Rhywun sy'n cyflwyno ei hun", ["Someone who presents", "Only their name", "Heard at", "First name", "Where do they live", "Add them and start"] },
        { "/Locality/Person/{person}/Consent", "Caniatâd i rannu", ["Consent to sharing", "Some agencies share", "Record what they said", "When they said it", "Record consent"] },
        { "/Demand/Capture/{study}", "Cofnodi galw", ["Capture demand", "in the person's own words", "Value or failure", "Type of demand", "Front door", "Save demand", "Captured so far", "All demand studies"] },
        { "/Demand/Demands/{study}", "Galwadau", ["All types", "Value or failure", "demands; page", "In their words", "What happened", "Download this table", "Resolved there and then"] },
    };

    [Theory]
    [MemberData(nameof(TranslatedPages))]
    public async Task ATranslatedPage_IsAllWelsh_ButForPeoplesOwnWords(string path, string welshHeading, string[] english)
    {
        var (person, family, conversation) = TeamWorksWith(_app);
        // The locality team's pages as a locality worker, the demand study's as a member of the study team.
        var client = await _app.ClientAsync(path.StartsWith("/Demand/", StringComparison.Ordinal) ? DemoUsers.Study : DemoUsers.Worker);
        (await client.GetAsync("/Language?to=cy&returnUrl=%2F")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var response = await client.GetAsync(path.Replace("{person}", person.ToString(), StringComparison.Ordinal).Replace("{family}", Uri.EscapeDataString(family), StringComparison.Ordinal).Replace("{conversation}", conversation.ToString(), StringComparison.Ordinal)
            .Replace("{study}", path.Contains("{study}", StringComparison.Ordinal) ? FirstStudy().ToString(System.Globalization.CultureInfo.InvariantCulture) : "", StringComparison.Ordinal)
            .Replace("{handover}", path.Contains("{handover}", StringComparison.Ordinal) ? (await WaitingHandoverAsync()).ToString() : "", StringComparison.Ordinal));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        ShouldBeAllWelsh(await response.Content.ReadAsStringAsync(), path, welshHeading, english);
    }

    /// <summary>The demo's first demand study.</summary>
    private int FirstStudy()
    {
        using var scope = _app.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<LocalFlow.Data.LocalFlowDb>().DemandStudies.Min(s => s.Id);
    }

    /// <summary>A hand-over from a front door that the team has not picked up yet (one is made when none is waiting).</summary>
    private async Task<Guid> WaitingHandoverAsync()
    {
        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LocalFlow.Data.LocalFlowDb>();
        var locality = db.Localities.Min(l => l.Id);
        if (db.FrontDoorHandovers.Where(h => h.LocalityId == locality && h.PersonId == null && h.RemovedUtc == null).OrderBy(h => h.Id).Select(h => (Guid?)h.Id).FirstOrDefault() is { } waiting)
        {
            return waiting;
        }
        var demand = db.Demands.Where(d => d.StudyId == db.DemandStudies.Min(s => s.Id)).OrderBy(d => d.ReceivedAt).First();
        return (await new LocalFlow.Data.LocalityWork.Handovers(db).HandOverAsync(demand, "Welsh test")).Id;
    }

    /// <summary>An unrestricted person of the first locality with a good-life conversation and an action of the team.</summary>
    internal static (Guid Person, string FamilyName, Guid Conversation) TeamWorksWith(LocalFlowApp app)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LocalFlow.Data.LocalFlowDb>();
        var locality = db.Localities.Min(l => l.Id);
        var (person, family) = db.People
            .Where(p => p.LocalityId == locality && !p.Restricted && (p.Household == null || !p.Household.Restricted)
                && db.GoodLifeConversations.Any(c => c.PersonId == p.Id) && db.TeamActions.Any(a => a.PersonId == p.Id))
            .OrderBy(p => p.FamilyName).ThenBy(p => p.Id)
            .Select(p => new ValueTuple<Guid, string>(p.Id, p.FamilyName)).First();
        return (person, family, db.GoodLifeConversations.Where(c => c.PersonId == person).OrderBy(c => c.Id).Select(c => c.Id).First());
    }
}
