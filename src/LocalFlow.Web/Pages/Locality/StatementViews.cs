using LocalFlow.Analytics.Locality;
using LocalFlow.Data;
using LocalFlow.Data.Entities;
using LocalFlow.Data.LocalityWork;
using LocalFlow.Web.Charts;
using LocalFlow.Web.Infrastructure;
using LocalFlow.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Web.Pages.Locality;

/// <summary>What the I-statement, "my plan" and board pages share: finding the person the user may see, and the two charts.</summary>
public static class StatementViews
{
    /// <summary>
    /// The person, with their household, when the user may see them in full under the one visibility rule
    /// (<see cref="Visibility"/>): in one of the user's localities and, when restricted, only to users allowed to see
    /// restricted records or named on them. Null otherwise (the page answers 404 either way, so nothing leaks).
    /// </summary>
    public static async Task<Person?> FindAsync(LocalFlowDb db, CurrentUser current, Guid id)
    {
        var viewer = current.Viewer;
        var localities = viewer.LocalityIds;
        var person = await db.People.AsNoTracking().Include(p => p.Household).SingleOrDefaultAsync(p => p.Id == id && localities.Contains(p.LocalityId));
        return person is not null && await Visibility.SeesInFullAsync(db, viewer, person) ? person : null;
    }

    /// <summary>The radar of slide 13: one spoke per statement, one outline per conversation date.</summary>
    public static RadarChart Radar(IStatementSeries series, string name) => new(
        $"How life is going for {name}, in their own words",
        $"Each spoke is one of {name}'s own statements; the score they gave it runs from 0 at the centre to 10 at the rim. Each outline is one conversation.",
        [.. series.Lines.Select(l => l.Statement.Words)],
        [.. series.Dates.Select(d => new RadarOutline(Gov.Date(d), [.. series.Lines.Select((_, i) => series.ScoreOn(i, d) is int s ? (double?)s : null)]))])
    {
        Id = "statements-radar",
        SpokeLabel = "Statement",
        ValueLabel = "Score (0 to 10)",
    };

    /// <summary>A line per statement over the conversation dates, 0 to 10.</summary>
    public static LineChart Lines(IStatementSeries series, string name) => new(
        $"{name}'s scores over time",
        $"One line per statement: the score {name} gave it at each conversation, from 0 (not at all true) to 10 (completely true).",
        [.. series.Lines.Where(l => l.Points.Count > 0).Select(l => new LineSeries(l.Statement.Words, [.. l.Points.Select(p => LinePoint.On(p.On, p.Score))]))])
    {
        Id = "statements-lines",
        ValueLabel = "Score (0 to 10)",
        XLabel = "Conversation date",
        Range = (0, 10, 2),
    };
}
