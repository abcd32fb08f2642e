using System.Globalization;
using System.Text;

namespace LocalFlow.Analytics.Linking;

/// <summary>The record fields a CSV column can be mapped to.</summary>
public enum LinkField
{
    /// <summary>Not used.</summary>
    None,

    /// <summary><see cref="LinkRecord.RecordId"/>.</summary>
    RecordId,

    /// <summary><see cref="LinkRecord.GivenNames"/>.</summary>
    GivenNames,

    /// <summary><see cref="LinkRecord.Surname"/>.</summary>
    Surname,

    /// <summary><see cref="LinkRecord.FullName"/>: the whole name in one column ("QUINN, Dawn Chloe" or "Dawn Chloe Quinn").</summary>
    FullName,

    /// <summary>Middle names: added after the first given name in <see cref="LinkRecord.GivenNames"/>.</summary>
    MiddleNames,

    /// <summary><see cref="LinkRecord.Title"/> (Mr, Mrs, Miss, Ms, Master...), read as sex when no sex column is given.</summary>
    Title,

    /// <summary><see cref="LinkRecord.PreviousSurnames"/>.</summary>
    PreviousSurnames,

    /// <summary><see cref="LinkRecord.DateOfBirth"/>.</summary>
    DateOfBirth,

    /// <summary><see cref="LinkRecord.Sex"/>.</summary>
    Sex,

    /// <summary>One of <see cref="LinkRecord.AddressLines"/> (several columns may map here, in column order).</summary>
    AddressLine,

    /// <summary><see cref="LinkRecord.HouseNumber"/>.</summary>
    HouseNumber,

    /// <summary><see cref="LinkRecord.Postcode"/>.</summary>
    Postcode,

    /// <summary><see cref="LinkRecord.PreviousPostcodes"/>.</summary>
    PreviousPostcodes,

    /// <summary><see cref="LinkRecord.NhsNumber"/>.</summary>
    NhsNumber,

    /// <summary><see cref="LinkRecord.OtherId"/>.</summary>
    OtherId,

    /// <summary><see cref="LinkRecord.Phone"/>.</summary>
    Phone,

    /// <summary><see cref="LinkRecord.Email"/>.</summary>
    Email,

    /// <summary><see cref="LinkRecord.RecordDate"/> (yyyy-mm-dd).</summary>
    RecordDate,
}

/// <summary>A source read from CSV: its records and the column each field came from.</summary>
/// <param name="Records">The rows as records.</param>
/// <param name="Mapping">Column header → field used.</param>
/// <param name="Extra">Values of columns asked for by name (for example a truth column), per row.</param>
/// <param name="Unmapped">Headers of the columns that were not used, in file order.</param>
public sealed record LinkSource(IReadOnlyList<LinkRecord> Records, IReadOnlyDictionary<string, LinkField> Mapping, IReadOnlyDictionary<string, string[]> Extra, IReadOnlyList<string> Unmapped);

/// <summary>
/// Reading and writing the CSV files of linkage (RFC 4180: commas, double quotes, quotes doubled inside quotes; UTF-8).
/// Columns are mapped to fields by common header names (case, spaces, dashes and underscores ignored), which
/// <c>overrides</c> can replace.
/// </summary>
public static class LinkCsv
{
    private static readonly Dictionary<string, LinkField> Aliases = BuildAliases();

    private static Dictionary<string, LinkField> BuildAliases()
    {
        var map = new Dictionary<string, LinkField>(StringComparer.Ordinal);
        void Add(LinkField f, params string[] names)
        {
            foreach (var n in names)
            {
                map[Key(n)] = f;
            }
        }
        // The header shapes of UK agencies' systems (social care, police, hospital, GP, housing) as well as generic ones.
        Add(LinkField.RecordId, "id", "record id", "rec id", "recordid", "ref", "reference", "client id", "client ref", "person ref", "person id", "person reference", "case id", "source id",
            "patient id", "patient ref", "mrn", "medical record number", "hospital number", "hospital no", "tenant id", "tenant ref", "tenancy ref", "customer id", "customer ref",
            "nominal id", "nominal ref", "crn", "urn", "unique ref", "system id", "local id", "subject id", "resident id", "unique id");
        Add(LinkField.GivenNames, "given names", "given name", "forename", "forenames", "first name", "firstname", "first names", "given", "first forename");
        Add(LinkField.MiddleNames, "middle name", "middle names", "middle", "other forenames", "other given names", "second name", "second forename");
        Add(LinkField.Surname, "surname", "last name", "family name", "lastname", "current surname");
        Add(LinkField.FullName, "full name", "name", "person name", "client name", "patient name", "tenant name", "customer name", "subject name", "nominal name");
        Add(LinkField.Title, "title", "salutation", "name title");
        Add(LinkField.PreviousSurnames, "previous surname", "previous surnames", "maiden name", "former surname", "birth surname", "other surnames");
        Add(LinkField.DateOfBirth, "date of birth", "dob", "birth date", "birthdate", "d o b", "birth dt", "dob date", "person dob", "patient dob");
        Add(LinkField.Sex, "sex", "gender");
        Add(LinkField.AddressLine, "address", "address 1", "address 2", "address 3", "address line 1", "address line 2", "address line 3", "address1", "address2", "street", "street address", "suburb", "town", "locality",
            "address 4", "address line 4", "address3", "addr1", "addr2", "addr3", "property address", "home address", "full address", "current address", "residential address", "city");
        Add(LinkField.HouseNumber, "house number", "street number", "house no", "house", "number", "building number");
        Add(LinkField.Postcode, "postcode", "post code", "zip", "postal code", "zip code", "current postcode", "home postcode", "property postcode");
        Add(LinkField.PreviousPostcodes, "previous postcode", "previous postcodes", "former postcode");
        Add(LinkField.NhsNumber, "nhs number", "nhs no", "nhs", "nhs num", "nhs id");
        Add(LinkField.OtherId, "other id", "soc sec id", "ni number", "national insurance number", "ssn", "upn", "pupil number", "ni no", "nino", "national insurance no");
        Add(LinkField.Phone, "phone", "telephone", "mobile", "phone number", "tel", "phone no", "contact number", "contact no", "telephone number", "telephone no", "tel no",
            "mobile number", "mobile no", "home phone", "landline", "main phone");
        Add(LinkField.Email, "email", "e mail", "email address", "e mail address", "contact email");
        Add(LinkField.RecordDate, "record date", "extract date", "seen", "date seen", "address from", "contact date", "last updated", "updated", "date updated");
        return map;
    }

    private static string Key(string header)
    {
        var sb = new StringBuilder(header.Length);
        foreach (var c in header)
        {
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(char.ToLowerInvariant(c));
            }
        }
        return sb.ToString();
    }

    /// <summary>Parses a field name for a --map option ("surname", "date-of-birth", "nhs_number"...); false when unknown.</summary>
    public static bool TryParseField(string name, out LinkField field)
    {
        var k = Key(name);
        foreach (var f in Enum.GetValues<LinkField>())
        {
            if (Key(f.ToString()) == k)
            {
                field = f;
                return true;
            }
        }
        return Aliases.TryGetValue(k, out field);
    }

    /// <summary>The field a header maps to by default (<see cref="LinkField.None"/> when none).</summary>
    public static LinkField DefaultField(string header) => Aliases.GetValueOrDefault(Key(header));

    /// <summary>
    /// Reads one source. Throws <see cref="LinkageInputException"/> when the file is empty, a row has a different number of
    /// columns from the header, a quote is not closed, or no column maps to a usable identifier.
    /// </summary>
    /// <param name="source">Source name given to every record.</param>
    /// <param name="reader">The CSV text.</param>
    /// <param name="overrides">Header → field, replacing the default mapping (map a header to <see cref="LinkField.None"/> to ignore it).</param>
    /// <param name="extraColumns">Headers whose raw values are returned in <see cref="LinkSource.Extra"/> as well.</param>
    /// <param name="requireRecordId">
    /// When true, a file with no column recognised as the record id is refused with a message naming its columns and the
    /// --map syntax; when false, rows are numbered from 1 (the caller must say so).
    /// </param>
    public static LinkSource Read(string source, TextReader reader, IReadOnlyDictionary<string, LinkField>? overrides = null, IReadOnlyCollection<string>? extraColumns = null, bool requireRecordId = false)
    {
        var rows = ReadRows(reader).GetEnumerator();
        if (!rows.MoveNext())
        {
            throw new LinkageInputException($"Source \"{source}\" is empty (no header row).");
        }
        var header = rows.Current.Select(h => h.Trim()).ToArray();
        var fields = new LinkField[header.Length];
        var mapping = new Dictionary<string, LinkField>(StringComparer.Ordinal);
        for (var c = 0; c < header.Length; c++)
        {
            var field = overrides is not null && overrides.TryGetValue(header[c], out var o) ? o : DefaultField(header[c]);
            if (field is not LinkField.None and not LinkField.AddressLine && fields.Contains(field))
            {
                field = LinkField.None;
            }
            fields[c] = field;
            if (field != LinkField.None)
            {
                mapping[header[c]] = field;
            }
        }
        if (overrides is not null)
        {
            foreach (var name in overrides.Keys)
            {
                if (!header.Contains(name, StringComparer.Ordinal))
                {
                    throw new LinkageInputException($"Source \"{source}\" has no column \"{name}\" to map (its columns are: {string.Join(", ", header)}).");
                }
            }
        }
        var identifiers = new[] { LinkField.Surname, LinkField.FullName, LinkField.DateOfBirth, LinkField.NhsNumber, LinkField.OtherId };
        if (!fields.Any(identifiers.Contains))
        {
            throw new LinkageInputException($"Source \"{source}\" has no usable identifier: none of its columns ({string.Join(", ", header)}) is a surname, full name, date of birth, NHS number or other id. Use --map COLUMN=FIELD to say which column is which.");
        }
        if (requireRecordId && !fields.Contains(LinkField.RecordId))
        {
            throw new LinkageInputException($"Source \"{source}\" has no column recognised as its record id (its columns are: {string.Join(", ", header)}). Without one the results cannot be joined back to the extract. Say which column it is with --map \"{source}:COLUMN=record-id\".");
        }
        var extraIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var e in extraColumns ?? [])
        {
            var at = Array.FindIndex(header, h => string.Equals(h, e, StringComparison.OrdinalIgnoreCase));
            if (at < 0)
            {
                throw new LinkageInputException($"Source \"{source}\" has no column \"{e}\".");
            }
            extraIndex[e] = at;
        }
        var records = new List<LinkRecord>();
        var extra = extraIndex.Keys.ToDictionary(k => k, _ => new List<string>(), StringComparer.Ordinal);
        var rowNumber = 1;
        var idColumn = Array.IndexOf(fields, LinkField.RecordId);
        while (rows.MoveNext())
        {
            rowNumber++;
            var row = rows.Current;
            if (row.Length == 1 && row[0].Length == 0)
            {
                continue;
            }
            if (row.Length != header.Length)
            {
                throw new LinkageInputException($"Source \"{source}\", line {rowNumber}: {row.Length} columns where the header has {header.Length}.");
            }
            var r = new LinkRecord { Source = source, RecordId = idColumn < 0 ? (records.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) : row[idColumn].Trim() };
            List<string>? lines = null;
            var middle = "";
            for (var c = 0; c < row.Length; c++)
            {
                var v = row[c].Trim();
                switch (fields[c])
                {
                    case LinkField.GivenNames: r.GivenNames = v; break;
                    case LinkField.Surname: r.Surname = v; break;
                    case LinkField.FullName: r.FullName = v; break;
                    case LinkField.Title: r.Title = v; break;
                    case LinkField.MiddleNames:
                        middle = v;
                        break;
                    case LinkField.PreviousSurnames: r.PreviousSurnames = v; break;
                    case LinkField.DateOfBirth: r.DateOfBirth = v; break;
                    case LinkField.Sex: r.Sex = v; break;
                    case LinkField.AddressLine:
                        (lines ??= []).Add(v);
                        break;
                    case LinkField.HouseNumber: r.HouseNumber = v; break;
                    case LinkField.Postcode: r.Postcode = v; break;
                    case LinkField.PreviousPostcodes: r.PreviousPostcodes = v; break;
                    case LinkField.NhsNumber: r.NhsNumber = v; break;
                    case LinkField.OtherId: r.OtherId = v; break;
                    case LinkField.Phone: r.Phone = v; break;
                    case LinkField.Email: r.Email = v; break;
                    case LinkField.RecordDate:
                        r.RecordDate = DateOnly.TryParseExact(v, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d) ? d : null;
                        break;
                    default: break;
                }
            }
            if (lines is not null)
            {
                r.AddressLines = lines;
            }
            if (middle.Length > 0)
            {
                r.GivenNames = string.IsNullOrEmpty(r.GivenNames) ? middle : r.GivenNames + " " + middle;
            }
            records.Add(r);
            foreach (var (name, at) in extraIndex)
            {
                extra[name].Add(row[at].Trim());
            }
        }
        var unmapped = header.Where((h, c) => fields[c] == LinkField.None && !extraIndex.ContainsValue(c)).ToArray();
        return new LinkSource(records, mapping, extra.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal), unmapped);
    }

    /// <summary>
    /// Splits CSV text into rows of fields (each through <see cref="CsvFormula.Restore(string)"/>). A line longer than
    /// <see cref="Flow.Formats.ReadLimits.RecordBytes"/> characters (16 fields at the limit, 1 MB by default) is refused,
    /// naming it, without being held whole.
    /// </summary>
    public static IEnumerable<string[]> ReadRows(TextReader reader, int? maxFieldChars = null)
    {
        var fields = new List<string>();
        var sb = new StringBuilder();
        var line = 0;
        var maxLine = Flow.Formats.ReadLimits.RecordBytes(maxFieldChars ?? Flow.Formats.ReadLimits.FieldBytes);
        var buffer = new StringBuilder();
        string? text;
        while ((text = ReadLine(reader, buffer, maxLine, line + 1)) is not null)
        {
            line++;
            var i = 0;
            fields.Clear();
            sb.Clear();
            while (true)
            {
                if (i < text.Length && text[i] == '"')
                {
                    i++;
                    while (true)
                    {
                        if (i >= text.Length)
                        {
                            var next = ReadLine(reader, buffer, maxLine, line + 1) ?? throw new LinkageInputException($"Line {line}: a quoted field is not closed.");
                            line++;
                            sb.Append('\n');
                            text = next;
                            i = 0;
                            continue;
                        }
                        if (text[i] == '"')
                        {
                            if (i + 1 < text.Length && text[i + 1] == '"')
                            {
                                sb.Append('"');
                                i += 2;
                                continue;
                            }
                            i++;
                            break;
                        }
                        sb.Append(text[i++]);
                    }
                    while (i < text.Length && text[i] != ',')
                    {
                        sb.Append(text[i++]);
                    }
                }
                else
                {
                    var comma = text.IndexOf(',', i);
                    var end = comma < 0 ? text.Length : comma;
                    sb.Append(text, i, end - i);
                    i = end;
                }
                // A cell neutralised against spreadsheet formulas when written (a base64 filter may start with +) comes back as it was.
                fields.Add(CsvFormula.Restore(sb.ToString()));
                sb.Clear();
                if (i >= text.Length)
                {
                    break;
                }
                i++;
                if (i == text.Length)
                {
                    fields.Add("");
                    break;
                }
            }
            yield return [.. fields];
        }
    }

    /// <summary>Quotes a value when it holds a comma, quote or line break, after <see cref="CsvFormula.Neutralise"/>.</summary>
    public static string Escape(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }
        value = CsvFormula.Neutralise(value);
        return value.AsSpan().IndexOfAny(",\"\n\r") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>Writes one CSV row.</summary>
    public static void WriteRow(TextWriter writer, params string?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (i > 0)
            {
                writer.Write(',');
            }
            writer.Write(Escape(values[i]));
        }
        writer.Write('\n');
    }

    /// <summary>One line (without its line break) of at most <paramref name="max"/> characters; null at the end. A longer line is refused as it is read.</summary>
    private static string? ReadLine(TextReader reader, StringBuilder buffer, int max, int line)
    {
        buffer.Clear();
        int c;
        while ((c = reader.Read()) >= 0)
        {
            if (c == '\n')
            {
                break;
            }
            if (buffer.Length == max)
            {
                throw new LinkageInputException($"Line {line}: the line is longer than {max.ToString("N0", CultureInfo.InvariantCulture)} characters (a field may hold at most {(max / Flow.Formats.ReadLimits.RecordFactor).ToString("N0", CultureInfo.InvariantCulture)}); the file is refused without reading the rest of it.");
            }
            buffer.Append((char)c);
        }
        if (c < 0 && buffer.Length == 0)
        {
            return null;
        }
        if (buffer.Length > 0 && buffer[^1] == '\r')
        {
            buffer.Length--;
        }
        return buffer.ToString();
    }
}
