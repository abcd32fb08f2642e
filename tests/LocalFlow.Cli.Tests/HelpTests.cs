namespace LocalFlow.Cli.Tests;

public class HelpTests
{
    [Fact]
    public async Task Help_ListsEveryVerb_WithAPlainDescription()
    {
        var (code, output) = await CliRunner.RunAsync("--help");
        code.ShouldBe(0);
        output.ShouldContain("demo");
        output.ShouldContain("schema");
        output.ShouldContain("LocalFlow helps public services");
    }

    [Fact]
    public async Task Demo_RefusesAnImpossibleSize()
    {
        var (code, output) = await CliRunner.RunAsync("demo", "--households", "0", "--data-dir", Path.Combine(Path.GetTempPath(), "lf-" + Guid.NewGuid().ToString("N")));
        code.ShouldBe(2);
        output.ShouldContain("--households must be between");
    }
}
