using System.Resources;
using System.Runtime.CompilerServices;

namespace LocalFlow.Web.Resources;

/// <summary>The home page's text. In HomeText.resx (English) and HomeText.cy.resx (Welsh).</summary>
public static class HomeText
{
    private static readonly ResourceManager Resources = new(typeof(HomeText));

    public static string Title => Get();

    public static string Lead => Get();

    public static string About => Get();

    public static string SignIn => Get();

    public static string NewHere => Get();

    public static string SignedInAs => Get();

    public static string HouseholdsOne => Get();

    public static string HouseholdsMany => Get();

    public static string AgenciesOne => Get();

    public static string AgenciesMany => Get();

    public static string TeamsOne => Get();

    public static string TeamsMany => Get();

    public static string FrontDoors => Get();

    public static string WhatItDoes => Get();

    public static string NotBuilt => Get();

    public static string Later => Get();

    public static string RoleLacks => Get();

    public static string SignInToOpen => Get();

    public static string DemandName => Get();

    public static string DemandSummary => Get();

    public static string FlowName => Get();

    public static string FlowSummary => Get();

    public static string LinkingName => Get();

    public static string LinkingSummary => Get();

    public static string LocalityName => Get();

    public static string LocalitySummary => Get();

    public static string MeasuresName => Get();

    public static string MeasuresSummary => Get();

    public static string EconomicsName => Get();

    public static string EconomicsSummary => Get();

    public static string RedesignName => Get();

    public static string RedesignSummary => Get();

    public static string AdminName => Get();

    public static string AdminSummary => Get();

    /// <summary>The text under <paramref name="key"/> in the language of the request.</summary>
    public static string Get([CallerMemberName] string key = "") => Text.Of(Resources, key);
}
