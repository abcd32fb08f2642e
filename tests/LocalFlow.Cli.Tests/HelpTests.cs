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

/// <summary>The command line's help in Welsh (issue 15, item 15; docs/welsh.md).</summary>
public class WelshHelpTests
{
    private static readonly Dictionary<string, string> InWelsh = new() { [CliLanguage.EnvironmentVariable] = "cy" };

    [Fact]
    public void EveryDescription_HasItsWelsh_KeepingItsOptionsAndCommandsAsWritten()
    {
        var english = CliLanguage.Symbols(LocalFlow.Cli.Commands.CommandCatalog.Root()).Select(s => s.Description).OfType<string>().Where(d => d.Length > 0).Distinct().ToList();
        english.Count.ShouldBeGreaterThan(100);
        var missing = english.Where(e => CliLanguage.WelshOf(e) is null).ToList();
        missing.ShouldBeEmpty(string.Join("\n----\n", missing));
        foreach (var text in english)
        {
            var welsh = CliLanguage.WelshOf(text)!;
            foreach (var kept in Kept(text))
            {
                welsh.ShouldContain(kept, Case.Sensitive, $"the Welsh of \"{text}\" must keep {kept}");
            }
        }
    }

    [Fact]
    public async Task Help_InWelsh_WritesItsFrameAndEveryDescriptionInWelsh()
    {
        var (code, output) = await CliRunner.RunAsync(InWelsh, "--help");
        code.ShouldBe(0);
        output.ShouldContain("Disgrifiad:\n  localflow — llinell orchymyn LocalFlow");
        output.ShouldContain("Defnydd:\n  localflow [gorchymyn] [opsiynau]");
        output.ShouldContain("Opsiynau:\n  -?, -h, --help");
        output.ShouldContain("Dangos help a gwybodaeth am ddefnydd");
        output.ShouldContain("Gorchmynion:\n  demo ");
        output.ShouldContain("subject-access  Popeth a gedwir am un unigolyn");
        foreach (var english in new[] { "Description:", "Usage:", "Options:", "Commands:", "Show help", "LocalFlow helps public services", "[command]", "Create the demo locality" })
        {
            output.ShouldNotContain(english);
        }
    }

    [Fact]
    public async Task Help_InAWelshLocale_IsWelsh_WithRequiredAndDefaultsInWelsh_AndLinesWrappedAtWords()
    {
        var (code, output) = await CliRunner.RunAsync(new Dictionary<string, string> { ["LANG"] = "cy_GB.UTF-8", ["LC_ALL"] = "cy_GB.UTF-8", ["COLUMNS"] = "100" }, "link", "--help");
        code.ShouldBe(0);
        output.ShouldContain("Defnydd:\n  localflow link [gorchymyn] [opsiynau]");
        output.ShouldContain("--out <out> (GOFYNNOL)");
        output.ShouldContain("[rhagosodiad: 80000000]");
        output.ShouldNotContain("(REQUIRED)");
        output.ShouldNotContain("[default:");
        output.Split('\n').ShouldAllBe(line => line.TrimEnd().Length <= 100 || !line.TrimEnd().Contains(' ', StringComparison.Ordinal));
    }

    [Fact]
    public async Task English_IsKeptWhenChosen_AndAnUnknownLanguage_IsRefusedByName()
    {
        var (code, output) = await CliRunner.RunAsync(new Dictionary<string, string> { ["LANG"] = "cy_GB.UTF-8", [CliLanguage.EnvironmentVariable] = "en" }, "--help");
        code.ShouldBe(0);
        output.ShouldContain("Description:\n  localflow — the command line for LocalFlow");
        output.ShouldContain("Usage:\n  localflow [command] [options]");
        output.ShouldNotContain("Disgrifiad:");

        (code, output) = await CliRunner.RunAsync(new Dictionary<string, string> { [CliLanguage.EnvironmentVariable] = "fr" }, "--help");
        code.ShouldBe(2);
        output.ShouldContain("LOCALFLOW_LANGUAGE: \"fr\" is not a language LocalFlow speaks; use en (English) or cy (Cymraeg).");
        output.ShouldNotContain("Description:");
    }

    [Theory]
    [InlineData("one two three four five six seven", 9, new[] { "one two", "three", "four five", "six seven" })]
    [InlineData("a line made\nfor English\n\nA new paragraph", 40, new[] { "a line made for English", "A new paragraph" })]
    [InlineData("averyveryverylongword short", 5, new[] { "averyveryverylongword", "short" })]
    public void Wrap_BreaksAtSpaces_FlowsALinesOwnBreaks_AndKeepsParagraphs(string text, int width, string[] lines) =>
        CliLanguage.Wrap(text, width).ShouldBe(lines);

    /// <summary>What a translation must keep as written: options (--name), commands in backticks, file names and numbers.</summary>
    private static IEnumerable<string> Kept(string english) =>
        System.Text.RegularExpressions.Regex.Matches(english, @"(?<![\w-])--[a-z][a-z-]*|`[^`]+`|\b\d[\d,.]*\b").Select(m => m.Value.TrimEnd('.', ',')).Distinct();
}
