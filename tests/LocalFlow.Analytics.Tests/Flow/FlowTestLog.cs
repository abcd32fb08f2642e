using LocalFlow.Analytics.Flow;

namespace LocalFlow.Analytics.Tests.Flow;

/// <summary>Hand-written records: day numbers count from 1 January 2011 (UTC) unless a time is given.</summary>
internal static class FlowTestLog
{
    public static readonly DateTimeOffset Day0 = new(2011, 1, 1, 9, 0, 0, TimeSpan.Zero);

    public static ActivityEvent E(string person, double day, ActivityKind kind, string agency = "Council", string? subtype = null,
        string? worker = null, string? team = null, string? referredTo = null, decimal? cost = null, bool? helped = null, DateTimeOffset? end = null) =>
        new(person, null, agency, team, worker, kind, subtype, referredTo, null, Day0.AddDays(day), end, Cost: cost, Helped: helped);

    public static ActivityLog Log(params ActivityEvent[] events)
    {
        var b = new ActivityLogBuilder();
        foreach (var e in events)
        {
            b.Add(e);
        }
        return b.Build();
    }
}
