using System.Net;
using System.Text;
using LocalFlow.Analytics.Redesign;
using LocalFlow.Data;
using LocalFlow.Data.Entities;
using LocalFlow.Data.Redesign;
using LocalFlow.Web.Infrastructure;
using LocalFlow.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LocalFlow.Web.Tests.Redesign;

/// <summary>The resource and needs databases over the demo, by plain HTTP, in the redesign pages' fixture.</summary>
public partial class RedesignPagesTests
{
    private async Task<T> WithDbAsync<T>(Func<LocalFlowDb, Task<T>> read)
    {
        using var scope = _app.Services.CreateScope();
        return await read(scope.ServiceProvider.GetRequiredService<LocalFlowDb>());
    }

    private static Task<List<string>> MoneyRowsAsync(LocalFlowDb db)
        => db.ResourceMoney.OrderBy(m => m.Partner).ThenBy(m => m.Purpose).ThenBy(m => m.Amount)
            .Select(m => m.LocalityId + "|" + m.Partner + "|" + m.Body + "|" + m.Purpose + "|" + m.Amount + "|" + m.PriceYear + "|" + m.Period + "|" + m.Note).ToListAsync();

    [Fact]
    public async Task Citizen_SeesResourceTotalsAndNeedsInAggregate_NeverAPersonsRecords()
    {
        var (workers, totals) = await WithDbAsync(async db => (
            await db.Workers.OrderBy(w => w.Id).Select(w => w.Name).ToListAsync(),
            await ResourceDatabase.TotalsAsync(db, await db.Localities.MinAsync(l => l.Id))));
        var client = await _app.ClientAsync(DemoUsers.Citizen);

        var resources = WebUtility.HtmlDecode(await client.GetStringAsync("/Redesign/Resources"));
        var needs = WebUtility.HtmlDecode(await client.GetStringAsync("/Redesign/Needs"));

        // The demo's lines, added by hand at their own prices, are what the engine restates; the page shows the engine's totals.
        totals.ByPartner.Count.ShouldBe(7);
        totals.NotRestated.ShouldBeEmpty();
        resources.ShouldContain(Gov.Money(totals.PerYear, whole: true));
        resources.ShouldContain("Citizens' own contributions");
        resources.ShouldContain("Home care");
        resources.ShouldContain("Meadows community centre");
        resources.ShouldContain("Locality workers who can stay with a family");
        needs.ShouldContain("Older people living alone want company");
        needs.ShouldContain("the demand study of Adult social care contact team");
        foreach (var page in new[] { resources, needs })
        {
            page.ShouldNotContain("/Locality/Person/");
            page.ShouldNotContain("/Flow/Person/");
            // Workers are counted by agency and job title, never named.
            workers.Where(w => page.Contains(w, StringComparison.Ordinal)).ShouldBeEmpty();
        }
        (await client.GetAsync("/Redesign/Money")).StatusCode.ShouldNotBe(HttpStatusCode.OK);
        (await client.GetAsync("/Redesign/ImportResources")).StatusCode.ShouldNotBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Money_WrongAmount_IsRefusedKeepingWhatWasTyped_ThenSavedAndRemoved()
    {
        var client = await _app.ClientAsync(DemoUsers.Steering);
        var token = await LocalFlowApp.AntiforgeryTokenAsync(client, "/Redesign/Money");
        Dictionary<string, string> Form(string amount) => new()
        {
            ["__RequestVerificationToken"] = token,
            ["Input.Partner"] = "police",
            ["Input.Purpose"] = "Street triage with mental health nurses",
            ["Input.Amount"] = amount,
            ["Input.Period"] = "month",
            ["Input.PriceYear"] = "2025",
        };

        var refused = await client.PostAsync("/Redesign/Money", new FormUrlEncodedContent(Form("twelve thousand")));
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        var saved = await client.PostAsync("/Redesign/Money", new FormUrlEncodedContent(Form("£12,000")));

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("\"twelve thousand\" is not an amount in pounds");
        html.ShouldContain("value=\"twelve thousand\"");
        html.ShouldContain("Street triage with mental health nurses");
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var line = await WithDbAsync(db => db.ResourceMoney.SingleAsync(m => m.Purpose == "Street triage with mental health nurses"));
        line.Amount.ShouldBe(12_000m);
        line.Period.ShouldBe(MoneyPeriod.PerMonth);
        line.UpdatedBy.ShouldBe(DemoUsers.Steering);

        var page = $"/Redesign/Money/{line.Id}";
        var removed = await client.PostAsync($"{page}?handler=Remove", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = await LocalFlowApp.AntiforgeryTokenAsync(client, page) }));
        removed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await WithDbAsync(db => db.ResourceMoney.AnyAsync(m => m.Id == line.Id))).ShouldBeFalse();
    }

    private static async Task<HttpResponseMessage> ImportAsync(HttpClient client, string sheet, string csv)
    {
        var token = await LocalFlowApp.AntiforgeryTokenAsync(client, "/Redesign/ImportResources");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(sheet), "Sheet" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "Upload", $"{sheet}.csv" },
        };
        return await client.PostAsync("/Redesign/ImportResources", form);
    }

    [Fact]
    public async Task MoneyCsv_ExportedAndImportedAgain_IsTheSameList()
    {
        var client = await _app.ClientAsync(DemoUsers.Commissioner);
        var before = await WithDbAsync(MoneyRowsAsync);
        var buildingsBefore = await WithDbAsync(db => db.ResourceBuildings.CountAsync());

        var csv = await client.GetStringAsync("/Redesign/Resources?handler=Csv&sheet=money");
        var imported = await ImportAsync(client, "money", csv);
        var buildingsCsv = await client.GetStringAsync("/Redesign/Resources?handler=Csv&sheet=buildings");
        var buildingsImported = await ImportAsync(client, "buildings", buildingsCsv);

        csv.TrimStart('\uFEFF').ShouldStartWith("partner,body,purpose,amount,price_year,period,note");
        imported.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        buildingsImported.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        before.Count.ShouldBeGreaterThan(10);
        (await WithDbAsync(MoneyRowsAsync)).ShouldBe(before);
        (await WithDbAsync(db => db.ResourceBuildings.CountAsync())).ShouldBe(buildingsBefore);
        (await client.GetStringAsync("/Redesign/Resources?handler=Csv&sheet=money")).ShouldBe(csv);
    }

    [Fact]
    public async Task MoneyCsv_WithABadRow_IsRefusedNamingLineAndColumn_AndChangesNothing()
    {
        var client = await _app.ClientAsync(DemoUsers.Commissioner);
        var before = await WithDbAsync(MoneyRowsAsync);
        const string csv = "partner,purpose,amount,price_year,period\r\n"
            + "council,Home care,1000,2025,year\r\n"
            + "bank,Loans,-5,2025,year\r\n"
            + "nhs,District nursing,12.345,1980,fortnight\r\n";

        var response = await ImportAsync(client, "money", csv);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("The file was not imported and nothing changed: 5 problems");
        html.ShouldContain("Line 3, column partner: Choose the partner");
        html.ShouldContain("Line 3, column amount: The amount cannot be negative.");
        html.ShouldContain("Line 4, column amount: The amount must be under £1 trillion, in pounds and pence");
        html.ShouldContain("Line 4, column price_year: The price year must be a year from 1990");
        html.ShouldContain("Line 4, column period: Choose how often it is spent");
        (await WithDbAsync(MoneyRowsAsync)).ShouldBe(before);
    }

    [Fact]
    public async Task Question_RaisedFromANeed_LinksBackToIt()
    {
        var need = await WithDbAsync(db => db.Needs.OrderBy(n => n.Title).FirstAsync(n => n.Who == NeedOf.Community));
        var client = await _app.ClientAsync(DemoUsers.Citizen);
        var raise = $"/Redesign/Raise?need={need.Id}";
        var form = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await LocalFlowApp.AntiforgeryTokenAsync(client, raise),
            ["Need"] = need.Id.ToString(),
            ["Input.Title"] = "Could the community centre open every evening for young people and older people alike?",
            ["Input.Outcome"] = "People have somewhere to meet near home",
        };

        (await client.GetStringAsync($"/Redesign/Need/{need.Id}")).ShouldContain($"/Redesign/Raise?need={need.Id}");
        var raised = await client.PostAsync("/Redesign/Raise", new FormUrlEncodedContent(form));

        raised.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var question = WebUtility.HtmlDecode(await client.GetStringAsync(raised.Headers.Location!.ToString()));
        question.ShouldContain($"Need: {need.Title}");
        question.ShouldContain($"href=\"/Redesign/Need/{need.Id}\"");
        var stored = await WithDbAsync(db => db.CommissioningQuestions.SingleAsync(q => q.NeedId == need.Id && q.Title.StartsWith("Could the community centre open")));
        stored.Source.ShouldBe(QuestionSource.Need);
        WebUtility.HtmlDecode(await client.GetStringAsync($"/Redesign/Need/{need.Id}")).ShouldContain(stored.Title);
    }
}
