using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace LocalFlow.Web.Infrastructure;

/// <summary>
/// GOV.UK Design System form components written by hand (error summary, text input, textarea, select,
/// radios, checkboxes). Each keeps what was typed when the form comes back with errors.
/// </summary>
public static partial class Gov
{
    private static readonly HtmlEncoder Enc = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    private static string E(string? s) => Enc.Encode(s ?? "");

    /// <summary>An element id from a model key: "Input.Name" → "Input_Name".</summary>
    public static string Id(string key) => key.Replace('.', '_').Replace('[', '_').Replace(']', '_');

    public static IHtmlContent ErrorSummary(ModelStateDictionary state)
    {
        if (state.IsValid)
        {
            return HtmlString.Empty;
        }
        var items = string.Concat(state
            .Where(kv => kv.Value is not null && kv.Value.Errors.Count > 0)
            .SelectMany(kv => kv.Value!.Errors.Select(e => (Key: kv.Key, e.ErrorMessage)))
            .Select(x => string.IsNullOrEmpty(x.Key)
                ? $"<li>{E(x.ErrorMessage)}</li>"
                : $"<li><a href=\"#{E(Id(x.Key))}\">{E(x.ErrorMessage)}</a></li>"));
        return new HtmlString($"""
            <div class="govuk-error-summary" data-module="govuk-error-summary">
              <div role="alert">
                <h2 class="govuk-error-summary__title">{E(Resources.LayoutText.ErrorSummaryTitle)}</h2>
                <div class="govuk-error-summary__body"><ul class="govuk-list govuk-error-summary__list">{items}</ul></div>
              </div>
            </div>
            """);
    }

    private static string? ErrorFor(ModelStateDictionary state, string key)
        => state.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    /// <summary>What the user typed if the form came back, else the model's value.</summary>
    private static string ValueFor(ModelStateDictionary state, string key, object? value)
        => state.TryGetValue(key, out var entry) && entry.AttemptedValue is not null
            ? entry.AttemptedValue
            : Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";

    private static (string Group, string Error, string Described) Parts(ModelStateDictionary state, string key, string? hint)
    {
        var id = Id(key);
        var error = ErrorFor(state, key);
        var described = string.Join(' ', new[] { hint is null ? null : id + "-hint", error is null ? null : id + "-error" }.Where(x => x is not null));
        var group = error is null ? "govuk-form-group" : "govuk-form-group govuk-form-group--error";
        var errorHtml = error is null ? "" : $"<p id=\"{id}-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">{E(Resources.LayoutText.ErrorPrefix)}</span> {E(error)}</p>";
        return (group, errorHtml, described.Length == 0 ? "" : $" aria-describedby=\"{described}\"");
    }

    private static string HintHtml(string id, string? hint) => hint is null ? "" : $"<div id=\"{id}-hint\" class=\"govuk-hint\">{E(hint)}</div>";

    public static IHtmlContent Input(ModelStateDictionary state, string key, string label, object? value, string? hint = null, string type = "text", string width = "", string? autocomplete = null, bool labelIsPageHeading = false, string? extraAttributes = null)
    {
        var id = Id(key);
        var (group, error, described) = Parts(state, key, hint);
        var errClass = error.Length > 0 ? " govuk-input--error" : "";
        var widthClass = width.Length > 0 ? $" govuk-input--width-{width}" : "";
        var ac = autocomplete is null ? "" : $" autocomplete=\"{autocomplete}\"";
        var labelHtml = labelIsPageHeading
            ? $"<h1 class=\"govuk-label-wrapper\"><label class=\"govuk-label govuk-label--l\" for=\"{id}\">{E(label)}</label></h1>"
            : $"<label class=\"govuk-label\" for=\"{id}\">{E(label)}</label>";
        return new HtmlString($"""
            <div class="{group}">{labelHtml}{HintHtml(id, hint)}{error}<input class="govuk-input{errClass}{widthClass}" id="{id}" name="{E(key)}" type="{type}" value="{E(ValueFor(state, key, value))}"{described}{ac}{(extraAttributes is null ? "" : " " + extraAttributes)}></div>
            """);
    }

    public static IHtmlContent Textarea(ModelStateDictionary state, string key, string label, string? value, string? hint = null, int rows = 5, string? extraAttributes = null, bool labelBold = false)
    {
        var id = Id(key);
        var (group, error, described) = Parts(state, key, hint);
        var errClass = error.Length > 0 ? " govuk-textarea--error" : "";
        var labelClass = labelBold ? "govuk-label govuk-label--s" : "govuk-label";
        return new HtmlString($"""
            <div class="{group}"><label class="{labelClass}" for="{id}">{E(label)}</label>{HintHtml(id, hint)}{error}<textarea class="govuk-textarea{errClass}" id="{id}" name="{E(key)}" rows="{rows}"{described}{(extraAttributes is null ? "" : " " + extraAttributes)}>{E(ValueFor(state, key, value))}</textarea></div>
            """);
    }

    public static IHtmlContent Select(ModelStateDictionary state, string key, string label, object? value, IEnumerable<(string Value, string Text)> options, string? hint = null, string? emptyText = "Choose", string? extraAttributes = null)
    {
        var id = Id(key);
        var (group, error, described) = Parts(state, key, hint);
        var current = ValueFor(state, key, value);
        var errClass = error.Length > 0 ? " govuk-select--error" : "";
        var opts = (emptyText is null ? "" : $"<option value=\"\">{E(emptyText == "Choose" ? Resources.FormText.Choose : emptyText)}</option>")
            + string.Concat(options.Select(o => $"<option value=\"{E(o.Value)}\"{(o.Value == current ? " selected" : "")}>{E(o.Text)}</option>"));
        return new HtmlString($"""
            <div class="{group}"><label class="govuk-label" for="{id}">{E(label)}</label>{HintHtml(id, hint)}{error}<select class="govuk-select{errClass}" id="{id}" name="{E(key)}"{described}{(extraAttributes is null ? "" : " " + extraAttributes)}>{opts}</select></div>
            """);
    }

    public static IHtmlContent Radios(ModelStateDictionary state, string key, string legend, object? value, IEnumerable<(string Value, string Text, string? Hint)> options, string? hint = null, bool inline = false, bool small = false)
    {
        var id = Id(key);
        var (group, error, described) = Parts(state, key, hint);
        var current = ValueFor(state, key, value);
        var i = 0;
        var items = string.Concat(options.Select(o =>
        {
            var itemId = i++ == 0 ? id : $"{id}-{i}";
            var itemHint = o.Hint is null ? "" : $"<div id=\"{itemId}-item-hint\" class=\"govuk-hint govuk-radios__hint\">{E(o.Hint)}</div>";
            var aria = o.Hint is null ? "" : $" aria-describedby=\"{itemId}-item-hint\"";
            return $"<div class=\"govuk-radios__item\"><input class=\"govuk-radios__input\" id=\"{itemId}\" name=\"{E(key)}\" type=\"radio\" value=\"{E(o.Value)}\"{(o.Value == current ? " checked" : "")}{aria}><label class=\"govuk-label govuk-radios__label\" for=\"{itemId}\">{E(o.Text)}</label>{itemHint}</div>";
        }));
        var cls = "govuk-radios" + (inline ? " govuk-radios--inline" : "") + (small ? " govuk-radios--small" : "");
        return new HtmlString($"""
            <div class="{group}"><fieldset class="govuk-fieldset"{described}><legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{E(legend)}</legend>{HintHtml(id, hint)}{error}<div class="{cls}" data-module="govuk-radios">{items}</div></fieldset></div>
            """);
    }

    public static IHtmlContent Checkboxes(ModelStateDictionary state, string key, string legend, IEnumerable<string> selected, IEnumerable<(string Value, string Text)> options, string? hint = null, bool small = false)
    {
        var id = Id(key);
        var (group, error, described) = Parts(state, key, hint);
        var chosen = new HashSet<string>(state.TryGetValue(key, out var entry) && entry.AttemptedValue is not null
            ? (entry.RawValue as string[] ?? [entry.AttemptedValue])
            : selected, StringComparer.Ordinal);
        var i = 0;
        var items = string.Concat(options.Select(o =>
        {
            var itemId = i++ == 0 ? id : $"{id}-{i}";
            return $"<div class=\"govuk-checkboxes__item\"><input class=\"govuk-checkboxes__input\" id=\"{itemId}\" name=\"{E(key)}\" type=\"checkbox\" value=\"{E(o.Value)}\"{(chosen.Contains(o.Value) ? " checked" : "")}><label class=\"govuk-label govuk-checkboxes__label\" for=\"{itemId}\">{E(o.Text)}</label></div>";
        }));
        return new HtmlString($"""
            <div class="{group}"><fieldset class="govuk-fieldset"{described}><legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{E(legend)}</legend>{HintHtml(id, hint)}{error}<div class="govuk-checkboxes{(small ? " govuk-checkboxes--small" : "")}" data-module="govuk-checkboxes">{items}</div></fieldset></div>
            """);
    }

    /// <summary>GOV.UK pagination (previous, the page numbers around this one, next); nothing when there is one page.</summary>
    /// <param name="page">This page, from 1.</param>
    /// <param name="pages">How many pages there are.</param>
    /// <param name="link">The address of a page.</param>
    /// <param name="label">What the pages are of, for screen readers, e.g. "Pages of demands".</param>
    public static IHtmlContent Pagination(int page, int pages, Func<int, string> link, string label)
    {
        if (pages <= 1)
        {
            return HtmlString.Empty;
        }
        var sb = new System.Text.StringBuilder($"<nav class=\"govuk-pagination\" aria-label=\"{E(label)}\">");
        if (page > 1)
        {
            sb.Append($"<div class=\"govuk-pagination__prev\"><a class=\"govuk-link govuk-pagination__link\" href=\"{E(link(page - 1))}\" rel=\"prev\"><span class=\"govuk-pagination__link-title\">{E(Resources.FormText.Previous)}<span class=\"govuk-visually-hidden\">{E(Resources.FormText.PageHidden)}</span></span></a></div>");
        }
        sb.Append("<ul class=\"govuk-pagination__list\">");
        var shown = new SortedSet<int> { 1, pages, page, Math.Max(1, page - 1), Math.Min(pages, page + 1) };
        var previous = 0;
        foreach (var n in shown)
        {
            if (n > previous + 1)
            {
                sb.Append("<li class=\"govuk-pagination__item govuk-pagination__item--ellipses\">&ctdot;</li>");
            }
            var number = n.ToString(CultureInfo.InvariantCulture);
            sb.Append(n == page
                ? $"<li class=\"govuk-pagination__item govuk-pagination__item--current\"><a class=\"govuk-link govuk-pagination__link\" href=\"{E(link(n))}\" aria-label=\"{E(Resources.Text.Format(Resources.FormText.PageNumber, number))}\" aria-current=\"page\">{number}</a></li>"
                : $"<li class=\"govuk-pagination__item\"><a class=\"govuk-link govuk-pagination__link\" href=\"{E(link(n))}\" aria-label=\"{E(Resources.Text.Format(Resources.FormText.PageNumber, number))}\">{number}</a></li>");
            previous = n;
        }
        sb.Append("</ul>");
        if (page < pages)
        {
            sb.Append($"<div class=\"govuk-pagination__next\"><a class=\"govuk-link govuk-pagination__link\" href=\"{E(link(page + 1))}\" rel=\"next\"><span class=\"govuk-pagination__link-title\">{E(Resources.FormText.Next)}<span class=\"govuk-visually-hidden\">{E(Resources.FormText.PageHidden)}</span></span></a></div>");
        }
        return new HtmlString(sb.Append("</nav>").ToString());
    }

    /// <summary>Pounds in en-GB style: £1,234.50 (or £1,235 when <paramref name="whole"/>).</summary>
    public static string Money(decimal amount, bool whole = false)
        => amount.ToString(whole ? "C0" : "C2", CultureInfo.GetCultureInfo("en-GB"));

    public static string Number(double value, int decimals = 0) => value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.GetCultureInfo("en-GB"));

    public static string Number(long value) => value.ToString("N0", CultureInfo.GetCultureInfo("en-GB"));

    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    /// <summary>A UTC instant as people in England read it: "23 November 2026, 9:41am".</summary>
    public static string LocalTime(DateTime utc)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), London);
        return local.ToString("d MMMM yyyy, h:mmtt", CultureInfo.GetCultureInfo("en-GB")).Replace("AM", "am", StringComparison.Ordinal).Replace("PM", "pm", StringComparison.Ordinal);
    }

    public static DateTime ToLondon(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), London);

    public static DateTime FromLondon(DateTime local) => TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), London);

    /// <summary>
    /// A person's own words, as they said them: isolated for direction (<c>bdi</c>) and marked with the language they
    /// were said in (<paramref name="language"/>: a tag or a name, see <see cref="LocalFlow.Data.SpokenLanguages"/>;
    /// none is English), so that a Welsh page reads English words as English and an English page reads Welsh as Welsh.
    /// </summary>
    public static IHtmlContent Words(string? words, string? language, string cssClass = "lf-verbatim")
        => new HtmlString($"<bdi{(cssClass.Length > 0 ? $" class=\"{E(cssClass)}\"" : "")} lang=\"{E(LocalFlow.Data.SpokenLanguages.LangOf(language))}\">{E(words)}</bdi>");

    public static string Date(DateOnly d) => d.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));
}
