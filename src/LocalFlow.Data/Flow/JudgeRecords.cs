using LocalFlow.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Data.Flow;

/// <summary>What the study team decided about a set of records.</summary>
public enum Judgement
{
    /// <summary>The records helped the person with what mattered to them (value).</summary>
    Helped = 1,
    /// <summary>The records served the system instead (approvals, reporting, targets, compliance).</summary>
    ServedTheSystem = 2,
    /// <summary>Take the judgement back: the records are not judged.</summary>
    NotJudged = 3,
}

/// <summary>
/// The study team judging one person's records, many at once, against what mattered to the person
/// (docs/flow-study.md, "Judging records"). Records are personal data: every record changed is audited through the
/// audit trail's change tracking, and the change moves the locality's flow data version so the figures follow.
/// </summary>
public sealed class JudgeRecords(LocalFlowDb db)
{
    /// <summary>
    /// Judges the records <paramref name="recordIds"/> of <paramref name="personId"/> in <paramref name="localityId"/>;
    /// ids of other people's records or other localities' are ignored. Returns how many records were changed.
    /// </summary>
    public async Task<int> JudgeAsync(int localityId, Guid personId, IReadOnlyCollection<Guid> recordIds, Judgement judgement, ActivityServed? served, string? note, CancellationToken ct = default)
    {
        if (judgement == Judgement.ServedTheSystem && served is null)
        {
            throw new ArgumentException("Say what the records served instead.", nameof(served));
        }
        if (served == ActivityServed.Other && string.IsNullOrWhiteSpace(note))
        {
            throw new ArgumentException("Say in the note what the records served.", nameof(note));
        }
        var ids = recordIds.Distinct().ToList();
        var records = await db.ActivityRecords.Where(r => r.LocalityId == localityId && r.PersonId == personId && ids.Contains(r.Id)).ToListAsync(ct);
        var text = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        foreach (var r in records)
        {
            r.Helped = judgement switch { Judgement.Helped => true, Judgement.ServedTheSystem => false, _ => null };
            r.HelpedReason = judgement == Judgement.ServedTheSystem ? served : null;
            r.HelpedNote = judgement == Judgement.NotJudged ? null : text;
        }
        await db.SaveChangesAsync(ct);
        return records.Count;
    }
}
