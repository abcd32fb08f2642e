using System.Resources;
using System.Runtime.CompilerServices;

namespace LocalFlow.Web.Resources;

/// <summary>
/// The resource side of the redesign programme's pages (the resource database, money, buildings, workforce gaps,
/// import, needs, groups and members). In RedesignResourceText.resx (English) and RedesignResourceText.cy.resx (Welsh).
/// </summary>
public static partial class RedesignResourceText
{
    private static readonly ResourceManager Resources = new(typeof(RedesignResourceText));

    public static string BackToResources => Get();
    public static string SavedBy => Get();
    public static string Save => Get();
    public static string Conflict => Get();
    public static string PersonOne => Get();
    public static string PersonMany => Get();
    public static string GapAddTitle => Get();
    public static string GapChangeTitle => Get();
    public static string GapIntro => Get();
    public static string GapSkill => Get();
    public static string GapSkillHint => Get();
    public static string GapAgency => Get();
    public static string GapNoAgency => Get();
    public static string GapPeople => Get();
    public static string GapPeopleHint => Get();
    public static string GapNote => Get();
    public static string GapRemove => Get();
    public static string GapAdded => Get();
    public static string GapSaved => Get();
    public static string GapRemoved => Get();
    public static string GapThis => Get();
    public static string GapNoAgencyShort => Get();
    public static string ErrGapSkill => Get();
    public static string ErrGapSkillLong => Get();
    public static string ErrGapAgency => Get();
    public static string ErrGapPeople => Get();
    public static string ErrGapPeopleRange => Get();
    public static string ErrGapNoteLong => Get();

    /// <summary>The text under <paramref name="key"/> in the language of the request.</summary>
    public static string Get([CallerMemberName] string key = "") => Text.Of(Resources, key);

    /// <summary>"3 people", "1 person".</summary>
    public static string People(int n) => Text.Count(n, PersonOne, PersonMany);

    /// <summary>
    /// Tells the user, in the page's language, that <paramref name="who"/> saved a change to <paramref name="what"/>
    /// while they were editing, as <see cref="Pages.Redesign.RedesignText.SavedWhileEditing"/> does in English: the
    /// other version is shown above the form, what the user typed stays in it, and the posted version is dropped.
    /// </summary>
    public static void SavedWhileEditing(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary state, string field, string? who, string what)
    {
        Pages.Redesign.RedesignText.SavedWhileEditing(state, field, who, what);
        if (Infrastructure.Languages.IsWelsh)
        {
            state[field]!.Errors.Clear();
            state.AddModelError(field, Text.Format(Conflict, who, what));
        }
    }

    /// <summary>
    /// The Welsh of a workforce gap's problem under <paramref name="field"/> (<see cref="Data.Redesign.WorkforceGaps.Check"/>
    /// writes the English), with the numbers taken from what was typed.
    /// </summary>
    public static string GapError(string field, Data.Redesign.GapInput input) => field switch
    {
        "skill" => (input.Skill ?? "").Trim() is { Length: > 0 } s ? Text.Format(ErrGapSkillLong, s.Length) : ErrGapSkill,
        "agency" => ErrGapAgency,
        "people" => (input.People ?? "").Trim() is { Length: > 0 } p ? Text.Format(ErrGapPeopleRange, Data.Redesign.WorkforceGaps.MostPeople.ToString("N0", System.Globalization.CultureInfo.CurrentCulture), p) : ErrGapPeople,
        _ => Text.Format(ErrGapNoteLong, (input.Note ?? "").Trim().Length),
    };
}
