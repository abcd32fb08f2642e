using System.Globalization;
using System.Text;

namespace LocalFlow.Data.Tests.Fuzz;

/// <summary>
/// How the fuzz tests run: a modest number of cases in ./test.sh, as many as <c>LOCALFLOW_FUZZ_ITERATIONS</c> says in a
/// long run, from the seed <c>LOCALFLOW_FUZZ_SEED</c> when one is given (CsCheck prints the seed of any failing case,
/// so it can be replayed). Each case runs on its own thread, bounded in time and in what it allocates.
/// </summary>
internal static class Fuzzing
{
    public const string IterationsVariable = "LOCALFLOW_FUZZ_ITERATIONS";
    public const string SeedVariable = "LOCALFLOW_FUZZ_SEED";

    /// <summary>No single case may take longer than this (generous: the machine may be busy); longer is a hang.</summary>
    public static readonly TimeSpan CaseTime = TimeSpan.FromSeconds(20);

    /// <summary>The number of cases: <paramref name="quick"/> in the suite, or the environment's number for a long run.</summary>
    public static long Iterations(long quick) =>
        long.TryParse(Environment.GetEnvironmentVariable(IterationsVariable), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : quick;

    /// <summary>The seed to replay, if one is given.</summary>
    public static string? Seed => Environment.GetEnvironmentVariable(SeedVariable) is { Length: > 0 } s ? s : null;

    /// <summary>
    /// Runs <paramref name="read"/> on a thread of its own; fails if it takes longer than <see cref="CaseTime"/> or
    /// allocates more than <paramref name="maxAllocatedBytes"/>. Returns what it threw, if anything.
    /// </summary>
    public static Exception? Run(Action read, long maxAllocatedBytes, string what)
    {
        var task = Task.Factory.StartNew(() =>
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            Exception? thrown = null;
            try
            {
                read();
            }
            catch (Exception ex)
            {
                thrown = ex;
            }
            return (Thrown: thrown, Allocated: GC.GetAllocatedBytesForCurrentThread() - before);
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        if (!task.Wait(CaseTime))
        {
            Assert.Fail($"{what} took longer than {CaseTime.TotalSeconds:N0} s: it hangs");
        }
        var (thrown, allocated) = task.Result;
        if (allocated > maxAllocatedBytes)
        {
            Assert.Fail($"{what} allocated {allocated:N0} bytes, more than the {maxAllocatedBytes:N0} allowed");
        }
        return thrown;
    }

    /// <summary>Runs an asynchronous case; fails if it takes longer than <see cref="CaseTime"/>.</summary>
    public static async Task<Exception?> RunAsync(Func<Task> import, string what)
    {
        try
        {
            await import().WaitAsync(CaseTime);
            return null;
        }
        catch (TimeoutException)
        {
            Assert.Fail($"{what} took longer than {CaseTime.TotalSeconds:N0} s: it hangs");
            return null;
        }
        catch (Exception ex)
        {
            return ex;
        }
    }

    /// <summary>A failing file as a person can read it in the test output: its length and its start, escaped.</summary>
    public static string Describe(byte[] file)
    {
        var text = new StringBuilder($"{file.Length:N0} bytes: ");
        foreach (var b in file.Take(600))
        {
            text.Append(b is >= 0x20 and < 0x7F ? ((char)b).ToString() : b == (byte)'\n' ? "\\n" : $"\\x{b:X2}");
        }
        return text.ToString();
    }
}
