using LocalFlow.Analytics.Linking;
using LocalFlow.Data.Entities;
using LocalFlow.Web.Resources;
using Microsoft.AspNetCore.Html;

namespace LocalFlow.Web.Pages.Linking;

/// <summary>
/// The linking pages' words made from figures, in the request's language: counts, a run's state and stage, a weight
/// band, and why the model cannot estimate its own quality. In English they are exactly what the pages wrote before
/// they were translated (and what the CLI and <see cref="QualityReport"/> write).
/// </summary>
public static class LinkingWords
{
    public static string Records(long n) => Text.Count(n, LinkingText.RecordOne, LinkingText.RecordMany);

    public static string Pairs(long n) => Text.Count(n, LinkingText.PairOne, LinkingText.PairMany);

    public static string People(long n) => Text.Count(n, LinkingText.PersonOne, LinkingText.PeopleMany);

    /// <summary>A run's state: Running, Finished, Failed.</summary>
    public static string Status(LinkRunStatus status) => status switch
    {
        LinkRunStatus.Running => LinkingText.StatusRunning,
        LinkRunStatus.Finished => LinkingText.StatusFinished,
        LinkRunStatus.Failed => LinkingText.StatusFailed,
        _ => status.ToString(),
    };

    /// <summary>A stage of <see cref="LinkageProgress"/> ("blocking"…), or "starting" before the first.</summary>
    public static string Stage(string? stage) => stage switch
    {
        null => LinkingText.StageStarting,
        "blocking" => LinkingText.StageBlocking,
        "comparing" => LinkingText.StageComparing,
        "estimating" => LinkingText.StageEstimating,
        "scoring" => LinkingText.StageScoring,
        "clustering" => LinkingText.StageClustering,
        _ => stage,
    };

    /// <summary>A weight band's edges: "below -18", "38 and above", "2 to 4".</summary>
    public static string Band(WeightBand band) =>
        double.IsNegativeInfinity(band.From) ? Text.Format(LinkingText.BandBelow, band.To)
        : double.IsPositiveInfinity(band.To) ? Text.Format(LinkingText.BandAbove, band.From)
        : Text.Format(LinkingText.BandRange, band.From, band.To);

    /// <summary>
    /// Why the model cannot vouch for its estimate, in the request's language. <see cref="QualityReport.From(LinkageResult, double)"/>
    /// writes the reason in English into the stored report, so it is recognised by its opening words (the figures of the
    /// last reason are the report's own); a reason this does not know is shown as stored, with <c>English</c> true so the
    /// page can mark it.
    /// </summary>
    public static (string Text, bool English) Caveat(QualityReport report)
    {
        var caveat = report.EstimateCaveat;
        if (!Infrastructure.Languages.IsWelsh)
        {
            return (caveat, false);
        }
        string? welsh = caveat.StartsWith("expectation–maximisation did not converge", StringComparison.Ordinal) ? LinkingText.CaveatNotConverged
            : caveat.StartsWith("fewer than 50 matches", StringComparison.Ordinal) ? LinkingText.CaveatTooFew
            : caveat.StartsWith("the model holds no household u", StringComparison.Ordinal) ? LinkingText.CaveatNoHousehold
            : caveat.StartsWith("the model expects more matches than the sources can hold", StringComparison.Ordinal) && report.SourceCheck is { } check
                ? Text.Format(LinkingText.CaveatSourceCheck, check.Precision, check.Recall, report.EstimatedPrecision, report.EstimatedRecall)
            : null;
        return welsh is null ? (caveat, true) : (welsh, false);
    }

    /// <summary>
    /// Words written in English by <c>LocalFlow.Analytics</c> or <c>LocalFlow.Data</c> (a refusal, a row's problem)
    /// inside a sentence of ours: marked <c>lang="en-GB"</c> on a Welsh page, plain on an English one.
    /// </summary>
    public static IHtmlContent English(string? text) => Infrastructure.Languages.IsWelsh
        ? new HtmlString($"<span lang=\"en-GB\">{Text.Html("{0}", text)}</span>")
        : Text.Html("{0}", text);

    /// <summary>A column's use in an identity extract: the field's name in English (as the pages always showed it), a Welsh name in Welsh.</summary>
    public static string FieldName(LinkField field) => Infrastructure.Languages.IsWelsh ? LinkingRecordsText.Get("Field" + field) : field.ToString();
}
