namespace LocalFlow.Web.Pages;

/// <summary>The search page's words, in one place (so that they can move to resource files for Welsh).</summary>
public static class SearchText
{
    public const string Title = "Search";
    public const string Label = "Search LocalFlow";
    public const string Hint = "A person's name, a demand study, a type of demand or a system condition.";
    public const string Button = "Search";
    public const string TooShort = "Enter at least 2 characters to search for";
    public const string People = "People";
    public const string Studies = "Demand studies";
    public const string Types = "Types of demand";
    public const string Conditions = "System conditions";
    public const string Nothing = "Nothing found. Check the spelling, or search for part of a name.";
    public const string Hidden = "People you may not see are not searched.";

    public static string Found(int n, string q) => $"{LocalFlow.Analytics.Plural.Of(n, "result")} for “{q}”";
    public static string Born(DateOnly d) => "born " + d.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));
    public static string Started(DateOnly d) => "started " + d.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));
    public static string InStudy(string service) => "in the study of " + service;
}
