using System.Resources;
using System.Runtime.CompilerServices;

namespace LocalFlow.Web.Resources;

/// <summary>The user pathway page's text. In PathwayText.resx (English) and PathwayText.cy.resx (Welsh); stage names are "Stage" + the stage, their ages "Ages" + the stage.</summary>
public static class PathwayText
{
    internal static readonly ResourceManager Resources = new(typeof(PathwayText));

    public static string Title => Get();
    public static string Caption => Get();
    public static string Back => Get();
    public static string Lead => Get();
    public static string RoundedNote => Get();
    public static string ChartTitle => Get();
    public static string ChartDescription => Get();
    public static string Everyone => Get();
    public static string Overlap => Get();
    public static string AgencyHeader => Get();
    public static string StagesHeading => Get();
    public static string StagesLead => Get();
    public static string ColStage => Get();
    public static string ColAges => Get();
    public static string ColPeople => Get();
    public static string ColRecords => Get();
    public static string ColOverlap => Get();
    public static string ColAtOnce => Get();
    public static string ColPlaced => Get();
    public static string ColGap => Get();
    public static string PlacedCounts => Get();
    public static string GapNoService => Get();
    public static string GapFewSeen => Get();
    public static string NoGap => Get();
    public static string HandOffsHeading => Get();
    public static string HandOffsLead => Get();
    public static string ColBoundary => Get();
    public static string ColFrom => Get();
    public static string ColTo => Get();
    public static string NoHandOffs => Get();
    public static string HandOffsWithheld => Get();
    public static string HandOffsNotListed => Get();
    public static string PlacedHeading => Get();
    public static string PlacedLead => Get();
    public static string NothingPlaced => Get();
    public static string KindNeed => Get();
    public static string KindService => Get();
    public static string KindBuilding => Get();
    public static string LeftOutHeading => Get();
    public static string LeftOut => Get();
    public static string Outside => Get();
    public static string HowHeading => Get();
    public static string How => Get();

    private static string Get([CallerMemberName] string key = "") => Text.Of(Resources, key);
}
