namespace LocalFlow.Analytics.Linking;

/// <summary>What a linkage run says about one record that should join a person already known.</summary>
public enum AttachmentOutcome
{
    /// <summary>The run put the record with records of exactly one known person, in a person nothing flagged.</summary>
    Linked = 1,

    /// <summary>The record scored between the thresholds with some record, or its person was flagged: a person decides.</summary>
    Review = 2,

    /// <summary>The run put the record with records of more than one known person: it could be any of them.</summary>
    MoreThanOnePerson = 3,

    /// <summary>Nothing known links with the record, nor comes near it.</summary>
    NoMatch = 4,
}

/// <summary>One record's outcome (<see cref="Attachments.Decide"/>).</summary>
/// <param name="Record">The record's index in the run.</param>
/// <param name="Outcome">What the run says.</param>
/// <param name="Person">The known person's key when <see cref="AttachmentOutcome.Linked"/>, else null.</param>
/// <param name="BestWeight">The strongest match weight (bits) of a candidate pair with a record of a known person; null when there was none.</param>
/// <param name="Reason">In plain words, why.</param>
public sealed record Attachment(int Record, AttachmentOutcome Outcome, string? Person, double? BestWeight, string Reason);

/// <summary>
/// Joins new records (a demand study's callers, for example) to people already known, from a linkage run over them
/// and every known record, without changing who the known records belong to. A new record is linked only when the run
/// put it with the records of exactly one known person and did not flag that person; with two or more known people it
/// is left for a person to decide, as is a record whose strongest pair fell in the review band.
/// </summary>
public static class Attachments
{
    /// <summary>
    /// Decides, for each record in <paramref name="records"/>, which known person it joins (or why none). <paramref name="personOf"/>
    /// gives a record's known person key, or null for records not yet anyone's (the new records themselves, and records
    /// of people not known yet).
    /// </summary>
    public static IReadOnlyList<Attachment> Decide(LinkageResult result, IReadOnlyList<int> records, Func<int, string?> personOf)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(personOf);
        var wanted = records.ToHashSet();
        var best = new Dictionary<int, double>();
        var review = new HashSet<int>();
        for (var i = 0; i < result.Pairs.Count; i++)
        {
            var a = result.Pairs.A(i);
            var b = result.Pairs.B(i);
            Note(a, b, i);
            Note(b, a, i);
        }
        void Note(int record, int other, int pair)
        {
            if (!wanted.Contains(record) || personOf(other) is null)
            {
                return;
            }
            var w = result.Weights[pair];
            if (!best.TryGetValue(record, out var was) || w > was)
            {
                best[record] = w;
            }
            if (result.Decisions[pair] == PairDecision.Review)
            {
                review.Add(record);
            }
        }
        var list = new List<Attachment>(records.Count);
        foreach (var r in records)
        {
            var cluster = result.Clusters.People[result.Clusters.PersonOf[r]];
            var people = cluster.Members.Where(m => m != r).Select(personOf).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            double? weight = best.TryGetValue(r, out var w) ? w : null;
            list.Add(people.Count switch
            {
                > 1 => new Attachment(r, AttachmentOutcome.MoreThanOnePerson, null, weight, $"it links with the records of {people.Count} different people"),
                1 when cluster.Flagged => new Attachment(r, AttachmentOutcome.Review, null, weight, $"it links with one person's records, but they do not all hang together: {cluster.FlagReason}"),
                1 => new Attachment(r, AttachmentOutcome.Linked, people[0], weight, "it links with this person's records"),
                _ when cluster.Flagged => new Attachment(r, AttachmentOutcome.Review, null, weight, $"it could be more than one person: {cluster.FlagReason}"),
                _ when review.Contains(r) => new Attachment(r, AttachmentOutcome.Review, null, weight, "it comes close to someone's records, but not close enough to link without a person deciding"),
                _ => new Attachment(r, AttachmentOutcome.NoMatch, null, weight, "no one's records come close"),
            });
        }
        return list;
    }
}
