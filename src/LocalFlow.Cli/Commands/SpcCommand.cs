using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using LocalFlow.Analytics.Measures;

namespace LocalFlow.Cli.Commands;

/// <summary>
/// `localflow spc FILE.csv`: a capability chart (XmR) of dated values, printed per point with the centre line,
/// natural process limits and signals, as CSV or JSON. No database needed.
/// </summary>
internal static class SpcCommand
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "A CSV file of dated values: date,value per line (ISO dates like 2026-11-23; a header line is allowed). Use - to read standard input." };
        var phases = new Option<DateOnly[]>("--phase")
        {
            HelpName = "date",
            Description = "Start a new phase on this date (for example the day a redesign began): limits are recalculated from the first point on or after it. Repeat for several.",
            AllowMultipleArgumentsPerToken = false,
            CustomParser = result =>
            {
                var dates = new List<DateOnly>();
                foreach (var token in result.Tokens)
                {
                    if (DateOnly.TryParseExact(token.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                    {
                        dates.Add(d);
                    }
                    else
                    {
                        result.AddError($"--phase \"{token.Value}\" is not a date like 2026-11-23.");
                    }
                }
                return [.. dates];
            },
        };
        var noScreen = new Option<bool>("--no-screen") { Description = "Do not screen out large moving ranges (≥ 3.267 × the mean moving range) before computing the limits. Screening is on by default, as in NHS England's Making Data Count." };
        var baseline = new Option<int?>("--baseline") { HelpName = "N", Description = "Fix each phase's limits from its first N points and extend them over the rest of the phase." };
        var direction = new Option<string>("--improvement")
        {
            Description = "Which way is better, to colour signals as improvement or concern: up, down or neither. Never a target.",
            DefaultValueFactory = _ => "neither",
        };
        direction.AcceptOnlyFromAmong("up", "down", "neither");
        var floor = new Option<double?>("--floor") { HelpName = "value", Description = "A floor for the lower limit (for example 0 for counts)." };
        var format = new Option<string>("--format") { Description = "csv (default) or json.", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "json");

        var command = new Command("spc", """
            Capability chart (XmR) of dated values: centre line, natural process limits (mean ± 2.66 × mean
            moving range) and signals per point — a point beyond a limit, 7 in a row on one side, 7 rising or
            falling, 2 of 3 near a limit. No targets.
            """)
        {
            file, phases, noScreen, baseline, direction, floor, format,
        };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            var options = new CapabilityChartOptions
            {
                ScreenLargeRanges = !parse.GetValue(noScreen),
                BaselinePoints = parse.GetValue(baseline),
                LowerFloor = parse.GetValue(floor),
                Direction = parse.GetValue(direction) switch
                {
                    "up" => ImprovementDirection.HigherIsBetter,
                    "down" => ImprovementDirection.LowerIsBetter,
                    _ => ImprovementDirection.Neither,
                },
            };
            if (options.BaselinePoints is < 2)
            {
                Console.Error.WriteLine("--baseline must be at least 2 points.");
                return 2;
            }
            return Run(path.ToString(), parse.GetValue(phases) ?? [], options, parse.GetValue(format)!);
        });
        return command;
    }

    internal static int Run(string path, IReadOnlyList<DateOnly> phaseDates, CapabilityChartOptions options, string format)
    {
        List<DatedValue> values;
        List<DatedValueError> errors;
        try
        {
            using var reader = path == "-" ? Console.In : new StreamReader(path, Encoding.UTF8);
            (values, errors) = DatedSeries.ReadCsv(reader);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"Cannot read {path}: {ex.Message}");
            return 1;
        }
        if (errors.Count > 0)
        {
            Console.Error.WriteLine($"{path} has {errors.Count} bad row(s); nothing was charted:");
            foreach (var e in errors.Take(50))
            {
                Console.Error.WriteLine($"  line {e.Row}: {e.Message}");
            }
            if (errors.Count > 50)
            {
                Console.Error.WriteLine($"  ... and {errors.Count - 50} more.");
            }
            return 1;
        }
        if (values.Count == 0)
        {
            Console.Error.WriteLine($"{path} has no dated values. Expected lines like: 2026-11-23,42");
            return 1;
        }
        for (var i = 1; i < values.Count; i++)
        {
            if (values[i].Date < values[i - 1].Date)
            {
                Console.Error.WriteLine($"Dates must be in order: line with {values[i].Date:yyyy-MM-dd} comes after {values[i - 1].Date:yyyy-MM-dd}.");
                return 1;
            }
        }

        var chart = DatedSeries.Chart(values, phaseDates, options);
        if (format == "json")
        {
            WriteJson(values, chart);
        }
        else
        {
            WriteCsv(values, chart);
        }
        var signals = chart.Points.Count(p => p.HasSignal);
        Console.Error.WriteLine($"{values.Count} points, {chart.Phases.Count} phase(s), {signals} point(s) with a signal.");
        return 0;
    }

    private static string Number(double v) => double.IsNaN(v) ? "" : v.ToString("0.####", CultureInfo.InvariantCulture);

    private static string ClassName(SignalClass c) => c switch
    {
        SignalClass.Improvement => "improvement",
        SignalClass.Concern => "concern",
        SignalClass.Neutral => "neutral",
        _ => "",
    };

    private static void WriteCsv(List<DatedValue> values, CapabilityChart chart)
    {
        var output = Console.Out;
        output.WriteLine("date,value,phase,centre,lower_limit,upper_limit,moving_range,signals,signal_class");
        foreach (var p in chart.Points)
        {
            var signals = CapabilityChart.Describe(p.Signals);
            output.WriteLine(string.Join(',',
                values[p.Index].Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                Number(p.Value),
                (p.Phase + 1).ToString(CultureInfo.InvariantCulture),
                Number(p.Centre),
                Number(p.Lower),
                Number(p.Upper),
                p.MovingRange is { } mr ? Number(mr) : "",
                signals.Length == 0 ? "" : $"\"{signals}\"",
                ClassName(p.Class)));
        }
    }

    private static void WriteJson(List<DatedValue> values, CapabilityChart chart)
    {
        static double? N(double v) => double.IsNaN(v) ? null : Math.Round(v, 6);
        var document = new
        {
            phases = chart.Phases.Select((ph, i) => new
            {
                phase = i + 1,
                from = values[ph.Start].Date,
                points = ph.Count,
                baselinePoints = ph.BaselineCount,
                centre = N(ph.Centre),
                meanMovingRange = N(ph.MeanMovingRange),
                lowerLimit = N(ph.Lower),
                upperLimit = N(ph.Upper),
                upperRangeLimit = N(ph.UpperRangeLimit),
                screenedRanges = ph.ScreenedRanges,
            }),
            points = chart.Points.Select(p => new
            {
                date = values[p.Index].Date,
                value = p.Value,
                phase = p.Phase + 1,
                centre = N(p.Centre),
                lowerLimit = N(p.Lower),
                upperLimit = N(p.Upper),
                movingRange = p.MovingRange,
                signals = SignalNames(p.Signals),
                signalClass = ClassName(p.Class) is { Length: > 0 } c ? c : null,
            }),
        };
        Console.Out.WriteLine(JsonSerializer.Serialize(document, Json));
    }

    private static string[] SignalNames(SignalRule rules) =>
        [.. Enum.GetValues<SignalRule>().Where(r => r != SignalRule.None && (rules & r) != 0).Select(r => r switch
        {
            SignalRule.BeyondLimit => "beyond-limit",
            SignalRule.RunOnOneSide => "run-on-one-side",
            SignalRule.Trend => "trend",
            _ => "two-of-three-near-limit",
        })];
}
