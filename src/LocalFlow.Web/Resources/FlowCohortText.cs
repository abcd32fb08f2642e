using System.Resources;
using System.Runtime.CompilerServices;

namespace LocalFlow.Web.Resources;

/// <summary>The flow study's cohort and failure-demand signals pages, with the sentences that state a case or a cohort and what a signal found (their English is LocalFlow.Analytics' own, kept for the API and the CLI). In FlowCohortText.resx (English) and FlowCohortText.cy.resx (Welsh).</summary>
public static class FlowCohortText
{
    private static readonly ResourceManager Resources = new(typeof(FlowCohortText));

    public static string FlowStudy => Get();

    public static string CohortTitle => Get();

    public static string Cohort => Get();

    public static string CohortIntro => Get();

    public static string AnyoneWithRecordFrom => Get();

    public static string AnyAgency => Get();

    public static string AnyoneWithSignal => Get();

    public static string AnyOrNone => Get();

    public static string AtLeastRecords => Get();

    public static string Only => Get();

    public static string OnlyHospital => Get();

    public static string OnlyStories => Get();

    public static string ShowCohort => Get();

    public static string ShowEveryone => Get();

    public static string Totals => Get();

    public static string OfEveryone => Get();

    public static string PersonOne => Get();

    public static string PersonMany => Get();

    public static string RoundedCohort => Get();

    public static string HowProtected => Get();

    public static string TotalsCaption => Get();

    public static string TotalsCaptionRounded => Get();

    public static string Count => Get();

    public static string Total => Get();

    public static string MedianAPerson => Get();

    public static string MiddleHalf => Get();

    public static string Most => Get();

    public static string People => Get();

    public static string RangeTo => Get();

    public static string HospitalAdmissions => Get();

    public static string DaysAfterFit => Get();

    public static string Exits => Get();

    public static string ExitsAre => Get();

    public static string Documents => Get();

    public static string ActivityHelped => Get();

    public static string NotJudgedLower => Get();

    public static string OfJudged => Get();

    public static string MostRecords => Get();

    public static string HiddenInTotalsOne => Get();

    public static string HiddenInTotalsMany => Get();

    public static string MostRecordsCaption => Get();

    public static string Signals => Get();

    public static string DaysInHospital => Get();

    public static string NamedOnlyToStudy => Get();

    public static string Spread => Get();

    public static string SpreadAbout => Get();

    public static string AlsoForCohort => Get();

    public static string HandoffsForCohort => Get();

    public static string SpreadRecords => Get();

    public static string SpreadAgencies => Get();

    public static string SpreadWorkers => Get();

    public static string SpreadAssessments => Get();

    public static string SpreadRepeatedAssessments => Get();

    public static string SpreadReferrals => Get();

    public static string SpreadCycles => Get();

    public static string SpreadReEntries => Get();

    public static string SpreadHospitalDays => Get();

    public static string SpreadCost => Get();

    public static string SpreadNeedMet => Get();

    public static string PerPerson => Get();

    public static string PerPersonAbout => Get();

    public static string BinNamedStaff => Get();

    public static string BinCycles => Get();

    public static string CostPerPerson => Get();

    public static string CostPerPersonAbout => Get();

    public static string BinCost => Get();

    public static string NeedMetTitle => Get();

    public static string NeedMetAbout => Get();

    public static string BinNeedMet => Get();

    public static string NeedNeverMet => Get();

    public static string ErrorMinRecordsNumber => Get();

    public static string ErrorMinRecordsNegative => Get();

    public static string Withheld => Get();

    public static string WithheldPeopleOne => Get();

    public static string WithheldPeopleMany => Get();

    public static string FilterEveryone => Get();

    public static string FilterPeople => Get();

    public static string FilterAgency => Get();

    public static string FilterAgencyUnknown => Get();

    public static string FilterSignal => Get();

    public static string FilterMinRecords => Get();

    public static string FilterHospital => Get();

    public static string FilterStories => Get();

    public static string SentenceNoRecords => Get();

    public static string SentenceNobody => Get();

    public static string SentencePerson => Get();

    public static string SentenceCohort => Get();

    public static string SentenceAdmissions => Get();

    public static string SentenceRecords => Get();

    public static string SentenceStaff => Get();

    public static string SentenceTeams => Get();

    public static string SentenceAgencies => Get();

    public static string SentencePeople => Get();

    public static string SentenceAssessments => Get();

    public static string SentenceReferrals => Get();

    public static string SentenceDays => Get();

    public static string SentenceMonths => Get();

    public static string SentenceYears => Get();

    public static string SignalDays => Get();

    public static string DescribeRePresentation => Get();

    public static string DescribeRepeatedAssessment => Get();

    public static string DescribeAssessRefer => Get();

    public static string DescribeReferredOn => Get();

    public static string DescribeClosed => Get();

    public static string DescribeReferralPingPong => Get();

    public static string DescribeScreenedOut => Get();

    public static string DescribeChasedOnce => Get();

    public static string DescribeChased => Get();

    public static string DescribeWorkerChain => Get();

    public static string NotShared => Get();

    public static string UnknownPerson => Get();

    public static string SignalsTitle => Get();

    public static string SignalsHeading => Get();

    public static string SignalsIntro => Get();

    public static string PerKindAbout => Get();

    public static string KindOfSignal => Get();

    public static string EveryKind => Get();

    public static string RaisedByRecordFrom => Get();

    public static string RaisedFrom => Get();

    public static string RaisedUpTo => Get();

    public static string ForExampleFrom => Get();

    public static string ForExampleTo => Get();

    public static string PersonNameOrId => Get();

    public static string ShowSignals => Get();

    public static string ShowEverySignal => Get();

    public static string SignalsOfEachKind => Get();

    public static string EverySignal => Get();

    public static string SignalsFor => Get();

    public static string SignalOne => Get();

    public static string SignalMany => Get();

    public static string MoreSignalOne => Get();

    public static string MoreSignalMany => Get();

    public static string HiddenOfOne => Get();

    public static string HiddenOfMany => Get();

    public static string SignalsCaption => Get();

    public static string Raised => Get();

    public static string Signal => Get();

    public static string WhatWasFound => Get();

    public static string RecordsThatRaised => Get();

    public static string AndMoreOnTimeline => Get();

    public static string PersonsTimeline => Get();

    public static string NoSignalsMatch => Get();

    public static string PagesOfSignals => Get();

    public static string Previous => Get();

    public static string Next => Get();

    public static string PageWord => Get();

    public static string PageOf => Get();

    public static string ErrorDate => Get();

    public static string ErrorDateFrom => Get();

    public static string ErrorDateTo => Get();

    public static string ErrorDateOrder => Get();

    /// <summary>The text under <paramref name="key"/> in the language of the request.</summary>
    public static string Get([CallerMemberName] string key = "") => Text.Of(Resources, key);
}
