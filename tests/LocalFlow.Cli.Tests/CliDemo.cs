namespace LocalFlow.Cli.Tests;

/// <summary>
/// A 40-household demo made once per test run with `localflow demo`, as a user makes it, and copied into a fresh data
/// folder for each test that needs one: the demo takes far longer to make than to copy.
/// </summary>
internal static class CliDemo
{
    private static readonly Lazy<Task<string>> Template = new(MakeTemplateAsync);

    /// <summary>A new data folder holding a copy of the demo; the caller deletes it.</summary>
    public static async Task<string> CopyAsync()
    {
        var template = await Template.Value;
        var dir = Path.Combine(Path.GetTempPath(), "lf-" + Guid.NewGuid().ToString("N"));
        foreach (var file in Directory.EnumerateFiles(template, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(dir, Path.GetRelativePath(template, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        return dir;
    }

    private static async Task<string> MakeTemplateAsync()
    {
        var dir = Path.Combine(Path.GetTempPath(), "lf-cli-demo-" + Guid.NewGuid().ToString("N"));
        var (code, output) = await CliRunner.RunAsync("demo", "--households", "40", "--no-users", "--data-dir", dir);
        if (code != 0)
        {
            throw new InvalidOperationException("localflow demo failed: " + output);
        }
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(dir, recursive: true);
            }
            catch (IOException)
            {
                // Left for the system's temporary-folder clean-up.
            }
        };
        return dir;
    }
}
