namespace LocalFlow.Analytics.Locality;

/// <summary>One of a person's or household's own "I statements", in their words (for example "I am listened to and heard").</summary>
/// <param name="Key">What identifies the statement (its record id); scores name it.</param>
/// <param name="Words">The statement exactly as the person put it.</param>
public sealed record IStatement(string Key, string Words);

/// <summary>A score the person gave one of their statements at a conversation on a date.</summary>
/// <param name="StatementKey">The <see cref="IStatement.Key"/> of the statement scored.</param>
/// <param name="On">The date of the conversation.</param>
/// <param name="Score">How true the statement is for them today, 0 (not at all) to 10 (completely), as they said it.</param>
public readonly record struct IStatementScore(string StatementKey, DateOnly On, int Score);

/// <summary>One score of a statement's series.</summary>
/// <param name="On">The date of the conversation.</param>
/// <param name="Score">The score, 0 to 10.</param>
public readonly record struct IStatementPoint(DateOnly On, int Score);

/// <summary>One statement's scores over time, oldest first.</summary>
/// <param name="Statement">The statement.</param>
/// <param name="Points">Its scores in date order (empty when it has not been scored yet).</param>
public sealed record IStatementLine(IStatement Statement, IReadOnlyList<IStatementPoint> Points)
{
    /// <summary>The first score, or null when there is none.</summary>
    public int? First => Points.Count == 0 ? null : Points[0].Score;

    /// <summary>The latest score, or null when there is none.</summary>
    public int? Latest => Points.Count == 0 ? null : Points[^1].Score;

    /// <summary>Latest minus first: how far the person says this part of their life has moved (null with fewer than two scores).</summary>
    public int? Change => Points.Count < 2 ? null : Points[^1].Score - Points[0].Score;
}

/// <summary>
/// A person's or household's I-statement scores over their dated conversations, as one series per statement
/// (Vanguard's Wales locality slides 9–17: the radar of scores at each conversation).
/// <para>
/// The series are deliberately never added or averaged into one number, for a person or for a team: each
/// statement is the person's own measure of one part of their life, on their own scale, and a 6 for "my
/// children can sleep in their own room" means nothing beside someone else's 6 for "I have more confidence".
/// A total would become a target and be managed instead of the person's life (see docs/i-statements.md).
/// </para>
/// </summary>
public sealed class IStatementSeries
{
    /// <summary>The lowest score a person can give.</summary>
    public const int Lowest = 0;

    /// <summary>The highest score a person can give.</summary>
    public const int Highest = 10;

    private readonly Dictionary<(int Statement, DateOnly On), int> _scores;

    private IStatementSeries(IReadOnlyList<IStatementLine> lines, IReadOnlyList<DateOnly> dates, Dictionary<(int, DateOnly), int> scores)
    {
        Lines = lines;
        Dates = dates;
        _scores = scores;
    }

    /// <summary>One line per statement, in the order the statements were given.</summary>
    public IReadOnlyList<IStatementLine> Lines { get; }

    /// <summary>Every conversation date at which at least one statement was scored, oldest first.</summary>
    public IReadOnlyList<DateOnly> Dates { get; }

    /// <summary>The score statement number <paramref name="statement"/> (an index into <see cref="Lines"/>) was given on a date, or null when it was not scored then.</summary>
    public int? ScoreOn(int statement, DateOnly on) => _scores.TryGetValue((statement, on), out var s) ? s : null;

    /// <summary>
    /// Builds the series. Each statement has at most one score per date (a conversation scores each statement
    /// once); scores outside 0–10, scores of a statement not given, and two scores of one statement on one date
    /// are refused with an <see cref="ArgumentException"/> naming the statement and date.
    /// </summary>
    /// <param name="statements">The person's statements, in the order to show them.</param>
    /// <param name="scores">Their scores, in any order.</param>
    public static IStatementSeries Build(IReadOnlyList<IStatement> statements, IEnumerable<IStatementScore> scores)
    {
        ArgumentNullException.ThrowIfNull(statements);
        ArgumentNullException.ThrowIfNull(scores);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < statements.Count; i++)
        {
            if (!index.TryAdd(statements[i].Key, i))
            {
                throw new ArgumentException($"The statement \"{statements[i].Words}\" is given twice (key {statements[i].Key}).", nameof(statements));
            }
        }
        var byStatement = new List<IStatementPoint>[statements.Count];
        for (var i = 0; i < byStatement.Length; i++)
        {
            byStatement[i] = [];
        }
        var seen = new Dictionary<(int, DateOnly), int>();
        var dates = new SortedSet<DateOnly>();
        foreach (var s in scores)
        {
            if (!index.TryGetValue(s.StatementKey, out var i))
            {
                throw new ArgumentException($"A score on {s.On:yyyy-MM-dd} is for a statement that is not among the person's statements (key {s.StatementKey}).", nameof(scores));
            }
            if (s.Score is < Lowest or > Highest)
            {
                throw new ArgumentException($"The score {s.Score} for \"{statements[i].Words}\" on {s.On:yyyy-MM-dd} is not between {Lowest} and {Highest}.", nameof(scores));
            }
            if (!seen.TryAdd((i, s.On), s.Score))
            {
                throw new ArgumentException($"\"{statements[i].Words}\" has two scores on {s.On:yyyy-MM-dd}; a conversation scores each statement once.", nameof(scores));
            }
            byStatement[i].Add(new IStatementPoint(s.On, s.Score));
            dates.Add(s.On);
        }
        var lines = new IStatementLine[statements.Count];
        for (var i = 0; i < lines.Length; i++)
        {
            byStatement[i].Sort((a, b) => a.On.CompareTo(b.On));
            lines[i] = new IStatementLine(statements[i], byStatement[i]);
        }
        return new IStatementSeries(lines, [.. dates], seen);
    }
}
