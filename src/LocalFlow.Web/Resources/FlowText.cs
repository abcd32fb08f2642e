using System.Resources;
using System.Runtime.CompilerServices;
using LocalFlow.Analytics.Flow;
using LocalFlow.Data.Entities;

namespace LocalFlow.Web.Resources;

/// <summary>The flow study's shared words (names of signals, kinds of record, what a record served), its landing page, a record's page and judging records. In FlowText.resx (English) and FlowText.cy.resx (Welsh).</summary>
public static class FlowText
{
    private static readonly ResourceManager Resources = new(typeof(FlowText));

    public static string Title => Get();

    public static string BackToFlow => Get();

    public static string BackToTimeline => Get();

    public static string AddAsEvidence => Get();

    public static string Person => Get();

    public static string Records => Get();

    public static string Agencies => Get();

    public static string Agency => Get();

    public static string Cost => Get();

    public static string From => Get();

    public static string To => Get();

    public static string When => Get();

    public static string NotJudged => Get();

    public static string Helped => Get();

    public static string ServedTheSystemColumn => Get();

    public static string RecordOne => Get();

    public static string RecordMany => Get();

    public static string SignalRePresentation => Get();

    public static string SignalRepeatedAssessment => Get();

    public static string SignalAssessRefer => Get();

    public static string SignalReferralPingPong => Get();

    public static string SignalScreenedOutReturnedWorse => Get();

    public static string SignalProgressChasing => Get();

    public static string SignalLongWorkerChain => Get();

    public static string KindContact => Get();

    public static string KindAssessment => Get();

    public static string KindReferral => Get();

    public static string KindServiceProvided => Get();

    public static string KindReview => Get();

    public static string KindMeeting => Get();

    public static string KindAdmission => Get();

    public static string KindMedicallyFit => Get();

    public static string KindDischarge => Get();

    public static string KindClosure => Get();

    public static string KindDocument => Get();

    public static string KindBedDay => Get();

    public static string KindHomeVisit => Get();

    public static string KindEmergencyResponse => Get();

    public static string KindWithSubtype => Get();

    public static string ServedApprovals => Get();

    public static string ServedReporting => Get();

    public static string ServedTargets => Get();

    public static string ServedCompliance => Get();

    public static string ServedOther => Get();

    public static string ServedSystem => Get();

    public static string Lead => Get();

    public static string ImportSentence => Get();

    public static string ImportLink => Get();

    public static string ImportsLink => Get();

    public static string PeopleWithRecords => Get();

    public static string ActivityRecords => Get();

    public static string AcrossEveryone => Get();

    public static string CohortLink => Get();

    public static string CohortAbout => Get();

    public static string HandoffsLink => Get();

    public static string HandoffsAbout => Get();

    public static string SignalsLink => Get();

    public static string SignalsAbout => Get();

    public static string ConditionsLink => Get();

    public static string ConditionsAbout => Get();

    public static string CaseHistoriesNamePeople => Get();

    public static string CaseHistories => Get();

    public static string CaseHistoriesAbout => Get();

    public static string Story => Get();

    public static string StoryCaseHistory => Get();

    public static string SearchByName => Get();

    public static string SearchAudited => Get();

    public static string Search => Get();

    public static string HiddenOne => Get();

    public static string HiddenMany => Get();

    public static string NoPeopleFound => Get();

    public static string FirstShown => Get();

    public static string RecordWhenTo => Get();

    public static string SourceTime => Get();

    public static string NoOffset => Get();

    public static string Team => Get();

    public static string NotRecorded => Get();

    public static string Worker => Get();

    public static string NotNamed => Get();

    public static string ReferredTo => Get();

    public static string RecordSays => Get();

    public static string Nothing => Get();

    public static string CostWithSource => Get();

    public static string NotKnown => Get();

    public static string CostFromCatalogue => Get();

    public static string CostGivenByRecord => Get();

    public static string DidItHelp => Get();

    public static string Yes => Get();

    public static string NoItServed => Get();

    public static string Source => Get();

    public static string SourceRecord => Get();

    public static string SourceImport => Get();

    public static string JudgeTitle => Get();

    public static string JudgeHeading => Get();

    public static string JudgeIntro => Get();

    public static string HelpedAgainstServed => Get();

    public static string HelpedShare => Get();

    public static string JudgedRecordOne => Get();

    public static string JudgedRecordMany => Get();

    public static string NoneJudged => Get();

    public static string RecordsByYear => Get();

    public static string ShowRecordsFrom => Get();

    public static string EveryYear => Get();

    public static string RecordsCount => Get();

    public static string InYear => Get();

    public static string JudgedHelped => Get();

    public static string JudgedServed => Get();

    public static string WhatDidTheyDo => Get();

    public static string ChoiceHelped => Get();

    public static string ChoiceServed => Get();

    public static string ChoiceClear => Get();

    public static string WhatServed => Get();

    public static string ServedChoiceApprovals => Get();

    public static string ServedChoiceReporting => Get();

    public static string ServedChoiceTargets => Get();

    public static string ServedChoiceCompliance => Get();

    public static string ServedChoiceOther => Get();

    public static string Note => Get();

    public static string NoteHint => Get();

    public static string JudgeButton => Get();

    public static string ErrorChooseRecord => Get();

    public static string ErrorChooseJudgement => Get();

    public static string ErrorChooseServed => Get();

    public static string ErrorSayServed => Get();

    public static string ErrorNoteTooLong => Get();

    public static string DoneHelped => Get();

    public static string DoneServed => Get();

    public static string DoneCleared => Get();

    public static string JudgedByQuarter => Get();

    public static string QuarterFrom => Get();

    public static string ValueToWaste => Get();

    private static readonly System.Text.Encodings.Web.HtmlEncoder LinkEncoder = System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    /// <summary>A link to put into a text's placeholder with <see cref="Text.Html"/>: the link's words encoded, its address as given.</summary>
    public static Microsoft.AspNetCore.Html.IHtmlContent Link(string href, string words, string? id = null)
    {
        var encoder = LinkEncoder;
        return new Microsoft.AspNetCore.Html.HtmlString($"<a class=\"govuk-link\" href=\"{encoder.Encode(href)}\"{(id is null ? "" : $" id=\"{id}\"")}>{encoder.Encode(words)}</a>");
    }

    /// <summary>"1 record", "5 records"; in Welsh the number alone, for a sentence written around it.</summary>
    public static string RecordCount(int n) => Text.Count(n, RecordOne, RecordMany);

    /// <summary>A failure-demand signal's name in the request's language (<see cref="Pages.Flow.FlowAccess.SignalName"/> in English).</summary>
    public static string SignalName(FlowSignalKind kind) => kind switch
    {
        FlowSignalKind.RePresentation => SignalRePresentation,
        FlowSignalKind.RepeatedAssessment => SignalRepeatedAssessment,
        FlowSignalKind.AssessRefer => SignalAssessRefer,
        FlowSignalKind.ReferralPingPong => SignalReferralPingPong,
        FlowSignalKind.ScreenedOutReturnedWorse => SignalScreenedOutReturnedWorse,
        FlowSignalKind.ProgressChasing => SignalProgressChasing,
        FlowSignalKind.LongWorkerChain => SignalLongWorkerChain,
        _ => kind.ToString(),
    };

    /// <summary>A kind of activity record in the request's language (<see cref="Pages.Flow.FlowAccess.KindName"/> in English).</summary>
    public static string KindName(ActivityKind kind) => kind switch
    {
        ActivityKind.Contact => KindContact,
        ActivityKind.Assessment => KindAssessment,
        ActivityKind.Referral => KindReferral,
        ActivityKind.ServiceProvided => KindServiceProvided,
        ActivityKind.Review => KindReview,
        ActivityKind.Meeting => KindMeeting,
        ActivityKind.Admission => KindAdmission,
        ActivityKind.MedicallyFit => KindMedicallyFit,
        ActivityKind.Discharge => KindDischarge,
        ActivityKind.Closure => KindClosure,
        ActivityKind.Document => KindDocument,
        ActivityKind.BedDay => KindBedDay,
        ActivityKind.HomeVisit => KindHomeVisit,
        ActivityKind.EmergencyResponse => KindEmergencyResponse,
        _ => kind.ToString(),
    };

    /// <summary>"Assessment: Falls risk assessment" in the request's language; the subtype is the agency's own word and stays as written.</summary>
    public static string Describe(ActivityKind kind, string? subtype) => subtype is null ? KindName(kind) : Text.Format(KindWithSubtype, KindName(kind), subtype);

    /// <summary>What a record served instead of the person, as a word in a sentence ("approvals", "the system" when not said).</summary>
    public static string ServedWord(ActivityServed? served) => served switch
    {
        ActivityServed.Approvals => ServedApprovals,
        ActivityServed.Reporting => ServedReporting,
        ActivityServed.Targets => ServedTargets,
        ActivityServed.Compliance => ServedCompliance,
        ActivityServed.Other => ServedOther,
        _ => ServedSystem,
    };

    /// <summary>The text under <paramref name="key"/> in the language of the request.</summary>
    public static string Get([CallerMemberName] string key = "") => Text.Of(Resources, key);
}
