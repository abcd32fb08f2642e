namespace LocalFlow.Analytics.Demand;

/// <summary>One point of the predictability curve: after <paramref name="Demands"/> demands, <paramref name="DistinctTypes"/> types had been seen.</summary>
/// <param name="Demands">Demands captured so far.</param>
/// <param name="DistinctTypes">Distinct types seen among them.</param>
public readonly record struct TypesSeen(int Demands, int DistinctTypes);

/// <summary>How predictable demand has become.</summary>
/// <param name="Demands">Demands with a type.</param>
/// <param name="DistinctTypes">Distinct types seen.</param>
/// <param name="TypesSeenOnce">Types seen exactly once.</param>
/// <param name="NewTypeChance">Good–Turing estimate of the chance that the next demand is of a type not seen yet: types seen exactly once ÷ demands (0 with no demands).</param>
/// <param name="Reading">The estimate in plain English, e.g. "About 1 in 40 demands is still a new type".</param>
/// <param name="IsPredictable">True when <paramref name="NewTypeChance"/> is at or below the level the team chose (and at least one demand was captured).</param>
/// <param name="Curve">Distinct types against demands captured, in capture order.</param>
public sealed record PredictabilityResult(int Demands, int DistinctTypes, int TypesSeenOnce, double NewTypeChance, string Reading, bool IsPredictable, IReadOnlyList<TypesSeen> Curve);

/// <summary>
/// "A study ends when demand has become predictable": are new types of demand still appearing? Uses the
/// Good–Turing estimate of the probability mass of unseen types, N1 / N, where N1 is the number of types
/// seen exactly once and N the number of demands (I. J. Good, "The population frequencies of species and
/// the estimation of population parameters", Biometrika 40, 1953).
/// </summary>
public static class Predictability
{
    /// <summary>Computes the figure for demand types in capture order (null or empty types — not yet classified — are skipped).</summary>
    /// <param name="typesInCaptureOrder">Each demand's type key, in the order the demands were captured.</param>
    /// <param name="predictableLevel">The chance of a new type at or below which the team calls demand predictable (e.g. 0.02).</param>
    public static PredictabilityResult Compute(IEnumerable<string?> typesInCaptureOrder, double predictableLevel)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var curve = new List<TypesSeen>();
        var n = 0;
        foreach (var t in typesInCaptureOrder)
        {
            if (string.IsNullOrEmpty(t))
            {
                continue;
            }
            n = checked(n + 1);
            counts[t] = counts.TryGetValue(t, out var c) ? c + 1 : 1;
            curve.Add(new TypesSeen(n, counts.Count));
        }
        var once = 0;
        foreach (var c in counts.Values)
        {
            if (c == 1)
            {
                once++;
            }
        }
        var chance = n == 0 ? 0 : (double)once / n;
        return new PredictabilityResult(n, counts.Count, once, chance, Read(n, once, counts.Count), n > 0 && chance <= predictableLevel, curve);
    }

    /// <summary>The estimate read out in plain English.</summary>
    public static string Read(int demands, int typesSeenOnce, int distinctTypes)
    {
        if (demands == 0)
        {
            return "No demand has been captured yet";
        }
        if (typesSeenOnce == 0)
        {
            return $"Every one of the {distinctTypes} types has been heard more than once: no new types are appearing";
        }
        if (typesSeenOnce == demands)
        {
            return demands == 1 ? "Only one demand so far: too early to tell" : "Every demand so far is a different type";
        }
        // "About 1 in N" only where it reads close to the percentage shown beside it: above a quarter, tenths do.
        var share = (double)typesSeenOnce / demands;
        if (share > 0.25)
        {
            var tenths = (int)Math.Round(share * 10, MidpointRounding.AwayFromZero);
            return tenths >= 10 ? "Almost every demand is still a new type" : $"About {tenths} in 10 demands are still new types";
        }
        return $"About 1 in {Math.Round(1 / share, MidpointRounding.AwayFromZero):0} demands is still a new type";
    }
}
