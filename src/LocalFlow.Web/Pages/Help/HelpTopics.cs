using LocalFlow.Web.Resources;
using LocalFlow.Web.Security;

namespace LocalFlow.Web.Pages.Help;

/// <summary>Where a help page's definitions come from: a heading of a page in docs/, shown under the title in HelpText under <paramref name="TitleKey"/>.</summary>
public sealed record DocsSection(string File, string Heading, string TitleKey);

/// <summary>
/// One capability's help page: what it is for, how to use it, and the definitions of its figures (taken from
/// docs/, never typed here). Its steps are texts of HelpText, named by <paramref name="StepKeys"/>. <paramref name="Section"/> is the navigation key of the capability's pages, which
/// link here; <paramref name="Policy"/> decides whether the help page links to the capability itself.
/// </summary>
public sealed record HelpTopic(string Slug, string Title, string Section, string Href, string Policy, string Purpose,
    IReadOnlyList<string> StepKeys, IReadOnlyList<DocsSection> Definitions);

/// <summary>All the help pages, in one place: their text is in HelpText (English and Welsh), but for the definitions taken from docs/, which are English only.</summary>
public static class HelpTopics
{
    public const string IndexTitle = "Help";
    public static string IndexLead => HelpText.Get();
    public const string LinkText = "Help with ";

    public static readonly IReadOnlyList<HelpTopic> All =
    [
        new("demand", HelpText.English("demandTitle"), "Demand", "/Demand", Policies.DemandBoard,
            HelpText.English("demandPurpose"),
            [
                "demandStep1",
                "demandStep2",
                "demandStep3",
                "demandStep4",
                "demandStep5",
            ],
            [new("demand-study.md", "Definitions", "demandDef1")]),
        new("flow", HelpText.English("flowTitle"), "Flow", "/Flow", Policies.FlowAnalyse,
            HelpText.English("flowPurpose"),
            [
                "flowStep1",
                "flowStep2",
                "flowStep3",
                "flowStep4",
            ],
            [
                new("flow-study.md", "Counts for a person (`PersonFigures`) and a cohort (`CohortFigures`)", "flowDef1"),
                new("flow-study.md", "Failure-demand signals (`FlowSignal`)", "flowDef2"),
                new("flow-study.md", "Hand-offs and paths", "flowDef3"),
                new("disclosure.md", "The rule", "flowDef4"),
            ]),
        new("conditions", HelpText.English("conditionsTitle"), "Conditions", "/Conditions", Policies.ConditionsRead,
            HelpText.English("conditionsPurpose"),
            [
                "conditionsStep1",
                "conditionsStep2",
                "conditionsStep3",
            ],
            [
                new("system-conditions.md", "Categories", "conditionsDef1"),
                new("system-conditions.md", "Reach: computed from the evidence, never typed in", "conditionsDef2"),
            ]),
        new("redesign", HelpText.English("redesignTitle"), "Redesign", "/Redesign", Policies.RedesignView,
            HelpText.English("redesignPurpose"),
            [
                "redesignStep1",
                "redesignStep2",
                "redesignStep3",
                "redesignStep4",
            ],
            [
                new("redesign.md", "The choice: no targets, no outcome payments, no league tables", "redesignDef1"),
                new("redesign.md", "Cost–benefit", "redesignDef2"),
                new("redesign.md", "The change jigsaw and the change curve", "redesignDef3"),
            ]),
        new("linking", HelpText.English("linkingTitle"), "Linking", "/Linking", Policies.LinkingManage,
            HelpText.English("linkingPurpose"),
            [
                "linkingStep1",
                "linkingStep2",
                "linkingStep3",
            ],
            [new("linking.md", "Decisions, thresholds and review", "linkingDef1")]),
        new("locality", HelpText.English("localityTitle"), "Locality", "/Locality", Policies.PeopleRead,
            HelpText.English("localityPurpose"),
            [
                "localityStep1",
                "localityStep2",
            ],
            []),
        new("measures", HelpText.English("measuresTitle"), "Measures", "/Measures", Policies.MeasuresView,
            HelpText.English("measuresPurpose"),
            [
                "measuresStep1",
                "measuresStep2",
                "measuresStep3",
            ],
            [new("measures.md", "Definitions", "measuresDef1"), new("measures.md", "Signals", "measuresDef2")]),
        new("admin", HelpText.English("adminTitle"), "Admin", "/Admin", Policies.AdminManage,
            HelpText.English("adminPurpose"),
            [
                "adminStep1",
                "adminStep2",
                "adminStep3",
            ],
            []),
        new("downloads", HelpText.English("downloadsTitle"), "", "", Policies.SignedIn,
            HelpText.English("downloadsPurpose"),
            [
                "downloadsStep1",
                "downloadsStep2",
            ],
            [new("exports.md", "How it works", "downloadsDef1")]),
    ];

    public static HelpTopic? Find(string? slug) => All.FirstOrDefault(t => t.Slug == slug);

    /// <summary>The help page for the capability whose pages carry this navigation key.</summary>
    public static HelpTopic? ForSection(string? section) => string.IsNullOrEmpty(section) ? null : All.FirstOrDefault(t => t.Section == section);
}
