using System.Globalization;
using System.Text;

namespace LocalFlow.Web.Charts;

/// <summary>Escaping and en-GB formatting for chart text, and invariant formatting for SVG coordinates.</summary>
internal static class ChartText
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Text escaped for HTML and XML alike; characters XML cannot hold (control characters, lone surrogates) are dropped.</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        var sb = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    sb.Append(c).Append(text[i + 1]);
                    i++;
                }
                continue;
            }
            if (char.IsLowSurrogate(c))
            {
                continue;
            }
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '"': sb.Append("&quot;"); break;
                case '\'': sb.Append("&#39;"); break;
                case '\t' or '\n' or '\r': sb.Append(' '); break;
                case < ' ' or '\uFFFE' or '\uFFFF' or (>= '\u007F' and <= '\u009F'): break;
                default: sb.Append(c); break;
            }
        }
        return sb.ToString();
    }

    /// <summary>Text from people or records, escaped and isolated so right-to-left text or direction marks cannot reorder the text around it.</summary>
    public static string Isolate(string? text) => "\u2068" + Escape(text) + "\u2069";

    /// <summary>A link target that is safe to write: relative, a fragment, or http(s); anything else (javascript:, data:) gives null and no link.</summary>
    public static string? SafeHref(string? href)
    {
        if (string.IsNullOrWhiteSpace(href))
        {
            return null;
        }
        var h = href.Trim();
        var ok = (h.StartsWith('/') && !h.StartsWith("//", StringComparison.Ordinal)) || h.StartsWith('#') || h.StartsWith('?')
            || h.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || h.StartsWith("http://", StringComparison.OrdinalIgnoreCase);
        return ok ? Escape(h) : null;
    }

    /// <summary>A coordinate for SVG: invariant culture, at most two decimals.</summary>
    public static string N(double value) =>
        double.IsFinite(value) ? Math.Round(value, 2).ToString("0.##", Invariant) : "0";

    /// <summary>A value written for people, en-GB.</summary>
    public static string Value(double value, ValueFormat format)
    {
        switch (format)
        {
            case ValueFormat.Pounds:
                return Pounds((decimal)Math.Round(value, 2));
            case ValueFormat.Percent:
                return value.ToString(Math.Abs(value) < 10 && value != Math.Round(value) ? "#,##0.#" : "#,##0", Invariant) + "%";
            default:
                var abs = Math.Abs(value);
                return abs >= 100 ? value.ToString("#,##0", Invariant) : abs >= 1 || abs == 0 ? value.ToString("#,##0.##", Invariant) : value.ToString("0.####", Invariant);
        }
    }

    /// <summary>Money, en-GB: £1,234 or £1,234.50, with a minus sign before the pound sign.</summary>
    public static string Pounds(decimal amount)
    {
        var abs = Math.Abs(amount);
        var text = abs == decimal.Truncate(abs) ? abs.ToString("#,##0", Invariant) : abs.ToString("#,##0.00", Invariant);
        return (amount < 0 ? "-£" : "£") + text;
    }

    /// <summary>A date: 23 Nov 2026, or on a Welsh page with the month's Welsh short name from .NET's Welsh culture (23 Tach 2026).</summary>
    public static string Date(DateOnly date) => date.ToString("d MMM yyyy", Months);

    /// <summary>The culture whose month names a chart's dates use: Welsh on a Welsh page, otherwise the invariant culture (English names).</summary>
    internal static CultureInfo Months => Infrastructure.Languages.IsWelsh ? Infrastructure.Languages.Welsh : Invariant;

    /// <summary>A wait, in days or hours.</summary>
    public static string Wait(TimeSpan wait)
    {
        if (wait.TotalDays >= 1)
        {
            var days = Math.Round(wait.TotalDays, 1);
            return Resources.Text.Format(days == 1 ? Resources.ChartText.DayOne : Resources.ChartText.DayMany, days.ToString("#,##0.#", Invariant));
        }
        var hours = Math.Round(wait.TotalHours, 1);
        return Resources.Text.Format(hours == 1 ? Resources.ChartText.HourOne : Resources.ChartText.HourMany, hours.ToString("#,##0.#", Invariant));
    }

    /// <summary>A whole number, en-GB: 1,234.</summary>
    public static string Count(long value) => value.ToString("#,##0", Invariant);

    /// <summary>Roughly how wide text is at a font size (for margins and wrapping; Arial-like fonts average about 0.55 em).</summary>
    public static double TextWidth(string text, double fontSize) => text.Length * fontSize * 0.58;

    /// <summary>
    /// Text wrapped at spaces into lines of at most <paramref name="maxChars"/>. A word is never split: a word longer
    /// than a line has a line of its own (callers measure the lines they get). Beyond <paramref name="maxLines"/> the
    /// last line keeps the words that fit and ends in "…" (the full text is in the tooltip and the table).
    /// </summary>
    public static IReadOnlyList<string> Wrap(string text, int maxChars, int maxLines = int.MaxValue)
    {
        maxChars = Math.Max(4, maxChars);
        maxLines = Math.Max(1, maxLines);
        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > maxChars)
            {
                lines.Add(line.ToString());
                line.Clear();
            }
            if (line.Length > 0)
            {
                line.Append(' ');
            }
            line.Append(word);
        }
        if (line.Length > 0)
        {
            lines.Add(line.ToString());
        }
        if (lines.Count > maxLines)
        {
            var kept = lines.Take(maxLines).ToList();
            kept[^1] = Shorten(kept[^1], maxChars);
            lines = kept;
        }
        return lines.Count == 0 ? [""] : lines;
    }

    /// <summary>A line cut with "…" after its last whole word that leaves room for it (a single long word is kept whole).</summary>
    private static string Shorten(string line, int maxChars)
    {
        var cut = line.Length;
        while (cut > 0 && cut + 1 > maxChars)
        {
            var space = line.LastIndexOf(' ', cut - 1);
            if (space <= 0)
            {
                break;
            }
            cut = space;
        }
        return line[..cut] + "…";
    }

    /// <summary>Whether every word of the text fits on lines of <paramref name="maxChars"/>, in at most <paramref name="maxLines"/> lines, with nothing cut.</summary>
    public static bool Fits(string text, int maxChars, int maxLines)
    {
        var lines = Wrap(text, maxChars);
        return lines.Count <= maxLines && lines.All(l => l.Length <= maxChars);
    }

    /// <summary>An id made of letters, digits and hyphens from a title, with a stable hash so different charts get different ids.</summary>
    public static string Slug(string title, string description)
    {
        var sb = new StringBuilder("chart-");
        foreach (var c in title.ToLowerInvariant())
        {
            if (sb.Length >= 40)
            {
                break;
            }
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                sb.Append(c);
            }
            else if (sb[^1] != '-')
            {
                sb.Append('-');
            }
        }
        unchecked
        {
            var h = 17u;
            foreach (var c in title + "\u0001" + description)
            {
                h = (h * 31) + c;
            }
            sb.Append('-').Append((h & 0xFFFFFF).ToString("x6", Invariant));
        }
        return sb.ToString();
    }
}
