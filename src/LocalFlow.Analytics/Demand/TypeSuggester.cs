using System.Globalization;
using System.Text;

namespace LocalFlow.Analytics.Demand;

/// <summary>A suggested demand type for a new verbatim, with a similarity score in [0, 1].</summary>
/// <param name="TypeKey">The type's key.</param>
/// <param name="Score">Cosine similarity between the verbatim and the type's earlier demands (TF-IDF).</param>
public readonly record struct TypeSuggestion(string TypeKey, double Score);

/// <summary>
/// Suggests demand types for a new verbatim from the words of earlier demands, computed locally (no
/// service): each type is the sum of its demands' term counts (word unigrams and bigrams, lower-cased,
/// common English words dropped, light suffix stemming); a verbatim is compared with each type by cosine
/// similarity of TF-IDF weights (idf = ln((1 + N) / (1 + df)) + 1, N demands, df demands containing the
/// term). Demands are added one at a time as they are captured; suggesting costs one pass over the types.
/// </summary>
public sealed class TypeSuggester
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "and", "or", "but", "i", "im", "i'm", "me", "my", "we", "our", "you", "your", "he", "she", "it", "its",
        "they", "them", "their", "is", "am", "are", "was", "were", "be", "been", "to", "of", "in", "on", "at", "for", "with",
        "about", "from", "this", "that", "there", "have", "has", "had", "do", "does", "did", "so", "just", "can", "could",
        "would", "will", "if", "as", "by", "up", "out", "not", "no", "what", "when", "who", "how", "all", "any", "some", "get",
        "got", "ive", "i've", "dont", "don't", "into", "then", "than", "too", "very", "yes", "ok", "okay", "again", "still",
        "please", "hello", "hi", "really", "also", "want", "need", "know", "think", "said", "say", "tell", "told",
    };

    private readonly Dictionary<string, int> _documentFrequency = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, int>> _typeTerms = new(StringComparer.Ordinal);
    private int _documents;

    /// <summary>Demands added so far.</summary>
    public int Documents => _documents;

    /// <summary>Builds a suggester from earlier demands (verbatim and type key).</summary>
    public static TypeSuggester Build(IEnumerable<(string Verbatim, string TypeKey)> demands)
    {
        var s = new TypeSuggester();
        foreach (var (v, t) in demands)
        {
            s.Add(v, t);
        }
        return s;
    }

    /// <summary>Adds one classified demand.</summary>
    public void Add(string verbatim, string typeKey)
    {
        var terms = Terms(verbatim);
        if (!_typeTerms.TryGetValue(typeKey, out var bag))
        {
            bag = new Dictionary<string, int>(StringComparer.Ordinal);
            _typeTerms[typeKey] = bag;
        }
        foreach (var t in terms)
        {
            bag[t] = bag.TryGetValue(t, out var c) ? c + 1 : 1;
        }
        foreach (var t in terms.Distinct(StringComparer.Ordinal))
        {
            _documentFrequency[t] = _documentFrequency.TryGetValue(t, out var d) ? d + 1 : 1;
        }
        _documents++;
    }

    /// <summary>The best <paramref name="take"/> types for a verbatim, best first; types scoring 0 are left out.</summary>
    public IReadOnlyList<TypeSuggestion> Suggest(string verbatim, int take = 3)
    {
        var query = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var t in Terms(verbatim))
        {
            query[t] = query.TryGetValue(t, out var c) ? c + 1 : 1;
        }
        if (query.Count == 0 || _documents == 0)
        {
            return [];
        }
        var queryNorm = 0.0;
        foreach (var key in query.Keys.ToList())
        {
            var w = query[key] * Idf(key);
            query[key] = w;
            queryNorm += w * w;
        }
        queryNorm = Math.Sqrt(queryNorm);
        var results = new List<TypeSuggestion>();
        foreach (var (type, bag) in _typeTerms)
        {
            var dot = 0.0;
            foreach (var (term, qw) in query)
            {
                if (bag.TryGetValue(term, out var c))
                {
                    dot += qw * c * Idf(term);
                }
            }
            if (dot <= 0)
            {
                continue;
            }
            var norm = 0.0;
            foreach (var (term, c) in bag)
            {
                var w = c * Idf(term);
                norm += w * w;
            }
            results.Add(new TypeSuggestion(type, dot / (queryNorm * Math.Sqrt(norm))));
        }
        results.Sort((a, b) => b.Score.CompareTo(a.Score) is var c && c != 0 ? c : string.CompareOrdinal(a.TypeKey, b.TypeKey));
        return results.Count > take ? results.GetRange(0, take) : results;
    }

    private double Idf(string term) => Math.Log((1.0 + _documents) / (1.0 + (_documentFrequency.TryGetValue(term, out var d) ? d : 0))) + 1.0;

    /// <summary>The terms of a text: lower-cased words (letters and digits in any script), stop words dropped, light stemming, plus word bigrams.</summary>
    public static List<string> Terms(string text)
    {
        var words = new List<string>();
        var sb = new StringBuilder();
        foreach (var rune in (text ?? "").EnumerateRunes())
        {
            var cat = Rune.GetUnicodeCategory(rune);
            var isWord = Rune.IsLetterOrDigit(rune) || cat == UnicodeCategory.NonSpacingMark || (rune.Value == '\'' && sb.Length > 0);
            if (isWord)
            {
                sb.Append(Rune.ToLowerInvariant(rune).ToString());
            }
            else
            {
                Flush(sb, words);
            }
        }
        Flush(sb, words);
        var terms = new List<string>(words.Count * 2);
        terms.AddRange(words);
        for (var i = 1; i < words.Count; i++)
        {
            terms.Add(words[i - 1] + " " + words[i]);
        }
        return terms;
    }

    private static void Flush(StringBuilder sb, List<string> words)
    {
        if (sb.Length == 0)
        {
            return;
        }
        var w = sb.ToString().Trim('\'');
        sb.Clear();
        if (w.Length == 0 || StopWords.Contains(w))
        {
            return;
        }
        words.Add(Stem(w));
    }

    /// <summary>Light English suffix stripping so that "bills", "billing" and "billed" meet.</summary>
    internal static string Stem(string w)
    {
        if (w.Length > 5 && w.EndsWith("ing", StringComparison.Ordinal))
        {
            return w[..^3];
        }
        if (w.Length > 4 && w.EndsWith("ed", StringComparison.Ordinal))
        {
            return w[..^2];
        }
        if (w.Length > 4 && w.EndsWith("ies", StringComparison.Ordinal))
        {
            return w[..^3] + "y";
        }
        if (w.Length > 3 && w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal))
        {
            return w[..^1];
        }
        return w;
    }
}
