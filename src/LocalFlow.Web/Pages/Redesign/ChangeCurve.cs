using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace LocalFlow.Web.Pages.Redesign;

/// <summary>
/// The Kübler-Ross change curve, drawn on the server: how people's morale and energy typically move through a change.
/// It is a picture of feelings, not a measurement, so it has no figures on its axis.
/// </summary>
public static class ChangeCurve
{
    /// <summary>The stages in order, with how people typically feel (0 low to 10 high) and what helps them.</summary>
    public static readonly (string Stage, int Feeling, string Helps)[] Stages =
    [
        ("Shock", 5, "Say clearly what is changing and why."),
        ("Denial", 6, "Keep communicating; give space for emotions."),
        ("Frustration", 3, "Listen; show that feedback is acted on."),
        ("Depression", 1, "Support people; make time for the change."),
        ("Experiment", 4, "Quick wins; let people try the new way."),
        ("Decision", 7, "Celebrate what works; share the vision."),
        ("Integration", 9, "Embed it as business as usual."),
    ];

    /// <summary>The curve as an SVG with a title and description; the same stages are in a table beside it.</summary>
    public static IHtmlContent Svg()
    {
        const int w = 640, h = 260, left = 20, right = 20, top = 20, bottom = 60;
        var step = (w - left - right) / (double)(Stages.Length - 1);
        string X(int i) => (left + i * step).ToString("0.#", CultureInfo.InvariantCulture);
        string Y(int feeling) => (top + (10 - feeling) * (h - top - bottom) / 10.0).ToString("0.#", CultureInfo.InvariantCulture);
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" width=\"100%\" role=\"img\" aria-labelledby=\"curve-title curve-desc\" id=\"change-curve\">");
        sb.Append("<title id=\"curve-title\">The change curve</title>");
        sb.Append("<desc id=\"curve-desc\">Morale dips from shock through denial and frustration to its lowest at depression, then rises through experiment and decision to integration. The table below gives each stage.</desc>");
        sb.Append("<polyline fill=\"none\" stroke=\"#0072B2\" stroke-width=\"3\" points=\"");
        for (var i = 0; i < Stages.Length; i++)
        {
            sb.Append(X(i)).Append(',').Append(Y(Stages[i].Feeling)).Append(' ');
        }
        sb.Append("\"/>");
        for (var i = 0; i < Stages.Length; i++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{X(i)}\" cy=\"{Y(Stages[i].Feeling)}\" r=\"5\" fill=\"#0072B2\"/>");
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{X(i)}\" y=\"{h - bottom + 24}\" text-anchor=\"{(i == 0 ? "start" : i == Stages.Length - 1 ? "end" : "middle")}\" font-size=\"14\" fill=\"#0b0c0c\">{Stages[i].Stage}</text>");
        }
        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{left}\" y=\"{h - 8}\" font-size=\"13\" fill=\"#505a5f\">Time through the change →</text>");
        sb.Append("</svg>");
        return new HtmlString(sb.ToString());
    }
}
