namespace LocalFlow.Analytics.Redesign;

/// <summary>Where a programme stands on one of the ten steps.</summary>
public enum StepStanding
{
    /// <summary>Nothing recorded for it yet.</summary>
    NotStarted = 0,
    /// <summary>Some of it is recorded.</summary>
    Started = 1,
    /// <summary>What LocalFlow can see of it is done.</summary>
    Done = 2,
    /// <summary>LocalFlow does not hold this step (kept for a step that may come later; none uses it now).</summary>
    NotHeldYet = 3,
}

/// <summary>What a programme holds, counted from its records, for placing it on the ten steps.</summary>
/// <param name="HasVision">The vision is written.</param>
/// <param name="HasPrinciples">At least one commissioning principle is written.</param>
/// <param name="Groups">Commissioning groups.</param>
/// <param name="GroupsWithCitizens">Groups with at least one citizen member.</param>
/// <param name="SteeringMembers">Users who hold the steering role in the locality.</param>
/// <param name="Questions">Questions, in any stage or status.</param>
/// <param name="QuestionsStillPosed">Open or held questions still at the posed stage.</param>
/// <param name="QuestionsAtCostBenefitOrLater">Questions that reached cost–benefit or a later stage.</param>
/// <param name="QuestionsApproved">Approved questions.</param>
/// <param name="QuestionsInProgress">Open or held questions not yet approved.</param>
/// <param name="Jigsaw">The change jigsaw's verdicts (empty when nobody has answered).</param>
public sealed record ProgrammeFacts(
    bool HasVision, bool HasPrinciples, int Groups, int GroupsWithCitizens, int SteeringMembers,
    int Questions, int QuestionsStillPosed, int QuestionsAtCostBenefitOrLater, int QuestionsApproved, int QuestionsInProgress,
    IReadOnlyList<JigsawPieceResult> Jigsaw)
{
    /// <summary>Lines of money in the resource database.</summary>
    public int MoneyLines { get; init; }
    /// <summary>Buildings and assets in the resource database.</summary>
    public int Buildings { get; init; }
    /// <summary>Needs in the needs database.</summary>
    public int Needs { get; init; }
    /// <summary>Needs resting on a consultation theme.</summary>
    public int NeedsFromConsultation { get; init; }
    /// <summary>Needs, lines of money and buildings placed on a stage of the user pathway.</summary>
    public int PlacedOnPathway { get; init; }
    /// <summary>Stages of the pathway with needs placed but no service or building (<see cref="PathwayGap.NeedsWithoutService"/>).</summary>
    public int StagesWithUnservedNeeds { get; init; }
}

/// <summary>
/// The ten steps to implement Outcomes &amp; Efficiency (handbook, chapter 4) and where a programme stands on each,
/// worked out from its records only (never typed in). The steps run in parallel, not in a line; a step is "done" when
/// what LocalFlow can see of it is in place:
/// 1 plan the change — the change jigsaw answered (started) and no piece missing (done);
/// 2 governance and groups — a group (started), plus a steering member and a group with citizens (done);
/// 3 vision — vision or principles (started), both (done);
/// 4 capacity and capability — the jigsaw's piece partly (started) or in place (done);
/// 5 resources, needs and consultation — money, buildings or a need recorded (started); money, buildings, needs and
/// a need resting on a consultation theme all recorded (done);
/// 6 the −9 months to 99 years pathway — a need, service or building placed on a stage (started); needs placed and no
/// stage with needs but no service or building (done);
/// 7 commissioning questions — a question (started), none still waiting at "posed" (done);
/// 8 cost–benefit and plans — a question at cost–benefit or later (started), one approved (done);
/// 9 efficiencies only after redesign — an approved question (started), and none left in progress (done);
/// 10 implement and embed — the jigsaw's "embed" piece partly (started) or in place with none left in progress (done).
/// </summary>
public static class ProgrammeSteps
{
    /// <summary>The standing on steps 1 to 10, in order (index 0 is step 1).</summary>
    public static IReadOnlyList<StepStanding> Place(ProgrammeFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var jigsaw = facts.Jigsaw.ToDictionary(j => j.Piece, j => j.Verdict);
        JigsawVerdict V(JigsawPiece p) => jigsaw.GetValueOrDefault(p, JigsawVerdict.Unanswered);
        var answered = facts.Jigsaw.Any(j => j.Verdict != JigsawVerdict.Unanswered);
        var noneMissing = answered && facts.Jigsaw.All(j => j.Verdict is JigsawVerdict.Partly or JigsawVerdict.InPlace);

        static StepStanding Of(bool started, bool done) => done ? StepStanding.Done : started ? StepStanding.Started : StepStanding.NotStarted;
        static StepStanding FromVerdict(JigsawVerdict v, bool doneToo = true)
            => v == JigsawVerdict.InPlace && doneToo ? StepStanding.Done
             : v is JigsawVerdict.Partly or JigsawVerdict.InPlace ? StepStanding.Started
             : StepStanding.NotStarted;

        return
        [
            Of(answered, noneMissing),
            Of(facts.Groups > 0, facts.Groups > 0 && facts.SteeringMembers > 0 && facts.GroupsWithCitizens > 0),
            Of(facts.HasVision || facts.HasPrinciples, facts.HasVision && facts.HasPrinciples),
            FromVerdict(V(JigsawPiece.CapacityAndCapability)),
            Of(facts.MoneyLines + facts.Buildings + facts.Needs > 0,
                facts.MoneyLines > 0 && facts.Buildings > 0 && facts.Needs > 0 && facts.NeedsFromConsultation > 0),
            Of(facts.PlacedOnPathway > 0, facts.PlacedOnPathway > 0 && facts.StagesWithUnservedNeeds == 0),
            Of(facts.Questions > 0, facts.Questions > 0 && facts.QuestionsStillPosed == 0),
            Of(facts.QuestionsAtCostBenefitOrLater > 0, facts.QuestionsApproved > 0),
            Of(facts.QuestionsApproved > 0, facts.QuestionsApproved > 0 && facts.QuestionsInProgress == 0),
            FromVerdict(V(JigsawPiece.EmbedAsBusinessAsUsual), facts.QuestionsInProgress == 0),
        ];
    }
}
