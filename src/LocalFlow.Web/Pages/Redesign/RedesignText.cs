using LocalFlow.Analytics.Redesign;
using LocalFlow.Data.Entities;
using LocalFlow.Data.Redesign;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace LocalFlow.Web.Pages.Redesign;

/// <summary>The redesign programme's display text: stage, status and source names, the ten steps, the jigsaw's pieces and symptoms.</summary>
public static class RedesignText
{
    public static string Stage(QuestionStage s) => s switch
    {
        QuestionStage.Posed => "Posed",
        QuestionStage.Feasibility => "Feasibility",
        QuestionStage.CostBenefit => "Cost–benefit",
        QuestionStage.ImplementationPlan => "Implementation plan",
        QuestionStage.Approved => "Approved",
        _ => s.ToString(),
    };

    public static string Status(QuestionStatus s) => s switch
    {
        QuestionStatus.Open => "Being worked on",
        QuestionStatus.OnHold => "On hold",
        QuestionStatus.Stopped => "Stopped",
        _ => s.ToString(),
    };

    /// <summary>A GOV.UK tag colour for the status.</summary>
    public static string StatusTag(QuestionStatus s) => s switch
    {
        QuestionStatus.OnHold => "govuk-tag govuk-tag--yellow",
        QuestionStatus.Stopped => "govuk-tag govuk-tag--grey",
        _ => "govuk-tag govuk-tag--blue",
    };

    public static string Source(QuestionSource s) => s switch
    {
        QuestionSource.None => "Posed by a group",
        QuestionSource.SystemCondition => "System condition",
        QuestionSource.DemandType => "Failure demand type",
        QuestionSource.FlowSignal => "Flow signal",
        QuestionSource.Measure => "Measure",
        QuestionSource.PictureFinding => "Locality picture finding",
        QuestionSource.Need => "A need of the needs database",
        _ => s.ToString(),
    };

    public static string Decision(GatewayDecision d) => d switch
    {
        GatewayDecision.Go => "Go",
        GatewayDecision.Hold => "Hold",
        GatewayDecision.Stop => "Stop",
        _ => d.ToString(),
    };

    /// <summary>The ten steps to implement Outcomes &amp; Efficiency, as the handbook names them.</summary>
    public static readonly string[] Steps =
    [
        "Scope the programme management and plan the change",
        "Set up governance and commissioning groups",
        "Create your vision for a better system, and engage citizens and staff so they own the changes",
        "Build the capacity and capability of commissioning groups",
        "Understand resources (money, workforce, buildings), needs and consultation",
        "Set out a user pathway from −9 months to 99 years",
        "Design commissioning questions that will transform services",
        "Create cost–benefit analysis and implementation plans",
        "Identify efficiencies only after the system has been redesigned",
        "Implement and embed the new design",
    ];

    public static string Standing(StepStanding s) => s switch
    {
        StepStanding.NotStarted => "Not started",
        StepStanding.Started => "Started",
        StepStanding.Done => "Done",
        StepStanding.NotHeldYet => "Not in LocalFlow yet",
        _ => s.ToString(),
    };

    public static string StandingTag(StepStanding s) => s switch
    {
        StepStanding.Done => "govuk-tag govuk-tag--green",
        StepStanding.Started => "govuk-tag govuk-tag--blue",
        StepStanding.NotHeldYet => "govuk-tag govuk-tag--grey",
        _ => "govuk-tag govuk-tag--grey",
    };

    public static string Piece(JigsawPiece p) => p switch
    {
        JigsawPiece.BurningPlatform => "Burning platform",
        JigsawPiece.Vision => "Vision",
        JigsawPiece.Leadership => "Leadership",
        JigsawPiece.CapacityAndCapability => "Capacity and capability",
        JigsawPiece.CommunicateAndEngage => "Communicate and engage",
        JigsawPiece.OwnershipAtAllLevels => "Ownership at all levels",
        JigsawPiece.QuickWins => "Quick wins",
        JigsawPiece.PersonalImpact => "Personal impact",
        JigsawPiece.EmbedAsBusinessAsUsual => "Embed as business as usual",
        _ => p.ToString(),
    };

    /// <summary>The question each piece asks of the people involved.</summary>
    public static string PieceQuestion(JigsawPiece p) => p switch
    {
        JigsawPiece.BurningPlatform => "Do staff, partners and citizens share a compelling reason to change?",
        JigsawPiece.Vision => "Is there a clear, simple vision of the future that everyone shares?",
        JigsawPiece.Leadership => "Is there visible, joint leadership at every level, including partners, frontline and community?",
        JigsawPiece.CapacityAndCapability => "Is there the time, money and skill to make the change?",
        JigsawPiece.CommunicateAndEngage => "Is the change talked about far more than feels necessary, and is feedback acted on?",
        JigsawPiece.OwnershipAtAllLevels => "Do staff, partners, communities and citizens own the change?",
        JigsawPiece.QuickWins => "Are there quick, visible results that make the change real?",
        JigsawPiece.PersonalImpact => "Are people's fears and hopes about the change understood and addressed?",
        JigsawPiece.EmbedAsBusinessAsUsual => "Is there a plan to make the change business as usual, so it does not slip back?",
        _ => "",
    };

    /// <summary>The symptom a programme shows when the piece is missing (from the handbook's account of each piece).</summary>
    public static string Symptom(JigsawPiece p) => p switch
    {
        JigsawPiece.BurningPlatform => "Complacency: people see no need to change, and nobody goes the extra mile.",
        JigsawPiece.Vision => "Confusion and poor planning: people cannot pull together because nobody knows where they are going.",
        JigsawPiece.Leadership => "Little alignment between strands, slow progress, wasted effort and inertia.",
        JigsawPiece.CapacityAndCapability => "Frustrated, demotivated and stressed staff and partners, wary of the next initiative.",
        JigsawPiece.CommunicateAndEngage => "Rumour and resistance: people fill the silence themselves.",
        JigsawPiece.OwnershipAtAllLevels => "Change done to people rather than with them: no new ideas, and it stalls when the sponsors look away.",
        JigsawPiece.QuickWins => "Bogged down in planning: nothing visible changes, and belief drains away.",
        JigsawPiece.PersonalImpact => "Fear, anxiety and quiet resistance, however good the rational case.",
        JigsawPiece.EmbedAsBusinessAsUsual => "Slipping back to the old ways once the programme moves on, like a finger pulled out of a blancmange.",
        _ => "",
    };

    public static string Answer(JigsawAnswer a) => a switch
    {
        JigsawAnswer.NotInPlace => "Not in place",
        JigsawAnswer.Partly => "Partly in place",
        JigsawAnswer.InPlace => "In place",
        _ => a.ToString(),
    };

    public static string Verdict(JigsawVerdict v) => v switch
    {
        JigsawVerdict.Missing => "Missing",
        JigsawVerdict.Partly => "Partly in place",
        JigsawVerdict.InPlace => "In place",
        _ => "Not answered yet",
    };

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
            state.AddModelError(prefix + field, message);
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
        state.AddModelError(field, $"{who} saved a change to {what} while you were editing. Their version is shown above the form; what you typed is still in it. Save again to keep yours.");
        state.Remove("Input.Version");
    }
}
