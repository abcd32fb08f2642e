using System.Text;

namespace LocalFlow.Data.Demands;

/// <summary>
/// A small RFC 4180 reader and writer: fields in double quotes may hold the delimiter, quotes (doubled) and line
/// breaks; text is kept exactly (no trimming). The delimiter is a comma, or a semicolon or tab when the header
/// line has those and no commas (as spreadsheets in some locales save).
/// </summary>
public static class CsvText
{
    /// <summary>One record: the line it starts on (1-based) and its fields.</summary>
    public readonly record struct Record(int Line, string[] Fields);

    public static List<Record> Read(string text)
    {
        var records = new List<Record>();
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }
        var delimiter = DetectDelimiter(text);
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var inQuotes = false;
        var fieldStarted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else
                {
                    if (c == '\n')
                    {
                        line++;
                    }
                    field.Append(c);
                }
                continue;
            }
            if (c == '"' && field.Length == 0)
            {
                inQuotes = true;
                fieldStarted = true;
            }
            else if (c == delimiter)
            {
                fields.Add(field.ToString());
                field.Clear();
                fieldStarted = true;
            }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }
                if (fieldStarted || field.Length > 0 || fields.Count > 0)
                {
                    fields.Add(field.ToString());
                    records.Add(new Record(recordLine, [.. fields]));
                }
                fields.Clear();
                field.Clear();
                fieldStarted = false;
                line++;
                recordLine = line;
            }
            else
            {
                field.Append(c);
                fieldStarted = true;
            }
        }
        if (fieldStarted || field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            records.Add(new Record(recordLine, [.. fields]));
        }
        return records;
    }

    private static char DetectDelimiter(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        var header = end < 0 ? text : text[..end];
        if (header.Contains(',', StringComparison.Ordinal))
        {
            return ',';
        }
        if (header.Contains(';', StringComparison.Ordinal))
        {
            return ';';
        }
        return header.Contains('\t', StringComparison.Ordinal) ? '\t' : ',';
    }

    /// <summary>Writes one record, quoting fields that need it; lines end with CRLF as RFC 4180 says.</summary>
    public static void WriteRecord(TextWriter writer, IEnumerable<string?> fields)
    {
        var first = true;
        foreach (var f in fields)
        {
            if (!first)
            {
                writer.Write(',');
            }
            first = false;
            var s = Analytics.CsvFormula.Neutralise(f);
            if (s.Length > 0 && (s.IndexOfAny([',', '"', '\r', '\n', ';', '\t']) >= 0 || char.IsWhiteSpace(s[0]) || char.IsWhiteSpace(s[^1])))
            {
                writer.Write('"');
                writer.Write(s.Replace("\"", "\"\"", StringComparison.Ordinal));
                writer.Write('"');
            }
            else
            {
                writer.Write(s);
            }
        }
        writer.Write("\r\n");
    }

    /// <summary>
    /// What is wrong with a row's text that no field check sees, or nothing: bytes that were not UTF-8 (read as U+FFFD)
    /// and NUL bytes, which are never text (and which PostgreSQL refuses to store). Each importer reports it naming the row.
    /// </summary>
    public static IEnumerable<string> NotText(IEnumerable<string?> fields)
    {
        var list = fields.Where(f => f is not null).ToList();
        if (list.Any(f => f!.Contains('\uFFFD', StringComparison.Ordinal)))
        {
            yield return "the row has bytes that are not UTF-8 text: save the file as UTF-8 and import it again";
        }
        if (list.Any(f => f!.Contains('\0', StringComparison.Ordinal)))
        {
            yield return "the row holds a NUL byte (character 0), which is not text: check the file was exported as CSV";
        }
    }
}
