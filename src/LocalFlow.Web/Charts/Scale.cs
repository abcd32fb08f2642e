using System.Globalization;

namespace LocalFlow.Web.Charts;

/// <summary>A linear mapping from data values to SVG coordinates, with round-numbered ticks.</summary>
internal sealed class Scale
{
    private Scale(double min, double max, double from, double to, IReadOnlyList<double> ticks)
    {
        Min = min;
        Max = max;
        From = from;
        To = to;
        Ticks = ticks;
    }

    public double Min { get; }
    public double Max { get; }
    public double From { get; }
    public double To { get; }
    public IReadOnlyList<double> Ticks { get; }

    public double Map(double value) => From + ((value - Min) / (Max - Min) * (To - From));

    /// <summary>A scale over the values with "nice" ticks (1, 2, 2.5 or 5 times a power of ten). One value, equal values and no range are padded so the chart never divides by zero.</summary>
    public static Scale Nice(IEnumerable<double> values, double from, double to, bool includeZero, int targetTicks = 5)
    {
        var lo = double.PositiveInfinity;
        var hi = double.NegativeInfinity;
        foreach (var v in values)
        {
            if (double.IsFinite(v))
            {
                lo = Math.Min(lo, v);
                hi = Math.Max(hi, v);
            }
        }
        if (!double.IsFinite(lo))
        {
            lo = 0;
            hi = 1;
        }
        if (includeZero)
        {
            lo = Math.Min(lo, 0);
            hi = Math.Max(hi, 0);
        }
        if (hi - lo <= Math.Abs(hi) * 1e-12)
        {
            // All values equal: give them room above and below (or up to 1 when they are all zero).
            var pad = lo == 0 ? 1 : Math.Abs(lo) * 0.1;
            hi += pad;
            if (!(includeZero && lo == 0))
            {
                lo -= pad;
            }
        }
        var step = NiceStep((hi - lo) / targetTicks);
        var min = Math.Floor(lo / step) * step;
        var max = Math.Ceiling(hi / step) * step;
        if (max <= min)
        {
            max = min + step;
        }
        var ticks = new List<double>();
        for (var i = 0; i <= 50; i++)
        {
            var t = min + (i * step);
            if (t > max + (step * 1e-9))
            {
                break;
            }
            ticks.Add(Math.Abs(t) < step * 1e-9 ? 0 : t);
        }
        return new Scale(min, max, from, to, ticks);
    }

    /// <summary>A scale with fixed ends and given ticks (for percentages 0 to 100).</summary>
    public static Scale Fixed(double min, double max, double from, double to, IReadOnlyList<double> ticks) => new(min, max, from, to, ticks);

    private static double NiceStep(double rough)
    {
        if (!(rough > 0) || !double.IsFinite(rough))
        {
            return 1;
        }
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var norm = rough / magnitude;
        var nice = norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 2.5 ? 2.5 : norm <= 5 ? 5 : 10;
        return nice * magnitude;
    }
}

/// <summary>A date axis: a range of days with ticks at whole days, weeks, months or years.</summary>
internal static class DateTicks
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The range to show for the dates: padded by a day either side when there is only one date.</summary>
    public static (DateOnly From, DateOnly To) Range(DateOnly first, DateOnly last) =>
        first == last ? (first.AddDays(-1), last.AddDays(1)) : (first, last);

    /// <summary>Ticks within the range with their labels (month names in the page's language); at most about eight.</summary>
    public static IReadOnlyList<(DateOnly Date, string Label)> For(DateOnly from, DateOnly to)
    {
        var span = to.DayNumber - from.DayNumber;
        var ticks = new List<(DateOnly, string)>();
        if (span <= 45)
        {
            var step = Math.Max(1, (int)Math.Ceiling(span / 7.0));
            for (var d = from; d <= to; d = d.AddDays(step))
            {
                ticks.Add((d, d.ToString("d MMM", ChartText.Months)));
            }
            return ticks;
        }
        if (span <= 366 * 3)
        {
            var months = span / 30.4;
            var step = months <= 8 ? 1 : months <= 16 ? 2 : months <= 24 ? 3 : 6;
            var d = new DateOnly(from.Year, from.Month, 1);
            if (d < from)
            {
                d = d.AddMonths(1);
            }
            // Align to quarters or half-years so ticks fall on familiar months.
            while ((d.Month - 1) % step != 0)
            {
                d = d.AddMonths(1);
            }
            for (; d <= to; d = d.AddMonths(step))
            {
                ticks.Add((d, d.ToString("MMM yyyy", ChartText.Months)));
            }
            return ticks;
        }
        var years = span / 365.25;
        var yearStep = years <= 8 ? 1 : years <= 16 ? 2 : years <= 40 ? 5 : years <= 80 ? 10 : 20;
        var y = from.Month == 1 && from.Day == 1 ? from.Year : from.Year + 1;
        y = (int)Math.Ceiling(y / (double)yearStep) * yearStep;
        for (; y <= to.Year; y += yearStep)
        {
            ticks.Add((new DateOnly(y, 1, 1), y.ToString(Invariant)));
        }
        return ticks;
    }
}
