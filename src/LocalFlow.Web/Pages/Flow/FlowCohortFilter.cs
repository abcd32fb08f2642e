using System.Globalization;
using LocalFlow.Analytics.Flow;
using LocalFlow.Data.Flow;

namespace LocalFlow.Web.Pages.Flow;

/// <summary>
/// A cohort of the people with flow records, as the CLI's <c>flow summary --cohort</c> chooses one: anyone with a
/// record from an agency, anyone with a signal of a kind, anyone with at least N records, anyone admitted to
/// hospital, and (for the demo) the people who carry the seeds' case histories. Every filter given must hold.
/// </summary>
public sealed record FlowCohortFilter(int? Agency, FlowSignalKind? Signal, int? MinRecords, bool Hospital, bool Stories)
{
    public bool Any => Agency is not null || Signal is not null || MinRecords is not null || Hospital || Stories;

    /// <summary>The figures of everyone in the cohort, in the log's person order.</summary>
    public IReadOnlyList<PersonFigures> Apply(FlowEngine flow, IReadOnlyCollection<Guid> storyPeople)
    {
        IEnumerable<PersonFigures> chosen = flow.Everyone;
        if (Agency is int agency)
        {
            var people = flow.PeopleSeenBy(agency);
            chosen = chosen.Where(p => people.Contains(p.Person));
        }
        if (Signal is FlowSignalKind kind)
        {
            var people = flow.Signals.Where(s => s.Kind == kind).Select(s => s.Person).ToHashSet();
            chosen = chosen.Where(p => people.Contains(p.Person));
        }
        if (MinRecords is int min)
        {
            chosen = chosen.Where(p => p.Records >= min);
        }
        if (Hospital)
        {
            chosen = chosen.Where(p => p.HospitalAdmissions > 0);
        }
        if (Stories)
        {
            var stories = storyPeople.ToHashSet();
            chosen = chosen.Where(p => stories.Contains(flow.PersonId(p.Person)));
        }
        return [.. chosen];
    }

    /// <summary>The filters as a query string (without "?"), for links that keep them.</summary>
    public string Query()
    {
        var parts = new List<string>();
        if (Agency is int a)
        {
            parts.Add("agency=" + a.ToString(CultureInfo.InvariantCulture));
        }
        if (Signal is FlowSignalKind s)
        {
            parts.Add("signal=" + s);
        }
        if (MinRecords is int m)
        {
            parts.Add("minRecords=" + m.ToString(CultureInfo.InvariantCulture));
        }
        if (Hospital)
        {
            parts.Add("hospital=true");
        }
        if (Stories)
        {
            parts.Add("stories=true");
        }
        return string.Join('&', parts);
    }

    /// <summary>"anyone with a record from Police, with at least 10 records": the filters in words.</summary>
    public string Describe(IReadOnlyDictionary<int, string> agencies)
    {
        var parts = new List<string>();
        if (Agency is int a)
        {
            parts.Add($"with a record from {agencies.GetValueOrDefault(a, "an agency no longer known")}");
        }
        if (Signal is FlowSignalKind s)
        {
            parts.Add($"with a “{FlowAccess.SignalName(s).ToLowerInvariant()}” signal");
        }
        if (MinRecords is int m)
        {
            parts.Add($"with at least {m.ToString("N0", CultureInfo.GetCultureInfo("en-GB"))} records");
        }
        if (Hospital)
        {
            parts.Add("admitted to hospital");
        }
        if (Stories)
        {
            parts.Add("carrying the demo's case histories");
        }
        return parts.Count == 0 ? "everyone with records" : "people " + string.Join(", ", parts);
    }
}
