using System.Resources;
using System.Runtime.CompilerServices;

namespace LocalFlow.Web.Resources;

/// <summary>The locality team's pages: the landing page, people and households, and the words they share with a person's page. In LocalityText.resx (English) and LocalityText.cy.resx (Welsh).</summary>
public static class LocalityText
{
    private static readonly ResourceManager Resources = new(typeof(LocalityText));

    public static string Title => Get();

    public static string OurPurpose => Get();

    public static string OurPrinciples => Get();

    public static string ChangePurpose => Get();

    public static string Waiting => Get();

    public static string MyPeople => Get();

    public static string NotAWorker => Get();

    public static string PeopleAndHouseholdsLink => Get();

    public static string NotKeyWorkerYet => Get();

    public static string MineOne => Get();

    public static string MineMany => Get();

    public static string Who => Get();

    public static string WhatMatters => Get();

    public static string WhatNext => Get();

    public static string YourPart => Get();

    public static string Restricted => Get();

    public static string SteppedBackOn => Get();

    public static string NothingPlanned => Get();

    public static string KeyWorker => Get();

    public static string Involved => Get();

    public static string PeopleAndHouseholds => Get();

    public static string PeopleAndHouseholdsWhat => Get();

    public static string TeamBoard => Get();

    public static string TeamBoardWhat => Get();

    public static string Directory => Get();

    public static string DirectoryWhat => Get();

    public static string Picture => Get();

    public static string PictureWhat => Get();

    public static string AddNew => Get();

    public static string SearchLabel => Get();

    public static string SearchHint => Get();

    public static string Search => Get();

    public static string FoundOne => Get();

    public static string FoundMany => Get();

    public static string FirstShown => Get();

    public static string FoundCaption => Get();

    public static string Name => Get();

    public static string DateOfBirth => Get();

    public static string Address => Get();

    public static string NotKnown => Get();

    public static string TypeTwo => Get();

    public static string BackToLocality => Get();

    public static string NoTeam => Get();

    public static string BoardSummary => Get();

    public static string IsOne => Get();

    public static string IsMany => Get();

    public static string NeedsOne => Get();

    public static string NeedsMany => Get();

    public static string WaitingForUs => Get();

    public static string WaitingWhat => Get();

    public static string NobodyWaiting => Get();

    public static string NewNoConversation => Get();

    public static string WasDue => Get();

    public static string NeedVisit => Get();

    public static string NeedVisitWhat => Get();

    public static string EveryoneSeen => Get();

    public static string LastOn => Get();

    public static string NothingSince => Get();

    public static string WorkingWith => Get();

    public static string LastThing => Get();

    public static string DifferentWorkers => Get();

    public static string New => Get();

    public static string Overdue => Get();

    public static string NothingYet => Get();

    public static string NoneYet => Get();

    public static string InMeetingsOne => Get();

    public static string InMeetingsMany => Get();

    public static string DifferentWorkersWhat => Get();

    public static string Capacity => Get();

    public static string Worker => Get();

    public static string KeyWorkerFor => Get();

    public static string AlsoInvolvedWith => Get();

    public static string HouseholdsOne => Get();

    public static string HouseholdsMany => Get();

    public static string AndHousehold => Get();

    /// <summary>The text under <paramref name="key"/> in the language of the request.</summary>
    public static string Get([CallerMemberName] string key = "") => Text.Of(Resources, key);
}
