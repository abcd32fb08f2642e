using LocalFlow.Analytics.Flow;
using LocalFlow.Analytics.Flow.Formats;
using Spectre.Console;

namespace LocalFlow.Cli.Commands;

/// <summary>Reads activity files (CSV with a mapping, XES, XES.gz, OCEL 2.0 JSON, or a folder of CSV extracts) into one log, without a database.</summary>
internal static class FlowFiles
{
    public static IReadOnlyList<string> Expand(IEnumerable<string> inputs)
    {
        var files = new List<string>();
        foreach (var input in inputs)
        {
            if (Directory.Exists(input))
            {
                // a folder is a set of CSV extracts (each with its .mapping.json); XES and OCEL files are named one by one
                files.AddRange(Directory.GetFiles(input, "*.csv").Order(StringComparer.Ordinal));
            }
            else
            {
                files.Add(input);
            }
        }
        return files;
    }

    /// <summary>Reads every file; returns the log (null when any file was rejected) and each file's report.</summary>
    public static (ActivityLog? Log, List<FlowImportReport> Reports) Load(IReadOnlyList<string> files, string? mappingPath, bool showProgress, bool allowPartial = false)
    {
        var reports = new List<FlowImportReport>();
        var total = files.Sum(f => File.Exists(f) ? new FileInfo(f).Length : 0);
        var builder = new ActivityLogBuilder(EstimateCapacity(total));
        ActivityLog? log = null;
        void Work(Action<string, double>? report)
        {
            long done = 0;
            var csvRun = new List<(string Path, CsvMapping Mapping)>();
            void FlushCsv()
            {
                if (csvRun.Count == 0)
                {
                    return;
                }
                if (csvRun.Count == 1)
                {
                    var (file, mapping) = csvRun[0];
                    var size = new FileInfo(file).Length;
                    var progress = new SyncProgressLong(b => report?.Invoke($"Reading {Path.GetFileName(file)}", total == 0 ? 1 : Math.Min(1, (done + (double)b) / total)));
                    using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
                    reports.Add(CsvActivityReader.Read(stream, mapping, builder, Path.GetFileName(file), allowPartial, progress));
                    done += size;
                }
                else
                {
                    // several extracts: read two at a time, appended in the order given
                    report?.Invoke($"Reading {csvRun.Count} CSV files", total == 0 ? 1 : (double)done / total);
                    reports.AddRange(CsvActivityReader.ReadFiles(csvRun, builder, allowPartial));
                    done += csvRun.Sum(f => new FileInfo(f.Path).Length);
                }
                report?.Invoke("Read", total == 0 ? 1 : (double)done / total);
                csvRun.Clear();
            }
            foreach (var file in files)
            {
                if (!File.Exists(file))
                {
                    throw new FlowFormatException($"There is no file {file}.");
                }
                if (!IsXes(file) && !IsOcel(file))
                {
                    csvRun.Add((file, ResolveMapping(file, mappingPath)));
                    continue;
                }
                FlushCsv();
                var size = new FileInfo(file).Length;
                report?.Invoke($"Reading {Path.GetFileName(file)}", total == 0 ? 1 : (double)done / total);
                reports.Add(ReadOne(file, builder, allowPartial));
                done += size;
            }
            FlushCsv();
            if (reports.All(r => !r.Rejected))
            {
                report?.Invoke("Building the log", 1);
                log = builder.Build();
            }
        }
        if (showProgress)
        {
            AnsiConsole.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .Start(ctx =>
                {
                    var task = ctx.AddTask("Reading", maxValue: 1);
                    Work((what, fraction) =>
                    {
                        task.Description = Markup.Escape(what);
                        task.Value = fraction;
                    });
                    task.Value = 1;
                });
        }
        else
        {
            Work(null);
        }
        return (log, reports);
    }

    private static int EstimateCapacity(long bytes) => (int)Math.Clamp(bytes / 60, 1024, 64_000_000);

    private static bool IsXes(string file) => file.EndsWith(".xes", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".xes.gz", StringComparison.OrdinalIgnoreCase);

    private static bool IsOcel(string file) => file.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".jsonocel", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".json.gz", StringComparison.OrdinalIgnoreCase);

    private static FlowImportReport ReadOne(string file, ActivityLogBuilder builder, bool allowPartial)
    {
        var name = Path.GetFileName(file);
        if (IsXes(file))
        {
            return XesReader.Read(file, builder, new XesReadOptions { AllowPartial = allowPartial, DefaultAgency = Path.GetFileNameWithoutExtension(name.Replace(".gz", "", StringComparison.OrdinalIgnoreCase)) });
        }
        return OcelReader.Read(file, builder, new OcelReadOptions { AllowPartial = allowPartial });
    }

    /// <summary>
    /// The mapping for a CSV file: the one given, else its sidecar .mapping.json, else none needed when the file is
    /// LocalFlow's own CSV or an event log in the common process-mining convention (rows of <paramref name="agency"/>,
    /// else of the agency named like the file, as for XES).
    /// </summary>
    public static CsvMapping ResolveMapping(string file, string? mappingPath, string? agency = null)
    {
        var sidecar = Path.Combine(Path.GetDirectoryName(file) ?? ".", Path.GetFileNameWithoutExtension(file) + ".mapping.json");
        var path = mappingPath ?? (File.Exists(sidecar) ? sidecar : null);
        if (path is not null)
        {
            if (!File.Exists(path))
            {
                throw new FlowFormatException($"There is no mapping file {path}.");
            }
            return CsvMapping.FromJson(File.ReadAllText(path));
        }
        using var stream = File.OpenRead(file);
        var preview = CsvActivityReader.Preview(stream, rows: 0);
        if (preview.Header.SequenceEqual(CsvActivityWriter.Header, StringComparer.OrdinalIgnoreCase))
        {
            return CsvMapping.Canonical;
        }
        return CsvMapping.EventLog(preview.Header, string.IsNullOrWhiteSpace(agency) ? Path.GetFileNameWithoutExtension(file) : agency)
            ?? throw new FlowFormatException($"{Path.GetFileName(file)} needs a column mapping: give --mapping M.json, or name its columns as an event log does (case:concept:name, concept:name, time:timestamp...) (its columns are: {string.Join(", ", preview.Header)}).");
    }

    private sealed class SyncProgressLong(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}
