using System.Resources;
using System.Runtime.CompilerServices;

namespace LocalFlow.Web.Resources;

/// <summary>
/// The resource side of the redesign programme's pages (the resource database, money, buildings, workforce gaps,
/// import, needs, groups and members). In RedesignResourceText.resx (English) and RedesignResourceText.cy.resx (Welsh).
/// </summary>
public static partial class RedesignResourceText
{
    private static readonly ResourceManager Resources = new(typeof(RedesignResourceText));

    public static string BackToResources => Get();
    public static string SavedBy => Get();
    public static string Save => Get();
    public static string Conflict => Get();
    public static string PersonOne => Get();
    public static string PersonMany => Get();
    public static string GapAddTitle => Get();
    public static string GapChangeTitle => Get();
    public static string GapIntro => Get();
    public static string GapSkill => Get();
    public static string GapSkillHint => Get();
    public static string GapAgency => Get();
    public static string GapNoAgency => Get();
    public static string GapPeople => Get();
    public static string GapPeopleHint => Get();
    public static string GapNote => Get();
    public static string GapRemove => Get();
    public static string GapAdded => Get();
    public static string GapSaved => Get();
    public static string GapRemoved => Get();
    public static string GapThis => Get();
    public static string GapNoAgencyShort => Get();
    public static string PartnerCouncil => Get();
    public static string PartnerNhs => Get();
    public static string PartnerPolice => Get();
    public static string PartnerSchools => Get();
    public static string PartnerBenefits => Get();
    public static string PartnerCitizens => Get();
    public static string PartnerOther => Get();
    public static string PeriodYear => Get();
    public static string PeriodMonth => Get();
    public static string PeriodWeek => Get();
    public static string PeriodOnce => Get();
    public static string EveryYear => Get();
    public static string EveryMonth => Get();
    public static string EveryWeek => Get();
    public static string OnceNotEveryYear => Get();
    public static string ResTitle => Get();
    public static string Caption => Get();
    public static string BackToProgramme => Get();
    public static string Done => Get();
    public static string ResLead => Get();
    public static string AddMoney => Get();
    public static string AddBuilding => Get();
    public static string AddGap => Get();
    public static string ImportLink => Get();
    public static string MoneyHeading => Get();
    public static string MoneyLead => Get();
    public static string NoMoney => Get();
    public static string ChartTitle => Get();
    public static string ChartDescription => Get();
    public static string ColPartner => Get();
    public static string ColMoneyAYear => Get();
    public static string ColOneOff => Get();
    public static string ColLines => Get();
    public static string AllPartners => Get();
    public static string CitizensShare => Get();
    public static string Warning => Get();
    public static string NotRestatedOne => Get();
    public static string NotRestatedMany => Get();
    public static string PurposesHeading => Get();
    public static string ColPurpose => Get();
    public static string EveryLine => Get();
    public static string LinesCaption => Get();
    public static string ColAmount => Get();
    public static string ColPriceYear => Get();
    public static string DownloadMoney => Get();
    public static string BuildingsHeading => Get();
    public static string NoBuildings => Get();
    public static string ColWhatWhere => Get();
    public static string ColOpen => Get();
    public static string ColHolds => Get();
    public static string ColUsedBy => Get();
    public static string NotKnown => Get();
    public static string DownloadBuildings => Get();
    public static string WorkforceHeading => Get();
    public static string WorkforceLead => Get();
    public static string ColAgency => Get();
    public static string ColTeams => Get();
    public static string ColWorkers => Get();
    public static string ColSkills => Get();
    public static string JobTitleNotRecorded => Get();
    public static string GapsHeading => Get();
    public static string NoGaps => Get();
    public static string VolunteersNote => Get();
    public static string MoneyAddTitle => Get();
    public static string MoneyChangeTitle => Get();
    public static string MoneyTheirs => Get();
    public static string MoneyPartner => Get();
    public static string MoneyPartnerHint => Get();
    public static string MoneyBody => Get();
    public static string MoneyBodyHint => Get();
    public static string MoneyPurpose => Get();
    public static string MoneyPurposeHint => Get();
    public static string MoneyAmount => Get();
    public static string MoneyPeriod => Get();
    public static string MoneyPriceYear => Get();
    public static string MoneyPriceYearHint => Get();
    public static string MoneyNote => Get();
    public static string MoneyNoteHint => Get();
    public static string MoneyRemove => Get();
    public static string MoneyThis => Get();
    public static string MoneyAdded => Get();
    public static string MoneySaved => Get();
    public static string MoneyRemoved => Get();
    public static string BuildingAddTitle => Get();
    public static string BuildingChangeTitle => Get();
    public static string BuildingTheirs => Get();
    public static string BuildingName => Get();
    public static string BuildingNameHint => Get();
    public static string BuildingKind => Get();
    public static string BuildingKindHint => Get();
    public static string BuildingOwner => Get();
    public static string BuildingPlace => Get();
    public static string BuildingHours => Get();
    public static string BuildingHoursHint => Get();
    public static string BuildingCapacity => Get();
    public static string BuildingUsedBy => Get();
    public static string BuildingUsedByHint => Get();
    public static string BuildingRemove => Get();
    public static string BuildingThis => Get();
    public static string BuildingAdded => Get();
    public static string BuildingSaved => Get();
    public static string BuildingRemoved => Get();
    public static string ImportTitle => Get();
    public static string ImportLead => Get();
    public static string ImportMoneyColumns => Get();
    public static string ImportBuildingColumns => Get();
    public static string ImportProblems => Get();
    public static string ImportMoreOne => Get();
    public static string ImportMoreMany => Get();
    public static string ImportWhat => Get();
    public static string ImportSheetMoney => Get();
    public static string ImportSheetBuildings => Get();
    public static string ImportFile => Get();
    public static string ImportButton => Get();
    public static string ImportChooseSheet => Get();
    public static string ImportChooseFile => Get();
    public static string ImportTooBig => Get();
    public static string ImportRefusedOne => Get();
    public static string ImportRefusedMany => Get();
    public static string ImportedMoneyOne => Get();
    public static string ImportedMoneyMany => Get();
    public static string ImportedBuildingsOne => Get();
    public static string ImportedBuildingsMany => Get();
    public static string ErrorPrefix => Get();
    public static string KindStaff => Get();
    public static string KindCitizen => Get();
    public static string GroupsTitle => Get();
    public static string GroupsLead => Get();
    public static string AddGroup => Get();
    public static string NoGroups => Get();
    public static string SizeOne => Get();
    public static string SizeMany => Get();
    public static string ChangeNameOrRemit => Get();
    public static string OfGroup => Get();
    public static string AddMember => Get();
    public static string ToGroup => Get();
    public static string QuestionsOne => Get();
    public static string QuestionsMany => Get();
    public static string MembersCaption => Get();
    public static string MembersOne => Get();
    public static string MembersMany => Get();
    public static string CitizensOne => Get();
    public static string CitizensMany => Get();
    public static string ColName => Get();
    public static string ColKind => Get();
    public static string ColBackground => Get();
    public static string Change => Get();
    public static string GroupAddTitle => Get();
    public static string GroupChangeTitle => Get();
    public static string BackToGroups => Get();
    public static string GroupLead => Get();
    public static string GroupName => Get();
    public static string GroupNameHint => Get();
    public static string GroupRemit => Get();
    public static string GroupRemitHint => Get();
    public static string GroupThis => Get();
    public static string GroupAdded => Get();
    public static string GroupSaved => Get();
    public static string MemberAddTitle => Get();
    public static string MemberChangeTitle => Get();
    public static string MemberLead => Get();
    public static string MemberName => Get();
    public static string MemberKind => Get();
    public static string MemberBackground => Get();
    public static string MemberBackgroundHint => Get();
    public static string MemberUserName => Get();
    public static string MemberUserNameHint => Get();
    public static string MemberRemove => Get();
    public static string MemberThis => Get();
    public static string MemberAdded => Get();
    public static string MemberSaved => Get();
    public static string MemberRemoved => Get();
    public static string NeedOfCommunity => Get();
    public static string NeedOfFamilies => Get();
    public static string EvidenceDemandStudy => Get();
    public static string EvidenceLocalityPicture => Get();
    public static string EvidenceWhatMatters => Get();
    public static string EvidenceConsultation => Get();
    public static string NeedsTitle => Get();
    public static string NeedsLead => Get();
    public static string NeedsShow => Get();
    public static string NeedsAll => Get();
    public static string NeedsCommunity => Get();
    public static string NeedsFamilies => Get();
    public static string RecordNeed => Get();
    public static string NoNeeds => Get();
    public static string NeedCountOne => Get();
    public static string NeedCountMany => Get();
    public static string RaisedOne => Get();
    public static string RaisedMany => Get();
    public static string AllNeeds => Get();
    public static string NeedOnPathway => Get();
    public static string UserPathway => Get();
    public static string StageSpan => Get();
    public static string StageTo => Get();
    public static string EvidenceHeading => Get();
    public static string RaisedHeading => Get();
    public static string NoneYet => Get();
    public static string RaiseFromNeed => Get();
    public static string ChangeNeed => Get();
    public static string NeedAddTitle => Get();
    public static string NeedChangeTitle => Get();
    public static string NeedTheirs => Get();
    public static string NeedLead => Get();
    public static string NeedTitle => Get();
    public static string NeedTitleHint => Get();
    public static string NeedWho => Get();
    public static string NeedArea => Get();
    public static string NeedAreaHint => Get();
    public static string NeedDescription => Get();
    public static string NeedEvidenceKind => Get();
    public static string NeedStudy => Get();
    public static string NeedEvidence => Get();
    public static string NeedEvidenceHint => Get();
    public static string NeedFirstStage => Get();
    public static string NeedNotPlaced => Get();
    public static string NeedLastStage => Get();
    public static string NeedLastStageHint => Get();
    public static string NeedFirstOnly => Get();
    public static string NeedRecordButton => Get();
    public static string NeedRemove => Get();
    public static string NeedThis => Get();
    public static string NeedRecorded => Get();
    public static string NeedSaved => Get();
    public static string NeedRemoved => Get();

    /// <summary>The text under <paramref name="key"/> in the language of the request.</summary>
    public static string Get([CallerMemberName] string key = "") => Text.Of(Resources, key);

    /// <summary>"3 people", "1 person".</summary>
    public static string People(int n) => Text.Count(n, PersonOne, PersonMany);

    /// <summary>
    /// Tells the user, in the page's language, that <paramref name="who"/> saved a change to <paramref name="what"/>
    /// while they were editing, as <see cref="Pages.Redesign.RedesignText.SavedWhileEditing"/> does in English: the
    /// other version is shown above the form, what the user typed stays in it, and the posted version is dropped.
    /// </summary>
    public static void SavedWhileEditing(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary state, string field, string? who, string what)
    {
        Pages.Redesign.RedesignText.SavedWhileEditing(state, field, who, what);
        if (Infrastructure.Languages.IsWelsh)
        {
            state[field]!.Errors.Clear();
            state.AddModelError(field, Text.Format(Conflict, who, what));
        }
    }

    /// <summary>A partner's name on the resource pages, in the page's language (the CSV keeps its codes).</summary>
    public static string Partner(LocalFlow.Analytics.Redesign.FundingPartner p) => p switch
    {
        LocalFlow.Analytics.Redesign.FundingPartner.Council => PartnerCouncil,
        LocalFlow.Analytics.Redesign.FundingPartner.Nhs => PartnerNhs,
        LocalFlow.Analytics.Redesign.FundingPartner.Police => PartnerPolice,
        LocalFlow.Analytics.Redesign.FundingPartner.Schools => PartnerSchools,
        LocalFlow.Analytics.Redesign.FundingPartner.Benefits => PartnerBenefits,
        LocalFlow.Analytics.Redesign.FundingPartner.Citizens => PartnerCitizens,
        _ => PartnerOther,
    };

    /// <summary>"a year", "a month", "a week", "once" after an amount.</summary>
    public static string Period(LocalFlow.Analytics.Redesign.MoneyPeriod p) => p switch
    {
        LocalFlow.Analytics.Redesign.MoneyPeriod.PerYear => PeriodYear,
        LocalFlow.Analytics.Redesign.MoneyPeriod.PerMonth => PeriodMonth,
        LocalFlow.Analytics.Redesign.MoneyPeriod.PerWeek => PeriodWeek,
        _ => PeriodOnce,
    };

    /// <summary>The partners as form options (the value is the code the CSV uses too).</summary>
    public static IEnumerable<(string Value, string Text)> PartnerOptions => Data.Redesign.ResourceDatabase.Partners.Select(p => (p.Code, Partner(p.Partner)));

    /// <summary>The periods as radio options.</summary>
    public static IEnumerable<(string Value, string Text, string? Hint)> PeriodOptions => Data.Redesign.ResourceDatabase.Periods.Select(p => (p.Code, p.Period switch
    {
        LocalFlow.Analytics.Redesign.MoneyPeriod.PerYear => EveryYear,
        LocalFlow.Analytics.Redesign.MoneyPeriod.PerMonth => EveryMonth,
        LocalFlow.Analytics.Redesign.MoneyPeriod.PerWeek => EveryWeek,
        _ => OnceNotEveryYear,
    }, (string?)null));

    /// <summary>"Staff" or "Citizen", in the page's language.</summary>
    public static string Kind(Data.Entities.MemberKind k) => k == Data.Entities.MemberKind.Citizen ? KindCitizen : KindStaff;

    /// <summary>Staff or citizen as radio options, in that order, with no rank between them.</summary>
    public static IEnumerable<(string Value, string Text, string? Hint)> KindOptions => Data.Redesign.Groups.Kinds.Select(k => (k.Code, Kind(k.Kind), (string?)null));

    /// <summary>"A community's need" or "Families' need", in the page's language.</summary>
    public static string NeedOf(Data.Entities.NeedOf w) => w == Data.Entities.NeedOf.Community ? NeedOfCommunity : NeedOfFamilies;

    /// <summary>What a need rests on, in the page's language.</summary>
    public static string Evidence(Data.Entities.NeedEvidenceKind k) => k switch
    {
        Data.Entities.NeedEvidenceKind.DemandStudy => EvidenceDemandStudy,
        Data.Entities.NeedEvidenceKind.LocalityPicture => EvidenceLocalityPicture,
        Data.Entities.NeedEvidenceKind.WhatMatters => EvidenceWhatMatters,
        _ => EvidenceConsultation,
    };
}
