namespace LocalFlow.Analytics.Linking;

/// <summary>
/// One row of one agency's extract, as the agency holds it (nothing normalised yet). Every field except
/// <see cref="Source"/> and <see cref="RecordId"/> may be empty: an empty field is <em>unknown</em> and never counts
/// as a disagreement.
/// </summary>
public sealed class LinkRecord
{
    /// <summary>The agency or system the row came from (for example "police", "housing").</summary>
    public string Source { get; set; } = "";

    /// <summary>The row's identifier inside its source (unique per source).</summary>
    public string RecordId { get; set; } = "";

    /// <summary>Given names, first name first, middle names after (space separated).</summary>
    public string? GivenNames { get; set; }

    /// <summary>Family name; double-barrelled names may use a hyphen or a space.</summary>
    public string? Surname { get; set; }

    /// <summary>
    /// The whole name in one column, as some systems hold it: "QUINN, Dawn Chloe" (surname first, before a comma) or
    /// "Dawn Chloe Quinn" (surname last). Used only for what <see cref="GivenNames"/> and <see cref="Surname"/> leave empty.
    /// </summary>
    public string? FullName { get; set; }

    /// <summary>Title (Mr, Mrs, Miss, Ms, Master...): read as sex when <see cref="Sex"/> is empty.</summary>
    public string? Title { get; set; }

    /// <summary>Earlier family names (maiden name, names before a change), separated by ';' or ','.</summary>
    public string? PreviousSurnames { get; set; }

    /// <summary>Date of birth as written by the source: yyyymmdd, yyyy-mm-dd, dd/mm/yyyy, dd-Mon-yyyy, mm/yyyy or yyyy. Partial and malformed dates are reported per row; placeholders (01/01/1900...) are unknown.</summary>
    public string? DateOfBirth { get; set; }

    /// <summary>Sex or gender as recorded (M/F/male/female...; anything else is unknown).</summary>
    public string? Sex { get; set; }

    /// <summary>
    /// Address lines; the first line that names a street is used for street similarity. A one-line address ("Flat 3, 27
    /// Church Rd, Leeds, LS6 2AB") is split at its commas: the flat and house number, the street, and a postcode at
    /// the end when <see cref="Postcode"/> is empty.
    /// </summary>
    public IReadOnlyList<string> AddressLines { get; set; } = [];

    /// <summary>House number or name; when empty it is taken from the start of the first address line.</summary>
    public string? HouseNumber { get; set; }

    /// <summary>Postcode as written (any spacing or case).</summary>
    public string? Postcode { get; set; }

    /// <summary>Postcodes of earlier addresses (';' separated), used to recognise a person who moved house.</summary>
    public string? PreviousPostcodes { get; set; }

    /// <summary>NHS number (10 digits with a modulus-11 check digit; spaces and dashes ignored).</summary>
    public string? NhsNumber { get; set; }

    /// <summary>Any other identifier shared between the sources (national insurance number, social security id, pupil number...).</summary>
    public string? OtherId { get; set; }

    /// <summary>Telephone number (UK +44 forms are folded to the national 0 form).</summary>
    public string? Phone { get; set; }

    /// <summary>E-mail address.</summary>
    public string? Email { get; set; }

    /// <summary>When the row's address was known to be current (the extract date or the contact date); used to build households over time.</summary>
    public DateOnly? RecordDate { get; set; }
}

/// <summary>A date of birth that may be partial: 0 in a part means that part is unknown.</summary>
/// <param name="Year">Four-digit year, or 0.</param>
/// <param name="Month">1–12, or 0. A malformed date may keep an out-of-range value so that a typo can still be compared.</param>
/// <param name="Day">1–31, or 0.</param>
public readonly record struct PartialDate(int Year, int Month, int Day)
{
    /// <summary>No part known.</summary>
    public static readonly PartialDate Unknown = default;

    /// <summary>True when no part is known.</summary>
    public bool IsUnknown => Year == 0 && Month == 0 && Day == 0;

    /// <summary>True when year, month and day are all present.</summary>
    public bool IsComplete => Year != 0 && Month != 0 && Day != 0;

    /// <summary>True when the parts form a real calendar date.</summary>
    public bool IsValidCalendarDate => IsComplete && Month <= 12 && Day <= DateTime.DaysInMonth(Math.Clamp(Year, 1, 9999), Month);

    /// <summary>yyyymmdd as a number (0 when incomplete); used for comparisons and blocking.</summary>
    public int Packed => IsComplete ? (Year * 10000) + (Month * 100) + Day : 0;

    /// <summary>
    /// Parses the forms sources use: yyyymmdd, yyyy-mm-dd, yyyy/mm/dd, dd/mm/yyyy, dd-mm-yyyy, dd.mm.yyyy, mm/yyyy, yyyy-mm and yyyy,
    /// with the month also as a name or its first three letters (24-Jun-1971, 24 June 1971) and a time of day after the
    /// date ignored (1971-06-24 00:00:00, 1971-06-24T00:00).
    /// Returns false (with <paramref name="problem"/>) for text that is not a date; returns true with a problem for a
    /// complete date that is not a real calendar date (31 February), which is kept because a typo still carries information.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> text, out PartialDate date, out string? problem)
    {
        date = Unknown;
        problem = null;
        text = text.Trim();
        if (text.IsEmpty)
        {
            return true;
        }
        // A time of day after the date (database exports) is not part of it.
        var timeAt = text.IndexOfAny('T', ' ');
        if (timeAt > 0 && text.Length > timeAt + 3 && text[(timeAt + 1)..].IndexOf(':') > 0 && char.IsAsciiDigit(text[timeAt - 1]))
        {
            text = text[..timeAt];
        }
        Span<char> monthBuffer = stackalloc char[24];
        if (text.IndexOfAnyInRange('A', 'z') >= 0)
        {
            if (!MonthNamesToNumbers(text, monthBuffer, out var written))
            {
                problem = "not a date";
                return false;
            }
            text = new string(monthBuffer[..written]);
        }
        Span<int> parts = stackalloc int[3];
        Span<int> lengths = stackalloc int[3];
        var count = 0;
        var current = -1;
        var length = 0;
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                current = current < 0 ? c - '0' : (current * 10) + (c - '0');
                length++;
                if (length > 8)
                {
                    problem = "too many digits for a date";
                    return false;
                }
            }
            else if (c is '-' or '/' or '.' or ' ')
            {
                if (current < 0 || count == 3)
                {
                    problem = "not a date";
                    return false;
                }
                parts[count] = current;
                lengths[count++] = length;
                current = -1;
                length = 0;
            }
            else
            {
                problem = $"unexpected character '{c}' in a date";
                return false;
            }
        }
        if (current < 0 || count == 3)
        {
            problem = "not a date";
            return false;
        }
        parts[count] = current;
        lengths[count++] = length;
        if (count == 1)
        {
            var v = parts[0];
            if (lengths[0] == 8)
            {
                date = new PartialDate(v / 10000, v / 100 % 100, v % 100);
            }
            else if (lengths[0] == 4)
            {
                date = new PartialDate(v, 0, 0);
            }
            else if (lengths[0] == 6)
            {
                date = new PartialDate(v / 100, v % 100, 0);
            }
            else
            {
                problem = "a date needs 4, 6 or 8 digits";
                return false;
            }
        }
        else if (count == 2)
        {
            date = lengths[0] == 4 ? new PartialDate(parts[0], parts[1], 0) : lengths[1] == 4 ? new PartialDate(parts[1], parts[0], 0) : Unknown;
            if (date.IsUnknown)
            {
                problem = "month and year expected";
                return false;
            }
        }
        else
        {
            date = lengths[0] == 4 ? new PartialDate(parts[0], parts[1], parts[2])
                : lengths[2] == 4 ? new PartialDate(parts[2], parts[1], parts[0])
                : lengths[2] == 2 ? new PartialDate(parts[2] + (parts[2] < 30 ? 2000 : 1900), parts[1], parts[0])
                : Unknown;
            if (date.IsUnknown)
            {
                problem = "the year must have 4 digits";
                return false;
            }
        }
        if (date.Year is < 1850 or > 2100)
        {
            problem = $"year {date.Year} is out of range";
            date = Unknown;
            return false;
        }
        if (date.Month > 12 || date.Day > 31 || (date.IsComplete && !date.IsValidCalendarDate))
        {
            problem = "not a real calendar date (kept for comparison)";
        }
        return true;
    }

    private static readonly string[] MonthNames = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];

    /// <summary>Writes the text with a month name (June, Jun, SEPT) replaced by its number; false when a word is not a month.</summary>
    private static bool MonthNamesToNumbers(ReadOnlySpan<char> text, Span<char> target, out int written)
    {
        written = 0;
        var i = 0;
        while (i < text.Length)
        {
            if (written >= target.Length - 2)
            {
                return false;
            }
            if (!char.IsAsciiLetter(text[i]))
            {
                target[written++] = text[i++];
                continue;
            }
            var start = i;
            while (i < text.Length && char.IsAsciiLetter(text[i]))
            {
                i++;
            }
            var word = text[start..i];
            var month = -1;
            for (var m = 0; m < 12 && word.Length >= 3; m++)
            {
                if (word[..3].Equals(MonthNames[m], StringComparison.OrdinalIgnoreCase))
                {
                    month = m + 1;
                    break;
                }
            }
            if (month < 0)
            {
                return false;
            }
            target[written++] = (char)('0' + (month / 10));
            target[written++] = (char)('0' + (month % 10));
        }
        return true;
    }

    /// <summary>yyyy-mm-dd with ?? for unknown parts.</summary>
    public override string ToString() => IsUnknown ? "" : $"{(Year == 0 ? "????" : Year.ToString("D4", System.Globalization.CultureInfo.InvariantCulture))}-{(Month == 0 ? "??" : Month.ToString("D2", System.Globalization.CultureInfo.InvariantCulture))}-{(Day == 0 ? "??" : Day.ToString("D2", System.Globalization.CultureInfo.InvariantCulture))}";
}

/// <summary>A problem found in one row of one source (a malformed date, an id that fails its check digit...).</summary>
/// <param name="Source">The row's source.</param>
/// <param name="RecordId">The row's id.</param>
/// <param name="Row">1-based row number inside the source (0 when unknown).</param>
/// <param name="Field">The field concerned.</param>
/// <param name="Value">The value as given.</param>
/// <param name="Problem">What is wrong, in plain words.</param>
public sealed record RecordIssue(string Source, string RecordId, int Row, string Field, string Value, string Problem);
