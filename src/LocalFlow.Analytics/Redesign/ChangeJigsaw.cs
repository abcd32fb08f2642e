namespace LocalFlow.Analytics.Redesign;

/// <summary>
/// The nine pieces of the dynamic change jigsaw (the DfE Change Management Jigsaw, in the Outcomes &amp; Efficiency
/// handbook, chapter 3): the building blocks a change programme in a complex system needs. The numbers are stored and
/// never change meaning.
/// </summary>
public enum JigsawPiece
{
    /// <summary>A compelling reason to change that unites everyone.</summary>
    BurningPlatform = 1,
    /// <summary>A clear, simple picture of the future everyone shares.</summary>
    Vision = 2,
    /// <summary>Visible, joint leadership at all levels.</summary>
    Leadership = 3,
    /// <summary>Time, money and skills to make the change.</summary>
    CapacityAndCapability = 4,
    /// <summary>Communicating far more than feels necessary, and acting on feedback.</summary>
    CommunicateAndEngage = 5,
    /// <summary>Staff, partners, communities and citizens own the change.</summary>
    OwnershipAtAllLevels = 6,
    /// <summary>Quick, visible results that make the change real.</summary>
    QuickWins = 7,
    /// <summary>People's fears and hopes understood and addressed.</summary>
    PersonalImpact = 8,
    /// <summary>The change becomes business as usual and does not slip back.</summary>
    EmbedAsBusinessAsUsual = 9,
}

/// <summary>One person's answer about one piece. The numbers are stored and never change meaning.</summary>
public enum JigsawAnswer
{
    /// <summary>Not in place.</summary>
    NotInPlace = 1,
    /// <summary>Partly in place.</summary>
    Partly = 2,
    /// <summary>In place.</summary>
    InPlace = 3,
}

/// <summary>What the answers say about a piece.</summary>
public enum JigsawVerdict
{
    /// <summary>Nobody has answered about it.</summary>
    Unanswered = 0,
    /// <summary>Half or more of the answers say it is not in place.</summary>
    Missing = 1,
    /// <summary>Neither missing nor in place.</summary>
    Partly = 2,
    /// <summary>More than half of the answers say it is in place, and fewer than half say it is not.</summary>
    InPlace = 3,
}

/// <summary>One piece's answers and verdict.</summary>
/// <param name="Piece">The piece.</param>
/// <param name="NotInPlace">How many said not in place.</param>
/// <param name="Partly">How many said partly.</param>
/// <param name="InPlace">How many said in place.</param>
/// <param name="Verdict">The verdict (see <see cref="ChangeJigsaw.Diagnose"/>).</param>
public sealed record JigsawPieceResult(JigsawPiece Piece, int NotInPlace, int Partly, int InPlace, JigsawVerdict Verdict)
{
    /// <summary>How many answered about this piece.</summary>
    public int Answers => NotInPlace + Partly + InPlace;
}

/// <summary>
/// The jigsaw as a diagnostic: from everyone's answers, which pieces are missing. A piece is missing when half or more
/// of the answers about it say "not in place"; in place when more than half say "in place" (and it is not missing);
/// otherwise partly in place. Each missing piece produces its own symptom in the programme (shown beside it).
/// </summary>
public static class ChangeJigsaw
{
    /// <summary>The nine pieces in the order the handbook gives them.</summary>
    public static IReadOnlyList<JigsawPiece> Pieces { get; } = Enum.GetValues<JigsawPiece>();

    /// <summary>Every piece with its counts and verdict, in <see cref="Pieces"/> order. Answers about unknown pieces are ignored.</summary>
    public static IReadOnlyList<JigsawPieceResult> Diagnose(IEnumerable<(JigsawPiece Piece, JigsawAnswer Answer)> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var counts = new Dictionary<JigsawPiece, int[]>();
        foreach (var piece in Pieces)
        {
            counts[piece] = new int[4];
        }
        foreach (var (piece, answer) in answers)
        {
            if (counts.TryGetValue(piece, out var c) && Enum.IsDefined(answer))
            {
                c[(int)answer] = checked(c[(int)answer] + 1);
            }
        }
        return Pieces.Select(p =>
        {
            var c = counts[p];
            int not = c[1], partly = c[2], inPlace = c[3], all = not + partly + inPlace;
            var verdict = all == 0 ? JigsawVerdict.Unanswered
                : 2 * not >= all ? JigsawVerdict.Missing
                : 2 * inPlace > all ? JigsawVerdict.InPlace
                : JigsawVerdict.Partly;
            return new JigsawPieceResult(p, not, partly, inPlace, verdict);
        }).ToList();
    }
}
