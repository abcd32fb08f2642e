using System.Resources;
using System.Runtime.CompilerServices;

namespace LocalFlow.Web.Resources;

/// <summary>The unit costs and the price index of the administration pages. In CostsText.resx (English) and CostsText.cy.resx (Welsh).</summary>
public static class CostsText
{
    private static readonly ResourceManager Resources = new(typeof(CostsText));

    public static string UnitCostsIntro => Get();

    public static string UnitCostsCaption => Get();

    public static string Activity => Get();

    public static string Cost => Get();

    public static string PriceYear => Get();

    public static string Source => Get();

    public static string ChangeHidden => Get();

    public static string AddUnitCost => Get();

    public static string KindOfActivity => Get();

    public static string DescriptionHint => Get();

    public static string CostInPounds => Get();

    public static string AmountHint => Get();

    public static string PriceYearHint => Get();

    public static string SourceHint => Get();

    public static string AddUnitCostButton => Get();

    public static string ChooseKindOfActivity => Get();

    public static string EnterDescription => Get();

    public static string EnterAmount => Get();

    public static string EnterPriceYear => Get();

    public static string EnterSource => Get();

    public static string CostTaken => Get();

    public static string ChangeUnitCost => Get();

    public static string BackToUnitCosts => Get();

    public static string SavedName => Get();

    public static string PriceIndexIntro => Get();

    public static string AddOrChangeYear => Get();

    public static string Year => Get();

    public static string YearHint => Get();

    public static string Index => Get();

    public static string IndexHint => Get();

    public static string IndexSourceHint => Get();

    public static string SaveYear => Get();

    public static string YearsInIndexOne => Get();

    public static string YearsInIndexMany => Get();

    public static string EnterYear => Get();

    public static string EnterIndex => Get();

    public static string EnterIndexSource => Get();

    public static string YearAdded => Get();

    public static string YearChanged => Get();

    /// <summary>The text under <paramref name="key"/> in the language of the request.</summary>
    public static string Get([CallerMemberName] string key = "") => Text.Of(Resources, key);
}
