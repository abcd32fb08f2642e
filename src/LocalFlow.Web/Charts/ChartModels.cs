namespace LocalFlow.Web.Charts;

/// <summary>How the data table that goes with every chart is shown.</summary>
public enum DataTableDisplay
{
    /// <summary>Inside a GOV.UK details component, "Show the data as a table" (the default).</summary>
    InDetails,

    /// <summary>Always visible below the chart (for boards and printing).</summary>
    Visible,
}

/// <summary>How values are written on axes, labels and in the table (en-GB).</summary>
public enum ValueFormat
{
    /// <summary>1,234 or 1,234.5</summary>
    Number,

    /// <summary>£1,234 (pence shown only when a value has them)</summary>
    Pounds,

    /// <summary>45% (the value is already a percentage, 0 to 100)</summary>
    Percent,
}

/// <summary>What every chart has: a title, a description in plain English, and options for its data table.</summary>
public abstract record ChartSpec(string Title, string Description)
{
    /// <summary>The id of the figure, also the prefix of the ids inside it. Set it when a page has two charts with the same title.</summary>
    public string? Id { get; init; }

    /// <summary>How the data table is shown.</summary>
    public DataTableDisplay Table { get; init; } = DataTableDisplay.InDetails;

    /// <summary>Show the title above the chart as a caption (turn off when the page already has it as a heading).</summary>
    public bool ShowTitle { get; init; } = true;

    /// <summary>How values are written.</summary>
    public ValueFormat Format { get; init; } = ValueFormat.Number;

    /// <summary>What the values are (the value axis label and the table's value column), for example "Demands".</summary>
    public string ValueLabel { get; init; } = "Value";
}

/// <summary>A point of a line: at a date, or at a number. All points of one chart are the same kind.</summary>
public readonly record struct LinePoint
{
    private LinePoint(double x, DateOnly? date, double value)
    {
        X = x;
        Date = date;
        Value = value;
    }

    /// <summary>Where the point is on the horizontal axis (a day number for dates).</summary>
    public double X { get; }

    /// <summary>The point's date, for points over time.</summary>
    public DateOnly? Date { get; }

    /// <summary>The point's value.</summary>
    public double Value { get; }

    /// <summary>A value on a date.</summary>
    public static LinePoint On(DateOnly date, double value) => new(date.DayNumber, date, value);

    /// <summary>A value at a number (for example week 3, or age 45).</summary>
    public static LinePoint At(double x, double value) => new(x, null, value);
}

/// <summary>One line of a line chart.</summary>
public sealed record LineSeries(string Name, IReadOnlyList<LinePoint> Points);

/// <summary>One or more series over dates or numbers.</summary>
public sealed record LineChart(string Title, string Description, IReadOnlyList<LineSeries> Series) : ChartSpec(Title, Description)
{
    /// <summary>What the horizontal axis shows, for example "Week" (dates are labelled "Date" when this is not set).</summary>
    public string? XLabel { get; init; }

    /// <summary>Draw a marker at every point (markers are always drawn when a series has fewer than two points).</summary>
    public bool Markers { get; init; } = true;

    /// <summary>Start the value axis at zero (right for counts; turn off for values far from zero).</summary>
    public bool StartAtZero { get; init; } = true;

    /// <summary>A fixed value axis with its ticks (for example 0 to 10 for scores a person gives), instead of one fitted to the values.</summary>
    public (double Min, double Max, double Step)? Range { get; init; }
}

/// <summary>Which way bars run. Bars always carry their names, broken only between words; never numbers standing for them.</summary>
public enum BarOrientation
{
    /// <summary>Horizontal when the labels are long or there are many bars, otherwise vertical.</summary>
    Auto,

    /// <summary>Vertical when every name fits under its bar on three lines, otherwise horizontal.</summary>
    Vertical,

    /// <summary>Horizontal: names beside the bars.</summary>
    Horizontal,
}

/// <summary>One bar: a category and its value, with an optional link (for example to the records behind it).</summary>
public sealed record BarValue(string Label, double Value)
{
    /// <summary>A link for the bar and its table row.</summary>
    public string? Href { get; init; }
}

/// <summary>A bar chart of categories, in the order given.</summary>
public sealed record BarChart(string Title, string Description, IReadOnlyList<BarValue> Bars) : ChartSpec(Title, Description)
{
    /// <summary>Which way the bars run.</summary>
    public BarOrientation Orientation { get; init; } = BarOrientation.Auto;

    /// <summary>What the categories are (the table's first column), for example "Demand type".</summary>
    public string CategoryLabel { get; init; } = "Category";
}

/// <summary>
/// A Pareto chart: bars sorted from largest to smallest, with the cumulative percentage as a line on a right axis;
/// when the names do not fit under the bars, the bars run across and the cumulative line has a column of its own.
/// </summary>
public sealed record ParetoChart(string Title, string Description, IReadOnlyList<BarValue> Categories) : ChartSpec(Title, Description)
{
    /// <summary>What the categories are (the table's first column), for example "Failure demand type".</summary>
    public string CategoryLabel { get; init; } = "Category";
}

/// <summary>One event on a timeline: its date, what it was, and optionally a link to its record.</summary>
public sealed record TimelineEvent(DateOnly Date, string Label)
{
    /// <summary>A link to the record; the mark becomes a focusable link.</summary>
    public string? Href { get; init; }
}

/// <summary>One lane of a timeline (an agency or a category).</summary>
public sealed record TimelineLane(string Name, IReadOnlyList<TimelineEvent> Events);

/// <summary>Events as marks at their dates, one lane per agency or category.</summary>
public sealed record TimelineChart(string Title, string Description, IReadOnlyList<TimelineLane> Lanes) : ChartSpec(Title, Description)
{
    /// <summary>The first date shown (for zooming to a year); events before it are left out of the chart and the table.</summary>
    public DateOnly? From { get; init; }

    /// <summary>The last date shown; events after it are left out of the chart and the table.</summary>
    public DateOnly? To { get; init; }
}

/// <summary>How a point on a capability chart was classified by the signal rules.</summary>
public enum SignalClassification
{
    /// <summary>No signal: the point is routine variation.</summary>
    None,

    /// <summary>A signal in the direction that is better for people.</summary>
    Improvement,

    /// <summary>A signal in the direction that is worse for people.</summary>
    Concern,

    /// <summary>A signal where neither direction is better.</summary>
    Neutral,
}

/// <summary>One point of a capability (XmR) chart, with the limits of its phase.</summary>
public sealed record CapabilityPoint(DateOnly Label, double Value, double Centre, double? Lower, double? Upper, SignalClassification Signal, int Phase);

/// <summary>Where a phase starts and what it is called, for example "After the locality team started".</summary>
public sealed record CapabilityPhase(DateOnly Start, string Name);

/// <summary>A capability chart (XmR / process behaviour chart): values, centre line and natural process limits per phase, and signals.</summary>
public sealed record CapabilityChartData(string Title, string Description, IReadOnlyList<CapabilityPoint> Points) : ChartSpec(Title, Description)
{
    /// <summary>The phases, indexed by <see cref="CapabilityPoint.Phase"/>. When empty, phases are called "Phase 1", "Phase 2" and so on.</summary>
    public IReadOnlyList<CapabilityPhase> Phases { get; init; } = [];
}

/// <summary>One cost on a date, for example "Assessment" £450.</summary>
public sealed record CostItem(DateOnly Date, decimal Amount, string Label);

/// <summary>Cumulative cost over time as a step line, beside what mattered to the person.</summary>
public sealed record CostCurveChart(string Title, string Description, IReadOnlyList<CostItem> Costs) : ChartSpec(Title, Description)
{
    /// <summary>The name of the main series.</summary>
    public string CostsName { get; init; } = Resources.ChartText.CostsName;

    /// <summary>A second series drawn as its own step line (for example the cost of what mattered, item by item).</summary>
    public IReadOnlyList<CostItem>? Comparison { get; init; }

    /// <summary>A single amount drawn as a horizontal reference line (used when <see cref="Comparison"/> is not given).</summary>
    public decimal? ReferenceAmount { get; init; }

    /// <summary>The name of the comparison series or reference line.</summary>
    public string ComparisonName { get; init; } = Resources.ChartText.ComparisonName;
}

/// <summary>One step of a waterfall: how much one part adds to (or takes from) the running total.</summary>
public sealed record WaterfallStep(string Label, double Amount)
{
    /// <summary>A short note shown in the data table, for example the two values compared.</summary>
    public string? Note { get; init; }
}

/// <summary>A waterfall: a starting amount, steps that add or take away, and the total they come to (for example a match weight).</summary>
public sealed record WaterfallChart(string Title, string Description, double Start, string StartLabel, IReadOnlyList<WaterfallStep> Steps) : ChartSpec(Title, Description)
{
    /// <summary>What the last bar (the total) is called.</summary>
    public string TotalLabel { get; init; } = "Total";

    /// <summary>An optional reference line, for example a threshold, with its name.</summary>
    public (double Value, string Name)? Reference { get; init; }
}

/// <summary>One outline of a radar chart (for example one conversation date): a value per spoke, or null where there is none.</summary>
public sealed record RadarOutline(string Name, IReadOnlyList<double?> Values);

/// <summary>
/// A radar: one spoke per category (its name written at the end of the spoke), the scale from
/// <see cref="Min"/> at the centre to <see cref="Max"/> at the rim, and one outline per series.
/// </summary>
public sealed record RadarChart(string Title, string Description, IReadOnlyList<string> Spokes, IReadOnlyList<RadarOutline> Outlines) : ChartSpec(Title, Description)
{
    /// <summary>The value at the centre.</summary>
    public double Min { get; init; }

    /// <summary>The value at the rim.</summary>
    public double Max { get; init; } = 10;

    /// <summary>The values with a ring drawn at each (and labelled on the upward spoke).</summary>
    public IReadOnlyList<double> Rings { get; init; } = [2, 4, 6, 8, 10];

    /// <summary>What the spokes are, the first column of the data table, for example "Statement".</summary>
    public string SpokeLabel { get; init; } = "Category";
}
