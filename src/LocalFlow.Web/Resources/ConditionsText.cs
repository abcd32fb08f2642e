using System.Resources;
using System.Runtime.CompilerServices;
using LocalFlow.Data.Conditions;
using LocalFlow.Data.Entities;

namespace LocalFlow.Web.Resources;

/// <summary>System conditions: the list, a condition's page, choosing one, recording, changing and deleting one, and the names of the kinds of condition. In ConditionsText.resx (English) and ConditionsText.cy.resx (Welsh).</summary>
public static class ConditionsText
{
    private static readonly ResourceManager Resources = new(typeof(ConditionsText));

    public static string Title => Get();

    public static string Done => Get();

    public static string Lead => Get();

    public static string EveryFigure => Get();

    public static string RecordCondition => Get();

    public static string NoneRecorded => Get();

    public static string AllTogether => Get();

    public static string ConditionsRecorded => Get();

    public static string FailureDemands => Get();

    public static string PeopleAffected => Get();

    public static string CostInvolved => Get();

    public static string CostAndRecords => Get();

    public static string ConditionAndFinding => Get();

    public static string People => Get();

    public static string Cost => Get();

    public static string ReachOfEach => Get();

    public static string ChartDemandsTitle => Get();

    public static string ChartDemandsAbout => Get();

    public static string ChartPeopleTitle => Get();

    public static string ChartPeopleAbout => Get();

    public static string ChartCostTitle => Get();

    public static string ChartCostAbout => Get();

    public static string SystemCondition => Get();

    public static string ConditionTitle => Get();

    public static string AllConditions => Get();

    public static string CaptionCategory => Get();

    public static string RecordedBy => Get();

    public static string LastChanged => Get();

    public static string AddOrRemoveEvidence => Get();

    public static string Change => Get();

    public static string Delete => Get();

    public static string RaiseQuestion => Get();

    public static string ItsReach => Get();

    public static string OfHeard => Get();

    public static string DemandOne => Get();

    public static string DemandMany => Get();

    public static string ComputedFromEvidence => Get();

    public static string EvidenceCount => Get();

    public static string NoEvidence => Get();

    public static string NoEvidenceAdd => Get();

    public static string Evidence => Get();

    public static string WhatItShows => Get();

    public static string KindDemandType => Get();

    public static string KindFlowSignal => Get();

    public static string KindActivityRecord => Get();

    public static string KindCaseHistory => Get();

    public static string ChooseTitle => Get();

    public static string WhichCondition => Get();

    public static string NoneRecordedShort => Get();

    public static string RecordNewThenAdd => Get();

    public static string RecordNew => Get();

    public static string CreateAbout => Get();

    public static string SaveAndAddEvidence => Get();

    public static string EditTitle => Get();

    public static string BackToCondition => Get();

    public static string SaveChanges => Get();

    public static string DeleteTitle => Get();

    public static string DeleteQuestion => Get();

    public static string DeleteWarningOne => Get();

    public static string DeleteWarningMany => Get();

    public static string DeleteButton => Get();

    public static string Cancel => Get();

    public static string WhatKind => Get();

    public static string WhatKindHint => Get();

    public static string OwnKind => Get();

    public static string ConditionTitleLabel => Get();

    public static string TitleHint => Get();

    public static string WhatTeamFound => Get();

    public static string FindingHint => Get();

    public static string Recorded => Get();

    public static string Deleted => Get();

    public static string Changed => Get();

    public static string NoLocality => Get();

    public static string EvidenceTitle => Get();

    public static string EvidenceCaption => Get();

    public static string LinkedEvidence => Get();

    public static string NoneYet => Get();

    public static string Action => Get();

    public static string Remove => Get();

    public static string AddEvidence => Get();

    public static string AddDemandType => Get();

    public static string AddSignal => Get();

    public static string AddRecord => Get();

    public static string AddCaseHistory => Get();

    public static string FindPerson => Get();

    public static string FindPersonHint => Get();

    public static string Search => Get();

    public static string TypeHint => Get();

    public static string SignalLabel => Get();

    public static string SignalHint => Get();

    public static string OnlyAgency => Get();

    public static string AnyAgency => Get();

    public static string RecordIdLabel => Get();

    public static string RecordIdHint => Get();

    public static string CaseHistoryOf => Get();

    public static string NoPeopleFound => Get();

    public static string WhoseCaseHistory => Get();

    public static string SeedsStory => Get();

    public static string ActivityRecordsCount => Get();

    public static string WhatEvidenceShows => Get();

    public static string NoteHint => Get();

    public static string ChooseAnotherKind => Get();

    public static string DoneBack => Get();

    public static string ErrorChoosePerson => Get();

    public static string ErrorRecordId => Get();

    public static string EvidenceAdded => Get();

    public static string EvidenceRemoved => Get();

    public static string TypeOption => Get();

    public static string CategorySpecialisation => Get();

    public static string CategoryBudgetManagement => Get();

    public static string CategoryStandardisation => Get();

    public static string CategoryTargets => Get();

    public static string CategoryContinuity => Get();

    public static string CategoryThresholds => Get();

    public static string CategoryRisk => Get();

    public static string CategoryIt => Get();

    public static string CategoryOwn => Get();

    public static string HintSpecialisation => Get();

    public static string HintBudgetManagement => Get();

    public static string HintStandardisation => Get();

    public static string HintTargets => Get();

    public static string HintContinuity => Get();

    public static string HintThresholds => Get();

    public static string HintRisk => Get();

    public static string HintIt => Get();

    public static string HintOwn => Get();

    /// <summary>A kind of system condition in the request's language (<see cref="SystemConditions.CategoryName(ConditionCategory)"/> in English, kept for the API).</summary>
    public static string CategoryName(ConditionCategory category) => category switch
    {
        ConditionCategory.Specialisation => CategorySpecialisation,
        ConditionCategory.BudgetManagement => CategoryBudgetManagement,
        ConditionCategory.StandardisationAndCommissioning => CategoryStandardisation,
        ConditionCategory.ActivityMeasuresAndTargets => CategoryTargets,
        ConditionCategory.LackOfContinuity => CategoryContinuity,
        ConditionCategory.ThresholdsAndCriteria => CategoryThresholds,
        ConditionCategory.RiskManagement => CategoryRisk,
        ConditionCategory.ItThatForcesAProcess => CategoryIt,
        _ => CategoryOwn,
    };

    /// <summary>A condition's kind as shown: the app's name in the request's language, or the team's own name as they wrote it.</summary>
    public static string CategoryName(SystemCondition c)
        => c.Category == ConditionCategory.Own && !string.IsNullOrWhiteSpace(c.OwnCategory) ? c.OwnCategory : CategoryName(c.Category);

    /// <summary>What each kind leads to, as the form's hint, in the request's language.</summary>
    public static string CategoryHint(ConditionCategory category) => category switch
    {
        ConditionCategory.Specialisation => HintSpecialisation,
        ConditionCategory.BudgetManagement => HintBudgetManagement,
        ConditionCategory.StandardisationAndCommissioning => HintStandardisation,
        ConditionCategory.ActivityMeasuresAndTargets => HintTargets,
        ConditionCategory.LackOfContinuity => HintContinuity,
        ConditionCategory.ThresholdsAndCriteria => HintThresholds,
        ConditionCategory.RiskManagement => HintRisk,
        ConditionCategory.ItThatForcesAProcess => HintIt,
        _ => HintOwn,
    };

    /// <summary>A kind of evidence in the request's language.</summary>
    public static string EvidenceKindName(EvidenceKind kind) => kind switch
    {
        EvidenceKind.DemandType => KindDemandType,
        EvidenceKind.FlowSignal => KindFlowSignal,
        EvidenceKind.ActivityRecord => KindActivityRecord,
        _ => KindCaseHistory,
    };

    /// <summary>The text under <paramref name="key"/> in the language of the request.</summary>
    public static string Get([CallerMemberName] string key = "") => Text.Of(Resources, key);
}
