using System.Numerics;

namespace LocalFlow.Analytics.Linking;

/// <summary>String similarity measures used by the comparisons.</summary>
public static class Similarity
{
    /// <summary>
    /// Jaro–Winkler similarity (Winkler 1990) in [0, 1]: Jaro similarity with a bonus of 0.1 per agreeing leading
    /// character (at most 4). Two empty strings score 0 (unknown is handled by the caller).
    /// </summary>
    public static double JaroWinkler(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return 0;
        }
        if (a.SequenceEqual(b))
        {
            return 1;
        }
        if (a.Length > b.Length)
        {
            var t = a;
            a = b;
            b = t;
        }
        var window = Math.Max(0, (b.Length / 2) - 1);
        Span<bool> aFlags = a.Length <= 128 ? stackalloc bool[a.Length] : new bool[a.Length];
        Span<bool> bFlags = b.Length <= 128 ? stackalloc bool[b.Length] : new bool[b.Length];
        var matches = 0;
        for (var i = 0; i < a.Length; i++)
        {
            var lo = Math.Max(0, i - window);
            var hi = Math.Min(b.Length - 1, i + window);
            for (var j = lo; j <= hi; j++)
            {
                if (!bFlags[j] && a[i] == b[j])
                {
                    aFlags[i] = true;
                    bFlags[j] = true;
                    matches++;
                    break;
                }
            }
        }
        if (matches == 0)
        {
            return 0;
        }
        var transpositions = 0;
        var k = 0;
        for (var i = 0; i < a.Length; i++)
        {
            if (!aFlags[i])
            {
                continue;
            }
            while (!bFlags[k])
            {
                k++;
            }
            if (a[i] != b[k])
            {
                transpositions++;
            }
            k++;
        }
        double m = matches;
        var jaro = ((m / a.Length) + (m / b.Length) + ((m - (transpositions / 2)) / m)) / 3.0;
        var prefix = 0;
        var maxPrefix = Math.Min(4, a.Length);
        while (prefix < maxPrefix && a[prefix] == b[prefix])
        {
            prefix++;
        }
        return jaro + (prefix * 0.1 * (1 - jaro));
    }

    /// <summary>True when the strings have the same length and differ in exactly one position, or differ by swapping two adjacent characters.</summary>
    public static bool OneEditApart(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.Length != b.Length || a.Length == 0)
        {
            return false;
        }
        var first = -1;
        var diffs = 0;
        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] != b[i])
            {
                if (++diffs > 2)
                {
                    return false;
                }
                if (first < 0)
                {
                    first = i;
                }
            }
        }
        return diffs == 1 || (diffs == 2 && first + 1 < a.Length && a[first] == b[first + 1] && a[first + 1] == b[first] && a[first] != a[first + 1]);
    }

    /// <summary>True when one string is the other with exactly one character added (JMES and JAMES).</summary>
    public static bool OneInsertApart(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.Length > b.Length)
        {
            return OneInsertApart(b, a);
        }
        if (a.Length == 0 || b.Length != a.Length + 1)
        {
            return false;
        }
        var i = 0;
        while (i < a.Length && a[i] == b[i])
        {
            i++;
        }
        return a[i..].SequenceEqual(b[(i + 1)..]);
    }

    /// <summary>Sørensen–Dice coefficient of two equal-length bit sets: 2|A∩B| / (|A|+|B|); 0 when both are empty.</summary>
    public static double Dice(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b)
    {
        var both = 0;
        var total = 0;
        for (var i = 0; i < a.Length; i++)
        {
            both += BitOperations.PopCount(a[i] & b[i]);
            total += BitOperations.PopCount(a[i]) + BitOperations.PopCount(b[i]);
        }
        return total == 0 ? 0 : 2.0 * both / total;
    }
}

/// <summary>Phonetic codes for blocking and name comparison, written for British and Irish names.</summary>
public static class Phonetic
{
    /// <summary>
    /// American Soundex (Russell/Odell): first letter then three digits for the following consonant groups (BFPV=1,
    /// CGJKQSXZ=2, DT=3, L=4, MN=5, R=6), adjacent equal codes merged, H and W transparent. "" for an empty name.
    /// </summary>
    public static string Soundex(ReadOnlySpan<char> name)
    {
        Span<char> code = stackalloc char[4];
        var n = 0;
        var last = '\0';
        foreach (var raw in name)
        {
            var c = char.ToUpperInvariant(raw);
            if (!char.IsAsciiLetterUpper(c))
            {
                continue;
            }
            var d = SoundexDigit(c);
            if (n == 0)
            {
                code[n++] = c;
                last = d;
                continue;
            }
            if (c is 'H' or 'W')
            {
                continue;
            }
            if (d == '0')
            {
                last = '0';
                continue;
            }
            if (d != last)
            {
                code[n++] = d;
                if (n == 4)
                {
                    break;
                }
            }
            last = d;
        }
        if (n == 0)
        {
            return "";
        }
        while (n < 4)
        {
            code[n++] = '0';
        }
        return new string(code);
    }

    private static char SoundexDigit(char c) => c switch
    {
        'B' or 'F' or 'P' or 'V' => '1',
        'C' or 'G' or 'J' or 'K' or 'Q' or 'S' or 'X' or 'Z' => '2',
        'D' or 'T' => '3',
        'L' => '4',
        'M' or 'N' => '5',
        'R' => '6',
        _ => '0',
    };

    /// <summary>
    /// A sound key in the spirit of Double Metaphone (Philips 2000), simplified: spelling groups that sound alike are
    /// folded (PH→F, CK/Q/hard C→K, soft C/Z→S, DG/soft G→J, GH and silent initial K/W/G dropped, TH→0, SH/CH/SCH→X,
    /// V→F, WR→R, Y as vowel), vowels after the first letter dropped, repeats merged; at most 6 characters.
    /// Smith/Smyth/Smithe, Phillips/Filips, Catherine/Kathryn and Mackenzie/McKenzie share keys.
    /// </summary>
    public static string Key(ReadOnlySpan<char> name)
    {
        Span<char> s = stackalloc char[Math.Min(name.Length, 64)];
        var len = 0;
        foreach (var raw in name)
        {
            var c = char.ToUpperInvariant(raw);
            if (char.IsAsciiLetterUpper(c) && len < s.Length)
            {
                s[len++] = c;
            }
        }
        if (len == 0)
        {
            return "";
        }
        s = s[..len];
        Span<char> o = stackalloc char[8];
        var n = 0;
        var i = 0;
        if (s.StartsWith("KN") || s.StartsWith("GN") || s.StartsWith("WR") || s.StartsWith("PN"))
        {
            i = 1;
        }
        else if (s.StartsWith("MAC"))
        {
            o[n++] = 'M';
            o[n++] = 'K';
            i = 3;
        }
        else if (s.StartsWith("MC"))
        {
            o[n++] = 'M';
            o[n++] = 'K';
            i = 2;
        }
        for (; i < s.Length && n < 6; i++)
        {
            var c = s[i];
            var next = i + 1 < s.Length ? s[i + 1] : '\0';
            var code = '\0';
            var vowelStart = n == 0;
            switch (c)
            {
                case 'A' or 'E' or 'I' or 'O' or 'U' or 'Y':
                    code = vowelStart ? 'A' : '\0';
                    break;
                case 'P':
                    code = next == 'H' ? 'F' : 'P';
                    if (next == 'H')
                    {
                        i++;
                    }
                    break;
                case 'C':
                    if (next == 'H')
                    {
                        code = 'X';
                        i++;
                    }
                    else if (next == 'K')
                    {
                        code = 'K';
                        i++;
                    }
                    else
                    {
                        code = next is 'E' or 'I' or 'Y' ? 'S' : 'K';
                    }
                    break;
                case 'S':
                    if (next == 'H')
                    {
                        code = 'X';
                        i++;
                    }
                    else if (next == 'C' && i + 2 < s.Length && s[i + 2] == 'H')
                    {
                        code = 'X';
                        i += 2;
                    }
                    else
                    {
                        code = 'S';
                    }
                    break;
                case 'T':
                    if (next == 'H')
                    {
                        code = '0';
                        i++;
                    }
                    else
                    {
                        code = 'T';
                    }
                    break;
                case 'D':
                    code = next == 'G' ? 'J' : 'T';
                    if (next == 'G')
                    {
                        i++;
                    }
                    break;
                case 'G':
                    if (next == 'H')
                    {
                        i++;
                        code = '\0';
                    }
                    else
                    {
                        code = next is 'E' or 'I' or 'Y' ? 'J' : 'K';
                    }
                    break;
                case 'Q':
                    code = 'K';
                    break;
                case 'X':
                    code = 'S';
                    break;
                case 'Z':
                    code = 'S';
                    break;
                case 'V':
                    code = 'F';
                    break;
                case 'W' or 'H':
                    code = vowelStart ? c : '\0';
                    break;
                default:
                    code = c;
                    break;
            }
            if (code != '\0' && (n == 0 || o[n - 1] != code))
            {
                o[n++] = code;
            }
        }
        return new string(o[..n]);
    }
}
