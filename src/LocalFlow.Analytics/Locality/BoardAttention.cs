namespace LocalFlow.Analytics.Locality;

/// <summary>
/// The team board's two calls for attention, for a household (or person) the team works with now:
/// <list type="bullet">
/// <item><b>Waiting for us</b> (<see cref="IsWaiting"/>): new to the team — no good-life conversation yet, for example
/// handed over from a front door — or an open action whose date has passed.</item>
/// <item><b>Needs a visit</b> (<see cref="NeedsVisit"/>): nothing has happened with them for more than
/// <see cref="QuietDays"/> days — no contact or done action of the team's agency and no conversation — counted from the
/// last thing that happened, or from the day the team began when nothing has.</item>
/// </list>
/// Neither is a score of the person or a threshold for help: they only say where the team should look next
/// (docs/locality-working.md). Who may see a household on the board is decided by the visibility rule, not here.
/// </summary>
public static class BoardAttention
{
    /// <summary>Days without anything happening after which a household needs a visit: four weeks.</summary>
    public const int QuietDays = 28;

    /// <summary>
    /// Waiting for the team: no good-life conversation yet (<paramref name="hadConversation"/> false), or the earliest
    /// open action's date (<paramref name="nextActionOn"/>) is before <paramref name="today"/>. An action due today is
    /// not yet late.
    /// </summary>
    public static bool IsWaiting(bool hadConversation, DateOnly? nextActionOn, DateOnly today)
        => !hadConversation || IsOverdue(nextActionOn, today);

    /// <summary>An open action is overdue when its date is before <paramref name="today"/>.</summary>
    public static bool IsOverdue(DateOnly? nextActionOn, DateOnly today) => nextActionOn is DateOnly next && next < today;

    /// <summary>
    /// The last day something happened with them (a contact or done action of the team, a conversation), ignoring any
    /// day after <paramref name="today"/> (a record dated ahead is not yet something that happened); null when nothing has.
    /// </summary>
    public static DateOnly? LastHappened(IEnumerable<DateOnly> happened, DateOnly today)
    {
        DateOnly? last = null;
        foreach (var day in happened)
        {
            if (day <= today && (last is null || day > last))
            {
                last = day;
            }
        }
        return last;
    }

    /// <summary>
    /// Needs a visit: the last thing that happened (or, when nothing has, the day the team began,
    /// <paramref name="startedOn"/>) is more than <paramref name="quietDays"/> days before <paramref name="today"/>.
    /// Exactly <paramref name="quietDays"/> days is not yet too long.
    /// </summary>
    public static bool NeedsVisit(DateOnly startedOn, DateOnly? lastHappened, DateOnly today, int quietDays = QuietDays)
        => (lastHappened ?? startedOn) < today.AddDays(-quietDays);
}
