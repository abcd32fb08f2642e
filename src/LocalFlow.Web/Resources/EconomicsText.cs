using System.Resources;
using System.Runtime.CompilerServices;

namespace LocalFlow.Web.Resources;

/// <summary>The economics of locality working: cost by agency before and after, unit and end-to-end cost, by quarter, what was avoided, the glide path and the extrapolation, with the form's errors. In EconomicsText.resx (English) and EconomicsText.cy.resx (Welsh).</summary>
public static class EconomicsText
{
    private static readonly ResourceManager Resources = new(typeof(EconomicsText));

    public static string Title => Get();

    public static string Hidden => Get();

    public static string Lead => Get();

    public static string SameHouseholds => Get();

    public static string SeeAlso => Get();

    public static string PictureLink => Get();

    public static string ChangeAssumptions => Get();

    public static string PriceYear => Get();

    public static string PriceYearHint => Get();

    public static string IndexEmpty => Get();

    public static string AreaHouseholds => Get();

    public static string AreaHint => Get();

    public static string BaseYear => Get();

    public static string BaseYearHint => Get();

    public static string Overheads => Get();

    public static string OverheadsHint => Get();

    public static string Range => Get();

    public static string GlideYears => Get();

    public static string Change => Get();

    public static string ChangeHint => Get();

    public static string ShowFigures => Get();

    public static string NoFigures => Get();

    public static string NotMember => Get();

    public static string CorrectAnswers => Get();

    public static string Withheld => Get();

    public static string NoHouseholds => Get();

    public static string IndexEmptyPage => Get();

    public static string ObservedOne => Get();

    public static string ObservedMany => Get();

    public static string OutsideOne => Get();

    public static string OutsideMany => Get();

    public static string ByAgency => Get();

    public static string ByAgencyCaption => Get();

    public static string AgencyGroup => Get();

    public static string TransactionsBefore => Get();

    public static string CostBefore => Get();

    public static string TransactionsAfter => Get();

    public static string CostAfter => Get();

    public static string AllAgencies => Get();

    public static string UnitCost => Get();

    public static string UnitCostIntro => Get();

    public static string PerTransaction => Get();

    public static string BeforeAfter => Get();

    public static string EndToEnd => Get();

    public static string SavingPerYear => Get();

    public static string LastYear => Get();

    public static string AmountAt => Get();

    public static string ByQuarter => Get();

    public static string ByQuarterCaption => Get();

    public static string Quarter => Get();

    public static string Households => Get();

    public static string Transactions => Get();

    public static string CumulativeTransactions => Get();

    public static string Cost => Get();

    public static string CumulativeCost => Get();

    public static string QuarterBefore => Get();

    public static string QuarterAfter => Get();

    public static string FewerThan5 => Get();

    public static string NotYetObserved => Get();

    public static string Avoided => Get();

    public static string NothingAvoided => Get();

    public static string AvoidedCaption => Get();

    public static string AvoidedHeader => Get();

    public static string Times => Get();

    public static string Reasons => Get();

    public static string Concentration => Get();

    public static string ConcentrationLine => Get();

    public static string GlidePath => Get();

    public static string GlideOne => Get();

    public static string GlideMany => Get();

    public static string FirstYear => Get();

    public static string LaterYears => Get();

    public static string PricesStay => Get();

    public static string GlideCaption => Get();

    public static string Year => Get();

    public static string Cumulative => Get();

    public static string YearN => Get();

    public static string Extrapolation => Get();

    public static string Warning => Get();

    public static string EstimateWarning => Get();

    public static string EstimateLine => Get();

    public static string ObservedSaving => Get();

    public static string EqualSpend => Get();

    public static string Population => Get();

    public static string DirectOnly => Get();

    public static string Sensitivity => Get();

    public static string At => Get();

    public static string SocialServices => Get();

    public static string LocalAuthority => Get();

    public static string Health => Get();

    public static string Police => Get();

    public static string Education => Get();

    public static string LocalityTeam => Get();

    public static string OtherAgencies => Get();

    public static string AreaError => Get();

    public static string BaseYearError => Get();

    public static string OverheadsError => Get();

    public static string RangeError => Get();

    public static string GlideYearsError => Get();

    public static string ChangeError => Get();

    public static string YearError => Get();

    /// <summary>The text under <paramref name="key"/> in the language of the request.</summary>
    public static string Get([CallerMemberName] string key = "") => Text.Of(Resources, key);
}
