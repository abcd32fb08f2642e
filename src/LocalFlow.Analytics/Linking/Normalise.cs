using System.Globalization;
using System.Text;

namespace LocalFlow.Analytics.Linking;

/// <summary>Normalisation of the identifying fields before they are compared: case, accents, punctuation, spacing and common abbreviations.</summary>
public static class Normalise
{
    private static readonly Dictionary<string, string> StreetWords = new(StringComparer.Ordinal)
    {
        ["STREET"] = "ST",
        ["ROAD"] = "RD",
        ["AVENUE"] = "AVE",
        ["AV"] = "AVE",
        ["LANE"] = "LN",
        ["DRIVE"] = "DR",
        ["CLOSE"] = "CL",
        ["COURT"] = "CT",
        ["CRESCENT"] = "CRES",
        ["PLACE"] = "PL",
        ["TERRACE"] = "TCE",
        ["GARDENS"] = "GDNS",
        ["SQUARE"] = "SQ",
        ["GROVE"] = "GR",
        ["PARADE"] = "PDE",
        ["HIGHWAY"] = "HWY",
        ["CIRCUIT"] = "CCT",
        ["WAY"] = "WY",
        ["MOUNT"] = "MT",
        ["NORTH"] = "N",
        ["SOUTH"] = "S",
        ["EAST"] = "E",
        ["WEST"] = "W",
        ["FLAT"] = "",
        ["APARTMENT"] = "",
        ["THE"] = "",
    };

    /// <summary>
    /// Upper-case ASCII letters with accents removed; any run of other characters becomes one space, except that an
    /// apostrophe is dropped (O'Brien → OBRIEN). Returns "" for null or blank.
    /// </summary>
    public static string Name(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }
        var needsFold = false;
        foreach (var c in text)
        {
            if (c > 127)
            {
                needsFold = true;
                break;
            }
        }
        if (needsFold)
        {
            text = text.Normalize(NormalizationForm.FormD);
        }
        Span<char> buffer = text.Length <= 256 ? stackalloc char[text.Length] : new char[text.Length];
        var n = 0;
        var space = false;
        foreach (var c in text)
        {
            if (char.IsAsciiLetter(c))
            {
                if (space && n > 0)
                {
                    buffer[n++] = ' ';
                }
                space = false;
                buffer[n++] = char.ToUpperInvariant(c);
            }
            else if (c is '\'' or '’' || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            else
            {
                space = true;
            }
        }
        return new string(buffer[..n]);
    }

    /// <summary>Splits a normalised name into its words (hyphens and spaces separate words).</summary>
    public static string[] Words(string normalisedName) => normalisedName.Length == 0 ? [] : normalisedName.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Upper case with all spaces and punctuation removed ("nf1 2ab" → "NF12AB"); "" when empty.</summary>
    public static string Postcode(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }
        Span<char> buffer = stackalloc char[Math.Min(text.Length, 16)];
        var n = 0;
        foreach (var c in text)
        {
            if (char.IsAsciiLetterOrDigit(c) && n < buffer.Length)
            {
                buffer[n++] = char.ToUpperInvariant(c);
            }
        }
        return new string(buffer[..n]);
    }

    /// <summary>
    /// The part of a normalised postcode that names a wider area. For a UK postcode (inward code = digit + two letters)
    /// the district is the outward code and the sector adds the inward digit; for an all-digit postcode (Australia,
    /// the FEBRL data) the district is the first two digits and the sector the first three.
    /// </summary>
    public static (string District, string Sector) PostcodeAreas(string postcode)
    {
        var n = postcode.Length;
        if (n >= 5 && char.IsAsciiLetter(postcode[n - 1]) && char.IsAsciiLetter(postcode[n - 2]) && char.IsAsciiDigit(postcode[n - 3]))
        {
            return (postcode[..(n - 3)], postcode[..(n - 2)]);
        }
        if (n >= 4)
        {
            return (postcode[..2], postcode[..3]);
        }
        return (postcode, postcode);
    }

    /// <summary>Digits only; "" when there are none.</summary>
    public static string Digits(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        Span<char> buffer = stackalloc char[Math.Min(text.Length, 64)];
        var n = 0;
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c) && n < buffer.Length)
            {
                buffer[n++] = c;
            }
        }
        return new string(buffer[..n]);
    }

    /// <summary>Letters and digits upper-cased (for identifiers such as national insurance numbers).</summary>
    public static string Identifier(string? text) => Postcode(text);

    /// <summary>Telephone digits in the UK national form: +44 / 0044 prefixes become 0. Fewer than 7 digits is treated as unknown.</summary>
    public static string Phone(string? text)
    {
        var d = Digits(text);
        if (d.StartsWith("0044", StringComparison.Ordinal))
        {
            d = "0" + d[4..];
        }
        else if (d.StartsWith("44", StringComparison.Ordinal) && d.Length == 12)
        {
            d = "0" + d[2..];
        }
        return d.Length < 7 ? "" : d;
    }

    /// <summary>Trimmed, lower-case e-mail; "" unless it has exactly one '@' with text either side.</summary>
    public static string Email(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }
        var e = text.Trim().ToLowerInvariant();
        var at = e.IndexOf('@', StringComparison.Ordinal);
        return at <= 0 || at == e.Length - 1 || e.IndexOf('@', at + 1) >= 0 ? "" : e;
    }

    /// <summary>'M', 'F' or '\0' (unknown) from M/F/male/female/man/woman/boy/girl.</summary>
    public static char Sex(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return '\0';
        }
        var t = text.Trim().ToUpperInvariant();
        return t switch
        {
            "M" or "MALE" or "MAN" or "BOY" or "1" => 'M',
            "F" or "FEMALE" or "WOMAN" or "GIRL" or "2" => 'F',
            _ => '\0',
        };
    }

    /// <summary>
    /// Street text for similarity: the normalised address line without its leading house number, with common words
    /// abbreviated (STREET → ST, ROAD → RD...). Also returns the leading number found, if any.
    /// </summary>
    public static (string Street, string LeadingNumber) Street(string? line)
    {
        var name = Name(line);
        var digits = "";
        if (line is not null)
        {
            var t = line.TrimStart();
            var i = 0;
            while (i < t.Length && char.IsAsciiDigit(t[i]))
            {
                i++;
            }
            if (i > 0)
            {
                digits = t[..i];
            }
        }
        if (name.Length == 0)
        {
            return ("", digits);
        }
        var words = name.Split(' ');
        var sb = new StringBuilder(name.Length);
        foreach (var w in words)
        {
            var word = StreetWords.TryGetValue(w, out var s) ? s : w;
            if (word.Length == 0)
            {
                continue;
            }
            if (sb.Length > 0)
            {
                sb.Append(' ');
            }
            sb.Append(word);
        }
        return (sb.ToString(), digits);
    }

    /// <summary>House number normalised: upper-case letters and digits only ("12 a" → "12A").</summary>
    public static string HouseNumber(string? text) => Postcode(text);
}

/// <summary>NHS number rules (NHS Data Dictionary): 10 digits whose last digit is a modulus-11 check digit.</summary>
public static class NhsNumber
{
    /// <summary>
    /// True when <paramref name="digits"/> is 10 digits and the check digit is right: the first nine digits are weighted
    /// 10, 9, ..., 2 and summed; the check digit is 11 − (sum mod 11), with 11 meaning 0; a result of 10 is never valid.
    /// </summary>
    public static bool IsValid(ReadOnlySpan<char> digits)
    {
        if (digits.Length != 10)
        {
            return false;
        }
        var sum = 0;
        for (var i = 0; i < 10; i++)
        {
            if (!char.IsAsciiDigit(digits[i]))
            {
                return false;
            }
            if (i < 9)
            {
                sum += (digits[i] - '0') * (10 - i);
            }
        }
        var check = 11 - (sum % 11);
        if (check == 11)
        {
            check = 0;
        }
        return check != 10 && check == digits[9] - '0';
    }

    /// <summary>The check digit for nine digits, or -1 when no valid NHS number starts with them.</summary>
    public static int CheckDigit(ReadOnlySpan<char> nineDigits)
    {
        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += (nineDigits[i] - '0') * (10 - i);
        }
        var check = 11 - (sum % 11);
        return check == 11 ? 0 : check == 10 ? -1 : check;
    }
}
