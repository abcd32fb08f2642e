using System.Resources;
using System.Runtime.CompilerServices;

namespace LocalFlow.Web.Resources;

/// <summary>The flow study's hand-offs page and a person's timeline. In FlowPersonText.resx (English) and FlowPersonText.cy.resx (Welsh).</summary>
public static class FlowPersonText
{
    private static readonly ResourceManager Resources = new(typeof(FlowPersonText));

    public static string HandoffsTitle => Get();

    public static string Handoffs => Get();

    public static string HandoffsIntro => Get();

    public static string PlaceAgency => Get();

    public static string PlaceTeam => Get();

    public static string PlacesAgencies => Get();

    public static string PlacesTeams => Get();

    public static string MapChartTitle => Get();

    public static string MapChartAbout => Get();

    public static string HandoffsBetween => Get();

    public static string BetweenAgencies => Get();

    public static string BetweenTeams => Get();

    public static string FollowCohortOnly => Get();

    public static string ShowTheirHandoffs => Get();

    public static string HandoffsWithheld => Get();

    public static string FollowEveryone => Get();

    public static string HandoffSummary => Get();

    public static string HandoffRounded => Get();

    public static string ArrowsLeftOut => Get();

    public static string ArrowOne => Get();

    public static string ArrowMany => Get();

    public static string ThisCohortsCounts => Get();

    public static string MapOfHandoffs => Get();

    public static string CommonPaths => Get();

    public static string PathsAbout => Get();

    public static string NoPathBy5 => Get();

    public static string NoRecordsYet => Get();

    public static string PathsCaption => Get();

    public static string Rank => Get();

    public static string Path => Get();

    public static string ShareOfPeople => Get();

    public static string PersonTitle => Get();

    public static string ActivityRecords => Get();

    public static string CaseHistory => Get();

    public static string SharedRecords => Get();

    public static string JudgeTheRecords => Get();

    public static string Teams => Get();

    public static string NamedStaff => Get();

    public static string Assessments => Get();

    public static string Referrals => Get();

    public static string AdmissionsDays => Get();

    public static string DayOne => Get();

    public static string DayMany => Get();

    public static string ExactDuplicates => Get();

    public static string DuplicatesOne => Get();

    public static string DuplicatesMany => Get();

    public static string CostOfWhatWasDone => Get();

    public static string CostOfWhatMattered => Get();

    public static string WhatRecordsShow => Get();

    public static string Interactions => Get();

    public static string RepeatedAssessments => Get();

    public static string RepeatedOf => Get();

    public static string Cycles => Get();

    public static string ExitsAndReEntries => Get();

    public static string ExitsValue => Get();

    public static string HelpedThePerson => Get();

    public static string HelpedOfJudged => Get();

    public static string SignalsHeadingCount => Get();

    public static string NoneFound => Get();

    public static string RecordsWord => Get();

    public static string OfTheRecords => Get();

    public static string AndMore => Get();

    public static string PersonSignals => Get();

    public static string PersonSignalsLink => Get();

    public static string Timeline => Get();

    public static string ZoomToYear => Get();

    public static string ZoomToYearColon => Get();

    public static string AllYears => Get();

    public static string AllAgencies => Get();

    public static string KindOfRecord => Get();

    public static string AllKinds => Get();

    public static string Filter => Get();

    public static string Showing => Get();

    public static string ShowAll => Get();

    public static string CumulativeCost => Get();

    public static string RecordsCount => Get();

    public static string EveryRecordShown => Get();

    public static string AgencyAndTeam => Get();

    public static string Record => Get();

    public static string TimelineTitleYear => Get();

    public static string TimelineTitleAll => Get();

    public static string TimelineAbout => Get();

    public static string TimelineAboutLinks => Get();

    public static string CostCurveAbout => Get();

    public static string ServedTag => Get();

    /// <summary>The text under <paramref name="key"/> in the language of the request.</summary>
    public static string Get([CallerMemberName] string key = "") => Text.Of(Resources, key);
}
