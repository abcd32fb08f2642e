using System.Resources;
using System.Runtime.CompilerServices;
using LocalFlow.Analytics.Locality;
using LocalFlow.Web.Pages.Flow;

namespace LocalFlow.Web.Resources;

/// <summary>The locality picture (households, flags, tiers) and its flag rules and tier rule. In PictureText.resx (English) and PictureText.cy.resx (Welsh).</summary>
public static class PictureText
{
    private static readonly ResourceManager Resources = new(typeof(PictureText));

    public static string Lead => Get();

    public static string NotThreshold => Get();

    public static string CountWindow => Get();

    public static string Withheld => Get();

    public static string NothingToShow => Get();

    public static string InBrief => Get();

    public static string Households => Get();

    public static string WithAFlagLong => Get();

    public static string SeveralServices => Get();

    public static string ShareForHalf => Get();

    public static string TheFlags => Get();

    public static string DefaultRules => Get();

    public static string OwnRules => Get();

    public static string FlagWhen => Get();

    public static string ChangeRules => Get();

    public static string ByFlag => Get();

    public static string Flag => Get();

    public static string RaisedBy => Get();

    public static string Issues => Get();

    public static string GotInTouch => Get();

    public static string TypeOfContact => Get();

    public static string WhatMattersWords => Get();

    public static string Said => Get();

    public static string Concentrated => Get();

    public static string Concentration => Get();

    public static string Tiers => Get();

    public static string TierRuleSentence => Get();

    public static string FlagsOne => Get();

    public static string FlagsMany => Get();

    public static string AgenciesOne => Get();

    public static string AgenciesMany => Get();

    public static string ByTierQuarter => Get();

    public static string Period => Get();

    public static string StreetByStreet => Get();

    /// <summary>Paging the long tables: each table's pagination label, ", showing {0} to {1} of {2}" after a caption, and what the form offers.</summary>
    public static string PagesOfStreets => Get();

    public static string PagesOfPostcodes => Get();

    public static string PagesOfHouseholds => Get();

    public static string Showing => Get();

    public static string OnThisPage => Get();

    public static string StreetsCaption => Get();

    public static string Street => Get();

    public static string WithAFlag => Get();

    public static string Flags => Get();

    public static string OnSeveral => Get();

    public static string WithheldCell => Get();

    public static string FewerThan => Get();

    public static string PostcodeByPostcode => Get();

    public static string PostcodesCaption => Get();

    public static string Postcode => Get();

    public static string HouseholdsWithFlags => Get();

    public static string TeamOnly => Get();

    public static string HouseholdsOne => Get();

    public static string HouseholdsMany => Get();

    public static string Household => Get();

    public static string Records => Get();

    public static string Agencies => Get();

    public static string TierAndWhy => Get();

    public static string FlagCountOne => Get();

    public static string FlagCountMany => Get();

    public static string FlagList => Get();

    public static string SetByTeam => Get();

    public static string PlaceYourself => Get();

    public static string PlaceText => Get();

    public static string TierLabel => Get();

    public static string BackToRule => Get();

    public static string Why => Get();

    public static string WhyHint => Get();

    public static string SaveTier => Get();

    public static string ChooseHousehold => Get();

    public static string ChooseTier => Get();

    public static string SayWhyBetter => Get();

    public static string NoteTooLong => Get();

    public static string PlacedByRule => Get();

    public static string PlacedIn => Get();

    public static string InBalance => Get();

    public static string EitherWay => Get();

    public static string SeriousHelp => Get();

    public static string RulesTitle => Get();

    public static string RulesLead => Get();

    public static string PictureLink => Get();

    public static string FlagRules => Get();

    public static string DefaultFirst => Get();

    public static string MustMatch => Get();

    public static string RuleCount => Get();

    public static string Remove => Get();

    public static string AddRule => Get();

    public static string NameLabel => Get();

    public static string NameHint => Get();

    public static string AgencyLabel => Get();

    public static string AgencyHint => Get();

    public static string TeamLabel => Get();

    public static string TeamHint => Get();

    public static string KindLabel => Get();

    public static string AnyKind => Get();

    public static string TypeLabel => Get();

    public static string TypeHint => Get();

    public static string AddTheRule => Get();

    public static string TierRule => Get();

    public static string TierWith => Get();

    public static string FlagsOrMore => Get();

    public static string AgenciesOrMore => Get();

    public static string EveryoneElse => Get();

    public static string SaveTierRule => Get();

    public static string EnterName => Get();

    public static string AlreadyFlag => Get();

    public static string NameTooLong => Get();

    public static string AgencyTooLong => Get();

    public static string TeamTooLong => Get();

    public static string TypeTooLong => Get();

    public static string ChooseKind => Get();

    public static string EnterOne => Get();

    public static string RuleAdded => Get();

    public static string RuleRemoved => Get();

    public static string WholeNumber => Get();

    public static string TierRuleChanged => Get();

    public static string AnyRecordWith => Get();

    public static string RuleAgency => Get();

    public static string RuleTeam => Get();

    public static string RuleKind => Get();

    public static string RuleType => Get();

    /// <summary>A tier's name in the request's language (<see cref="Tiers.Words"/> in English, kept for exports and the API).</summary>
    public static string TierName(Tier tier) => tier switch
    {
        Tier.InBalance => InBalance,
        Tier.EitherWay => EitherWay,
        Tier.SeriousHelp => SeriousHelp,
        _ => throw new ArgumentOutOfRangeException(nameof(tier)),
    };

    /// <summary>A flag rule in words: "Any record with agency “Police”, kind: Emergency response".</summary>
    public static string RuleWords(FlagRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var parts = new List<string>();
        if (rule.Agency is { } a)
        {
            parts.Add(Text.Format(RuleAgency, a));
        }
        if (rule.Team is { } t)
        {
            parts.Add(Text.Format(RuleTeam, t));
        }
        if (rule.Kind is { } k)
        {
            parts.Add(Text.Format(RuleKind, FlowAccess.KindName(k)));
        }
        if (rule.Type is { } y)
        {
            parts.Add(Text.Format(RuleType, y));
        }
        return Text.Format(AnyRecordWith, string.Join(", ", parts));
    }

    /// <summary>The text under <paramref name="key"/> in the language of the request.</summary>
    public static string Get([CallerMemberName] string key = "") => Text.Of(Resources, key);
}
