using LocalFlow.Analytics.Redesign;
using LocalFlow.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Data.Redesign;

/// <summary>The people involved answer the change jigsaw; one answer a person a piece, changed when they answer again.</summary>
public static class Jigsaw
{
    /// <summary>Stores the user's answers (pieces left unanswered keep any earlier answer).</summary>
    public static async Task AnswerAsync(LocalFlowDb db, int localityId, int userId, IReadOnlyDictionary<JigsawPiece, JigsawAnswer> answers, CancellationToken ct = default)
    {
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var mine = await db.JigsawResponses.Where(r => r.LocalityId == localityId && r.UserId == userId).ToDictionaryAsync(r => r.Piece, ct);
        foreach (var (piece, answer) in answers)
        {
            if (!Enum.IsDefined(piece) || !Enum.IsDefined(answer))
            {
                continue;
            }
            if (mine.TryGetValue(piece, out var r))
            {
                r.Answer = answer;
                r.AnsweredUtc = now;
            }
            else
            {
                db.JigsawResponses.Add(new JigsawResponse { LocalityId = localityId, UserId = userId, Piece = piece, Answer = answer, AnsweredUtc = now });
            }
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Everyone's answers in the locality, diagnosed.</summary>
    public static async Task<IReadOnlyList<JigsawPieceResult>> DiagnoseAsync(LocalFlowDb db, int localityId, CancellationToken ct = default)
    {
        var answers = await db.JigsawResponses.AsNoTracking().Where(r => r.LocalityId == localityId).Select(r => new { r.Piece, r.Answer }).ToListAsync(ct);
        return ChangeJigsaw.Diagnose(answers.Select(a => (a.Piece, a.Answer)));
    }

    /// <summary>The user's own answers.</summary>
    public static async Task<Dictionary<JigsawPiece, JigsawAnswer>> MineAsync(LocalFlowDb db, int localityId, int userId, CancellationToken ct = default)
        => await db.JigsawResponses.AsNoTracking().Where(r => r.LocalityId == localityId && r.UserId == userId).ToDictionaryAsync(r => r.Piece, r => r.Answer, ct);
}
