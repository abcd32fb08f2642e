using System.Globalization;

namespace LocalFlow.Data.Audit;

/// <summary>
/// What an audit entry may say about personal data: it references the data, it does not copy it (issue 14). Anyone
/// who reads the audit trail (administrators) must not read case data through it, so a change to personal data names
/// the field that changed ("FamilyName changed") and shows only values that say nothing about a person's life (yes/no
/// flags and fixed choices such as "Nature: Value → Failure"); what was typed into a search is counted, not kept.
/// The content itself stays where it belongs (the record, or a correction's own row), seen only by roles allowed it.
/// </summary>
public static class AuditReference
{
    /// <summary>Whether a value may be written into the audit trail as it is: empty, yes/no or a fixed choice.</summary>
    public static bool Shows(object? value) => value is null or bool or Enum;

    /// <summary>"a search of 2 words": what was typed, without the words.</summary>
    public static string Search(string? typed)
    {
        var words = (typed ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
        return words == 1 ? "a search of 1 word" : $"a search of {words.ToString(CultureInfo.InvariantCulture)} words";
    }
}
