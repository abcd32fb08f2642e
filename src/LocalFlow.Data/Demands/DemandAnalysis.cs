using System.Globalization;
using LocalFlow.Analytics.Demand;
using LocalFlow.Analytics.Measures;
using LocalFlow.Data.Entities;

namespace LocalFlow.Data.Demands;

/// <summary>The columns of a demand the analysis needs (no words, no personal data).</summary>
public readonly record struct DemandFact(DateTime ReceivedAt, int FrontDoorId, Channel Channel, DemandNature Nature, FailureKind? FailureKind, int? TypeId, TransactionOutcome Outcome);

/// <summary>How many demands ended one way at the point of transaction.</summary>
public sealed record OutcomeCount(TransactionOutcome Outcome, int Count, double Share);

/// <summary>How many failure demands were of one kind.</summary>
public sealed record FailureKindCount(FailureKind Kind, int Count, double Share);

/// <summary>One day of the study (Europe/London): demands captured and how many were failure demand.</summary>
public sealed record DayFigure(DateOnly Day, int Demands, int Failure)
{
    public double FailureShare => Demands == 0 ? 0 : (double)Failure / Demands;
}

/// <summary>
/// Everything the analysis page, the board and the API show, computed from the demands captured so far:
/// value and failure shares overall and by front door, channel, day and hour; Pareto of value and of failure
/// types; what happened at the point of transaction; predictability; capability charts per day.
/// </summary>
public sealed class DemandAnalysis
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public int Total { get; private init; }
    public int Value { get; private init; }
    public int Failure { get; private init; }
    public double FailureShare => Total == 0 ? 0 : (double)Failure / Total;
    /// <summary>Demands not given a type yet (left out of the Pareto charts and the predictability figure).</summary>
    public int Untyped { get; private init; }
    public IReadOnlyList<DemandShare> ByFrontDoor { get; private init; } = [];
    public IReadOnlyList<DemandShare> ByChannel { get; private init; } = [];
    /// <summary>Keyed yyyy-MM-dd (Europe/London), in date order.</summary>
    public IReadOnlyList<DemandShare> ByDay { get; private init; } = [];
    /// <summary>Keyed "09:00" (Europe/London), in hour order.</summary>
    public IReadOnlyList<DemandShare> ByHour { get; private init; } = [];
    public IReadOnlyList<FailureKindCount> ByFailureKind { get; private init; } = [];
    public IReadOnlyList<ParetoBar> ValuePareto { get; private init; } = [];
    public IReadOnlyList<ParetoBar> FailurePareto { get; private init; } = [];
    public IReadOnlyList<OutcomeCount> Outcomes { get; private init; } = [];
    public PredictabilityResult Predictability { get; private init; } = null!;
    public IReadOnlyList<DayFigure> Days { get; private init; } = [];
    /// <summary>XmR chart of demands per day (days on which demand was captured). Null with no demands.</summary>
    public CapabilityChart? DemandsPerDay { get; private init; }
    /// <summary>XmR chart of the failure share per day, as a percentage (lower is better). Null with no demands.</summary>
    public CapabilityChart? FailureSharePerDay { get; private init; }

    /// <summary>Share resolved there and then, at first contact.</summary>
    public double ResolvedAtFirstContact => Share(TransactionOutcome.ResolvedThere);

    public double Share(TransactionOutcome outcome) => Outcomes.FirstOrDefault(o => o.Outcome == outcome)?.Share ?? 0;

    /// <summary>Computes the analysis. <paramref name="facts"/> must be in capture order (time received).</summary>
    public static DemandAnalysis Compute(IReadOnlyList<DemandFact> facts, IReadOnlyDictionary<int, string> typeNames, IReadOnlyDictionary<int, string> frontDoorNames, double predictableLevel)
    {
        var n = facts.Count;
        var failure = 0;
        var untyped = 0;
        var byDoor = new List<(string, bool)>(n);
        var byChannel = new List<(string, bool)>(n);
        var byDay = new List<(string, bool)>(n);
        var byHour = new List<(string, bool)>(n);
        var outcomes = new int[6];
        var kinds = new Dictionary<FailureKind, int>();
        var valueTypes = new Dictionary<int, int>();
        var failureTypes = new Dictionary<int, int>();
        var typeKeys = new Dictionary<int, string>();
        var sequence = new List<string?>(n);
        var dayCounts = new Dictionary<DateOnly, (int Demands, int Failure)>();
        // London's offset changes twice a year: look it up once per UTC hour, not once per demand.
        var offsets = new Dictionary<long, TimeSpan>();
        var hours = new string[24];
        for (var h = 0; h < 24; h++)
        {
            hours[h] = h.ToString("00", CultureInfo.InvariantCulture) + ":00";
        }
        var doorNames = new Dictionary<int, string>();
        var channelNames = new Dictionary<Channel, string>();
        var dayKeys = new Dictionary<DateOnly, string>();
        foreach (var f in facts)
        {
            var isFailure = f.Nature == DemandNature.Failure;
            if (isFailure)
            {
                failure++;
                kinds[f.FailureKind ?? FailureKind.Other] = kinds.GetValueOrDefault(f.FailureKind ?? FailureKind.Other) + 1;
            }
            if (!doorNames.TryGetValue(f.FrontDoorId, out var door))
            {
                door = doorNames[f.FrontDoorId] = frontDoorNames.TryGetValue(f.FrontDoorId, out var dn) ? dn : $"Front door {f.FrontDoorId}";
            }
            if (!channelNames.TryGetValue(f.Channel, out var channel))
            {
                channel = channelNames[f.Channel] = ChannelName(f.Channel);
            }
            var hourKey = f.ReceivedAt.Ticks / TimeSpan.TicksPerHour;
            if (!offsets.TryGetValue(hourKey, out var offset))
            {
                offset = offsets[hourKey] = London.GetUtcOffset(DateTime.SpecifyKind(f.ReceivedAt, DateTimeKind.Utc));
            }
            var local = f.ReceivedAt + offset;
            var day = DateOnly.FromDateTime(local);
            if (!dayKeys.TryGetValue(day, out var dayKey))
            {
                dayKey = dayKeys[day] = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            }
            byDoor.Add((door, isFailure));
            byChannel.Add((channel, isFailure));
            byDay.Add((dayKey, isFailure));
            byHour.Add((hours[local.Hour], isFailure));
            var dc = dayCounts.GetValueOrDefault(day);
            dayCounts[day] = (dc.Demands + 1, dc.Failure + (isFailure ? 1 : 0));
            outcomes[(int)f.Outcome]++;
            if (f.TypeId is int t)
            {
                var counts = isFailure ? failureTypes : valueTypes;
                counts[t] = counts.GetValueOrDefault(t) + 1;
                if (!typeKeys.TryGetValue(t, out var key))
                {
                    key = typeKeys[t] = t.ToString(CultureInfo.InvariantCulture);
                }
                sequence.Add(key);
            }
            else
            {
                untyped++;
            }
        }
        string TypeName(int id) => typeNames.TryGetValue(id, out var name) ? name : $"Type {id}";
        var days = dayCounts.OrderBy(kv => kv.Key).Select(kv => new DayFigure(kv.Key, kv.Value.Demands, kv.Value.Failure)).ToList();
        CapabilityChart? perDay = null, share = null;
        if (days.Count > 0)
        {
            var volume = days.Select(d => (double)d.Demands).ToArray();
            perDay = CapabilityChart.Compute(volume, new CapabilityChartOptions { LowerFloor = 0, Direction = ImprovementDirection.Neither });
            var shares = days.Select(d => 100.0 * d.FailureShare).ToArray();
            share = CapabilityChart.Compute(shares, new CapabilityChartOptions { LowerFloor = 0, UpperCeiling = 100, Direction = ImprovementDirection.LowerIsBetter });
        }
        return new DemandAnalysis
        {
            Total = n,
            Failure = failure,
            Value = n - failure,
            Untyped = untyped,
            ByFrontDoor = DemandShares.ByGroup(byDoor, Comparer<string>.Create((a, b) => string.Compare(a, b, StringComparison.CurrentCulture))),
            ByChannel = DemandShares.ByGroup(byChannel, StringComparer.Ordinal),
            ByDay = DemandShares.ByGroup(byDay, StringComparer.Ordinal),
            ByHour = DemandShares.ByGroup(byHour, StringComparer.Ordinal),
            ByFailureKind = kinds.OrderByDescending(k => k.Value).ThenBy(k => k.Key)
                .Select(k => new FailureKindCount(k.Key, k.Value, failure == 0 ? 0 : (double)k.Value / failure)).ToList(),
            ValuePareto = Pareto.Compute(valueTypes.Select(kv => (kv.Key.ToString(CultureInfo.InvariantCulture), TypeName(kv.Key), kv.Value))),
            FailurePareto = Pareto.Compute(failureTypes.Select(kv => (kv.Key.ToString(CultureInfo.InvariantCulture), TypeName(kv.Key), kv.Value))),
            Outcomes = Enum.GetValues<TransactionOutcome>().Select(o => new OutcomeCount(o, outcomes[(int)o], n == 0 ? 0 : (double)outcomes[(int)o] / n)).ToList(),
            Predictability = Analytics.Demand.Predictability.Compute(sequence, predictableLevel),
            Days = days,
            DemandsPerDay = perDay,
            FailureSharePerDay = share,
        };
    }

    /// <summary>A channel as people say it.</summary>
    public static string ChannelName(Channel c) => c switch
    {
        Channel.Phone => "Phone",
        Channel.FaceToFace => "Face to face",
        Channel.Email => "Email",
        Channel.WebForm => "Web form",
        Channel.Letter => "Letter",
        Channel.Referral => "Referral from another service",
        Channel.Emergency => "Emergency line",
        Channel.HomeVisit => "Home visit",
        _ => "Other",
    };

    public static string OutcomeName(TransactionOutcome o) => o switch
    {
        TransactionOutcome.ResolvedThere => "Resolved there and then",
        TransactionOutcome.AdviceOnly => "Advice or information only",
        TransactionOutcome.ReferredOn => "Referred on",
        TransactionOutcome.ScreenedOut => "Screened out, no further action",
        TransactionOutcome.Booked => "Booked in (visit, appointment, assessment)",
        _ => o.ToString(),
    };

    public static string FailureKindName(FailureKind k) => k switch
    {
        FailureKind.RePresenting => "Re-presenting with the same problem",
        FailureKind.ProgressChasing => "Progress chasing",
        FailureKind.NotUnderstoodRework => "Not understood or re-work",
        FailureKind.NotDoneRight => "Not done right",
        _ => "Other failure",
    };

    public static string KindName(StudyKind k) => k == StudyKind.PeopleCentred ? "People-centred" : "Transactional";
}
