using System.Globalization;

namespace LocalFlow.Analytics.Flow.Formats;

/// <summary>
/// Strict timestamp reading for imports. ISO 8601 only by default (2009-06-04, 2009-06-04T10:15, 2009-06-04 10:15:30.5,
/// with Z or ±hh:mm); a time with no offset is read in the mapping's time zone, and refused when that zone makes it
/// ambiguous (clocks going back) or impossible (clocks going forward), or when no zone is given. The source's offset
/// is kept; the instant is stored in UTC.
/// </summary>
public static class FlowTimestamps
{
    /// <summary>
    /// A time before this year is refused as a mistake: year 0001 is what a blank date becomes in some systems, and
    /// no record of a living person's care is that old. The demand import uses the same year.
    /// </summary>
    public const int EarliestYear = 1900;

    /// <summary>Reads <paramref name="text"/>; on failure returns false with the reason in <paramref name="error"/>.</summary>
    /// <param name="text">The text of the timestamp.</param>
    /// <param name="format">A .NET custom date format to use instead of ISO 8601, or null.</param>
    /// <param name="zone">The time zone for times without an offset, or null to refuse them.</param>
    /// <param name="value">The instant with the source's offset.</param>
    /// <param name="error">Why it was refused.</param>
    public static bool TryParse(ReadOnlySpan<char> text, string? format, TimeZoneInfo? zone, out DateTimeOffset value, out string? error)
    {
        value = default;
        text = text.Trim();
        if (text.IsEmpty)
        {
            error = "no timestamp";
            return false;
        }
        DateTime local;
        TimeSpan? offset;
        if (format is null)
        {
            if (!TryIso(text, out local, out offset))
            {
                error = $"\"{text}\" is not an ISO 8601 timestamp like 2009-06-04T10:15:00+01:00 (set timeFormat in the mapping for other layouts)";
                return false;
            }
        }
        else
        {
            if (DateTimeOffset.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withZone)
                && (format.Contains('z', StringComparison.Ordinal) || format.Contains('K', StringComparison.Ordinal)))
            {
                if (withZone.Year < EarliestYear)
                {
                    error = TooEarly(text);
                    return false;
                }
                value = withZone;
                error = null;
                return true;
            }
            if (!DateTime.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out local))
            {
                error = $"\"{text}\" does not match the time format {format}";
                return false;
            }
            offset = null;
        }
        if (local.Year < EarliestYear)
        {
            error = TooEarly(text);
            return false;
        }
        if (offset is { } o)
        {
            if (At(local, o) is not { } instant)
            {
                error = OutOfRange(text);
                return false;
            }
            value = instant;
            error = null;
            return true;
        }
        if (zone is null)
        {
            error = $"\"{text}\" has no time zone offset (add Z or +01:00, or set timeZone in the mapping)";
            return false;
        }
        if (zone.IsAmbiguousTime(local))
        {
            error = $"\"{text}\" is ambiguous in {zone.Id}: the clocks went back and that hour happened twice";
            return false;
        }
        if (zone.IsInvalidTime(local))
        {
            error = $"\"{text}\" did not happen in {zone.Id}: the clocks went forward over it";
            return false;
        }
        if (At(local, zone.GetUtcOffset(local)) is not { } zoned)
        {
            error = OutOfRange(text);
            return false;
        }
        value = zoned;
        error = null;
        return true;
    }

    private static string TooEarly(ReadOnlySpan<char> text) => $"\"{text}\" is before {EarliestYear}: check the year";

    /// <summary>Why a time outside the years LocalFlow takes is refused.</summary>
    internal static string OutOfRange(ReadOnlySpan<char> text) => $"\"{text}\" is outside the years LocalFlow takes ({EarliestYear} to 9999): check the year";

    /// <summary>
    /// The instant of a local time at an offset, or null when it is before <see cref="EarliestYear"/> or falls
    /// outside the years a time can hold once the offset is applied (9999-12-31T23:00-05:00 is in year 10000 in UTC).
    /// </summary>
    internal static DateTimeOffset? At(DateTime local, TimeSpan offset)
    {
        var utc = local.Ticks - offset.Ticks;
        return local.Year < EarliestYear || utc < DateTime.MinValue.Ticks || utc > DateTime.MaxValue.Ticks ? null : new DateTimeOffset(local, offset);
    }

    /// <summary>A fast reader for ISO 8601 (extended format) dates and date-times.</summary>
    internal static bool TryIso(ReadOnlySpan<char> s, out DateTime local, out TimeSpan? offset)
    {
        local = default;
        offset = null;
        if (s.Length < 10 || s[4] != '-' || s[7] != '-'
            || !Digits(s, 0, 4, out var year) || !Digits(s, 5, 2, out var month) || !Digits(s, 8, 2, out var day))
        {
            return false;
        }
        int hour = 0, minute = 0, second = 0;
        long fraction = 0;
        var p = 10;
        if (p < s.Length && (s[p] == 'T' || s[p] == ' '))
        {
            if (s.Length < p + 6 || !Digits(s, p + 1, 2, out hour) || s[p + 3] != ':' || !Digits(s, p + 4, 2, out minute))
            {
                return false;
            }
            p += 6;
            if (p < s.Length && s[p] == ':')
            {
                if (s.Length < p + 3 || !Digits(s, p + 1, 2, out second))
                {
                    return false;
                }
                p += 3;
                if (p < s.Length && (s[p] == '.' || s[p] == ','))
                {
                    p++;
                    var digits = 0;
                    while (p < s.Length && char.IsAsciiDigit(s[p]))
                    {
                        if (digits < 7)
                        {
                            fraction = (fraction * 10) + (s[p] - '0');
                        }
                        digits++;
                        p++;
                    }
                    if (digits == 0)
                    {
                        return false;
                    }
                    for (var d = digits; d < 7; d++)
                    {
                        fraction *= 10;
                    }
                }
            }
        }
        if (p < s.Length)
        {
            if (s[p] == 'Z' && p == s.Length - 1)
            {
                offset = TimeSpan.Zero;
            }
            else if (s[p] is '+' or '-' && Digits(s, p + 1, 2, out var oh))
            {
                var rest = s[(p + 3)..];
                int om;
                if (rest.IsEmpty)
                {
                    om = 0;
                }
                else if (rest.Length == 3 && rest[0] == ':' && Digits(rest, 1, 2, out om))
                {
                }
                else if (rest.Length == 2 && Digits(rest, 0, 2, out om))
                {
                }
                else
                {
                    return false;
                }
                if (oh > 14 || om > 59)
                {
                    return false;
                }
                var o = new TimeSpan(oh, om, 0);
                offset = s[p] == '-' ? -o : o;
            }
            else
            {
                return false;
            }
        }
        if (month is < 1 or > 12 || day < 1 || (day > 28 && day > DateTime.DaysInMonth(Math.Max(year, 1), month)) || year < 1 || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }
        local = new DateTime(year, month, day, hour, minute, second).AddTicks(fraction);
        return true;
    }

    private static bool Digits(ReadOnlySpan<char> s, int at, int count, out int value)
    {
        value = 0;
        if (at + count > s.Length)
        {
            return false;
        }
        for (var i = at; i < at + count; i++)
        {
            var c = s[i];
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
            value = (value * 10) + (c - '0');
        }
        return true;
    }

    /// <summary>Writes an instant as ISO 8601 with its offset and up to seven fraction digits (2009-06-04T10:15:00+01:00).</summary>
    public static string Format(DateTimeOffset value) =>
        value.ToString(value.Offset == TimeSpan.Zero ? "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'" : "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);
}
