namespace LocalFlow.Analytics.Linking;

/// <summary>
/// Records prepared for clear-text comparison: names, dates, addresses and identifiers normalised once, phonetic keys
/// and nickname groups computed once, then compared pair by pair with the levels described on each comparison.
/// </summary>
public sealed class ClearTextSchema : LinkageSchema
{
    /// <summary>Comparison indexes.</summary>
    public const int GivenName = 0, Surname = 1, DateOfBirth = 2, Address = 3, Sex = 4, Nhs = 5, OtherId = 6, Phone = 7, Email = 8;

    private static readonly ComparisonInfo[] Defs =
    [
        new("given name", ["exact", "swapped with surname", "nickname or other given name", "similar (Jaro–Winkler ≥ 0.92)", "roughly similar (≥ 0.80, or one keystroke apart)", "initial agrees (one is only an initial)", "different, same initial", "different (other initial)"], 0, [0.80, 0.005, 0.05, 0.05, 0.02, 0.02, 0.02, 0.03], DefaultU: [0.005, 0.00001, 0.004, 0.0005, 0.004, 0.002, 0.05, 0.9345], TellsApart: true),
        new("surname", ["exact", "swapped with given name", "part or previous surname", "similar (Jaro–Winkler ≥ 0.92)", "sounds alike or ≥ 0.80", "different"], 0, [0.80, 0.005, 0.03, 0.05, 0.02, 0.10], DefaultU: [0.004, 0.00001, 0.0006, 0.0006, 0.005, 0.98979], Shared: true),
        new("date of birth", ["exact", "day and month swapped", "one digit wrong", "year ±1", "partial date agrees", "different", "a generation apart (12+ years, not a typo)"], -1, [0.85, 0.01, 0.05, 0.01, 0.01, 0.06, 0.01], DefaultU: [0.00006, 0.00001, 0.0012, 0.00001, 0.00025, 0.29857, 0.7], TellsApart: true),
        new("address", ["same postcode and house number", "same postcode, other house number", "moved: matches a previous postcode", "same street and number, postcode differs", "same postcode sector", "same postcode district", "different"], 0, [0.70, 0.03, 0.05, 0.02, 0.02, 0.03, 0.15], DefaultU: [0.0001, 0.002, 0.0002, 0.00001, 0.001, 0.02, 0.97669], Shared: true, HouseholdLevel: 0),
        new("sex", ["same", "different"], -1, [0.97, 0.03], Weak: true, DefaultU: [0.5, 0.5]),
        new("NHS number", ["exact (valid)", "one digit wrong or swapped", "different"], -1, [0.95, 0.03, 0.02], DefaultU: [0.00004, 0.000003, 0.999957]),
        new("other id", ["exact", "one character wrong or swapped", "different"], -1, [0.90, 0.05, 0.05], DefaultU: [0.0001, 0.00001, 0.99989]),
        new("phone", ["exact", "different"], -1, [0.8, 0.2], DefaultU: [0.0001, 0.9999], Shared: true, HouseholdLevel: 0),
        new("email", ["exact", "same name before @", "different"], -1, [0.85, 0.05, 0.10], DefaultU: [0.0001, 0.00002, 0.99988], Shared: true, HouseholdLevel: 0),
    ];

    private static readonly string[] Rules = ["date of birth", "surname sound + birth year", "postcode + given name initial", "NHS number", "other id", "phone", "email"];

    private readonly Prepared[] _records;
    private readonly string[] _sources;
    private readonly int[] _sourceIndex;
    private readonly List<RecordIssue> _issues;

    /// <summary>
    /// Prepares the records. Malformed dates, NHS numbers failing their check digit and similar problems are collected in
    /// <see cref="LinkageSchema.Issues"/> (the field is then unknown or compared leniently). Throws
    /// <see cref="LinkageInputException"/> when a source has no row with a usable identifier (a name, a date of birth,
    /// an NHS number or another id).
    /// </summary>
    public ClearTextSchema(IReadOnlyList<LinkRecord> records)
    {
        _records = new Prepared[records.Count];
        _sourceIndex = new int[records.Count];
        var sourceMap = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < records.Count; i++)
        {
            var s = records[i].Source;
            if (!sourceMap.TryGetValue(s, out var si))
            {
                sourceMap[s] = si = sourceMap.Count;
            }
            _sourceIndex[i] = si;
        }
        _sources = [.. sourceMap.OrderBy(kv => kv.Value).Select(kv => kv.Key)];
        var rowInSource = RowNumbers(records);
        var bag = new System.Collections.Concurrent.ConcurrentBag<List<RecordIssue>>();
        Parallel.For(0, records.Count, () => new List<RecordIssue>(), (i, _, local) =>
        {
            _records[i] = Prepared.From(records[i], rowInSource[i], local);
            return local;
        }, bag.Add);
        _issues = [.. bag.SelectMany(l => l).OrderBy(x => x.Source, StringComparer.Ordinal).ThenBy(x => x.Row).ThenBy(x => x.Field, StringComparer.Ordinal)];
        var usable = new bool[_sources.Length];
        for (var i = 0; i < _records.Length; i++)
        {
            var p = _records[i];
            if (p.Surname.Length > 0 || p.Dob.Packed != 0 || p.NhsValid || p.OtherId.Length > 0)
            {
                usable[_sourceIndex[i]] = true;
            }
        }
        for (var s = 0; s < usable.Length; s++)
        {
            if (!usable[s])
            {
                throw new LinkageInputException($"Source \"{_sources[s]}\" has no usable identifier: none of its rows has a surname, a full date of birth, a valid NHS number or another id, so it cannot be linked. Check its column names (or map them) and try again.");
            }
        }
    }

    private static int[] RowNumbers(IReadOnlyList<LinkRecord> records)
    {
        var rows = new int[records.Count];
        var counters = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < records.Count; i++)
        {
            counters.TryGetValue(records[i].Source, out var c);
            counters[records[i].Source] = rows[i] = c + 1;
        }
        return rows;
    }

    /// <inheritdoc/>
    public override IReadOnlyList<ComparisonInfo> Comparisons => Defs;

    /// <inheritdoc/>
    public override IReadOnlyList<string> BlockingRules => Rules;

    /// <inheritdoc/>
    public override int DateOfBirthRules => 2;

    /// <inheritdoc/>
    public override IReadOnlyList<int[]> BlockedComparisons { get; } = [[DateOfBirth], [Surname, DateOfBirth], [Address, GivenName], [Nhs], [OtherId], [Phone], [Email]];

    /// <inheritdoc/>
    public override int Count => _records.Length;

    /// <inheritdoc/>
    public override IReadOnlyList<string> Sources => _sources;

    /// <inheritdoc/>
    public override IReadOnlyList<RecordIssue> Issues => _issues;

    /// <inheritdoc/>
    public override int SourceIndex(int record) => _sourceIndex[record];

    /// <inheritdoc/>
    public override string RecordId(int record) => _records[record].RecordId;

    /// <summary>The normalised postcode and street key of a record ("" when unknown), used to build households.</summary>
    public (string Postcode, string AddressKey, DateOnly? Seen) AddressOf(int record)
    {
        var p = _records[record];
        if (p.Postcode.Length == 0 || (p.HouseNumber.Length == 0 && p.Street.Length == 0))
        {
            return (p.Postcode, "", p.Seen);
        }
        return (p.Postcode, $"{p.Postcode}|{p.HouseNumber}|{p.StreetKey}", p.Seen);
    }

    /// <inheritdoc/>
    public override ulong BlockingKey(int rule, int record)
    {
        var p = _records[record];
        return rule switch
        {
            0 => p.Dob.Packed == 0 ? 0 : (ulong)p.Dob.Packed,
            1 => p.SurnameKey.Length == 0 || p.Dob.Year == 0 ? 0 : Hash(p.SurnameKey, (ulong)p.Dob.Year + 100),
            2 => p.Postcode.Length == 0 || p.Given.Length == 0 ? 0 : Hash(p.Postcode, p.Given[0]),
            3 => p.NhsValid ? Hash(p.Nhs, 3) : 0,
            4 => p.OtherId.Length == 0 ? 0 : Hash(p.OtherId, 4),
            5 => p.Phone.Length == 0 ? 0 : Hash(p.Phone, 5),
            6 => p.Email.Length == 0 ? 0 : Hash(p.Email, 6),
            _ => 0,
        };
    }

    /// <inheritdoc/>
    public override ulong HouseholdKey(int comparison, int record)
    {
        var p = _records[record];
        return comparison switch
        {
            Address => p.Postcode.Length == 0 || p.HouseNumber.Length == 0 ? 0 : Hash(p.HouseNumber, Hash(p.Postcode, 21)),
            Phone => p.Phone.Length == 0 ? 0 : Hash(p.Phone, 22),
            Email => p.Email.Length == 0 ? 0 : Hash(p.Email, 23),
            _ => 0,
        };
    }

    /// <summary>
    /// The same street and house number where one record has no postcode, and one record has no date of birth, is scored as
    /// one household too: scored as a stranger's address it let the surname add its full weight again, and namesakes of
    /// one household (a father and son, one record without a date of birth) linked on it. With both dates of birth known
    /// the pair is scored as before: scoring every such pair as a household pair cost a million records 0.003 of recall.
    /// </summary>
    public override bool AlsoShowsHousehold(int comparison, byte level, int a, int b)
    {
        if (comparison != Address || level != 3)
        {
            return false;
        }
        var x = _records[a];
        var y = _records[b];
        return (x.Postcode.Length == 0 || y.Postcode.Length == 0) && (x.Dob.IsUnknown || y.Dob.IsUnknown);
    }

    /// <summary>
    /// Two records cannot be one person when both hold a valid NHS number and the numbers differ. Unless an NHS number or
    /// other id agrees, they cannot be one person either when the dates of birth are a generation apart (12 years or
    /// more, and not one digit apart: a parent and child of the same name), or, between records of one family (surname
    /// agreeing or similar), when the given names clearly differ (not a typo, swap, nickname, middle name or initial)
    /// while the full dates of birth are the same (twins, even when their names share the first letter: Leo and Lucas),
    /// or when they clearly differ and do not even start with the same letter while the dates of birth clearly differ, or,
    /// within one household, differ by less than that (a year apart, a digit apart: Paul and Dean Jones, born on 13 June
    /// 2012 and 2013); for this last rule the same street and house number with a postcode missing or mistyped counts as
    /// one household (a couple of one surname whose birthdays are a day–month swap of each other). Within one household
    /// and family, a given name with another initial cannot link either when a date of birth is missing: among a million
    /// hard records 22,437 such pairs scored between −4 and 4 bits and none was one person. Within one household and
    /// family, the same date of birth with different sexes and given names that are not the same (Louis and Louise, or
    /// a record with no given name) cannot link either: twins of different sex (none of 1,701 such pairs among 318,941
    /// hard records was one person).
    /// Other ids that differ are not a rule: their kind is unknown and they are often mistyped.
    /// </summary>
    public override string? CannotLinkReason(ReadOnlySpan<byte> levels)
    {
        if (levels[Nhs] == 2)
        {
            return "two different valid NHS numbers";
        }
        if (IdentifierAgrees(levels))
        {
            return null;
        }
        var family = levels[Surname] is 0 or 2 or 3 or 4;
        var household = levels[Address] == 0 || levels[Phone] == 0 || levels[Email] == 0;
        return levels[DateOfBirth] == 6 ? "born a generation apart"
            : household && levels[DateOfBirth] == 5 ? "one household but clearly different dates of birth"
            : family && levels[GivenName] is GivenSameInitial or GivenDifferentInitial && levels[DateOfBirth] == 0 ? "same family and date of birth but a different given name (twins)"
            : family && levels[GivenName] == GivenDifferentInitial && levels[DateOfBirth] == 5 ? "same family, different date of birth and given name"
            : (household || levels[Address] == AddressSameStreet) && family && levels[GivenName] == GivenDifferentInitial && levels[DateOfBirth] is 1 or 2 or 3 or 4 ? "one household, a different given name and not the same date of birth"
            : household && family && levels[GivenName] == GivenDifferentInitial && levels[DateOfBirth] == Unknown ? "one household, a different given name and no date of birth to say otherwise"
            : household && family && levels[DateOfBirth] == 0 && levels[Sex] == 1 && levels[GivenName] is not (0 or 1) ? "one household and birthday, different sexes and given names (twins)"
            : null;
    }

    /// <inheritdoc/>
    public override bool IdentifierAgrees(ReadOnlySpan<byte> levels) => levels[Nhs] is 0 or 1 || levels[OtherId] is 0 or 1;

    private const byte AddressSameStreet = 3;
    private const byte GivenSameInitial = 6;
    private const byte GivenDifferentInitial = 7;

    /// <inheritdoc/>
    public override ulong TermKey(int comparison, int record)
    {
        var p = _records[record];
        return comparison switch
        {
            GivenName => p.Given.Length == 0 ? 0 : Hash(p.Given, 11),
            Surname => p.Surname.Length == 0 ? 0 : Hash(p.Surname, 12),
            Address => p.Postcode.Length == 0 || p.HouseNumber.Length == 0 ? 0 : Hash(p.HouseNumber, Hash(p.Postcode, 13)),
            _ => 0,
        };
    }

    /// <inheritdoc/>
    public override string Display(int comparison, int record)
    {
        var p = _records[record];
        return comparison switch
        {
            GivenName => string.Join(' ', p.GivenWords),
            Surname => p.PreviousSurnames.Length == 0 ? p.Surname : $"{p.Surname} (was {string.Join(", ", p.PreviousSurnames)})",
            DateOfBirth => p.Dob.ToString(),
            Address => $"{p.HouseNumber} {p.Street}, {p.Postcode}".Trim(' ', ',') + (p.PreviousPostcodes.Length == 0 ? "" : $" (was {string.Join(", ", p.PreviousPostcodes)})"),
            Sex => p.Sex == '\0' ? "" : p.Sex.ToString(),
            Nhs => p.Nhs.Length == 0 ? "" : p.NhsValid ? p.Nhs : p.Nhs + " (check digit fails)",
            OtherId => p.OtherId,
            Phone => p.Phone,
            Email => p.Email,
            _ => "",
        };
    }

    /// <inheritdoc/>
    public override void Compare(int a, int b, Span<byte> levels)
    {
        var x = _records[a];
        var y = _records[b];
        var swapped = NamesSwapped(x, y);
        levels[GivenName] = CompareGiven(x, y, swapped);
        levels[Surname] = CompareSurname(x, y, swapped);
        levels[DateOfBirth] = CompareDob(x.Dob, y.Dob);
        levels[Address] = CompareAddress(x, y);
        levels[Sex] = x.Sex == '\0' || y.Sex == '\0' ? Unknown : x.Sex == y.Sex ? (byte)0 : (byte)1;
        levels[Nhs] = CompareNhs(x, y);
        levels[OtherId] = x.OtherId.Length == 0 || y.OtherId.Length == 0 ? Unknown : x.OtherId == y.OtherId ? (byte)0 : Similarity.OneEditApart(x.OtherId, y.OtherId) ? (byte)1 : (byte)2;
        levels[Phone] = x.Phone.Length == 0 || y.Phone.Length == 0 ? Unknown : x.Phone == y.Phone ? (byte)0 : (byte)1;
        levels[Email] = x.Email.Length == 0 || y.Email.Length == 0 ? Unknown : x.Email == y.Email ? (byte)0 : x.EmailLocal == y.EmailLocal ? (byte)1 : (byte)2;
    }

    private static bool NamesSwapped(Prepared x, Prepared y) =>
        x.Given.Length > 1 && y.Given.Length > 1 && x.Surname.Length > 0 && y.Surname.Length > 0
        && x.Given != y.Given && (SwappedInto(x, y) || SwappedInto(y, x));

    /// <summary>
    /// x's given name is y's surname, and y's given name is x's surname or, after a marriage, the surname x did not yet
    /// have (Louise Wright, later Botby, written "BOTBY, Louise" the wrong way round, with Wright as her previous surname).
    /// </summary>
    private static bool SwappedInto(Prepared x, Prepared y) =>
        x.Given[0] == y.Surname[0] && Similarity.JaroWinkler(x.Given, y.Surname) >= 0.92
        && ((x.Surname[0] == y.Given[0] && Similarity.JaroWinkler(x.Surname, y.Given) >= 0.92)
            || Contains(y.PreviousSurnames, x.Surname, 0) || Contains(x.PreviousSurnames, y.Given, 0));

    internal static byte CompareGiven(Prepared x, Prepared y, bool swapped)
    {
        if (x.Given.Length == 0 || y.Given.Length == 0)
        {
            return Unknown;
        }
        if (x.Given == y.Given)
        {
            return 0;
        }
        if (swapped)
        {
            return 1;
        }
        if (x.Given.Length > 1 && y.Given.Length > 1)
        {
            if (Nicknames.Shared(x.GivenGroups, y.GivenGroups) || Contains(y.GivenWords, x.Given, 1) || Contains(x.GivenWords, y.Given, 1))
            {
                return 2;
            }
            var jw = Similarity.JaroWinkler(x.Given, y.Given);
            if (jw >= 0.92)
            {
                return 3;
            }
            if (jw >= 0.80 || Similarity.OneEditApart(x.Given, y.Given) || Similarity.OneInsertApart(x.Given, y.Given))
            {
                // Short names typed wrong (Mai/Mia, Zpe/Zoe, Jmes/James) score low on Jaro–Winkler but are one keystroke apart.
                return 4;
            }
            if ((x.GivenGroups.Length == 0 && Nicknames.OneKeystrokeFrom(x.Given, y.GivenGroups, y.Given))
                || (y.GivenGroups.Length == 0 && Nicknames.OneKeystrokeFrom(y.Given, x.GivenGroups, x.Given)))
            {
                // A typo of the other's nickname or formal name (JOHR for John where the other says Jack): not clearly
                // different. Only for a name the table does not know: Joan is one keystroke from John, and is Joan.
                return 4;
            }
            if (x.Given[0] == y.Given[0])
            {
                // Different names with one initial (Mai/Mia typed wrong, Jack/James): not clearly different.
                return 6;
            }
        }
        else if (x.Given[0] == y.Given[0] || (x.Given.Length == 1 && Nicknames.GroupHasInitial(y.GivenGroups, x.Given[0])) || (y.Given.Length == 1 && Nicknames.GroupHasInitial(x.GivenGroups, y.Given[0])))
        {
            // An initial agrees with the name or with its formal form (A for Amanda where the other record says Mandy).
            return 5;
        }
        return 7;
    }

    internal static byte CompareSurname(Prepared x, Prepared y, bool swapped)
    {
        if (x.Surname.Length == 0 || y.Surname.Length == 0)
        {
            return Unknown;
        }
        if (x.Surname == y.Surname || x.SurnameJoined == y.SurnameJoined)
        {
            return 0;
        }
        if (swapped)
        {
            return 1;
        }
        // Double-barrelled names: one part on its own in the other record; changed names: a previous surname.
        if ((x.SurnameWords.Length > 1 && Contains(x.SurnameWords, y.Surname, 0)) || (y.SurnameWords.Length > 1 && Contains(y.SurnameWords, x.Surname, 0))
            || Contains(x.PreviousSurnames, y.Surname, 0) || Contains(y.PreviousSurnames, x.Surname, 0))
        {
            return 2;
        }
        var jw = Similarity.JaroWinkler(x.SurnameJoined, y.SurnameJoined);
        if (jw >= 0.92)
        {
            return 3;
        }
        return jw >= 0.80 || (x.SurnameKey.Length > 0 && x.SurnameKey == y.SurnameKey) ? (byte)4 : (byte)5;
    }

    internal static byte CompareDob(PartialDate x, PartialDate y)
    {
        if (x.IsUnknown || y.IsUnknown)
        {
            return Unknown;
        }
        if (x.IsComplete && y.IsComplete)
        {
            if (x == y)
            {
                return 0;
            }
            if (x.Year == y.Year && x.Month == y.Day && x.Day == y.Month)
            {
                return 1;
            }
            if (Math.Abs(x.Year - y.Year) == 1 && x.Month == y.Month && x.Day == y.Day)
            {
                return 3;
            }
            // A typo on top of a day–month swap (12/03 written 13/03 after the swap) is still a typo, not another person.
            var swapped = (y.Year * 10000) + (y.Day * 100) + y.Month;
            if (OneDigitApart(x.Packed, y.Packed) || OneDigitApart(x.Packed, swapped))
            {
                return 2;
            }
            if (!x.IsValidCalendarDate || !y.IsValidCalendarDate)
            {
                // A date that cannot exist (month 60, day 42) was mistyped beyond one digit: how far it lies from the
                // other date says nothing, so it is neither agreement nor a clear difference.
                return Unknown;
            }
            return Math.Abs(x.Year - y.Year) >= 12 ? (byte)6 : (byte)5;
        }
        // Partial dates: agreement on every part both know, allowing what a typo does to a full date (day and month
        // swapped, one digit wrong in the day, the year ±1 with day and month agreeing): 1939-??-14 agrees with
        // 11/02/1939, 03/1969 with 08/03/1969, 2006 with 21/01/2005.
        if (!Known(x.Year, y.Year, exact: true))
        {
            return Math.Abs(x.Year - y.Year) == 1 && Known(x.Month, y.Month, exact: true) && Known(x.Day, y.Day, exact: true) ? (byte)4 : (byte)5;
        }
        var agree = (Known(x.Month, y.Month, exact: true) && Known(x.Day, y.Day, exact: true))
            || (Known(x.Month, y.Day, exact: true) && Known(x.Day, y.Month, exact: true))
            || (Known(x.Month, y.Month, exact: true) && Known(x.Day, y.Day, exact: false));
        return agree ? (byte)4 : (byte)5;
    }

    /// <summary>True when either part is unknown (0), they are equal, or (not exact) the two-digit numbers differ in one digit.</summary>
    private static bool Known(int a, int b, bool exact) =>
        a == 0 || b == 0 || a == b || (!exact && (a / 10 == b / 10 || a % 10 == b % 10));

    private static byte CompareAddress(Prepared x, Prepared y)
    {
        if (x.Postcode.Length > 0 && y.Postcode.Length > 0)
        {
            if (x.Postcode == y.Postcode)
            {
                if (x.HouseNumber.Length == 0 || y.HouseNumber.Length == 0)
                {
                    // Without both numbers only the streets can tell the houses apart; with no street either, the
                    // shared postcode is all that is known.
                    return x.Street.Length == 0 || y.Street.Length == 0 || x.Street == y.Street ? (byte)0 : (byte)1;
                }
                return x.HouseNumber == y.HouseNumber ? (byte)0 : (byte)1;
            }
            if (Contains(x.PreviousPostcodes, y.Postcode, 0) || Contains(y.PreviousPostcodes, x.Postcode, 0))
            {
                return 2;
            }
            if (SameStreetAndNumber(x, y))
            {
                return 3;
            }
            return x.Sector == y.Sector ? (byte)4 : x.District == y.District ? (byte)5 : (byte)6;
        }
        // A postcode is missing: the street and number can still agree.
        return SameStreetAndNumber(x, y) ? (byte)3 : Unknown;
    }

    private static bool SameStreetAndNumber(Prepared x, Prepared y) =>
        x.HouseNumber.Length > 0 && x.HouseNumber == y.HouseNumber && x.Street.Length > 0 && y.Street.Length > 0
        && (x.Street == y.Street || Similarity.JaroWinkler(x.Street, y.Street) >= 0.92);

    private static byte CompareNhs(Prepared x, Prepared y)
    {
        if (x.Nhs.Length == 0 || y.Nhs.Length == 0)
        {
            return Unknown;
        }
        if (x.NhsValid && y.NhsValid)
        {
            return x.Nhs == y.Nhs ? (byte)0 : (byte)2;
        }
        // One number fails its check digit: a typo of the other one is evidence, anything else is just a bad number.
        return Similarity.OneEditApart(x.Nhs, y.Nhs) ? (byte)1 : Unknown;
    }

    /// <summary>True when two yyyymmdd numbers differ in one digit, or by swapping two adjacent digits.</summary>
    internal static bool OneDigitApart(int a, int b)
    {
        Span<int> da = stackalloc int[8];
        Span<int> db = stackalloc int[8];
        for (var i = 7; i >= 0; i--)
        {
            da[i] = a % 10;
            db[i] = b % 10;
            a /= 10;
            b /= 10;
        }
        var first = -1;
        var diffs = 0;
        for (var i = 0; i < 8; i++)
        {
            if (da[i] != db[i])
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
        return diffs == 1 || (diffs == 2 && first < 7 && da[first] == db[first + 1] && da[first + 1] == db[first]);
    }

    private static bool Contains(string[] words, string value, int start)
    {
        for (var i = start; i < words.Length; i++)
        {
            if (words[i] == value)
            {
                return true;
            }
        }
        return false;
    }

    internal sealed class Prepared
    {
        public string RecordId = "";
        public string Given = "";
        public string[] GivenWords = [];
        public int[] GivenGroups = [];
        public string Surname = "";
        public string SurnameJoined = "";
        public string[] SurnameWords = [];
        public string SurnameKey = "";
        public string[] PreviousSurnames = [];
        public PartialDate Dob;
        public char Sex;
        public string Postcode = "";
        public string District = "";
        public string Sector = "";
        public string[] PreviousPostcodes = [];
        public string HouseNumber = "";
        public string Street = "";
        public string StreetKey = "";
        public string Nhs = "";
        public bool NhsValid;
        public string OtherId = "";
        public string Phone = "";
        public string Email = "";
        public string EmailLocal = "";
        public DateOnly? Seen;

        public static Prepared From(LinkRecord r, int row, List<RecordIssue> issues)
        {
            r = AgencyConventions.Resolve(r);
            var p = new Prepared { RecordId = r.RecordId, Seen = r.RecordDate };
            p.GivenWords = Normalise.Words(Normalise.Name(r.GivenNames));
            if (p.GivenWords.Length > 0)
            {
                p.Given = p.GivenWords[0];
                p.GivenGroups = Nicknames.GroupsOf(p.Given);
            }
            p.Surname = Normalise.Name(r.Surname);
            p.SurnameWords = Normalise.Words(p.Surname);
            p.SurnameJoined = p.Surname.Replace(" ", "", StringComparison.Ordinal);
            p.SurnameKey = p.SurnameWords.Length == 0 ? "" : Phonetic.Key(p.SurnameWords[0]);
            if (!string.IsNullOrWhiteSpace(r.PreviousSurnames))
            {
                p.PreviousSurnames = [.. r.PreviousSurnames.Split([';', ','], StringSplitOptions.RemoveEmptyEntries).Select(Normalise.Name).Where(s => s.Length > 0)];
            }
            if (!PartialDate.TryParse(r.DateOfBirth, out p.Dob, out var problem) || problem is not null)
            {
                issues.Add(new RecordIssue(r.Source, r.RecordId, row, "date of birth", r.DateOfBirth ?? "", problem ?? "not a date"));
            }
            p.Sex = Normalise.Sex(r.Sex);
            p.Postcode = Normalise.Postcode(r.Postcode);
            (p.District, p.Sector) = Normalise.PostcodeAreas(p.Postcode);
            if (!string.IsNullOrWhiteSpace(r.PreviousPostcodes))
            {
                p.PreviousPostcodes = [.. r.PreviousPostcodes.Split([';', ','], StringSplitOptions.RemoveEmptyEntries).Select(Normalise.Postcode).Where(s => s.Length > 0)];
            }
            var line = "";
            foreach (var l in r.AddressLines)
            {
                if (!string.IsNullOrWhiteSpace(l))
                {
                    line = l;
                    break;
                }
            }
            var (street, leading) = Normalise.Street(line);
            p.Street = street;
            p.HouseNumber = Normalise.HouseNumber(string.IsNullOrWhiteSpace(r.HouseNumber) ? leading : r.HouseNumber);
            p.StreetKey = Phonetic.Key(street);
            p.Nhs = Normalise.Digits(r.NhsNumber);
            if (p.Nhs.Length > 0)
            {
                p.NhsValid = NhsNumber.IsValid(p.Nhs);
                if (!p.NhsValid)
                {
                    issues.Add(new RecordIssue(r.Source, r.RecordId, row, "NHS number", r.NhsNumber ?? "", p.Nhs.Length != 10 ? "an NHS number has 10 digits" : "the check digit is wrong"));
                }
            }
            p.OtherId = Normalise.Identifier(r.OtherId);
            p.Phone = Normalise.Phone(r.Phone);
            p.Email = Normalise.Email(r.Email);
            if (p.Email.Length == 0 && !string.IsNullOrWhiteSpace(r.Email))
            {
                issues.Add(new RecordIssue(r.Source, r.RecordId, row, "email", r.Email, "not an e-mail address"));
            }
            p.EmailLocal = p.Email.Length == 0 ? "" : p.Email[..p.Email.IndexOf('@', StringComparison.Ordinal)];
            return p;
        }
    }
}
