namespace LocalFlow.Analytics.Flow;

/// <summary>What a hand-off map or path joins: agencies, teams (per agency) or the source's activity names.</summary>
public enum FlowLevel
{
    /// <summary>Agencies.</summary>
    Agency = 1,
    /// <summary>Teams, named "Agency / Team" (records with no team count as the agency itself).</summary>
    Team = 2,
    /// <summary>Activities: the source's activity name, else the kind (and subtype).</summary>
    Activity = 3,
}

/// <summary>One arrow of the directly-follows graph.</summary>
/// <param name="From">Where the person was.</param>
/// <param name="To">Where they went next.</param>
/// <param name="Count">How many times a record at <paramref name="From"/> was directly followed by one at <paramref name="To"/> for the same person.</param>
/// <param name="People">How many different people made this step.</param>
/// <param name="MedianWaitDays">Median days from the end of the first record (its start when it has no end, or ends later) to the start of the next.</param>
public readonly record struct HandOff(string From, string To, int Count, int People, double MedianWaitDays);

/// <summary>A directly-follows graph: nodes with their record counts and arrows between different nodes.</summary>
/// <param name="Level">What the nodes are.</param>
/// <param name="Nodes">Each node with how many records it holds, largest first.</param>
/// <param name="Edges">The arrows, most frequent first; steps that stay at the same node are not hand-offs and are left out.</param>
/// <param name="Stays">Steps that stayed at the same node (counted, not drawn).</param>
public sealed record HandOffGraph(FlowLevel Level, IReadOnlyList<(string Node, int Records)> Nodes, IReadOnlyList<HandOff> Edges, long Stays);

/// <summary>A path through the system: the sequence of nodes a person's records pass through, with how many people took it.</summary>
/// <param name="Steps">The nodes in order (consecutive repeats collapsed at the agency and team levels).</param>
/// <param name="People">How many people took exactly this path.</param>
/// <param name="Share">People ÷ all people in the log.</param>
public sealed record FlowPath(IReadOnlyList<string> Steps, int People, double Share);

/// <summary>Hand-offs between agencies or teams (the directly-follows graph) and the most common paths (variants).</summary>
public static class HandOffs
{
    /// <summary>The node key of every record at <paramref name="level"/>, with the names of the keys.</summary>
    internal static (int[] Keys, List<string> Names) NodeKeys(ActivityLog log, FlowLevel level)
    {
        var keys = new int[log.Count];
        var names = new List<string>();
        var map = new Dictionary<long, int>();
        var agencies = log.Agencies;
        var teams = log.Teams;
        var activities = log.Activities;
        var subtypes = log.Subtypes;
        var kinds = log.KindCodes;
        long lastKey = long.MinValue;
        var lastId = -1;
        for (var i = 0; i < log.Count; i++)
        {
            long k = level switch
            {
                FlowLevel.Agency => agencies[i],
                FlowLevel.Team => ((long)agencies[i] << 32) | (uint)(teams.IsEmpty ? 0 : teams[i]),
                _ => !activities.IsEmpty && activities[i] != 0 ? activities[i] : -(((long)kinds[i] << 32) | (uint)(subtypes.IsEmpty ? 0 : subtypes[i])) - 1,
            };
            if (k == lastKey)
            {
                // consecutive records usually share their agency or team
                keys[i] = lastId;
                continue;
            }
            if (!map.TryGetValue(k, out var id))
            {
                id = names.Count;
                map[k] = id;
                names.Add(Name(log, level, i));
            }
            keys[i] = id;
            lastKey = k;
            lastId = id;
        }
        return (keys, names);
    }

    private static string Name(ActivityLog log, FlowLevel level, int i) => level switch
    {
        FlowLevel.Agency => log.Agency(i),
        FlowLevel.Team => log.Team(i) is { } t ? log.Agency(i) + " / " + t : log.Agency(i),
        _ => log.Activity(i) ?? (log.Subtype(i) is { } s ? $"{log.Kind(i)}: {s}" : log.Kind(i).ToString()),
    };

    /// <summary>
    /// The directly-follows graph at <paramref name="level"/>: for each person, each record followed by their next
    /// record (in log order) is one step; steps between different nodes are hand-offs.
    /// </summary>
    /// <param name="log">The log.</param>
    /// <param name="level">Agencies, teams or activities.</param>
    /// <param name="people">The people whose records are followed (a cohort, by person number); null for everyone.</param>
    public static HandOffGraph Graph(ActivityLog log, FlowLevel level, IReadOnlyList<int>? people = null)
    {
        var (keys, names) = NodeKeys(log, level);
        var n = names.Count;
        var nodeCounts = new int[n];
        var chosen = people ?? Everyone(log);
        foreach (var p in chosen)
        {
            var (from, to) = log.EventsOf(p);
            for (var i = from; i < to; i++)
            {
                nodeCounts[keys[i]]++;
            }
        }
        // each distinct (from, to) gets a small number; a dense matrix finds it when there are few nodes
        var dense = n <= 2048 ? new int[n * n] : null;
        var sparse = dense is null ? new Dictionary<long, int>() : null;
        var pairFrom = new List<int>();
        var pairTo = new List<int>();
        var pairPeople = new List<int>();
        var pairLastPerson = new List<int>();
        var transitionPair = new List<int>();
        var transitionWait = new List<long>();
        long stays = 0;
        var ticks = log.StartUtcTicks;
        var ends = log.EndUtcTicks;
        foreach (var p in chosen)
        {
            var (from, to) = log.EventsOf(p);
            for (var i = from + 1; i < to; i++)
            {
                var a = keys[i - 1];
                var b = keys[i];
                if (a == b)
                {
                    stays++;
                    continue;
                }
                int pair;
                if (dense is not null)
                {
                    pair = dense[(a * n) + b] - 1;
                    if (pair < 0)
                    {
                        pair = pairFrom.Count;
                        dense[(a * n) + b] = pair + 1;
                        AddPair();
                    }
                }
                else
                {
                    var key = ((long)a << 32) | (uint)b;
                    if (!sparse!.TryGetValue(key, out pair))
                    {
                        pair = pairFrom.Count;
                        sparse[key] = pair;
                        AddPair();
                    }
                }
                void AddPair()
                {
                    pairFrom.Add(a);
                    pairTo.Add(b);
                    pairPeople.Add(0);
                    pairLastPerson.Add(-1);
                }
                var left = ticks[i - 1];
                if (!ends.IsEmpty && ends[i - 1] != ActivityLogBuilder.NoTicks && ends[i - 1] <= ticks[i])
                {
                    left = Math.Max(left, ends[i - 1]);
                }
                transitionPair.Add(pair);
                transitionWait.Add(ticks[i] - left);
                if (pairLastPerson[pair] != p)
                {
                    pairLastPerson[pair] = p;
                    pairPeople[pair]++;
                }
            }
        }
        // group the waits by pair (counting sort), then take each pair's median
        var pairs = pairFrom.Count;
        var starts = new int[pairs + 1];
        foreach (var pair in transitionPair)
        {
            starts[pair + 1]++;
        }
        for (var k = 0; k < pairs; k++)
        {
            starts[k + 1] += starts[k];
        }
        var grouped = new long[transitionPair.Count];
        var fill = (int[])starts.Clone();
        for (var t = 0; t < transitionPair.Count; t++)
        {
            grouped[fill[transitionPair[t]]++] = transitionWait[t];
        }
        var edges = new List<HandOff>(pairs);
        for (var k = 0; k < pairs; k++)
        {
            var segment = grouped.AsSpan(starts[k], starts[k + 1] - starts[k]);
            segment.Sort();
            var c = segment.Length;
            var median = c % 2 == 1 ? segment[c / 2] : (segment[(c / 2) - 1] + segment[c / 2]) / 2.0;
            edges.Add(new HandOff(names[pairFrom[k]], names[pairTo[k]], c, pairPeople[k], median / TimeSpan.TicksPerDay));
        }
        edges = [.. edges.OrderByDescending(e => e.Count).ThenBy(e => e.From, StringComparer.Ordinal).ThenBy(e => e.To, StringComparer.Ordinal)];
        var nodes = Enumerable.Range(0, n).Where(i => nodeCounts[i] > 0).Select(i => (names[i], nodeCounts[i])).OrderByDescending(x => x.Item2).ThenBy(x => x.Item1, StringComparer.Ordinal).ToList();
        return new HandOffGraph(level, nodes, edges, stays);
    }

    /// <summary>
    /// The <paramref name="top"/> most common paths at <paramref name="level"/>. At the agency and team levels a
    /// path is the sequence of nodes with consecutive repeats collapsed (Police, Police, Housing → Police, Housing);
    /// at the activity level it is the full sequence (a process-mining variant).
    /// </summary>
    public static IReadOnlyList<FlowPath> MostCommonPaths(ActivityLog log, FlowLevel level, int top = 10, IReadOnlyList<int>? people = null)
    {
        var (keys, names) = NodeKeys(log, level);
        var chosen = people ?? Everyone(log);
        var counts = Variants(log, keys, collapse: level != FlowLevel.Activity, chosen);
        return counts.OrderByDescending(kv => kv.Value).ThenBy(kv => string.Join('\u0001', kv.Key.Select(k => names[k])), StringComparer.Ordinal)
            .Take(top)
            .Select(kv => new FlowPath(kv.Key.Select(k => names[k]).ToList(), kv.Value, chosen.Count == 0 ? 0 : (double)kv.Value / chosen.Count))
            .ToList();
    }

    private static int[] Everyone(ActivityLog log)
    {
        var all = new int[log.PersonCount];
        for (var p = 0; p < all.Length; p++)
        {
            all[p] = p;
        }
        return all;
    }

    internal static Dictionary<int[], int> Variants(ActivityLog log, int[] keys, bool collapse, IReadOnlyList<int>? people = null)
    {
        var counts = new Dictionary<int[], int>(SequenceComparer.Instance);
        var buffer = new List<int>();
        foreach (var p in people ?? Everyone(log))
        {
            var (from, to) = log.EventsOf(p);
            buffer.Clear();
            for (var i = from; i < to; i++)
            {
                if (!collapse || buffer.Count == 0 || buffer[^1] != keys[i])
                {
                    buffer.Add(keys[i]);
                }
            }
            var seq = buffer.ToArray();
            counts[seq] = counts.GetValueOrDefault(seq) + 1;
        }
        return counts;
    }

    private sealed class SequenceComparer : IEqualityComparer<int[]>
    {
        public static readonly SequenceComparer Instance = new();

        public bool Equals(int[]? x, int[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(int[] obj)
        {
            var h = new HashCode();
            h.AddBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(obj.AsSpan()));
            return h.ToHashCode();
        }
    }
}
