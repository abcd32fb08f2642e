using LocalFlow.Analytics.Locality;
using LocalFlow.Web.Charts;
using LocalFlow.Web.Infrastructure;

namespace LocalFlow.Web.Pages.Locality;

/// <summary>What the I-statement, "my plan" and board pages share: the two charts.</summary>
public static class StatementViews
{
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
