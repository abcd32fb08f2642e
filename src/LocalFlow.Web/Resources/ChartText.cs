using System.Resources;
using System.Runtime.CompilerServices;

namespace LocalFlow.Web.Resources;

/// <summary>The charts' own words around every chart: the downloads, the key, the data table's toggle and the empty chart. In ChartText.resx (English) and ChartText.cy.resx (Welsh).</summary>
public static class ChartText
{
    private static readonly ResourceManager Resources = new(typeof(ChartText));

    public static string NoDataYet => Get();

    public static string WillAppear => Get();

    public static string Key => Get();

    public static string OfChart => Get();

    public static string DownloadAs => Get();

    public static string OrPng => Get();

    public static string OrData => Get();

    public static string ShowTable => Get();

    public static string Date => Get();

    public static string CumulativePercentage => Get();

    public static string Rank => Get();

    public static string Share => Get();

    public static string CumulativeShare => Get();

    public static string Lane => Get();

    public static string Event => Get();

    public static string CentreLineAverage => Get();

    public static string NaturalLimits => Get();

    public static string CentreLine => Get();

    public static string LowerLimit => Get();

    public static string UpperLimit => Get();

    public static string Signal => Get();

    public static string Phase => Get();

    public static string CumulativeCost => Get();

    public static string Series => Get();

    public static string Item => Get();

    public static string Amount => Get();

    public static string Cumulative => Get();

    public static string From => Get();

    public static string To => Get();

    public static string HandOffs => Get();

    public static string People => Get();

    public static string MedianWait => Get();

    public static string CostsName => Get();

    public static string ComparisonName => Get();

    public static string NoValue => Get();

    public static string DayOne => Get();

    public static string DayMany => Get();

    public static string HourOne => Get();

    public static string HourMany => Get();

    public static string SignalImprovement => Get();

    public static string SignalConcern => Get();

    public static string SignalNeutral => Get();

    public static string SignalNone => Get();

    public static string SignalLegend => Get();

    public static string SignalMarker => Get();

    public static string PhaseNumber => Get();

    public static string PhaseFrom => Get();

    public static string NoLimit => Get();

    public static string AllPoints => Get();

    public static string CapabilitySummary => Get();

    public static string PhaseOne => Get();

    public static string PhaseMany => Get();

    public static string PointOne => Get();

    public static string PointMany => Get();

    /// <summary>The text under <paramref name="key"/> in the language of the request.</summary>
    public static string Get([CallerMemberName] string key = "") => Text.Of(Resources, key);
}
