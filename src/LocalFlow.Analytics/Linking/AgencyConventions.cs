namespace LocalFlow.Analytics.Linking;

/// <summary>
/// How agencies write the identifying fields, read back into one shape before anything is compared (clear text and
/// Bloom encoding both start here): a whole name in one column, a title as the only clue to sex, a one-line address
/// with the flat, house number, town and postcode inside, and the placeholder values systems put in a field they
/// must fill (01/01/1900, "NFA", ZZ99 3VZ...), which are unknown, never agreement.
/// </summary>
public static class AgencyConventions
{
    private static readonly HashSet<string> PlaceholderWords = new(StringComparer.Ordinal)
    {
        "NFA", "NOFIXEDABODE", "UNKNOWN", "NOTKNOWN", "NK", "NONE", "NA", "NULL", "TBC", "TBA", "NOTGIVEN", "NOTSTATED", "REFUSED", "XXX", "ZZZ",
    };

    private static readonly HashSet<string> FlatWords = new(StringComparer.Ordinal) { "FLAT", "APARTMENT", "APT", "UNIT", "ROOM", "MAISONETTE" };

    /// <summary>
    /// True for a date of birth systems use when the real one is not known: 1 January 1900 (and 1800, 1901), 9 or 99 in
    /// every part (99/99/9999, 09/09/1999 is not one), and 00/00/0000.
    /// </summary>
    public static bool IsPlaceholderDate(PartialDate date) =>
        (date.Year is 1800 or 1900 or 1901 && date.Month is 1 or 0 && date.Day is 1 or 0)
        || date.Year == 9999 || (date.Month == 99 && date.Day == 99);

    /// <summary>True for text written where the real value is not known ("NFA", "Unknown", "N/K", "TBC", "none"...), case and punctuation ignored.</summary>
    public static bool IsPlaceholderText(string? text) => !string.IsNullOrWhiteSpace(text) && PlaceholderWords.Contains(Normalise.Identifier(text));

    /// <summary>
    /// True for a postcode that names no address: ZZ99 codes (NHS "no fixed abode" and "not known", such as ZZ99 3VZ and
    /// ZZ99 3WZ) and placeholder text.
    /// </summary>
    public static bool IsPlaceholderPostcode(string normalisedPostcode) =>
        normalisedPostcode.StartsWith("ZZ99", StringComparison.Ordinal) || PlaceholderWords.Contains(normalisedPostcode);

    /// <summary>
    /// Splits a name written in one column into given names and surname: "QUINN, Dawn Chloe" (surname before a comma)
    /// gives ("Dawn Chloe", "QUINN"); "Dawn Chloe Quinn" gives ("Dawn Chloe", "Quinn"); a single word is a surname.
    /// A title at the start ("Mrs Dawn Quinn") is dropped.
    /// </summary>
    public static (string GivenNames, string Surname) SplitFullName(string? fullName)
    {
        if (string.IsNullOrWhiteSpace(fullName))
        {
            return ("", "");
        }
        var comma = fullName.IndexOf(',', StringComparison.Ordinal);
        if (comma >= 0)
        {
            return (WithoutTitle(fullName[(comma + 1)..]).Trim(), fullName[..comma].Trim());
        }
        var words = WithoutTitle(fullName).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return words.Length switch
        {
            0 => ("", ""),
            1 => ("", words[0]),
            _ => (string.Join(' ', words[..^1]), words[^1]),
        };
    }

    private static string WithoutTitle(string text)
    {
        var t = text.TrimStart();
        var space = t.IndexOf(' ', StringComparison.Ordinal);
        return space > 0 && SexOfTitle(t[..space]) is not null ? t[(space + 1)..] : t;
    }

    /// <summary>
    /// Sex implied by a title: Mr and Master 'M'; Mrs, Miss, Ms and Madam 'F'; '\0' for any other (Dr, Mx, Rev...).
    /// Null when the text is not a title at all.
    /// </summary>
    public static char? SexOfTitle(string? title)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return null;
        }
        return Normalise.Identifier(title) switch
        {
            "MR" or "MASTER" or "SIR" => 'M',
            "MRS" or "MISS" or "MS" or "MADAM" or "LADY" => 'F',
            "DR" or "MX" or "REV" or "PROF" => '\0',
            _ => null,
        };
    }

    /// <summary>The parts of an address written in one or more lines.</summary>
    /// <param name="HouseNumber">Building number (or name's first word when no number), with the flat after an "F" ("27F3" for Flat 3, 27...).</param>
    /// <param name="StreetLine">The line naming the street, without its number ("Church Rd").</param>
    /// <param name="Postcode">A UK postcode found at the end of the address, or "".</param>
    public readonly record struct AddressParts(string HouseNumber, string StreetLine, string Postcode);

    /// <summary>
    /// Reads address lines the way agencies write them: "27 Church Road" and "Leeds" in two columns, "27 Church Road,
    /// Leeds" in one, or "Flat 3, 27 Church Rd, Leeds, LS6 2AB" with the postcode inside. The street line is the first
    /// part that starts with a number (or the first part when none does); a flat, apartment or unit number is kept with
    /// the house number so that the flats of one building are different addresses; a postcode is looked for at the end
    /// of the last line. "NFA" and other placeholders give nothing.
    /// </summary>
    public static AddressParts ReadAddress(IReadOnlyList<string> lines)
    {
        var parts = new List<string>(4);
        foreach (var line in lines)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            foreach (var p in line.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!IsPlaceholderText(p))
                {
                    parts.Add(p);
                }
            }
        }
        if (parts.Count == 0)
        {
            return new AddressParts("", "", "");
        }
        var postcode = "";
        var last = parts[^1];
        var found = FindPostcode(last);
        if (found.Length > 0)
        {
            postcode = Normalise.Postcode(last[found.Start..]);
            last = last[..found.Start].Trim();
            if (last.Length == 0)
            {
                parts.RemoveAt(parts.Count - 1);
            }
            else
            {
                parts[^1] = last;
            }
        }
        var flat = "";
        var street = -1;
        var number = "";
        for (var i = 0; i < parts.Count; i++)
        {
            var words = parts[i].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length >= 2 && FlatWords.Contains(Normalise.Identifier(words[0])) && char.IsAsciiLetterOrDigit(words[1][0]))
            {
                flat = Normalise.HouseNumber(words[1]);
                if (words.Length > 2 && char.IsAsciiDigit(words[2][0]))
                {
                    // "Flat 3 27 Church Road": the building number follows the flat.
                    number = Normalise.HouseNumber(words[2]);
                    street = i;
                    parts[i] = string.Join(' ', words[3..]);
                    break;
                }
                continue;
            }
            if (words.Length > 0 && char.IsAsciiDigit(words[0][0]))
            {
                number = Normalise.HouseNumber(words[0]);
                street = i;
                parts[i] = string.Join(' ', words[1..]);
                if (parts[i].Length == 0 && i + 1 < parts.Count)
                {
                    parts[i] = parts[i + 1];
                }
                break;
            }
        }
        if (street < 0)
        {
            street = flat.Length > 0 && parts.Count > 1 ? 1 : 0;
        }
        var house = flat.Length == 0 ? number : number + "F" + flat;
        return new AddressParts(house, parts[street], postcode);
    }

    /// <summary>Finds a UK postcode (outward code, a space or not, inward code digit + two letters) at the end of text.</summary>
    private static (int Start, int Length) FindPostcode(string text)
    {
        var t = text.TrimEnd();
        // Inward code: digit letter letter at the end.
        if (t.Length < 5 || !char.IsAsciiLetter(t[^1]) || !char.IsAsciiLetter(t[^2]) || !char.IsAsciiDigit(t[^3]))
        {
            return (0, 0);
        }
        var end = t.Length - 3;
        if (end > 0 && t[end - 1] == ' ')
        {
            end--;
        }
        // Outward code: 2–4 letters and digits starting with a letter, after a space or comma or at the start.
        var start = end;
        while (start > 0 && char.IsAsciiLetterOrDigit(t[start - 1]) && end - start < 4)
        {
            start--;
        }
        var outward = end - start;
        if (outward < 2 || !char.IsAsciiLetter(t[start]) || (start > 0 && char.IsAsciiLetterOrDigit(t[start - 1])) || !ContainsDigit(t.AsSpan(start, outward)))
        {
            return (0, 0);
        }
        return (start, t.Length - start);
    }

    private static bool ContainsDigit(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// The record with the conventions above applied: given names and surname from <see cref="LinkRecord.FullName"/>
    /// where they are empty, sex from <see cref="LinkRecord.Title"/> where it is empty, the house number, street line and
    /// postcode read from the address lines where their own fields are empty, and placeholder dates of birth, postcodes
    /// and address text removed. The input is not changed; a record needing nothing is returned as it is.
    /// </summary>
    public static LinkRecord Resolve(LinkRecord r)
    {
        var needsName = !string.IsNullOrWhiteSpace(r.FullName) && (string.IsNullOrWhiteSpace(r.GivenNames) || string.IsNullOrWhiteSpace(r.Surname));
        var needsSex = string.IsNullOrWhiteSpace(r.Sex) && !string.IsNullOrWhiteSpace(r.Title);
        var oneLine = r.AddressLines.Count > 0 && (r.AddressLines[0].Contains(',', StringComparison.Ordinal) || string.IsNullOrWhiteSpace(r.Postcode) || StartsWithFlat(r.AddressLines[0]) || IsPlaceholderText(r.AddressLines[0]));
        var placeholderPostcode = !string.IsNullOrWhiteSpace(r.Postcode) && IsPlaceholderPostcode(Normalise.Postcode(r.Postcode));
        var placeholderDob = !string.IsNullOrWhiteSpace(r.DateOfBirth) && PartialDate.TryParse(r.DateOfBirth, out var dob, out _) && IsPlaceholderDate(dob);
        if (!needsName && !needsSex && !oneLine && !placeholderPostcode && !placeholderDob)
        {
            return r;
        }
        var copy = new LinkRecord
        {
            Source = r.Source,
            RecordId = r.RecordId,
            GivenNames = r.GivenNames,
            Surname = r.Surname,
            PreviousSurnames = r.PreviousSurnames,
            DateOfBirth = placeholderDob ? null : r.DateOfBirth,
            Sex = r.Sex,
            AddressLines = r.AddressLines,
            HouseNumber = r.HouseNumber,
            Postcode = placeholderPostcode ? null : r.Postcode,
            PreviousPostcodes = r.PreviousPostcodes,
            NhsNumber = r.NhsNumber,
            OtherId = r.OtherId,
            Phone = r.Phone,
            Email = r.Email,
            RecordDate = r.RecordDate,
        };
        if (needsName)
        {
            var (given, surname) = SplitFullName(r.FullName);
            copy.GivenNames = string.IsNullOrWhiteSpace(r.GivenNames) ? given : r.GivenNames;
            copy.Surname = string.IsNullOrWhiteSpace(r.Surname) ? surname : r.Surname;
        }
        if (needsSex && SexOfTitle(r.Title) is { } sex && sex != '\0')
        {
            copy.Sex = sex.ToString();
        }
        if (oneLine)
        {
            var parts = ReadAddress(r.AddressLines);
            copy.AddressLines = parts.StreetLine.Length == 0 ? [] : [parts.StreetLine];
            copy.HouseNumber = string.IsNullOrWhiteSpace(r.HouseNumber) ? parts.HouseNumber : r.HouseNumber;
            if (string.IsNullOrWhiteSpace(copy.Postcode) && !placeholderPostcode && parts.Postcode.Length > 0 && !IsPlaceholderPostcode(parts.Postcode))
            {
                copy.Postcode = parts.Postcode;
            }
        }
        return copy;
    }

    private static bool StartsWithFlat(string line)
    {
        var t = line.TrimStart();
        var space = t.IndexOf(' ', StringComparison.Ordinal);
        return space > 0 && FlatWords.Contains(Normalise.Identifier(t[..space]));
    }
}
