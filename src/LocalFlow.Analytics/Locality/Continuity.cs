namespace LocalFlow.Analytics.Locality;

/// <summary>A meeting between a worker and a person: a contact, visit or action recorded with both named.</summary>
/// <param name="PersonKey">Who was met (a person's record id).</param>
/// <param name="WorkerKey">Which worker met them (a worker's record id).</param>
/// <param name="On">When.</param>
public readonly record struct Meeting(string PersonKey, string WorkerKey, DateOnly On);

/// <summary>One person's continuity: how many different workers they have met, and how often the one they met most.</summary>
/// <param name="PersonKey">The person.</param>
/// <param name="Meetings">How many meetings were counted.</param>
/// <param name="DifferentWorkers">How many different workers those meetings were with.</param>
/// <param name="MostMetShare">The share (0 to 1) of the meetings that were with the worker met most often.</param>
public sealed record PersonContinuity(string PersonKey, int Meetings, int DifferentWorkers, double MostMetShare);

/// <summary>
/// Continuity of care: "one key person – one point of contact" (Vanguard, locality working). For each person,
/// the number of different workers they have met since a date, counted over every meeting that names a worker
/// (contacts, visits and actions of any agency). One is the ideal the method aims at; Ruth met 8 social workers
/// and 22 support workers. It is a description of the person's experience, not a target for the team.
/// </summary>
public static class Continuity
{
    /// <summary>
    /// Continuity for every person with at least one meeting on or after <paramref name="since"/> (all meetings
    /// when null), ordered by most different workers first, then by person key.
    /// </summary>
    /// <param name="meetings">Meetings in any order.</param>
    /// <param name="since">The first date counted (for example when the team began working with people), or null for all.</param>
    public static IReadOnlyList<PersonContinuity> Of(IEnumerable<Meeting> meetings, DateOnly? since = null)
    {
        ArgumentNullException.ThrowIfNull(meetings);
        var byPerson = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        foreach (var m in meetings)
        {
            if (since is DateOnly from && m.On < from)
            {
                continue;
            }
            if (!byPerson.TryGetValue(m.PersonKey, out var workers))
            {
                workers = new Dictionary<string, int>(StringComparer.Ordinal);
                byPerson[m.PersonKey] = workers;
            }
            workers[m.WorkerKey] = checked(workers.GetValueOrDefault(m.WorkerKey) + 1);
        }
        var result = new List<PersonContinuity>(byPerson.Count);
        foreach (var (person, workers) in byPerson)
        {
            var total = 0;
            var most = 0;
            foreach (var count in workers.Values)
            {
                total = checked(total + count);
                most = Math.Max(most, count);
            }
            result.Add(new PersonContinuity(person, total, workers.Count, (double)most / total));
        }
        result.Sort((a, b) => b.DifferentWorkers != a.DifferentWorkers ? b.DifferentWorkers.CompareTo(a.DifferentWorkers) : string.CompareOrdinal(a.PersonKey, b.PersonKey));
        return result;
    }
}
