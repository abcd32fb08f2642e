using LocalFlow.Web.Resources;
using LocalFlow.Web.Security;

namespace LocalFlow.Web.Pages.Help;

/// <summary>Where a help page's definitions come from: a heading of a page in docs/.</summary>
public sealed record DocsSection(string File, string Heading, string Title);

/// <summary>
/// One capability's help page: what it is for, how to use it, and the definitions of its figures (taken from
/// docs/, never typed here). <paramref name="Section"/> is the navigation key of the capability's pages, which
/// link here; <paramref name="Policy"/> decides whether the help page links to the capability itself.
/// </summary>
public sealed record HelpTopic(string Slug, string Title, string Section, string Href, string Policy, string Purpose,
    IReadOnlyList<string> Steps, IReadOnlyList<DocsSection> Definitions);

/// <summary>All the help pages' text, in one place. The index's lead and each topic's title and purpose are in HelpText (English and Welsh); the rest is still English only.</summary>
public static class HelpTopics
{
    public const string IndexTitle = "Help";
    public static string IndexLead => HelpText.Get();
    public const string PurposeHeading = "What it is for";
    public const string StepsHeading = "How to use it";
    public const string DefinitionsHeading = "Definitions";
    public const string OpenPrefix = "Go to ";
    public const string AllHelp = "All help pages";
    public const string LinkText = "Help with ";

    public static readonly IReadOnlyList<HelpTopic> All =
    [
        new("demand", HelpText.English("demandTitle"), "Demand", "/Demand", Policies.DemandBoard,
            HelpText.English("demandPurpose"),
            [
                "The study team starts a study for a service (Demand, then Start a demand study).",
                "Capture each demand as it arrives: the person's words as they said them, the front door and channel, value or failure, and a type (choose one or type a new one).",
                "Merge, split and rename types on the Types page as the study goes.",
                "Read the analysis: how predictable demand has become, Pareto charts of value and failure types, failure demand by front door, channel, day and hour.",
                "Show the board to the people who take the demand.",
            ],
            [new("demand-study.md", "Definitions", "Demand")]),
        new("flow", HelpText.English("flowTitle"), "Flow", "/Flow", Policies.FlowAnalyse,
            HelpText.English("flowPurpose"),
            [
                "The study team or a data officer imports each agency's records (Flow, then Import activity records).",
                "Open a person to see their timeline coloured by agency, their figures and their cumulative cost.",
                "The cohort page sums the figures over everyone, or over those you filter.",
                "The hand-offs page maps who passes people to whom; the signals page lists the failure-demand signals found in the records.",
            ],
            [
                new("flow-study.md", "Counts for a person (`PersonFigures`) and a cohort (`CohortFigures`)", "Counts"),
                new("flow-study.md", "Failure-demand signals (`FlowSignal`)", "Failure-demand signals"),
                new("flow-study.md", "Hand-offs and paths", "Hand-offs and paths"),
                new("disclosure.md", "The rule", "Small numbers: how figures are protected"),
            ]),
        new("conditions", HelpText.English("conditionsTitle"), "Conditions", "/Conditions", Policies.ConditionsRead,
            HelpText.English("conditionsPurpose"),
            [
                "The study team records a condition with what it found (System conditions, then Record a system condition).",
                "Add evidence: a failure demand type, a failure-demand signal, a record or a case history.",
                "Each condition's reach (failure demands, people, cost) is counted from its evidence, never typed in.",
            ],
            [
                new("system-conditions.md", "Categories", "Categories"),
                new("system-conditions.md", "Reach: computed from the evidence, never typed in", "Reach"),
            ]),
        new("redesign", HelpText.English("redesignTitle"), "Redesign", "/Redesign", Policies.RedesignView,
            HelpText.English("redesignPurpose"),
            [
                "Raise a question from a system condition's page, or pose one from the portfolio (Redesign, then Portfolio of commissioning questions).",
                "The group writes its feasibility finding, then a cost–benefit case, then an implementation plan.",
                "The steering group decides go, hold or stop at each gateway, always with a reason.",
                "Everyone involved answers the change jigsaw; missing pieces show with the symptom they produce.",
            ],
            [
                new("redesign.md", "The choice: no targets, no outcome payments, no league tables", "No targets, outcome payments or league tables"),
                new("redesign.md", "Cost–benefit", "Cost–benefit"),
                new("redesign.md", "The change jigsaw and the change curve", "The change jigsaw"),
            ]),
        new("linking", HelpText.English("linkingTitle"), "Linking", "/Linking", Policies.LinkingManage,
            HelpText.English("linkingPurpose"),
            [
                "A data officer brings in each agency's records (Linking, then Bring in an agency's records).",
                "Choose Link records now: pairs are scored and the confident ones linked.",
                "Review the uncertain pairs: each comparison's weight is shown; accept or reject the pair. Decisions are remembered in later runs.",
            ],
            [new("linking.md", "Decisions, thresholds and review", "Decisions")]),
        new("locality", HelpText.English("localityTitle"), "Locality", "/Locality", Policies.PeopleRead,
            HelpText.English("localityPurpose"),
            [
                "Search for a person by name, street or postcode (Locality, then People and households).",
                "Open a person to see their household and each agency's records about them.",
            ],
            []),
        new("measures", HelpText.English("measuresTitle"), "Measures", "/Measures", Policies.MeasuresView,
            HelpText.English("measuresPurpose"),
            [
                "Type or paste dates and values, one pair a line.",
                "Give the dates of any changes: each starts a new phase with limits of its own.",
                "Say which way is better, if either, so that signals read as improvements or concerns.",
            ],
            [new("measures.md", "Definitions", "Limits"), new("measures.md", "Signals", "Signals")]),
        new("admin", HelpText.English("adminTitle"), "Admin", "/Admin", Policies.AdminManage,
            HelpText.English("adminPurpose"),
            [
                "Add users and give them roles, localities, agencies and teams.",
                "Keep the unit costs up to date, each with its source and price year.",
                "Search the audit trail to see who read or changed what, when and from where.",
            ],
            []),
        new("downloads", HelpText.English("downloadsTitle"), "", "", Policies.SignedIn,
            HelpText.English("downloadsPurpose"),
            [
                "Under each chart, choose SVG or PNG; choose CSV for its data.",
                "Above each table, choose Download this table (CSV).",
            ],
            [new("exports.md", "How it works", "How downloads work")]),
    ];

    public static HelpTopic? Find(string? slug) => All.FirstOrDefault(t => t.Slug == slug);

    /// <summary>The help page for the capability whose pages carry this navigation key.</summary>
    public static HelpTopic? ForSection(string? section) => string.IsNullOrEmpty(section) ? null : All.FirstOrDefault(t => t.Section == section);
}
