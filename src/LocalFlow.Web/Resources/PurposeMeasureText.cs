using System.Resources;
using System.Runtime.CompilerServices;

namespace LocalFlow.Web.Resources;

/// <summary>A purpose measure's pages: defining one, the measure with its experiments, recording an experiment, and population curves. In PurposeMeasureText.resx (English) and PurposeMeasureText.cy.resx (Welsh).</summary>
public static class PurposeMeasureText
{
    private static readonly ResourceManager Resources = new(typeof(PurposeMeasureText));

    public static string DefineTitle => Get();

    public static string ChangeTitle => Get();

    public static string ErrorPrefix => Get();

    public static string Back => Get();

    public static string DefineIntro => Get();

    public static string VersionLine => Get();

    public static string NameQ => Get();

    public static string NameHint => Get();

    public static string PurposeQ => Get();

    public static string PurposeHint => Get();

    public static string OwnerQ => Get();

    public static string OwnerHint => Get();

    public static string LevelQ => Get();

    public static string CountsQ => Get();

    public static string AgencyQ => Get();

    public static string EveryAgency => Get();

    public static string HowOften => Get();

    public static string CountFrom => Get();

    public static string CountFromHint => Get();

    public static string DefinitionQ => Get();

    public static string DefinitionHint => Get();

    public static string WhichWayMeasureHint => Get();

    public static string SaveMeasure => Get();

    public static string EnterName => Get();

    public static string EnterPurpose => Get();

    public static string EnterOwner => Get();

    public static string EnterDefinition => Get();

    public static string ChooseLevel => Get();

    public static string ChooseCounts => Get();

    public static string ChoosePeriod => Get();

    public static string ChooseWay => Get();

    public static string ChooseAgency => Get();

    public static string EnterFrom => Get();

    public static string FromAsDate => Get();

    public static string FromPast => Get();

    public static string NameTaken => Get();

    public static string MeasureSaved => Get();

    public static string MeasureChanged => Get();

    public static string TooLong => Get();

    public static string RecordTitle => Get();

    public static string ChangeExperimentTitle => Get();

    public static string BackTo => Get();

    public static string ExperimentIntro => Get();

    public static string WhatChanged => Get();

    public static string WhatChangedHint => Get();

    public static string ForWhom => Get();

    public static string ForWhomHint => Get();

    public static string StartedOn => Get();

    public static string StartedOnHint => Get();

    public static string LearnedQ => Get();

    public static string LearnedHint => Get();

    public static string NormalPractice => Get();

    public static string BecameNormalOption => Get();

    public static string SaveExperiment => Get();

    public static string SayWhatChanged => Get();

    public static string ChangeTooLong => Get();

    public static string SayForWhom => Get();

    public static string ForWhomTooLong => Get();

    public static string LearnedTooLong => Get();

    public static string EnterStarted => Get();

    public static string StartedAsDate => Get();

    public static string StartedPast => Get();

    public static string ExperimentRecorded => Get();

    public static string ExperimentChanged => Get();

    public static string TitleOf => Get();

    public static string BackToMeasures => Get();

    public static string Purpose => Get();

    public static string Owner => Get();

    public static string Counts => Get();

    public static string WhichWay => Get();

    public static string Version => Get();

    public static string CountsLine => Get();

    public static string EveryAgencysRecords => Get();

    public static string AgencysRecords => Get();

    public static string NoTarget => Get();

    public static string VersionSaved => Get();

    public static string TheDemo => Get();

    public static string ChangeMeasure => Get();

    public static string RecordOnIt => Get();

    public static string WithheldOne => Get();

    public static string WithheldMany => Get();

    public static string PopWithheldOne => Get();

    public static string PopWithheldMany => Get();

    public static string NoValuesWeek => Get();

    public static string NoValuesMonth => Get();

    public static string NoValuesQuarter => Get();

    public static string Experiments => Get();

    public static string NoExperiment => Get();

    public static string ExperimentsIntro => Get();

    public static string Change => Get();

    public static string TheExperiment => Get();

    public static string From => Get();

    public static string SignalsSay => Get();

    public static string CentreBeforeAfter => Get();

    public static string ValueOne => Get();

    public static string ValueMany => Get();

    public static string WhatLearned => Get();

    public static string BecameNormal => Get();

    public static string NotWritten => Get();

    public static string Yes => Get();

    public static string NotYet => Get();

    public static string VerdictNoValuesAfter => Get();

    public static string VerdictTooFewBefore => Get();

    public static string VerdictNoSignalOne => Get();

    public static string VerdictNoSignalMany => Get();

    public static string VerdictImprovementOne => Get();

    public static string VerdictImprovementMany => Get();

    public static string VerdictConcernOne => Get();

    public static string VerdictConcernMany => Get();

    public static string VerdictChangedOne => Get();

    public static string VerdictChangedMany => Get();

    public static string PopTitle => Get();

    public static string PopLead => Get();

    public static string PopExplain => Get();

    public static string PopBegan => Get();

    public static string PopNotBegun => Get();

    public static string ReportLine => Get();

    public static string ReportLink => Get();

    public static string NoCurves => Get();

    public static string DefineOne => Get();

    public static string CurvesCaption => Get();

    public static string Measure => Get();

    public static string TrendBefore => Get();

    public static string TrendSince => Get();

    public static string HasTurned => Get();

    public static string CurveLine => Get();

    public static string MeasureAndExperiments => Get();

    public static string NoWholePeriodValues => Get();

    /// <summary>The text under <paramref name="key"/> in the language of the request.</summary>
    public static string Get([CallerMemberName] string key = "") => Text.Of(Resources, key);
}
