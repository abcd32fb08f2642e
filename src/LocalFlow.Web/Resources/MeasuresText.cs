using System.Resources;
using System.Runtime.CompilerServices;

namespace LocalFlow.Web.Resources;

/// <summary>The measures page and any measure's chart, the words a capability chart's limits and signals are read with, and the names of a purpose measure's parts. In MeasuresText.resx (English) and MeasuresText.cy.resx (Welsh).</summary>
public static class MeasuresText
{
    private static readonly ResourceManager Resources = new(typeof(MeasuresText));

    public static string Title => Get();

    public static string ErrorTitle => Get();

    public static string Lead => Get();

    public static string HowItWorks => Get();

    public static string PurposeMeasures => Get();

    public static string PurposeIntro => Get();

    public static string NoPurposeMeasure => Get();

    public static string PopulationLine => Get();

    public static string PopulationCurves => Get();

    public static string TheReport => Get();

    public static string DefineMeasure => Get();

    public static string ReadOnly => Get();

    public static string ChartAny => Get();

    public static string ChartAnyIntro => Get();

    public static string WhatMeasured => Get();

    public static string WhatMeasuredHint => Get();

    public static string Values => Get();

    public static string ValuesHint => Get();

    public static string OrCsv => Get();

    public static string PhasesQ => Get();

    public static string PhasesHint => Get();

    public static string WhichWayQ => Get();

    public static string HigherBetter => Get();

    public static string LowerBetter => Get();

    public static string NeitherVolume => Get();

    public static string Neither => Get();

    public static string NeitherWay => Get();

    public static string WhichWayHint => Get();

    public static string BaselineQ => Get();

    public static string BaselineHint => Get();

    public static string Screening => Get();

    public static string ScreenOut => Get();

    public static string DrawChart => Get();

    public static string SameFromCli => Get();

    public static string YourMeasure => Get();

    public static string FileTooBig => Get();

    public static string EnterValues => Get();

    public static string TooMuch => Get();

    public static string LineProblem => Get();

    public static string MoreLines => Get();

    public static string TwoValues => Get();

    public static string DatesInOrder => Get();

    public static string NotADate => Get();

    public static string BaselineWhole => Get();

    public static string LimitsPerPhase => Get();

    public static string Phase => Get();

    public static string Points => Get();

    public static string CentreLine => Get();

    public static string LowerLimit => Get();

    public static string UpperLimit => Get();

    public static string Screened => Get();

    public static string PhaseFrom => Get();

    public static string Signals => Get();

    public static string NoSignals => Get();

    public static string Improvement => Get();

    public static string Concern => Get();

    public static string MoreSignals => Get();

    public static string BeyondLimit => Get();

    public static string RunOnOneSide => Get();

    public static string Trend => Get();

    public static string TwoOfThree => Get();

    public static string LevelIndividual => Get();

    public static string LevelIndividualHint => Get();

    public static string LevelGeography => Get();

    public static string LevelGeographyHint => Get();

    public static string LevelStrategic => Get();

    public static string LevelStrategicHint => Get();

    public static string CountContacts => Get();

    public static string CountContactsHint => Get();

    public static string CountAssessments => Get();

    public static string CountAssessmentsHint => Get();

    public static string CountReReferral => Get();

    public static string CountReReferralHint => Get();

    public static string CountCost => Get();

    public static string CountCostHint => Get();

    public static string CountHelped => Get();

    public static string CountHelpedHint => Get();

    public static string CountSameWorker => Get();

    public static string CountSameWorkerHint => Get();

    public static string EachWeek => Get();

    public static string EachMonth => Get();

    public static string EachQuarter => Get();

    public static string TurnedBetter => Get();

    public static string TurnedWorse => Get();

    public static string Changed => Get();

    public static string NotTurned => Get();

    public static string TooFewPeriods => Get();

    public static string NotBegun => Get();

    public static string NoWholePeriod => Get();

    public static string BeforeSince => Get();

    public static string ChangeUp => Get();

    public static string ChangeDown => Get();

    public static string NoChange => Get();

    public static string Level => Get();

    public static string RisingWeek => Get();

    public static string RisingMonth => Get();

    public static string RisingQuarter => Get();

    public static string FallingWeek => Get();

    public static string FallingMonth => Get();

    public static string FallingQuarter => Get();

    public static string PercentagePoints => Get();

    public static string ExampleTitle => Get();

    /// <summary>The text under <paramref name="key"/> in the language of the request.</summary>
    public static string Get([CallerMemberName] string key = "") => Text.Of(Resources, key);
}
