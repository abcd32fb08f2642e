using System.Text.Json;

namespace LocalFlow.Cli.Tests;

public class EconomicsCommandTests
{
    [Fact]
    public async Task Economics_PrintsTheCohortsFigures_AtTheChosenPriceYear_AsJsonAndCsv_AndRefusesAYearTheIndexLacks()
    {
        var dir = await CliDemo.CopyAsync();
        try
        {
            var (code2023, json2023) = await CliRunner.RunAsync("economics", "--format", "json", "--until", "2026-12-01", "--data-dir", dir);
            code2023.ShouldBe(0, json2023);
            var (code2009, json2009) = await CliRunner.RunAsync("economics", "--format", "json", "--year", "2009", "--until", "2026-12-01", "--data-dir", dir);
            code2009.ShouldBe(0, json2009);
            using var at2023 = JsonDocument.Parse(json2023);
            using var at2009 = JsonDocument.Parse(json2009);
            at2023.RootElement.GetProperty("priceYear").GetInt32().ShouldBe(2023);
            at2009.RootElement.GetProperty("priceYear").GetInt32().ShouldBe(2009);
            static decimal TeamCost(JsonDocument d) => d.RootElement.GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("group").GetString() == "LocalityTeam").GetProperty("costAfter").GetDecimal();
            // The locality team's work is priced at recent prices: the same work costs less at 2009's.
            TeamCost(at2023).ShouldBeGreaterThan(0);
            TeamCost(at2009).ShouldBeLessThan(TeamCost(at2023));
            at2023.RootElement.GetProperty("extrapolation").GetProperty("statement").GetString()!.ShouldContain("estimate");

            var (csvCode, csv) = await CliRunner.RunAsync("economics", "--until", "2026-12-01", "--data-dir", dir);
            csvCode.ShouldBe(0);
            csv.ShouldStartWith("section,item,measure,value");
            csv.ShouldContain($"by_group,LocalityTeam,cost_after,{TeamCost(at2023).ToString(System.Globalization.CultureInfo.InvariantCulture)}");

            var (refused, message) = await CliRunner.RunAsync("economics", "--year", "1850", "--data-dir", dir);
            refused.ShouldBe(2);
            message.ShouldContain("the price index holds 1996 to 2026 only");

            // The locality picture and tiers from the same demo: every household is in one tier, and the demo's
            // locality-team households carry flags from their history.
            var (pictureCode, pictureJson) = await CliRunner.RunAsync("locality", "picture", "--format", "json", "--data-dir", dir);
            pictureCode.ShouldBe(0, pictureJson);
            var (tiersCode, tiersJson) = await CliRunner.RunAsync("locality", "tiers", "--format", "json", "--data-dir", dir);
            tiersCode.ShouldBe(0, tiersJson);
            using var picture = JsonDocument.Parse(pictureJson);
            using var tiers = JsonDocument.Parse(tiersJson);
            var households = picture.RootElement.GetProperty("households").GetInt32();
            households.ShouldBeGreaterThan(30);
            picture.RootElement.GetProperty("flagged").GetInt32().ShouldBeGreaterThan(0);
            picture.RootElement.GetProperty("rules").GetArrayLength().ShouldBe(7);
            var all = tiers.RootElement.GetProperty("all");
            (all.GetProperty("inBalance").GetInt32() + all.GetProperty("eitherWay").GetInt32() + all.GetProperty("seriousHelp").GetInt32()).ShouldBe(households);
            all.GetProperty("seriousHelp").GetInt32().ShouldBeGreaterThan(0);
            tiers.RootElement.GetProperty("statement").GetString()!.ShouldContain("never a threshold");
            var (tiersCsvCode, tiersCsv) = await CliRunner.RunAsync("locality", "tiers", "--data-dir", dir);
            tiersCsvCode.ShouldBe(0);
            tiersCsv.ShouldStartWith("section,item,in_balance,either_way,serious_help");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
    }
}
