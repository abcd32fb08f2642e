using System.Collections.Frozen;
using System.Globalization;

namespace LocalFlow.Data;

/// <summary>
/// The language a person spoke or wrote in, recorded beside their own words so that the words are never translated
/// and every page marks them with the right <c>lang</c> (docs/welsh.md). A language is kept as its BCP 47 tag
/// ("cy", "pl", "ur"); no tag means English, the language most words are heard in.
/// </summary>
public static class SpokenLanguages
{
    private static readonly FrozenDictionary<string, string> Tags = Build();

    private static FrozenDictionary<string, string> Build()
    {
        var tags = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var c in CultureInfo.GetCultures(CultureTypes.NeutralCultures).Where(c => c.Name.Length > 0))
        {
            // the tag itself, its English name ("Welsh") and its own name ("Cymraeg"); the first culture to claim a name keeps it
            foreach (var name in new[] { c.Name, c.TwoLetterISOLanguageName, c.ThreeLetterISOLanguageName, c.EnglishName, c.NativeName })
            {
                if (!string.IsNullOrWhiteSpace(name) && name != "iv" && name != "ivl")
                {
                    tags.TryAdd(name.Trim(), c.Name);
                }
            }
        }
        return tags.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The tag of a language as someone typed it: a tag ("cy", "pl-PL"), its English name ("Welsh", "Polish") or its
    /// own name ("Cymraeg", "polski"), in any case. English and an empty answer give <c>null</c> (English); false
    /// when LocalFlow does not know the language, so that the form can ask again rather than guess.
    /// </summary>
    public static bool TryTag(string? written, out string? tag)
    {
        tag = null;
        var w = written?.Trim() ?? "";
        if (w.Length == 0)
        {
            return true;
        }
        if (!Tags.TryGetValue(w, out var found))
        {
            // a regional tag ("pl-PL", "en-GB") is its language
            var dash = w.IndexOf('-', StringComparison.Ordinal);
            if (dash <= 0 || !Tags.TryGetValue(w[..dash], out found))
            {
                return false;
            }
        }
        tag = found == "en" ? null : found;
        return true;
    }

    /// <summary>What a form says when <see cref="TryTag"/> does not know the language <paramref name="written"/>.</summary>
    public static string Unknown(string? written)
        => $"LocalFlow does not know the language \"{written?.Trim()}\": enter its name, for example Cymraeg, Polish or Urdu, or its code, for example cy, or leave it empty for English";

    /// <summary>
    /// The value of the <c>lang</c> attribute for words recorded in <paramref name="tagOrName"/>: its tag; "en-GB" for
    /// English (none recorded); "" (the HTML for "language unknown") for a language written in words LocalFlow does
    /// not know, rather than a wrong guess.
    /// </summary>
    public static string LangOf(string? tagOrName) => !TryTag(tagOrName, out var tag) ? "" : tag ?? "en-GB";

    /// <summary>How a recorded language reads on a page: its name ("Welsh (Cymraeg)") when known, otherwise as it was written.</summary>
    public static string Describe(string? tagOrName) => TryTag(tagOrName, out var tag) ? NameOf(tag) : tagOrName!.Trim();

    /// <summary>A language's name for a page, in English and in itself: "Welsh (Cymraeg)"; "English" for none.</summary>
    public static string NameOf(string? tag)
    {
        if (tag is null)
        {
            return "English";
        }
        try
        {
            var c = CultureInfo.GetCultureInfo(tag);
            return string.Equals(c.EnglishName, c.NativeName, StringComparison.OrdinalIgnoreCase) ? c.EnglishName : $"{c.EnglishName} ({c.NativeName})";
        }
        catch (CultureNotFoundException)
        {
            return tag;
        }
    }
}

/// <summary>Words a person said, with the language they said them in (a BCP 47 tag; null for English).</summary>
public sealed record SaidWords(string Words, string? Language);
