using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;

namespace LocalFlow.Web.Resources;

/// <summary>The redesign programme's refusals (a rule LocalFlow.Data or LocalFlow.Analytics enforces, written there in English) in ProgrammeRefusalText.resx (English, exactly as written there) and ProgrammeRefusalText.cy.resx (Welsh), found by <see cref="Of"/>.</summary>
public static partial class ProgrammeRefusalText
{
    internal static readonly ResourceManager Resources = new(typeof(ProgrammeRefusalText));

    private static readonly Lazy<IReadOnlyList<(string Key, Regex English)>> Patterns = new(() =>
    [
        .. Resources.GetResourceSet(CultureInfo.InvariantCulture, true, false)!.Cast<DictionaryEntry>().Select(e =>
            ((string)e.Key, new Regex("^" + Placeholder().Replace(Regex.Escape((string)e.Value!), m => $"(?<p{m.Groups[1].Value}>.+?)") + "$", RegexOptions.CultureInvariant))),
    ]);

    /// <summary>
    /// A refusal written in English by LocalFlow.Data or LocalFlow.Analytics, in the request's language: in Welsh, the
    /// Welsh of the text whose English it matches (each placeholder standing for the words in its place); otherwise, and
    /// for a message no text matches, the message as written.
    /// </summary>
    public static string Of(string english)
    {
        if (!Infrastructure.Languages.IsWelsh)
        {
            return english;
        }
        foreach (var (key, pattern) in Patterns.Value)
        {
            if (pattern.Match(english) is { Success: true } m)
            {
                var values = Enumerable.Range(0, 10).TakeWhile(i => m.Groups["p" + i].Success).Select(i => (object?)m.Groups["p" + i].Value).ToArray();
                return Text.Format(Text.Of(Resources, key), values);
            }
        }
        return english;
    }

    [GeneratedRegex(@"\\\{(\d)}")]
    private static partial Regex Placeholder();
}
