using System.Globalization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace LocalFlow.Web.Infrastructure;

// The GOV.UK date input: day, month and year in three fields, keeping what was typed when the form comes back.
public static partial class Gov
{
    /// <summary>
    /// Three fields named <c>{key}Day</c>, <c>{key}Month</c> and <c>{key}Year</c>; the day field has the id of
    /// <paramref name="key"/>, so the error summary's link for the key lands on it.
    /// </summary>
    public static IHtmlContent DateInput(ModelStateDictionary state, string key, string legend, DateOnly? value, IFormCollection? typed, string? hint = null)
    {
        var id = Id(key);
        var (group, error, described) = Parts(state, key, hint);
        var err = error.Length > 0 ? " govuk-input--error" : "";
        string Field(string part, string label, int width, int? number)
        {
            var text = typed is not null && typed.ContainsKey(key + part) ? typed[key + part].ToString() : number?.ToString(CultureInfo.InvariantCulture) ?? "";
            var fieldId = part == "Day" ? id : id + part;
            return $"<div class=\"govuk-date-input__item\"><div class=\"govuk-form-group\"><label class=\"govuk-label govuk-date-input__label\" for=\"{fieldId}\">{label}</label><input class=\"govuk-input govuk-date-input__input govuk-input--width-{width}{err}\" id=\"{fieldId}\" name=\"{E(key + part)}\" type=\"text\" inputmode=\"numeric\" value=\"{E(text)}\"></div></div>";
        }
        return new HtmlString($"""
            <div class="{group}"><fieldset class="govuk-fieldset" role="group"{described}><legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{E(legend)}</legend>{HintHtml(id, hint)}{error}<div class="govuk-date-input">{Field("Day", E(Resources.FormText.Day), 2, value?.Day)}{Field("Month", E(Resources.FormText.Month), 2, value?.Month)}{Field("Year", E(Resources.FormText.Year), 4, value?.Year)}</div></fieldset></div>
            """);
    }

    /// <summary>
    /// Reads a date typed in <see cref="DateInput"/>'s three fields: null and <c>Empty</c> when all three are empty,
    /// null when they do not make a real date, else the date.
    /// </summary>
    public static (DateOnly? Date, bool Empty) ReadDate(IFormCollection form, string key)
    {
        string Part(string p) => form.TryGetValue(key + p, out var v) ? v.ToString().Trim() : "";
        var (d, m, y) = (Part("Day"), Part("Month"), Part("Year"));
        if (d.Length == 0 && m.Length == 0 && y.Length == 0)
        {
            return (null, true);
        }
        var ok = int.TryParse(d, NumberStyles.None, CultureInfo.InvariantCulture, out var day) & int.TryParse(m, NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            & int.TryParse(y, NumberStyles.None, CultureInfo.InvariantCulture, out var year);
        return ok && year is >= 1900 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) ? (new DateOnly(year, month, day), false) : (null, false);
    }

    /// <summary>
    /// A date of something that has happened, typed as day, month and year in <paramref name="key"/>: today when all
    /// three boxes are empty, unless <paramref name="required"/> gives the error to show then; null, with the field's
    /// error in <paramref name="state"/>, when it is not a date or is later than <paramref name="today"/>. The boxes
    /// keep what was typed (<see cref="DateInput"/> with the form).
    /// </summary>
    public static DateOnly? ReadPastDate(ModelStateDictionary state, IFormCollection form, string key, DateOnly today, string? required = null)
    {
        var (on, empty) = ReadDate(form, key);
        if (empty && required is not null)
        {
            state.AddModelError(key, required);
            return null;
        }
        if (on is null && !empty)
        {
            state.AddModelError(key, Resources.FormText.DateFormat);
            return null;
        }
        if ((on ?? today) > today)
        {
            state.AddModelError(key, Resources.FormText.DateNotFuture);
            return null;
        }
        return on ?? today;
    }
}
