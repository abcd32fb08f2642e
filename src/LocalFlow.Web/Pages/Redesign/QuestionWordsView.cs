using LocalFlow.Data.Redesign;

namespace LocalFlow.Web.Pages.Redesign;

/// <summary>The question form's fields: what was typed, the groups to choose from, and whether the work fields are shown.</summary>
public sealed record QuestionWordsView(QuestionInput Input, IReadOnlyList<(string Value, string Text)> Groups, bool WithWork);
