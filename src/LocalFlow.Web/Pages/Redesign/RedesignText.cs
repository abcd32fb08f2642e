using LocalFlow.Analytics.Redesign;
using LocalFlow.Data.Entities;
using LocalFlow.Data.Redesign;
using LocalFlow.Web.Resources;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace LocalFlow.Web.Pages.Redesign;

/// <summary>
/// The redesign programme's display text: stage, status and source names, the ten steps, the jigsaw's pieces and
/// symptoms, in the request's language (ProgrammeText, JigsawText). CSV exports and the API keep their own English names.
/// </summary>
public static class RedesignText
{
    public static string Stage(QuestionStage s) => Enum.IsDefined(s) ? ProgrammeText.Name("Stage", s) : s.ToString();

    public static string Status(QuestionStatus s) => Enum.IsDefined(s) ? ProgrammeText.Name("Status", s) : s.ToString();

    /// <summary>A GOV.UK tag colour for the status.</summary>
    public static string StatusTag(QuestionStatus s) => s switch
    {
        QuestionStatus.OnHold => "govuk-tag govuk-tag--yellow",
        QuestionStatus.Stopped => "govuk-tag govuk-tag--grey",
        _ => "govuk-tag govuk-tag--blue",
    };

    public static string Source(QuestionSource s) => Enum.IsDefined(s) ? ProgrammeText.Name("Source", s) : s.ToString();

    public static string Decision(GatewayDecision d) => Enum.IsDefined(d) ? ProgrammeText.Name("Decision", d) : d.ToString();

    /// <summary>The ten steps to implement Outcomes &amp; Efficiency, as the handbook names them.</summary>
    public static IReadOnlyList<string> Steps => [.. Enumerable.Range(1, StepCount).Select(n => ProgrammeText.Name("Step", n))];

    /// <summary>How many steps there are.</summary>
    public const int StepCount = 10;

    public static string Standing(StepStanding s) => Enum.IsDefined(s) ? ProgrammeText.Name("Standing", s) : s.ToString();

    public static string StandingTag(StepStanding s) => s switch
    {
        StepStanding.Done => "govuk-tag govuk-tag--green",
        StepStanding.Started => "govuk-tag govuk-tag--blue",
        StepStanding.NotHeldYet => "govuk-tag govuk-tag--grey",
        _ => "govuk-tag govuk-tag--grey",
    };

    public static string Piece(JigsawPiece p) => Enum.IsDefined(p) ? JigsawText.Name("Piece", p) : p.ToString();

    /// <summary>The question each piece asks of the people involved.</summary>
    public static string PieceQuestion(JigsawPiece p) => Enum.IsDefined(p) ? JigsawText.Name("Ask", p) : "";

    /// <summary>The symptom a programme shows when the piece is missing (from the handbook's account of each piece).</summary>
    public static string Symptom(JigsawPiece p) => Enum.IsDefined(p) ? JigsawText.Name("Symptom", p) : "";

    public static string Answer(JigsawAnswer a) => Enum.IsDefined(a) ? JigsawText.Name("Answer", a) : a.ToString();

    public static string Verdict(JigsawVerdict v) => JigsawText.Name("Verdict", Enum.IsDefined(v) ? v : JigsawVerdict.Unanswered);

    public static string VerdictTag(JigsawVerdict v) => v switch
    {
        JigsawVerdict.Missing => "govuk-tag govuk-tag--red",
        JigsawVerdict.Partly => "govuk-tag govuk-tag--yellow",
        JigsawVerdict.InPlace => "govuk-tag govuk-tag--green",
        _ => "govuk-tag govuk-tag--grey",
    };

    public static string Partner(FundingPartner p) => p switch
    {
        FundingPartner.Council => "Council",
        FundingPartner.Nhs => "NHS",
        FundingPartner.Police => "Police",
        FundingPartner.Schools => "Schools",
        FundingPartner.Benefits => "Benefits",
        FundingPartner.Citizens => "Citizens' own contributions",
        _ => "Other partners",
    };

    public static string Period(MoneyPeriod p) => p switch
    {
        MoneyPeriod.PerYear => "a year",
        MoneyPeriod.PerMonth => "a month",
        MoneyPeriod.PerWeek => "a week",
        _ => "once",
    };

    /// <summary>The partners as form options (value is the code the CSV uses too).</summary>
    public static IEnumerable<(string Value, string Text)> PartnerOptions => ResourceDatabase.Partners.Select(p => (p.Code, Partner(p.Partner)));

    /// <summary>The periods as radio options.</summary>
    public static IEnumerable<(string Value, string Text, string? Hint)> PeriodOptions => ResourceDatabase.Periods.Select(p => (p.Code, p.Period == MoneyPeriod.OneOff ? "Once (not every year)" : "Every " + Period(p.Period)[2..], (string?)null));

    public static string NeedOf(NeedOf w) => w == Data.Entities.NeedOf.Community ? "A community's need" : "Families' need";

    public static string Evidence(NeedEvidenceKind k) => k switch
    {
        NeedEvidenceKind.DemandStudy => "Demand study",
        NeedEvidenceKind.LocalityPicture => "Locality picture",
        NeedEvidenceKind.WhatMatters => "What matters to people (in aggregate)",
        NeedEvidenceKind.ConsultationTheme => "Consultation theme",
        _ => k.ToString(),
    };

    public static string Kind(MemberKind k) => k == MemberKind.Citizen ? "Citizen" : "Staff";

    /// <summary>Staff or citizen as radio options, in that order, with no rank between them.</summary>
    public static IEnumerable<(string Value, string Text, string? Hint)> KindOptions => Groups.Kinds.Select(k => (k.Code, Kind(k.Kind), (string?)null));

    /// <summary>"Q12".</summary>
    public static string Number(int n) => "Q" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Puts each of the operation's field problems beside its field under <paramref name="prefix"/>.</summary>
    public static void AddErrors(ModelStateDictionary state, string prefix, RedesignInputException ex)
    {
        foreach (var (field, message) in ex.Errors)
        {
            state.AddModelError(prefix + field, ProgrammeRefusalText.Of(message));
        }
    }

    /// <summary>
    /// Tells the user that <paramref name="who"/> saved a change to <paramref name="what"/> ("this question") while they
    /// were editing, beside <paramref name="field"/>: the other version is shown above the form and what the user typed
    /// stays in it. The version the form posted is dropped, so the page shows the newer one the caller sets and saving
    /// again keeps the user's.
    /// </summary>
    public static void SavedWhileEditing(ModelStateDictionary state, string field, string? who, string what)
    {
        state.AddModelError(field, Text.Format(ProgrammeText.SavedWhileEditing, who, what));
        state.Remove("Input.Version");
    }
}
