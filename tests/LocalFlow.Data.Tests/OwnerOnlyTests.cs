using LocalFlow.TestSupport;

namespace LocalFlow.Data.Tests;

/// <summary>The SQLite database LocalFlow creates is readable by its owner only (issue 14, item 9; docs/operations.md).</summary>
public class OwnerOnlyTests
{
    [Fact]
    public async Task ANewSqliteDatabase_AndItsFolder_AreOwnerOnly()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        using var dir = new TempDirectory();
        var folder = Path.Combine(dir.Path, "data");
        var path = Path.Combine(folder, DatabaseOptions.DefaultFileName);
        var options = DatabaseOptions.ForSqliteFile(path);
        await DatabaseStartup.RunAsync(options, createDemo: false);
        File.GetUnixFileMode(folder).ShouldBe(OwnerOnly.DirectoryMode);
        File.GetUnixFileMode(path).ShouldBe(OwnerOnly.FileMode);
        foreach (var companion in Directory.GetFiles(folder).Where(f => f != path))
        {
            File.GetUnixFileMode(companion).ShouldBe(OwnerOnly.FileMode, companion);
        }
    }
}
