using LocalFlow.Analytics.Locality;

namespace LocalFlow.Analytics.Tests.Locality;

/// <summary>The board's "waiting" and "needs a visit", worked by hand on dates around 1 June 2026.</summary>
public class BoardAttentionTests
{
    private static readonly DateOnly Today = new(2026, 6, 1);

    [Theory]
    [InlineData(false, null, true)]        // new: no conversation yet, nothing planned
    [InlineData(false, "2026-06-10", true)] // new, even with something planned
    [InlineData(true, null, false)]         // talked, nothing planned: not waiting
    [InlineData(true, "2026-06-01", false)] // due today: not late yet
    [InlineData(true, "2026-05-31", true)]  // due yesterday: overdue
    public void Waiting_IsNewOrOverdue(bool hadConversation, string? next, bool waiting)
        => BoardAttention.IsWaiting(hadConversation, next is null ? null : DateOnly.Parse(next, System.Globalization.CultureInfo.InvariantCulture), Today).ShouldBe(waiting);

    [Fact]
    public void LastHappened_IsTheLatestDayUpToToday()
    {
        BoardAttention.LastHappened([new(2026, 5, 2), new(2026, 5, 20), new(2026, 4, 30)], Today).ShouldBe(new DateOnly(2026, 5, 20));
        BoardAttention.LastHappened([new(2026, 5, 2), new(2026, 6, 3)], Today).ShouldBe(new DateOnly(2026, 5, 2), "a day ahead has not happened yet");
        BoardAttention.LastHappened([], Today).ShouldBeNull();
    }

    [Fact]
    public void NeedsVisit_AfterMoreThan28QuietDays_CountedFromTheLastThingOrTheStart()
    {
        // 1 June minus 28 days is 4 May.
        BoardAttention.NeedsVisit(new DateOnly(2026, 1, 1), new DateOnly(2026, 5, 4), Today).ShouldBeFalse("exactly 28 days is not yet too long");
        BoardAttention.NeedsVisit(new DateOnly(2026, 1, 1), new DateOnly(2026, 5, 3), Today).ShouldBeTrue("29 days");
        BoardAttention.NeedsVisit(new DateOnly(2026, 5, 10), null, Today).ShouldBeFalse("started 22 days ago, nothing yet");
        BoardAttention.NeedsVisit(new DateOnly(2026, 4, 1), null, Today).ShouldBeTrue("started 61 days ago, nothing since");
        BoardAttention.NeedsVisit(new DateOnly(2026, 4, 1), new DateOnly(2026, 5, 25), Today, quietDays: 5).ShouldBeTrue("7 quiet days against a 5-day window");
    }
}
