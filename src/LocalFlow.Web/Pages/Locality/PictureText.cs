using LocalFlow.Analytics.Locality;
using LocalFlow.Web.Pages.Flow;

namespace LocalFlow.Web.Pages.Locality;

/// <summary>The locality picture's display text.</summary>
public static class PictureText
{
    /// <summary>A flag rule in words: "Police records · kind: Emergency response".</summary>
    public static string RuleWords(FlagRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var parts = new List<string>();
        if (rule.Agency is { } a)
        {
            parts.Add($"agency “{a}”");
        }
        if (rule.Team is { } t)
        {
            parts.Add($"team “{t}”");
        }
        if (rule.Kind is { } k)
        {
            parts.Add($"kind: {FlowAccess.KindName(k)}");
        }
        if (rule.Type is { } y)
        {
            parts.Add($"type or text “{y}”");
        }
        return "Any record with " + string.Join(", ", parts);
    }
}
