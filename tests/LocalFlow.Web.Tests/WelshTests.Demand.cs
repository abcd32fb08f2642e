using System.Globalization;
using System.Net;
using LocalFlow.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace LocalFlow.Web.Tests;

/// <summary>The rest of the demand study in Welsh (issue 15): the studies, starting one, correcting a demand, types, a type, analysis, the board and import.</summary>
public partial class WelshTests
{
    /// <summary>
    /// A demo user, a demand page they ask for in Welsh ("{study}", "{type}" and "{demand}" stand for the demo's first
    /// study, its biggest type and its first demand), the Welsh the page must show, and English of that page that must not show.
    /// </summary>
    public static TheoryData<string, string, string, string[]> DemandStudyPages => new()
    {
        { DemoUsers.Study, "/Demand", "Astudiaethau galw", ["Demand studies", "Sit beside", "Start a demand study", "Service", "Dates", "In progress", "Finished", "People-centred", "Transactional", " to ", "demand for", "Capture"] },
        { DemoUsers.Study, "/Demand/Create", "Dechrau astudiaeth galw", ["Start a demand study", "Service you are studying", "What kind of service", "People-centred", "First day", "Not one team", "Study team", "ready-made", "Start the study"] },
        { DemoUsers.Study, "/Demand/Correct/{study}/{demand}", "Cywiro galw", ["Correct a demand", "Captured by", "Value demand", "Why are you correcting", "Save correction", "Linked person", "Who the demand came from", "Value or failure demand?", "As the front door"] },
        { DemoUsers.Study, "/Demand/Types/{study}", "Mathau o alw", ["Types of demand", "Types emerge", "in use", "Usually", "In people's words", "Create a type", "Create type", "Description (optional)"] },
        { DemoUsers.Study, "/Demand/Type/{study}/{type}", "Ailenwi neu ddisgrifio", ["Rename or describe", "Merge into", "History", "Split", "Show only the demands", "All of them are shown", "Demands that belong", "Name of the new type", "Add as evidence"] },
        { DemoUsers.Study, "/Demand/Analysis/{study}", "Dadansoddiad", ["Purpose:", "Computed from", "resolved at first contact", "types heard", "heard only once in", "Set level", "Value and failure demand", "Kinds of failure demand", "Share of failure demand", "resolved there and then;", "Capability charts"] },
        { DemoUsers.Worker, "/Demand/Board/{study}", "Yr hyn rydym wedi'i glywed hyd yma", ["What we have heard so far", "Purpose, from", "This board is for", "demands heard", "referred on or screened out", "In people's own words", "Failure demand from day to day"] },
        { DemoUsers.Study, "/Demand/Import/{study}", "Mewnforio ac allforio galwadau", ["Import and export demands", "Download every demand", "Downloads are recorded", "Demand recorded by someone else", "CSV file", "A header row", "Upload and map columns"] },
    };

    [Theory]
    [MemberData(nameof(DemandStudyPages))]
    public async Task ADemandStudyPage_IsAllWelsh(string user, string path, string welsh, string[] english)
    {
        var (study, type, demand) = DemandStudyIds();
        await AskedInWelsh_IsAllWelshAsync(user, path.Replace("{study}", study.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{type}", type.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal).Replace("{demand}", demand.ToString(), StringComparison.Ordinal), welsh, english);
    }

    /// <summary>Uploading no file in Welsh gives the Welsh error, keeps the page Welsh, and imports nothing.</summary>
    [Fact]
    public async Task ImportingNoFile_InWelsh_SaysSoInWelsh()
    {
        var (study, _, _) = DemandStudyIds();
        var client = await WelshClientAsync(DemoUsers.Study);
        var token = await LocalFlowApp.AntiforgeryTokenAsync(client, $"/Demand/Import/{study}");
        var response = await client.PostAsync($"/Demand/Import/{study}?handler=Upload", new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        ShouldBeAllWelsh(await response.Content.ReadAsStringAsync(), "/Demand/Import (no file)", "Dewiswch ffeil CSV i'w mewnforio", ["Choose a CSV file", "There is a problem", "Error:"]);
    }

    /// <summary>A client signed in as <paramref name="user"/> who has chosen Cymraeg.</summary>
    private async Task<HttpClient> WelshClientAsync(string user)
    {
        var client = await _app.ClientAsync(user);
        (await client.GetAsync("/Language?to=cy&returnUrl=%2F")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return client;
    }

    /// <summary>Asks for <paramref name="path"/> in Welsh as <paramref name="user"/> and checks it is all Welsh.</summary>
    private async Task AskedInWelsh_IsAllWelshAsync(string user, string path, string welsh, string[] english)
    {
        var response = await (await WelshClientAsync(user)).GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        ShouldBeAllWelsh(await response.Content.ReadAsStringAsync(), path, welsh, english);
    }

    /// <summary>The demo's first study, its type with the most demands, and its earliest demand.</summary>
    private (int Study, int Type, Guid Demand) DemandStudyIds()
    {
        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LocalFlow.Data.LocalFlowDb>();
        var study = db.DemandStudies.Min(s => s.Id);
        var type = db.Demands.Where(d => d.StudyId == study && d.TypeId != null).GroupBy(d => d.TypeId!.Value)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => g.Key).First();
        var demand = db.Demands.Where(d => d.StudyId == study).OrderBy(d => d.ReceivedAt).ThenBy(d => d.Id).Select(d => d.Id).First();
        return (study, type, demand);
    }
}
