using System.Resources;
using System.Runtime.CompilerServices;

namespace LocalFlow.Web.Resources;

/// <summary>The administration pages of reference data: the index, agencies and teams, front doors, localities and workers. In AdminText.resx (English) and AdminText.cy.resx (Welsh).</summary>
public static class AdminText
{
    private static readonly ResourceManager Resources = new(typeof(AdminText));

    public static string Title => Get();

    public static string Intro => Get();

    public static string BackToAdmin => Get();

    public static string Localities => Get();

    public static string LocalitiesCount => Get();

    public static string LocalitiesWhat => Get();

    public static string Agencies => Get();

    public static string AgenciesCount => Get();

    public static string AgenciesWhat => Get();

    public static string Workers => Get();

    public static string WorkersCount => Get();

    public static string WorkersWhat => Get();

    public static string FrontDoors => Get();

    public static string FrontDoorsCount => Get();

    public static string FrontDoorsWhat => Get();

    public static string UnitCosts => Get();

    public static string UnitCostsCount => Get();

    public static string UnitCostsWhat => Get();

    public static string PriceIndex => Get();

    public static string PriceIndexCount => Get();

    public static string PriceIndexWhat => Get();

    public static string SignIns => Get();

    public static string SignInsCount => Get();

    public static string SignInsWhat => Get();

    public static string Security => Get();

    public static string GrantsWaitingOne => Get();

    public static string GrantsWaitingMany => Get();

    public static string SecurityWhat => Get();

    public static string AuditTrail => Get();

    public static string AuditCount => Get();

    public static string AuditWhat => Get();

    public static string Sharing => Get();

    public static string AgreementsOne => Get();

    public static string AgreementsMany => Get();

    public static string SharingWhat => Get();

    public static string Retention => Get();

    public static string RulesOne => Get();

    public static string RulesMany => Get();

    public static string RetentionWhat => Get();

    public static string ChainBroken => Get();

    public static string ChainBrokenWhat => Get();

    public static string Warning => Get();

    public static string Name => Get();

    public static string AgenciesServing => Get();

    public static string Agency => Get();

    public static string Kind => Get();

    public static string Teams => Get();

    public static string AddAgency => Get();

    public static string AgencyNameHint => Get();

    public static string ShortName => Get();

    public static string ShortNameHint => Get();

    public static string KindOfAgency => Get();

    public static string AddAgencyButton => Get();

    public static string EnterAgencyName => Get();

    public static string NameTooLong => Get();

    public static string AgencyTaken => Get();

    public static string EnterShortName => Get();

    public static string ShortNameTooLong => Get();

    public static string ChooseKindOfAgency => Get();

    public static string Added => Get();

    public static string KindCouncil => Get();

    public static string KindPolice => Get();

    public static string KindNhsTrust => Get();

    public static string KindGpPractice => Get();

    public static string KindHousingProvider => Get();

    public static string KindFireAndRescue => Get();

    public static string KindAmbulanceService => Get();

    public static string KindCentralGovernment => Get();

    public static string KindCharity => Get();

    public static string KindSchool => Get();

    public static string KindOther => Get();

    public static string BackToAgencies => Get();

    public static string SaveName => Get();

    public static string NoTeams => Get();

    public static string AddTeam => Get();

    public static string AddTeamHint => Get();

    public static string AddTeamButton => Get();

    public static string EnterTeamName => Get();

    public static string TeamTaken => Get();

    public static string FrontDoorsIntro => Get();

    public static string FrontDoorsCaption => Get();

    public static string FrontDoor => Get();

    public static string Channel => Get();

    public static string AddFrontDoor => Get();

    public static string FrontDoorNameHint => Get();

    public static string AddFrontDoorButton => Get();

    public static string AddLocalityFirst => Get();

    public static string EnterFrontDoorName => Get();

    public static string FrontDoorTaken => Get();

    public static string ChooseChannel => Get();

    public static string ChooseAgency => Get();

    public static string ChannelEmergency => Get();

    public static string StreetsIn => Get();

    public static string Street => Get();

    public static string Town => Get();

    public static string Postcodes => Get();

    public static string AddStreet => Get();

    public static string Locality => Get();

    public static string StreetName => Get();

    public static string PostcodesHint => Get();

    public static string AddStreetButton => Get();

    public static string AddLocality => Get();

    public static string AddLocalityWhy => Get();

    public static string Description => Get();

    public static string AddLocalityButton => Get();

    public static string ChooseLocality => Get();

    public static string EnterStreetName => Get();

    public static string StreetTaken => Get();

    public static string EnterTown => Get();

    public static string EnterPostcode => Get();

    public static string NotAPostcode => Get();

    public static string AddedTo => Get();

    public static string EnterLocalityName => Get();

    public static string LocalityTaken => Get();

    public static string WorkersIntro => Get();

    public static string ShowWorkersOf => Get();

    public static string AllAgencies => Get();

    public static string Show => Get();

    public static string WorkersOne => Get();

    public static string WorkersMany => Get();

    public static string JobTitle => Get();

    public static string Team => Get();

    public static string AddWorker => Get();

    public static string AddWorkerButton => Get();

    public static string EnterWorkerName => Get();

    public static string ChooseWorkerTeam => Get();

    public static string ChannelReferral => Get();

    /// <summary>A kind of agency in the request's language.</summary>
    public static string AgencyKindName(LocalFlow.Data.Entities.AgencyKind kind) => kind switch
    {
        LocalFlow.Data.Entities.AgencyKind.Council => KindCouncil,
        LocalFlow.Data.Entities.AgencyKind.Police => KindPolice,
        LocalFlow.Data.Entities.AgencyKind.NhsTrust => KindNhsTrust,
        LocalFlow.Data.Entities.AgencyKind.GpPractice => KindGpPractice,
        LocalFlow.Data.Entities.AgencyKind.HousingProvider => KindHousingProvider,
        LocalFlow.Data.Entities.AgencyKind.FireAndRescue => KindFireAndRescue,
        LocalFlow.Data.Entities.AgencyKind.AmbulanceService => KindAmbulanceService,
        LocalFlow.Data.Entities.AgencyKind.Charity => KindCharity,
        LocalFlow.Data.Entities.AgencyKind.CentralGovernment => KindCentralGovernment,
        LocalFlow.Data.Entities.AgencyKind.School => KindSchool,
        _ => KindOther,
    };

    /// <summary>A front door's channel in the request's language (the demand study's names, but for referrals and emergencies).</summary>
    public static string ChannelName(LocalFlow.Data.Entities.Channel channel) => channel switch
    {
        LocalFlow.Data.Entities.Channel.Referral => ChannelReferral,
        LocalFlow.Data.Entities.Channel.Emergency => ChannelEmergency,
        _ => Pages.Demand.StudyPageModel.ChannelName(channel),
    };

    /// <summary>The text under <paramref name="key"/> in the language of the request.</summary>
    public static string Get([CallerMemberName] string key = "") => Text.Of(Resources, key);
}
