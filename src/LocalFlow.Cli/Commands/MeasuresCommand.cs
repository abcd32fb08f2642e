using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using LocalFlow.Analytics.Measures;
using LocalFlow.Data;
using LocalFlow.Data.Flow;
using LocalFlow.Data.Measures;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Cli.Commands;

/// <summary>
/// `localflow measures list|show|curves`: the locality's saved purpose measures, one measure's values as its capability
/// chart's table (experiments as phases), and the population curves (docs/measures.md), as CSV or JSON, from the same
/// engine as the Measures pages. Like `localflow locality`, the command line withholds nothing: keep its output to
/// those who may see people.
/// </summary>
internal static class MeasuresCommand
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static Command Create()
    {
        var command = new Command("measures", "Purpose measures: list them, show one's values as a capability chart table, or the population curves (see docs/measures.md).");
        command.Subcommands.Add(Verb("list", "Every saved measure: id, level, name, what it counts, how often, from when, owner and which way is better.", null, List));
        var id = new Argument<int>("id") { Description = "The measure's id (see `localflow measures list`)." };
        command.Subcommands.Add(Verb("show", "One measure's value for each whole period with its phase (experiments start phases), centre line, limits and signals.", id, Show));
        command.Subcommands.Add(Verb("curves", "The population curves: each geography and strategic measure's centre line before and since locality working began, its trend, and whether the curve has turned.", null, Curves));
        return command;
    }

    private delegate Task<(int Code, string Text)> Print(LocalFlowDb db, int locality, int? id, DateOnly until, bool json, CancellationToken ct);

    private static Command Verb(string name, string description, Argument<int>? id, Print print)
    {
        var until = new Option<DateOnly?>("--until") { HelpName = "date", Description = "Count whole periods that end by this day, like 2026-12-07 (today by default)." };
        var format = new Option<string>("--format") { Description = "csv (default) or json.", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "json");
        var locality = FlowCommand.LocalityOption();
        var command = new Command(name, description) { until, format, locality, DatabaseArguments.Database, DatabaseArguments.DataDirectory };
        if (id is not null)
        {
            command.Arguments.Add(id);
        }
        command.SetAction(async (parse, ct) =>
        {
            await using var db = await DatabaseArguments.OpenCurrentAsync(parse, "cli measures " + name, ct);
            if (db is null)
            {
                return 1;
            }
            if (await FlowStoreCommands.LocalityAsync(db, parse.GetValue(locality), ct) is not { } localityId)
            {
                return 2;
            }
            var day = parse.GetValue(until) ?? DateOnly.FromDateTime(DateTime.UtcNow);
            var (code, text) = await print(db, localityId, id is null ? null : parse.GetValue(id), day, parse.GetValue(format) == "json", ct);
            (code == 0 ? Console.Out : Console.Error).Write(text);
            return code;
        });
        return command;
    }

    private static async Task<(int, string)> List(LocalFlowDb db, int locality, int? id, DateOnly until, bool json, CancellationToken ct)
    {
        var measures = await db.SavedMeasures.AsNoTracking().Where(m => m.LocalityId == locality).OrderBy(m => m.Level).ThenBy(m => m.Name).ToListAsync(ct);
        if (json)
        {
            return (0, JsonSerializer.Serialize(measures.Select(m => new
            {
                m.Id,
                Level = m.Level.ToString(),
                m.Name,
                Counts = m.Counts.ToString(),
                Period = m.Period.ToString(),
                From = m.FromDate,
                m.Owner,
                m.Purpose,
                Improvement = m.Improvement.ToString(),
                m.Definition,
                m.Version,
            }), Json) + Environment.NewLine);
        }
        var sb = new StringBuilder("id,level,name,counts,period,from,owner,improvement\n");
        foreach (var m in measures)
        {
            sb.Append(Invariant, $"{m.Id},{m.Level},{EconomicsCommand.Quote(m.Name)},{m.Counts},{m.Period},{m.FromDate:yyyy-MM-dd},{EconomicsCommand.Quote(m.Owner)},{m.Improvement}\n");
        }
        return (0, sb.ToString());
    }

    private static async Task<(int, string)> Show(LocalFlowDb db, int locality, int? id, DateOnly until, bool json, CancellationToken ct)
    {
        var measure = await db.SavedMeasures.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id && m.LocalityId == locality, ct);
        if (measure is null)
        {
            return (2, $"There is no measure {id} in this locality; `localflow measures list` shows them.\n");
        }
        var flow = await new FlowEngines().ForLocalityAsync(db, locality, ct);
        var series = await new SavedMeasures(db).SeriesAsync(flow, measure, until, ct);
        var experiments = await db.Experiments.AsNoTracking().Where(x => x.MeasureId == measure.Id && x.LocalityId == locality).OrderBy(x => x.StartedOn).ThenBy(x => x.Id)
            .Select(x => new { x.StartedOn, x.Change }).ToListAsync(ct);
        var values = series.Select(p => new DatedValue(p.Start, p.Value)).ToList();
        var chart = DatedSeries.Chart(values, experiments.Select(x => x.StartedOn), PurposeMeasures.ChartOptions(measure.Counts, measure.Improvement));
        var rows = chart.Points.Select(p => new
        {
            Period = values[p.Index].Date,
            p.Value,
            series[p.Index].Households,
            Phase = p.Phase + 1,
            p.Centre,
            Lower = double.IsNaN(p.Lower) ? (double?)null : p.Lower,
            Upper = double.IsNaN(p.Upper) ? (double?)null : p.Upper,
            Signals = p.HasSignal ? CapabilityChart.Describe(p.Signals) : "",
            Class = p.Class.ToString(),
        }).ToList();
        if (json)
        {
            return (0, JsonSerializer.Serialize(new { measure.Id, measure.Name, Counts = measure.Counts.ToString(), Period = measure.Period.ToString(), Experiments = experiments, Points = rows }, Json) + Environment.NewLine);
        }
        var sb = new StringBuilder("period,value,households,phase,centre,lower,upper,signals,class\n");
        foreach (var r in rows)
        {
            sb.Append(Invariant, $"{r.Period:yyyy-MM-dd},{Math.Round(r.Value, 6)},{r.Households},{r.Phase},{Math.Round(r.Centre, 6)},{(r.Lower is double l ? Math.Round(l, 6) : "")},{(r.Upper is double u ? Math.Round(u, 6) : "")},{EconomicsCommand.Quote(r.Signals)},{r.Class}\n");
        }
        return (0, sb.ToString());
    }

    private static async Task<(int, string)> Curves(LocalFlowDb db, int locality, int? id, DateOnly until, bool json, CancellationToken ct)
    {
        var flow = await new FlowEngines().ForLocalityAsync(db, locality, ct);
        var curves = await new SavedMeasures(db).PopulationCurvesAsync(flow, until, exact: true, ct);
        var rows = curves.Curves.Select(c => new
        {
            c.Measure.Id,
            c.Measure.Name,
            Level = c.Measure.Level.ToString(),
            Improvement = c.Measure.Improvement.ToString(),
            Periods = c.Curve.Points.Count,
            CentreBefore = c.Curve.Reading?.Before?.Centre,
            CentreSince = c.Curve.Reading?.After?.Centre,
            c.Curve.CentreChange,
            c.Curve.SlopeBefore,
            c.Curve.SlopeAfter,
            Turn = c.Curve.Turn.ToString(),
        }).ToList();
        if (json)
        {
            return (0, JsonSerializer.Serialize(new { LocalityWorkingBegan = curves.Began, curves.Until, Curves = rows }, Json) + Environment.NewLine);
        }
        static string N(double? v) => v is double d ? Math.Round(d, 6).ToString(Invariant) : "";
        var sb = new StringBuilder("id,name,level,improvement,periods,centre_before,centre_since,centre_change,slope_before,slope_since,turn\n");
        foreach (var r in rows)
        {
            sb.Append(Invariant, $"{r.Id},{EconomicsCommand.Quote(r.Name)},{r.Level},{r.Improvement},{r.Periods},{N(r.CentreBefore)},{N(r.CentreSince)},{N(r.CentreChange)},{N(r.SlopeBefore)},{N(r.SlopeAfter)},{r.Turn}\n");
        }
        return (0, sb.ToString());
    }
}
