namespace LocalFlow.Analytics.Flow;

/// <summary>The failure-demand signals found in records. Numbers are stored and never change meaning.</summary>
public enum FlowSignalKind
{
    /// <summary>A new contact within <see cref="FlowOptions.RePresentationDays"/> of an exit (closure, NFA, advice). Records: the exit, the contact.</summary>
    RePresentation = 1,
    /// <summary>An assessment of a type already assessed within <see cref="FlowOptions.RepeatAssessmentDays"/> (any agency). Records: the earlier, the repeat.</summary>
    RepeatedAssessment = 2,
    /// <summary>An assessment whose agency's next outcome, within <see cref="FlowOptions.AssessReferDays"/>, was a referral or an exit with no service, review or visit in between. Records: the assessment, the referral or exit.</summary>
    AssessRefer = 3,
    /// <summary>A referral from agency A to B followed within <see cref="FlowOptions.PingPongDays"/> by a referral from B back to A. Records: both referrals.</summary>
    ReferralPingPong = 4,
    /// <summary>A screening-out closure followed within <see cref="FlowOptions.ScreenedOutReturnDays"/> by a sign of greater need (admission, emergency, strategy meeting...). Records: the closure, the escalation.</summary>
    ScreenedOutReturnedWorse = 5,
    /// <summary>A contact with an agency that has a referral to it not yet acted on (within <see cref="FlowOptions.ProgressChasingDays"/>), or a contact whose subtype says chasing. Records: the referral (when there is one), the contact.</summary>
    ProgressChasing = 6,
    /// <summary>A run of at least <see cref="FlowOptions.WorkerChainLength"/> different workers in a row, none seen twice. Records: every record of the run.</summary>
    LongWorkerChain = 7,
}

/// <summary>One failure-demand signal: what was found, for whom, and the records (indices into the log) that raised it.</summary>
/// <param name="Kind">Which signal.</param>
/// <param name="Person">The person's number in the log.</param>
/// <param name="Events">Indices of the records that raised it, in time order.</param>
public readonly record struct FlowSignal(FlowSignalKind Kind, int Person, int[] Events)
{
    /// <summary>A sentence saying what was found, for lists and exports.</summary>
    public string Describe(ActivityLog log)
    {
        var first = Events[0];
        var last = Events[^1];
        var days = (log.StartUtcTicks[last] - log.StartUtcTicks[first]) / (double)TimeSpan.TicksPerDay;
        var d = Plural.Of((long)Math.Round(days), "day");
        return Kind switch
        {
            FlowSignalKind.RePresentation => $"Came back to {log.Agency(last)} {d} after {log.Agency(first)} closed or gave advice",
            FlowSignalKind.RepeatedAssessment => $"{log.Subtype(last)} assessment by {log.Agency(last)} repeated one by {log.Agency(first)} {d} earlier",
            FlowSignalKind.AssessRefer => $"{log.Agency(first)} assessed, then only {(log.Kind(last) == ActivityKind.Referral ? "referred on" : "closed")} {d} later",
            FlowSignalKind.ReferralPingPong => $"Referred from {log.Agency(first)} to {log.Agency(last)} and back again {d} later",
            FlowSignalKind.ScreenedOutReturnedWorse => $"Screened out by {log.Agency(first)}, back {d} later with greater need ({log.Kind(last)} by {log.Agency(last)})",
            FlowSignalKind.ProgressChasing => Events.Length == 1 ? $"Chased progress with {log.Agency(last)}" : $"Chased {log.Agency(last)} {d} after a referral it had not acted on",
            FlowSignalKind.LongWorkerChain => $"{Events.Length} different workers in a row over {d}",
            _ => Kind.ToString(),
        };
    }
}
