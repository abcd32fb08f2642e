using System.Diagnostics;
using System.Text;
using LocalFlow.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Cli.Tests;

/// <summary>
/// kill -9 in the middle of an import's transaction: `localflow demand import` and `localflow link import` run as
/// child processes against a copy of the demo (SQLite in WAL mode), and are killed as soon as the write-ahead log
/// grows by <see cref="ImportWalBytes"/>: the import's transaction is larger than SQLite's page cache, so its pages
/// spill into the log before it commits. The import must be there whole or not at all (a kill that lands in the
/// commit may leave it whole), the database must pass SQLite's integrity check, and the audit chain must be whole.
/// The short version runs here; benchmarks/trust/kill-loop.sh repeats it many times and counts the outcomes.
/// </summary>
public class KillTests
{
    /// <summary>Growth of the write-ahead log this large is the import's transaction, not a small write before it.</summary>
    private const long ImportWalBytes = 256 * 1024;

    private const int Demands = 3000;
    private const int Identities = 20_000;

    [Fact]
    public async Task ADemandImport_KilledWhileItWrites_LeavesNoHalfWrittenRows_AndAWholeAudit()
    {
        var dir = await CliDemo.CopyAsync();
        try
        {
            var file = Path.Combine(dir, "many.csv");
            var csv = new StringBuilder("Said,Outcome,VF,Door\n");
            var words = string.Concat(Enumerable.Repeat("the bins were missed again and the lane behind the flats is full, ", 12));
            for (var i = 1; i <= Demands; i++)
            {
                csv.Append($"\"{i}: {words}\",Booked,value,Council web form\n");
            }
            await File.WriteAllTextAsync(file, csv.ToString());
            var before = await CountAsync(dir, db => db.Demands.CountAsync());

            (await KillWhileWritingAsync(dir, "demand", "import", file, "--study", "2", "--map", "verbatim=Said,what_happened=Outcome,value_or_failure=VF,front_door=Door", "--data-dir", dir))
                .ShouldBeTrue("the import was killed while it wrote");

            (await CountAsync(dir, db => db.Demands.CountAsync())).ShouldBeOneOf([before, before + Demands], "a killed import is there whole or not at all");
            IntegrityCheck(dir).ShouldBe("ok");
            var (code, output) = await CliRunner.RunAsync("audit", "verify", "--data-dir", dir);
            code.ShouldBe(0, output);
        }
        finally
        {
            Delete(dir);
        }
    }

    [Fact]
    public async Task AnIdentityImport_KilledWhileItWrites_LeavesNoHalfWrittenRows()
    {
        var dir = await CliDemo.CopyAsync();
        try
        {
            var file = Path.Combine(dir, "extract.csv");
            var csv = new StringBuilder("record id,given names,surname,date of birth,address,postcode\n");
            for (var i = 1; i <= Identities; i++)
            {
                csv.Append($"K-{i},Ann {i},Smith,1980-02-03,\"{i} High Street, Northfield\",NF1 2AB\n");
            }
            await File.WriteAllTextAsync(file, csv.ToString());
            var before = await CountAsync(dir, db => db.SourceIdentities.CountAsync());

            (await KillWhileWritingAsync(dir, "link", "import", file, "--source", "Kill test system", "--data-dir", dir))
                .ShouldBeTrue("the import was killed while it wrote");

            (await CountAsync(dir, db => db.SourceIdentities.CountAsync())).ShouldBeOneOf([before, before + Identities], "a killed import is there whole or not at all");
            IntegrityCheck(dir).ShouldBe("ok");
        }
        finally
        {
            Delete(dir);
        }
    }

    /// <summary>
    /// Runs `localflow` and kills it (SIGKILL, the whole process tree) as soon as the database's write-ahead log has
    /// grown by <see cref="ImportWalBytes"/>: the import's transaction is writing. False if it finished first.
    /// </summary>
    internal static async Task<bool> KillWhileWritingAsync(string dir, params string[] args)
    {
        var wal = new FileInfo(Path.Combine(dir, DatabaseOptions.DefaultFileName + "-wal"));
        var start = wal.Exists ? wal.Length : 0;
        using var p = CliRunner.Start(args);
        var output = p.StandardOutput.ReadToEndAsync();
        var errors = p.StandardError.ReadToEndAsync();
        var timer = Stopwatch.StartNew();
        while (!p.HasExited && timer.Elapsed < TimeSpan.FromMinutes(2))
        {
            wal.Refresh();
            if (wal.Exists && wal.Length >= start + ImportWalBytes)
            {
                p.Kill(entireProcessTree: true);
                await p.WaitForExitAsync();
                return true;
            }
            await Task.Delay(1);
        }
        await p.WaitForExitAsync();
        Assert.Fail($"localflow {string.Join(' ', args.Take(2))} finished (exit {p.ExitCode}) before it could be killed in its transaction: {await output}{await errors}");
        return false;
    }

    private static async Task<int> CountAsync(string dir, Func<LocalFlowDb, Task<int>> count)
    {
        await using var db = DatabaseOptions.ForSqliteFile(Path.Combine(dir, DatabaseOptions.DefaultFileName)).CreateContext();
        return await count(db);
    }

    private static string IntegrityCheck(string dir)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(dir, DatabaseOptions.DefaultFileName)};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        return (string)command.ExecuteScalar()!;
    }

    private static void Delete(string dir)
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(dir))
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
