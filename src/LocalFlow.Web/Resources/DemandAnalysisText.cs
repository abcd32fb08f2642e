using System.Resources;
using System.Runtime.CompilerServices;

namespace LocalFlow.Web.Resources;

/// <summary>The demand study's analysis and its board. In DemandAnalysisText.resx (English) and DemandAnalysisText.cy.resx (Welsh).</summary>
public static class DemandAnalysisText
{
    private static readonly ResourceManager Resources = new(typeof(DemandAnalysisText));

    public static string AnalysisTitle => Get();

    public static string Analysis => Get();

    public static string Purpose => Get();

    public static string ComputedOne => Get();

    public static string ComputedMany => Get();

    public static string NotTypedYet => Get();

    public static string FigureDemands => Get();

    public static string FigureFailure => Get();

    public static string FigureResolved => Get();

    public static string FigureTypes => Get();

    public static string Predictability => Get();

    public static string SeenOnce => Get();

    public static string TypeOne => Get();

    public static string TypeMany => Get();

    public static string Predictable => Get();

    public static string NotPredictable => Get();

    public static string LevelQ => Get();

    public static string SetLevel => Get();

    public static string LevelSet => Get();

    public static string ValueAndFailure => Get();

    public static string ConditionsLine => Get();

    public static string ConditionsLink => Get();

    public static string ConditionsOpenType => Get();

    public static string KindsCaption => Get();

    public static string Kind => Get();

    public static string Demands => Get();

    public static string ShareOfFailure => Get();

    public static string Outcomes => Get();

    public static string OutcomeShares => Get();

    public static string CapabilityCharts => Get();

    public static string BoardTitle => Get();

    public static string HeardSoFar => Get();

    public static string BoardLead => Get();

    public static string BoardIntro => Get();

    public static string DemandsHeard => Get();

    public static string FailureCaused => Get();

    public static string ResolvedThere => Get();

    public static string ReferredOrScreened => Get();

    public static string InPeoplesOwnWords => Get();

    public static string DemandOne => Get();

    public static string DemandMany => Get();

    public static string FailureDayToDay => Get();

    /// <summary>The text under <paramref name="key"/> in the language of the request.</summary>
    public static string Get([CallerMemberName] string key = "") => Text.Of(Resources, key);
}
