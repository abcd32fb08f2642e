namespace LocalFlow.Analytics.Linking;

/// <summary>One person: the records linked together.</summary>
/// <param name="PersonId">Stable id ("P" + number), carried from earlier runs by majority of members.</param>
/// <param name="Members">Record indexes, ascending.</param>
/// <param name="Flagged">True when the records do not hang together (see <see cref="LinkageOptions.MinClusterDensity"/>).</param>
/// <param name="FlagReason">Why it was flagged, in plain words ("" when not flagged).</param>
/// <param name="Density">Share of member pairs at or above the link threshold (1 for one or two records).</param>
public sealed record PersonCluster(string PersonId, IReadOnlyList<int> Members, bool Flagged, string FlagReason, double Density);

/// <summary>The people found by clustering.</summary>
public sealed class ClusterSet
{
    internal ClusterSet(IReadOnlyList<PersonCluster> people, int[] personOf, int flaggedComponents)
    {
        People = people;
        PersonOf = personOf;
        FlaggedComponents = flaggedComponents;
    }

    /// <summary>Every person, including single-record people.</summary>
    public IReadOnlyList<PersonCluster> People { get; }

    /// <summary>For each record index, its person's index in <see cref="People"/>.</summary>
    public int[] PersonOf { get; }

    /// <summary>How many linked components failed the anti-chaining check (each was split and its parts flagged).</summary>
    public int FlaggedComponents { get; }

    /// <summary>Person id of a record.</summary>
    public string PersonIdOf(int record) => People[PersonOf[record]].PersonId;
}

/// <summary>
/// Clustering of linked pairs into people with union–find, checked against chaining: a component of three or more
/// records is scored pair by pair; when too few of its pairs reach the link threshold or any pair is a clear non-match
/// it is not merged silently: it is rebuilt by merging its links strongest first, refusing any merge that would put a
/// clear non-match (or a pair a reviewer rejected) inside one person, and every part is flagged for review. Chains
/// longer than 400 records are left as single records, flagged.
/// </summary>
public static class Clustering
{
    internal static ClusterSet Build(LinkageSchema schema, PairScorer scorer, CandidatePairs pairs, float[] weights, PairDecision[] decisions, LinkageOptions options)
    {
        var n = schema.Count;
        var uf = new UnionFind(n);
        for (var i = 0; i < pairs.Count; i++)
        {
            if (LinkageResult.IsLinked(decisions[i]))
            {
                uf.Union(pairs.A(i), pairs.B(i));
            }
        }
        foreach (var extra in pairs.ExtraLinks)
        {
            uf.Union((int)(extra >> 32), (int)(extra & 0xFFFFFFFF));
        }
        // Rejected pairs must never end up together: remember them for the check.
        var rejected = new HashSet<long>();
        for (var i = 0; i < pairs.Count; i++)
        {
            if (decisions[i] == PairDecision.DecidedNonLink)
            {
                rejected.Add(pairs.Packed[i]);
            }
        }
        var components = new Dictionary<int, List<int>>();
        for (var i = 0; i < n; i++)
        {
            var root = uf.Find(i);
            if (!components.TryGetValue(root, out var list))
            {
                components[root] = list = [];
            }
            list.Add(i);
        }
        var groups = new List<(List<int> Members, bool Flagged, string Reason, double Density)>(components.Count);
        var flaggedComponents = 0;
        var big = components.Values.Where(c => c.Count >= 3).ToList();
        var checkedResults = new (bool Flagged, string Reason, double Density, List<List<int>>? Parts)[big.Count];
        Parallel.For(0, big.Count, i => checkedResults[i] = Check(schema, big[i], scorer, options, rejected));
        var bigIndex = 0;
        foreach (var members in components.Values)
        {
            if (members.Count < 3)
            {
                groups.Add((members, false, "", 1));
                continue;
            }
            var (flagged, reason, density, parts) = checkedResults[bigIndex++];
            if (!flagged)
            {
                groups.Add((members, false, "", density));
                continue;
            }
            flaggedComponents++;
            foreach (var part in parts!)
            {
                groups.Add((part, true, reason, density));
            }
        }
        groups.Sort((x, y) => x.Members[0].CompareTo(y.Members[0]));
        var ids = PersonIds.Assign(schema, groups.Select(g => (IReadOnlyList<int>)g.Members).ToList(), options.PreviousPersonIds);
        var people = new PersonCluster[groups.Count];
        var personOf = new int[n];
        for (var g = 0; g < groups.Count; g++)
        {
            people[g] = new PersonCluster(ids[g], groups[g].Members, groups[g].Flagged, groups[g].Reason, groups[g].Density);
            foreach (var m in groups[g].Members)
            {
                personOf[m] = g;
            }
        }
        return new ClusterSet(people, personOf, flaggedComponents);
    }

    private static (bool, string, double, List<List<int>>?) Check(LinkageSchema schema, List<int> members, PairScorer scorer, LinkageOptions options, HashSet<long> rejected)
    {
        var model = scorer.Model;
        if (members.Count > options.MaxCheckedClusterSize)
        {
            return (true, $"{members.Count} records chained together (more than {options.MaxCheckedClusterSize})", 0, Split(schema, members, scorer, rejected, options));
        }
        var strong = 0;
        var total = 0;
        var worst = double.MaxValue;
        var hasRejected = false;
        for (var i = 0; i < members.Count; i++)
        {
            for (var j = i + 1; j < members.Count; j++)
            {
                var w = scorer.Score(members[i], members[j], out _);
                total++;
                if (w >= model.LinkThreshold)
                {
                    strong++;
                }
                worst = Math.Min(worst, w);
                if (rejected.Contains(((long)members[i] << 32) | (uint)members[j]))
                {
                    hasRejected = true;
                }
            }
        }
        var density = (double)strong / total;
        string? reason = null;
        if (hasRejected)
        {
            reason = "a reviewer rejected a pair inside it";
        }
        else if (density < options.MinClusterDensity)
        {
            reason = $"only {density:P0} of its record pairs reach the link threshold";
        }
        else if (worst < model.ReviewThreshold)
        {
            reason = $"a pair inside it is a clear non-match (weight {worst:F1})";
        }
        return reason is null ? (false, "", density, null) : (true, reason, density, Split(schema, members, scorer, rejected, options));
    }

    private static List<List<int>> Split(LinkageSchema schema, List<int> members, PairScorer scorer, HashSet<long> rejected, LinkageOptions options)
    {
        var n = members.Count;
        var local = new UnionFind(n);
        if (n <= 400)
        {
            // Greedy merge, strongest link first, refusing any merge that would put a clear non-match (or a pair a
            // reviewer rejected) inside one person.
            var w = new double[n, n];
            var edges = new List<(double Weight, int I, int J)>();
            var model = scorer.Model;
            for (var i = 0; i < n; i++)
            {
                for (var j = i + 1; j < n; j++)
                {
                    var weight = scorer.Score(members[i], members[j], out var agreeing);
                    var packed = ((long)Math.Min(members[i], members[j]) << 32) | (uint)Math.Max(members[i], members[j]);
                    if (rejected.Contains(packed))
                    {
                        weight = double.NegativeInfinity;
                    }
                    w[i, j] = w[j, i] = weight;
                    if (weight >= model.LinkThreshold && agreeing >= 2)
                    {
                        edges.Add((weight, i, j));
                    }
                }
            }
            edges.Sort((a, b) => b.Weight.CompareTo(a.Weight));
            var groups = new Dictionary<int, List<int>>();
            for (var i = 0; i < n; i++)
            {
                groups[i] = [i];
            }
            foreach (var (_, i, j) in edges)
            {
                var ri = local.Find(i);
                var rj = local.Find(j);
                if (ri == rj)
                {
                    continue;
                }
                var compatible = true;
                foreach (var x in groups[ri])
                {
                    foreach (var y in groups[rj])
                    {
                        if (w[x, y] < model.ReviewThreshold)
                        {
                            compatible = false;
                            break;
                        }
                    }
                    if (!compatible)
                    {
                        break;
                    }
                }
                if (!compatible)
                {
                    continue;
                }
                var gi = groups[ri];
                var gj = groups[rj];
                groups.Remove(ri);
                groups.Remove(rj);
                local.Union(i, j);
                gi.AddRange(gj);
                groups[local.Find(i)] = gi;
            }
            var alone = Ambiguous(schema, members, w, local, model.LinkThreshold, options);
            var split = new Dictionary<int, List<int>>();
            for (var i = 0; i < n; i++)
            {
                var r = alone[i] ? n + i : local.Find(i);
                if (!split.TryGetValue(r, out var list))
                {
                    split[r] = list = [];
                }
                list.Add(members[i]);
            }
            return [.. split.Values];
        }
        return [.. members.Select(m => new List<int> { m })];
    }

    /// <summary>
    /// Records of a split component that link about as well (within <see cref="LinkageOptions.AmbiguityMargin"/> bits) to another part
    /// as to their own, where a cannot-link rule holds the two parts apart, and that lack a field that tells household
    /// members apart (<see cref="ComparisonInfo.TellsApart"/>): typically a record with no date of birth at the address
    /// of a father and son of one name, or with no given name at twins' address. Only records holding that field are
    /// taken as evidence of which part it belongs to (two records both lacking it cannot tell each other apart). Such a
    /// record could be either person, so it is given to neither and stays alone (flagged for review).
    /// </summary>
    private static bool[] Ambiguous(LinkageSchema schema, List<int> members, double[,] w, UnionFind parts, double linkThreshold, LinkageOptions options)
    {
        var n = w.GetLength(0);
        var alone = new bool[n];
        if (options.AmbiguityMargin <= 0)
        {
            return alone;
        }
        // Which members hold each field: a record compared with itself is unknown on a field it lacks.
        var k = schema.Comparisons.Count;
        var holds = new bool[n, k];
        Span<byte> levels = stackalloc byte[k];
        for (var i = 0; i < n; i++)
        {
            schema.Compare(members[i], members[i], levels);
            for (var c = 0; c < k; c++)
            {
                holds[i, c] = levels[c] != LinkageSchema.Unknown;
            }
        }
        for (var i = 0; i < n; i++)
        {
            if (options.AmbiguityForAllRecords)
            {
                alone[i] = Between(w, parts, holds, i, -1, linkThreshold, options.AmbiguityMargin);
                continue;
            }
            for (var c = 0; c < k && !alone[i]; c++)
            {
                alone[i] = schema.Comparisons[c].TellsApart && !holds[i, c] && Between(w, parts, holds, i, c, linkThreshold, options.AmbiguityMargin);
            }
        }
        return alone;
    }

    /// <summary>
    /// True when record i links within the margin as well to a part held apart from its own as to its own part, counting
    /// only records that hold comparison c (all records when c is -1).
    /// </summary>
    private static bool Between(double[,] w, UnionFind parts, bool[,] holds, int i, int c, double linkThreshold, double margin)
    {
        var n = w.GetLength(0);
        var own = double.NegativeInfinity;
        var other = double.NegativeInfinity;
        var root = parts.Find(i);
        for (var j = 0; j < n; j++)
        {
            if (j == i || (c >= 0 && !holds[j, c]))
            {
                continue;
            }
            if (parts.Find(j) == root)
            {
                own = Math.Max(own, w[i, j]);
            }
            else if (w[i, j] > other && HeldApart(w, parts, root, parts.Find(j)))
            {
                other = w[i, j];
            }
        }
        return own > double.NegativeInfinity && other >= linkThreshold && own - other < margin;
    }

    /// <summary>True when a cannot-link rule (twins, a parent and child...) holds some record of one part apart from some record of the other.</summary>
    private static bool HeldApart(double[,] w, UnionFind parts, int p, int q)
    {
        var n = w.GetLength(0);
        for (var x = 0; x < n; x++)
        {
            if (parts.Find(x) != p)
            {
                continue;
            }
            for (var y = 0; y < n; y++)
            {
                if (parts.Find(y) == q && w[x, y] <= PairScorer.CannotLinkWeight)
                {
                    return true;
                }
            }
        }
        return false;
    }

}

/// <summary>Union–find (disjoint sets) with path halving and union by size.</summary>
public sealed class UnionFind
{
    private readonly int[] _parent;
    private readonly int[] _size;

    /// <summary>n singletons.</summary>
    public UnionFind(int n)
    {
        _parent = new int[n];
        _size = new int[n];
        for (var i = 0; i < n; i++)
        {
            _parent[i] = i;
            _size[i] = 1;
        }
    }

    /// <summary>The representative of x's set.</summary>
    public int Find(int x)
    {
        while (_parent[x] != x)
        {
            _parent[x] = _parent[_parent[x]];
            x = _parent[x];
        }
        return x;
    }

    /// <summary>Joins the sets of a and b; false when they were already one set.</summary>
    public bool Union(int a, int b)
    {
        var ra = Find(a);
        var rb = Find(b);
        if (ra == rb)
        {
            return false;
        }
        if (_size[ra] < _size[rb])
        {
            (ra, rb) = (rb, ra);
        }
        _parent[rb] = ra;
        _size[ra] += _size[rb];
        return true;
    }
}

/// <summary>Stable person ids across runs.</summary>
public static class PersonIds
{
    /// <summary>
    /// Gives each cluster an id. A cluster takes the earlier id held by most of its members (ties: the smaller id); when
    /// two clusters want the same id, the one with more members holding it keeps it (ties: the cluster listed first) and
    /// the other gets a new id. New ids continue after the largest earlier number ("P" followed by at least 7 digits).
    /// </summary>
    public static IReadOnlyList<string> Assign(LinkageSchema schema, IReadOnlyList<IReadOnlyList<int>> clusters, IReadOnlyDictionary<(string Source, string RecordId), string>? previous)
    {
        var ids = new string?[clusters.Count];
        long next = 1;
        if (previous is not null && previous.Count > 0)
        {
            foreach (var id in previous.Values)
            {
                if (id.Length > 1 && id[0] == 'P' && long.TryParse(id.AsSpan(1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number))
                {
                    next = Math.Max(next, number + 1);
                }
            }
            var claims = new List<(string Id, int Votes, int Cluster)>();
            for (var c = 0; c < clusters.Count; c++)
            {
                var votes = new Dictionary<string, int>(StringComparer.Ordinal);
                foreach (var m in clusters[c])
                {
                    if (previous.TryGetValue((schema.Sources[schema.SourceIndex(m)], schema.RecordId(m)), out var id))
                    {
                        votes[id] = votes.GetValueOrDefault(id) + 1;
                    }
                }
                if (votes.Count > 0)
                {
                    var best = votes.OrderByDescending(v => v.Value).ThenBy(v => v.Key, StringComparer.Ordinal).First();
                    claims.Add((best.Key, best.Value, c));
                }
            }
            var taken = new HashSet<string>(StringComparer.Ordinal);
            foreach (var claim in claims.OrderByDescending(c => c.Votes).ThenBy(c => c.Cluster))
            {
                if (taken.Add(claim.Id))
                {
                    ids[claim.Cluster] = claim.Id;
                }
            }
        }
        var result = new string[clusters.Count];
        for (var c = 0; c < clusters.Count; c++)
        {
            result[c] = ids[c] ?? "P" + (next++).ToString("D7", System.Globalization.CultureInfo.InvariantCulture);
        }
        return result;
    }
}
