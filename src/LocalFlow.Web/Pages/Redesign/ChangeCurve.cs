using System.Globalization;
using System.Text;
using LocalFlow.Web.Resources;
using Microsoft.AspNetCore.Html;

namespace LocalFlow.Web.Pages.Redesign;

/// <summary>
/// The Kübler-Ross change curve, drawn on the server: how people's morale and energy typically move through a change.
/// It is a picture of feelings, not a measurement, so it has no figures on its axis.
/// </summary>
public static class ChangeCurve
{
    /// <summary>The stages in order (their names in JigsawText as "Curve_" and "Helps_" + the key), with how people typically feel (0 low to 10 high).</summary>
    private static readonly (string Key, int Feeling)[] Feelings =
    [
        ("Shock", 5),
        ("Denial", 6),
        ("Frustration", 3),
        ("Depression", 1),
        ("Experiment", 4),
        ("Decision", 7),
        ("Integration", 9),
    ];

    /// <summary>The stages in order, in the request's language, with how people typically feel (0 low to 10 high) and what helps them.</summary>
    public static IReadOnlyList<(string Stage, int Feeling, string Helps)> Stages =>
        [.. Feelings.Select(f => (JigsawText.Name("Curve", f.Key), f.Feeling, JigsawText.Name("Helps", f.Key)))];

    /// <summary>The curve as an SVG with a title and description; the same stages are in a table beside it.</summary>
    public static IHtmlContent Svg()
    {
        const int w = 640, h = 260, left = 20, right = 20, top = 20, bottom = 60;
        var stages = Stages;
        var step = (w - left - right) / (double)(stages.Count - 1);
        string X(int i) => (left + i * step).ToString("0.#", CultureInfo.InvariantCulture);
        string Y(int feeling) => (top + (10 - feeling) * (h - top - bottom) / 10.0).ToString("0.#", CultureInfo.InvariantCulture);
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" width=\"100%\" role=\"img\" aria-labelledby=\"curve-title curve-desc\" id=\"change-curve\">");
        sb.Append(CultureInfo.InvariantCulture, $"<title id=\"curve-title\">{E(JigsawText.CurveHeading)}</title>");
        sb.Append(CultureInfo.InvariantCulture, $"<desc id=\"curve-desc\">{E(JigsawText.CurveDescription)}</desc>");
        sb.Append("<polyline fill=\"none\" stroke=\"#0072B2\" stroke-width=\"3\" points=\"");
        for (var i = 0; i < stages.Count; i++)
        {
            sb.Append(X(i)).Append(',').Append(Y(stages[i].Feeling)).Append(' ');
        }
        sb.Append("\"/>");
        for (var i = 0; i < stages.Count; i++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{X(i)}\" cy=\"{Y(stages[i].Feeling)}\" r=\"5\" fill=\"#0072B2\"/>");
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{X(i)}\" y=\"{h - bottom + 24}\" text-anchor=\"{(i == 0 ? "start" : i == stages.Count - 1 ? "end" : "middle")}\" font-size=\"14\" fill=\"#0b0c0c\">{E(stages[i].Stage)}</text>");
        }
        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{left}\" y=\"{h - 8}\" font-size=\"13\" fill=\"#505a5f\">{E(JigsawText.CurveTime)}</text>");
        sb.Append("</svg>");
        return new HtmlString(sb.ToString());
    }

    private static string E(string text) => System.Net.WebUtility.HtmlEncode(text);
}
