using LocalFlow.Analytics.Locality;
using LocalFlow.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Data.LocalityWork;

/// <summary>A problem with what was typed, naming the field it belongs to.</summary>
public sealed record FieldError(string Field, string Message);

/// <summary>
/// I statements: adding them in the person's words, scoring them 0–10 on a date, removing them (softly), and reading
/// a person's statements with their household's as the series the charts show.
/// </summary>
public static class IStatements
{
    /// <summary>The longest statement kept (a sentence or two in the person's words).</summary>
    public const int MaxWords = 500;

    /// <summary>The examples offered (the Wales locality slides); people write their own as well.</summary>
    public static readonly IReadOnlyList<string> Examples =
    [
        "I am listened to and heard",
        "My financial problems are sorted",
        "My children can sleep in their own room",
        "I am able to manage my home better",
        "I have more confidence",
    ];

    /// <summary>
    /// Adds statements for a person (or, when <paramref name="forHousehold"/>, for their household as a whole), exactly
    /// as typed. Blank entries are ignored; an entry over <see cref="MaxWords"/> characters, or one the person already
    /// has, is refused with an error naming its field. Nothing is saved when there is any error.
    /// </summary>
    public static async Task<IReadOnlyList<FieldError>> AddAsync(LocalFlowDb db, Person person, bool forHousehold, IReadOnlyList<(string Field, string? Words)> entries, string by, DateOnly on, CancellationToken ct = default)
    {
        var errors = new List<FieldError>();
        if (forHousehold && person.HouseholdId is null)
        {
            errors.Add(new FieldError("ForHousehold", $"{person.DisplayName} is not in a household; add the statements as theirs"));
        }
        var existing = await OwnQuery(db, person).Select(s => s.Words).ToListAsync(ct);
        var seen = new HashSet<string>(existing, StringComparer.Ordinal);
        var adding = new List<string>();
        foreach (var (field, words) in entries)
        {
            if (string.IsNullOrWhiteSpace(words))
            {
                continue;
            }
            if (words.Length > MaxWords)
            {
                errors.Add(new FieldError(field, $"The statement must be {MaxWords} characters or fewer; it has {words.Length}"));
            }
            else if (!seen.Add(words))
            {
                errors.Add(new FieldError(field, $"\"{words}\" is already one of the statements"));
            }
            else
            {
                adding.Add(words);
            }
        }
        if (errors.Count == 0 && adding.Count == 0)
        {
            errors.Add(new FieldError(entries.Count > 0 ? entries[^1].Field : "Words", "Choose a statement or write one in the person's own words"));
        }
        if (errors.Count > 0)
        {
            return errors;
        }
        var position = existing.Count;
        foreach (var words in adding)
        {
            db.PersonStatements.Add(new PersonStatement
            {
                LocalityId = person.LocalityId,
                PersonId = forHousehold ? null : person.Id,
                HouseholdId = forHousehold ? person.HouseholdId : null,
                Words = words,
                Position = ++position,
                AddedOn = on,
                AddedBy = by,
            });
        }
        await db.SaveChangesAsync(ct);
        return [];
    }

    /// <summary>
    /// Records the person's scores on a date: a score for a statement that already has one on that date replaces it.
    /// A score must be a whole number from 0 to 10 (an empty box means "not scored this time"); the date must not be in
    /// the future. Errors name the statement's field; nothing is saved when there is any error.
    /// </summary>
    public static async Task<IReadOnlyList<FieldError>> ScoreAsync(LocalFlowDb db, Person person, DateOnly? on, IReadOnlyList<(Guid StatementId, string Field, string? Typed)> scores, string by, TimeProvider clock, CancellationToken ct = default)
    {
        var errors = new List<FieldError>();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (on is null)
        {
            errors.Add(new FieldError("ScoredOn", "Enter the date of the conversation"));
        }
        else if (on > today)
        {
            errors.Add(new FieldError("ScoredOn", "The date of the conversation must be today or in the past"));
        }
        var statements = await OwnQuery(db, person).ToDictionaryAsync(s => s.Id, ct);
        var given = new List<(PersonStatement Statement, int Score)>();
        foreach (var (id, field, typed) in scores)
        {
            if (!statements.TryGetValue(id, out var statement))
            {
                errors.Add(new FieldError(field, "This statement is no longer one of the person's statements"));
                continue;
            }
            if (string.IsNullOrWhiteSpace(typed))
            {
                continue;
            }
            if (!int.TryParse(typed.Trim(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var score)
                || score < IStatementSeries.Lowest || score > IStatementSeries.Highest)
            {
                errors.Add(new FieldError(field, $"The score for \"{statement.Words}\" must be a whole number from {IStatementSeries.Lowest} to {IStatementSeries.Highest}"));
                continue;
            }
            given.Add((statement, score));
        }
        if (errors.Count == 0 && given.Count == 0)
        {
            errors.Add(new FieldError(scores.Count > 0 ? scores[0].Field : "ScoredOn", "Enter a score for at least one statement"));
        }
        if (errors.Count > 0)
        {
            return errors;
        }
        var date = on!.Value;
        var ids = given.Select(g => g.Statement.Id).ToList();
        var already = await db.StatementScores.Where(s => s.LocalityId == person.LocalityId && ids.Contains(s.StatementId) && s.ScoredOn == date).ToDictionaryAsync(s => s.StatementId, ct);
        foreach (var (statement, score) in given)
        {
            if (already.TryGetValue(statement.Id, out var row))
            {
                row.Score = score;
                row.RecordedBy = by;
                row.RecordedUtc = clock.GetUtcNow().UtcDateTime;
            }
            else
            {
                db.StatementScores.Add(new StatementScore { LocalityId = person.LocalityId, StatementId = statement.Id, ScoredOn = date, Score = score, RecordedBy = by, RecordedUtc = clock.GetUtcNow().UtcDateTime });
            }
        }
        await db.SaveChangesAsync(ct);
        return [];
    }

    /// <summary>Removes a statement softly (its scores stay, audited); refused when someone changed it since <paramref name="version"/> was read.</summary>
    public static async Task<string?> RemoveAsync(LocalFlowDb db, Person person, Guid statementId, int version, string by, CancellationToken ct = default)
    {
        var statement = await OwnQuery(db, person).SingleOrDefaultAsync(s => s.Id == statementId, ct);
        if (statement is null)
        {
            return "This statement has already been removed";
        }
        if (statement.Version != version)
        {
            return "Someone else changed this statement since you opened the page; it has not been removed. Check it and try again";
        }
        statement.RemovedUtc = db.Clock.GetUtcNow().UtcDateTime;
        statement.RemovedBy = by;
        statement.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return "Someone else changed this statement at the same moment; it has not been removed. Check it and try again";
        }
        return null;
    }

    /// <summary>The person's own statements and their household's, not removed, household's first, each in the order given.</summary>
    public static IQueryable<PersonStatement> OwnQuery(LocalFlowDb db, Person person) =>
        db.PersonStatements.Where(s => s.LocalityId == person.LocalityId && s.RemovedUtc == null
            && (s.PersonId == person.Id || (person.HouseholdId != null && s.HouseholdId == person.HouseholdId)))
            .OrderBy(s => s.PersonId != null).ThenBy(s => s.Position).ThenBy(s => s.Id);

    /// <summary>The person's statements (their household's too) with every score, as the series the charts show.</summary>
    public static async Task<(IReadOnlyList<PersonStatement> Statements, IStatementSeries Series)> SeriesAsync(LocalFlowDb db, Person person, CancellationToken ct = default)
    {
        var statements = await OwnQuery(db, person).AsNoTracking().ToListAsync(ct);
        var ids = statements.Select(s => s.Id).ToList();
        var scores = await db.StatementScores.AsNoTracking().Where(s => s.LocalityId == person.LocalityId && ids.Contains(s.StatementId))
            .Select(s => new { s.StatementId, s.ScoredOn, s.Score }).ToListAsync(ct);
        var series = IStatementSeries.Build([.. statements.Select(s => new IStatement(s.Id.ToString(), s.Words))],
            scores.Select(s => new IStatementScore(s.StatementId.ToString(), s.ScoredOn, s.Score)));
        return (statements, series);
    }
}
