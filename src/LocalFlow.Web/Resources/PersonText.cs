using System.Resources;
using System.Runtime.CompilerServices;

namespace LocalFlow.Web.Resources;

/// <summary>A person's page: who they are, their household, and the locality team's work with them (the _Working partial, the records known to agencies). In PersonText.resx (English) and PersonText.cy.resx (Welsh).</summary>
public static class PersonText
{
    private static readonly ResourceManager Resources = new(typeof(PersonText));

    public static string BackToPeople => Get();

    public static string NotSaved => Get();

    public static string Warning => Get();

    public static string RecordRestricted => Get();

    public static string AddressHidden => Get();

    public static string AddressAllowed => Get();

    public static string NhsNumber => Get();

    public static string Phone => Get();

    public static string Email => Get();

    public static string HiddenRestricted => Get();

    public static string SubjectAccess => Get();

    public static string Household => Get();

    public static string Born => Get();

    public static string AddToHousehold => Get();

    public static string HeardAtFrontDoor => Get();

    public static string TheirLife => Get();

    public static string HeardFor => Get();

    public static string HandedBy => Get();

    public static string FromFrontDoor => Get();

    public static string NamedWorkers => Get();

    public static string OnlyNamed => Get();

    public static string NobodyNamed => Get();

    public static string NameAWorker => Get();

    public static string NameThem => Get();

    public static string RecordsLink => Get();

    public static string AskedWhy => Get();

    public static string ConsentLink => Get();

    public static string Statements => Get();

    public static string PlanOf => Get();

    public static string ChooseKeyWorker => Get();

    public static string ChooseAvoided => Get();

    public static string ChooseInvolve => Get();

    public static string ChooseNamed => Get();

    public static string Theirs => Get();

    public static string WorkingWithThem => Get();

    public static string WorkingWithHousehold => Get();

    public static string OnlyNamedSee => Get();

    public static string NotWorkingYet => Get();

    public static string KeyWorkerHint => Get();

    public static string Start => Get();

    public static string Since => Get();

    public static string AlsoInvolved => Get();

    public static string NobodyElse => Get();

    public static string SteppedBack => Get();

    public static string InvolveSomeone => Get();

    public static string NotAReferral => Get();

    public static string TheKeyWorker => Get();

    public static string ExpertAgency => Get();

    public static string NoneColleague => Get();

    public static string ShowWho => Get();

    public static string OurTeam => Get();

    public static string ExpertHint => Get();

    public static string ColleagueHint => Get();

    public static string WhyInvolved => Get();

    public static string InvolveThem => Get();

    public static string InTheirWords => Get();

    public static string NothingWritten => Get();

    public static string RecordConversation => Get();

    public static string Conversations => Get();

    public static string LatestOne => Get();

    public static string LatestMany => Get();

    public static string ShowAllConversations => Get();

    public static string HeldBy => Get();

    public static string InLanguage => Get();

    public static string Change => Get();

    public static string TheConversationOf => Get();

    public static string GoodLife => Get();

    public static string Strengths => Get();

    public static string CanDo => Get();

    public static string WhoIsAround => Get();

    public static string HelpWanted => Get();

    public static string Actions => Get();

    public static string NoActions => Get();

    public static string ActionsCaption => Get();

    public static string What => Get();

    public static string When => Get();

    public static string Serves => Get();

    public static string Cost => Get();

    public static string Done => Get();

    public static string NotPriced => Get();

    public static string DoneOn => Get();

    public static string MarkDone => Get();

    public static string NotYet => Get();

    public static string OpenAndDoneOne => Get();

    public static string OpenAndDoneMany => Get();

    public static string ShowAllActions => Get();

    public static string CostSoFar => Get();

    public static string AddAction => Get();

    public static string Avoided => Get();

    public static string NothingRecorded => Get();

    public static string AddAvoided => Get();

    public static string WhyAvoided => Get();

    public static string DateHint => Get();

    public static string AddToTally => Get();

    public static string LogContact => Get();

    public static string ContactAbout => Get();

    public static string ContactHint => Get();

    public static string LogTheContact => Get();

    public static string StepBack => Get();

    public static string StepBackWhen => Get();

    public static string NeedMet => Get();

    public static string Unknown => Get();

    public static string DirectoryEntry => Get();

    public static string AdmissionPrevented => Get();

    public static string PlacementAvoided => Get();

    public static string EvictionStopped => Get();

    public static string CareHomeAvoided => Get();

    public static string ArrestAvoided => Get();

    public static string ExclusionAvoided => Get();

    public static string SomethingElse => Get();

    public static string KnownTo => Get();

    public static string KnownNone => Get();

    public static string KnownOne => Get();

    public static string KnownMany => Get();

    public static string RecordsOne => Get();

    public static string RecordsMany => Get();

    public static string KnownCaption => Get();

    public static string SystemAndRecord => Get();

    public static string Postcode => Get();

    public static string TheDemand => Get();

    public static string WasSurname => Get();

    public static string NotRecorded => Get();

    public static string HiddenLower => Get();

    public static string ManageLinks => Get();

    /// <summary>The text under <paramref name="key"/> in the language of the request.</summary>
    public static string Get([CallerMemberName] string key = "") => Text.Of(Resources, key);
}
