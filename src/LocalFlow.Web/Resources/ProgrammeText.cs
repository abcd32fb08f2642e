using System.Resources;
using System.Runtime.CompilerServices;

namespace LocalFlow.Web.Resources;

/// <summary>The redesign programme's own pages (the overview, vision and principles, commissioning strategies) in ProgrammeText.resx (English) and ProgrammeText.cy.resx (Welsh), with the names of stages, statuses, sources, decisions, the ten steps and where each stands (<see cref="Name"/>).</summary>
public static class ProgrammeText
{
    internal static readonly ResourceManager Resources = new(typeof(ProgrammeText));

    public static string Title => Get();
    public static string Done => Get();
    public static string Caption => Get();
    public static string ChangeVision => Get();
    public static string LinkGroups => Get();
    public static string LinkQuestions => Get();
    public static string LinkResources => Get();
    public static string MoneyLine => Get();
    public static string MoneyLines => Get();
    public static string Building => Get();
    public static string Buildings => Get();
    public static string LinkNeeds => Get();
    public static string Need => Get();
    public static string Needs => Get();
    public static string LinkPathway => Get();
    public static string LinkStrategies => Get();
    public static string LinkJigsaw => Get();
    public static string PoseNew => Get();
    public static string StepsHeading => Get();
    public static string StepsLead => Get();
    public static string ColStep => Get();
    public static string ColStands => Get();
    public static string StepNumbered => Get();
    public static string StagesHeading => Get();
    public static string Question => Get();
    public static string Questions => Get();
    public static string OnHoldIncluded => Get();
    public static string StoppedAtGateway => Get();
    public static string SavingsHeading => Get();
    public static string SavingsLead => Get();
    public static string SavingsLink => Get();
    public static string NoSavings => Get();
    public static string ColPricesOf => Get();
    public static string ColInStrategies => Get();
    public static string ColNpv => Get();
    public static string Estimate => Get();
    public static string WithoutCaseOne => Get();
    public static string WithoutCaseMany => Get();
    public static string DoesNotDoHeading => Get();
    public static string DoesNotDo => Get();
    public static string Back => Get();
    public static string VisionTitle => Get();
    public static string SavedBy => Get();
    public static string FieldName => Get();
    public static string FieldVision => Get();
    public static string VisionHint => Get();
    public static string FieldPrinciples => Get();
    public static string PrinciplesHint => Get();
    public static string Save => Get();
    public static string ProgrammeSavedMeanwhile => Get();
    public static string VisionSaved => Get();
    public static string OurVision => Get();
    public static string NoVision => Get();
    public static string OurPrinciples => Get();
    public static string NoPrinciples => Get();
    public static string SavedWhileEditing => Get();
    public static string StrategiesTitle => Get();
    public static string StrategiesLead => Get();
    public static string MakeStrategy => Get();
    public static string NoStrategies => Get();
    public static string NoGroup => Get();
    public static string GroupAndCount => Get();
    public static string BackToStrategies => Get();
    public static string StrategyCaption => Get();
    public static string OwnedBy => Get();
    public static string ExpectedBenefits => Get();
    public static string ChangeStrategy => Get();
    public static string ItsQuestions => Get();
    public static string Outcome => Get();
    public static string HowKnown => Get();
    public static string ImplementationPlan => Get();
    public static string NoPlan => Get();
    public static string ExpectedBenefit => Get();
    public static string NoCase => Get();
    public static string EstimateNpv => Get();
    public static string MakeHeading => Get();
    public static string BackShort => Get();
    public static string EditStrategyLead => Get();
    public static string VersionSavedBy => Get();
    public static string FieldTitle => Get();
    public static string FieldPurpose => Get();
    public static string TitleHint => Get();
    public static string PurposeLabel => Get();
    public static string PurposeHint => Get();
    public static string NoneApproved => Get();
    public static string ApprovedInIt => Get();
    public static string StrategySaved => Get();
    public static string ThisStrategy => Get();
    public static string NoBenefits => Get();
    public static string BenefitLine => Get();
    public static string LeftOutOne => Get();
    public static string LeftOutMany => Get();

    /// <summary>A name the app defines, kept under "Kind_Value" ("Stage_Posed", "Step_1").</summary>
    public static string Name(string kind, object value) => Text.Of(Resources, kind + "_" + value);

    private static string Get([CallerMemberName] string key = "") => Text.Of(Resources, key);
}
