using System.Globalization;
using LocalFlow.Analytics;
using LocalFlow.Analytics.Measures;
using LocalFlow.Data;
using LocalFlow.Data.Entities;
using LocalFlow.Web.Charts;
using LocalFlow.Web.Resources;
using LocalFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Web.Pages.Measures;

/// <summary>
/// Measures: the locality's saved purpose measures, and a capability chart (XmR) of any dated measure — paste or
/// upload "date,value" lines, mark the dates of changes as phases. What is pasted here is not saved.
/// </summary>
[Authorize(Policy = Policies.MeasuresView)]
[LocalFlow.Web.Infrastructure.FileSizeLimit(IndexModel.MaxBytes)]
public sealed class IndexModel(LocalFlowDb db, CurrentUser current) : PageModel
{
    /// <summary>The locality's saved purpose measures, by level then name.</summary>
    public IReadOnlyList<SavedMeasure> Saved { get; private set; } = [];

    private async Task SavedAsync()
    {
        if (current.LocalityId is int locality)
        {
            Saved = await db.SavedMeasures.AsNoTracking().Where(m => m.LocalityId == locality).OrderBy(m => m.Level).ThenBy(m => m.Name).ToListAsync();
        }
    }

    /// <summary>Largest upload or paste accepted (about 200,000 days of values).</summary>
    public const int MaxBytes = 4 * 1024 * 1024;

    public sealed class ChartInput
    {
        public string? Title { get; set; }
        public string? Values { get; set; }
        public string? Phases { get; set; }
        public string Improvement { get; set; } = "neither";
        public List<string> Screen { get; set; } = ["on"];
        public string? Baseline { get; set; }
    }

    [BindProperty]
    public ChartInput Input { get; set; } = new();

    public CapabilityChartData? Chart { get; private set; }
    public CapabilityChart? Result { get; private set; }
    public IReadOnlyList<DatedValue> Values { get; private set; } = [];

    public static string Example => string.Join('\n', ExampleLines());

    private static IEnumerable<string> ExampleLines()
    {
        // An illustrative series (not demo data): demands per weekday for six weeks, with a change after four.
        int[] counts = [62, 71, 58, 66, 69, 60, 73, 64, 59, 68, 70, 61, 67, 63, 72, 65, 58, 69, 66, 62, 48, 52, 45, 50, 47, 53, 44, 49, 51, 46];
        var day = new DateOnly(2026, 9, 1);
        yield return "date,demands";
        foreach (var c in counts)
        {
            while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                day = day.AddDays(1);
            }
            yield return $"{day:yyyy-MM-dd},{c}";
            day = day.AddDays(1);
        }
    }

    public async Task OnGetAsync()
    {
        await SavedAsync();
        Input.Values = Example;
        Input.Phases = "2026-09-29";
        Input.Title = MeasuresText.ExampleTitle;
        Compute();
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? upload)
    {
        await SavedAsync();
        if (upload is { Length: > 0 })
        {
            if (upload.Length > MaxBytes)
            {
                ModelState.AddModelError("upload", Text.Format(MeasuresText.FileTooBig, (upload.Length / 1024).ToString("N0", CultureInfo.CurrentCulture), MaxBytes / 1024 / 1024));
                return Page();
            }
            using var reader = new StreamReader(upload.OpenReadStream());
            Input.Values = await reader.ReadToEndAsync();
            ModelState.Remove("Input.Values");
        }
        if (string.IsNullOrWhiteSpace(Input.Values))
        {
            ModelState.AddModelError("Input.Values", MeasuresText.EnterValues);
            return Page();
        }
        if (Input.Values.Length > MaxBytes)
        {
            ModelState.AddModelError("Input.Values", Text.Format(MeasuresText.TooMuch, MaxBytes / 1024 / 1024));
            return Page();
        }
        Compute();
        return Page();
    }

    private void Compute()
    {
        var (values, errors) = DatedSeries.ReadCsv(new StringReader(Input.Values ?? ""));
        foreach (var e in errors.Take(10))
        {
            ModelState.AddModelError("Input.Values", Text.Format(MeasuresText.LineProblem, e.Row, e.Message));
        }
        if (errors.Count > 10)
        {
            ModelState.AddModelError("Input.Values", Text.Format(MeasuresText.MoreLines, errors.Count - 10));
        }
        if (errors.Count == 0 && values.Count < 2)
        {
            ModelState.AddModelError("Input.Values", MeasuresText.TwoValues);
        }
        for (var i = 1; i < values.Count && errors.Count == 0; i++)
        {
            if (values[i].Date < values[i - 1].Date)
            {
                ModelState.AddModelError("Input.Values", Text.Format(MeasuresText.DatesInOrder, Text.Date(values[i].Date), Text.Date(values[i - 1].Date)));
                break;
            }
        }

        var phaseDates = new List<DateOnly>();
        foreach (var token in (Input.Phases ?? "").Split([',', '\n', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (DateOnly.TryParseExact(token, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                phaseDates.Add(d);
            }
            else
            {
                ModelState.AddModelError("Input.Phases", Text.Format(MeasuresText.NotADate, token));
            }
        }
        int? baseline = null;
        if (!string.IsNullOrWhiteSpace(Input.Baseline))
        {
            if (int.TryParse(Input.Baseline, NumberStyles.None, CultureInfo.InvariantCulture, out var b) && b >= 2)
            {
                baseline = b;
            }
            else
            {
                ModelState.AddModelError("Input.Baseline", MeasuresText.BaselineWhole);
            }
        }
        if (!ModelState.IsValid)
        {
            return;
        }

        var options = new CapabilityChartOptions
        {
            ScreenLargeRanges = Input.Screen.Contains("on"),
            BaselinePoints = baseline,
            Direction = Input.Improvement switch
            {
                "up" => ImprovementDirection.HigherIsBetter,
                "down" => ImprovementDirection.LowerIsBetter,
                _ => ImprovementDirection.Neither,
            },
        };
        Values = values;
        Result = DatedSeries.Chart(values, phaseDates, options);
        var title = string.IsNullOrWhiteSpace(Input.Title) ? MeasuresText.YourMeasure : Input.Title.Trim();
        Chart = ChartFromResult(title, values, Result);
    }

    /// <summary>The chart kit's model for a computed capability chart (shared with other pages).</summary>
    public static CapabilityChartData ChartFromResult(string title, IReadOnlyList<DatedValue> values, CapabilityChart result)
    {
        var points = result.Points.Select(p => new CapabilityPoint(
            values[p.Index].Date,
            p.Value,
            p.Centre,
            double.IsNaN(p.Lower) ? null : p.Lower,
            double.IsNaN(p.Upper) ? null : p.Upper,
            p.Class switch
            {
                SignalClass.Improvement => SignalClassification.Improvement,
                SignalClass.Concern => SignalClassification.Concern,
                SignalClass.Neutral => SignalClassification.Neutral,
                _ => SignalClassification.None,
            },
            p.Phase)).ToList();
        var phases = result.Phases.Select((ph, i) => new CapabilityPhase(values[ph.Start].Date, result.Phases.Count == 1 ? Resources.ChartText.AllPoints : Text.Format(Resources.ChartText.PhaseNumber, i + 1))).ToList();
        var signals = result.Points.Count(p => p.HasSignal);
        var description = $"{Plural.Of(values.Count, "point")} from {values[0].Date:d MMMM yyyy} to {values[^1].Date:d MMMM yyyy} in {Plural.Of(result.Phases.Count, "phase")}; {Plural.Of(signals, "point")} {Plural.Word(signals, "shows", "show")} a signal.";
        return new CapabilityChartData(title, description, points) { Phases = phases, Id = "measure-chart" };
    }
}
