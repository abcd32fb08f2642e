using System.Resources;
using System.Runtime.CompilerServices;

namespace LocalFlow.Web.Resources;

/// <summary>Importing activity records into the flow study: the list of imports, an import's progress and undoing one. In FlowImportText.resx (English) and FlowImportText.cy.resx (Welsh).</summary>
public static class FlowImportText
{
    private static readonly ResourceManager Resources = new(typeof(FlowImportText));

    public static string ImportsTitle => Get();

    public static string ImportsAbout => Get();

    public static string ImportAFile => Get();

    public static string NothingImported => Get();

    public static string ImportsNewestFirst => Get();

    public static string TheLatest => Get();

    public static string File => Get();

    public static string ImportedBy => Get();

    public static string Skipped => Get();

    public static string Status => Get();

    public static string Action => Get();

    public static string Undone => Get();

    public static string UndoneBy => Get();

    public static string Stored => Get();

    public static string Undo => Get();

    public static string TheImportOf => Get();

    public static string UndoTitle => Get();

    public static string BackToImports => Get();

    public static string WasUndone => Get();

    public static string WasUndoneBy => Get();

    public static string UndoQuestion => Get();

    public static string Several => Get();

    public static string SourceSystem => Get();

    public static string Imported => Get();

    public static string ByOn => Get();

    public static string Warning => Get();

    public static string UndoWarning => Get();

    public static string UndoButton => Get();

    public static string Cancel => Get();

    public static string AlreadyUndone => Get();

    public static string ImportingTitle => Get();

    public static string Importing => Get();

    public static string Waiting => Get();

    public static string Storing => Get();

    public static string PercentStored => Get();

    public static string Progress => Get();

    public static string Reloads => Get();

    public static string ReloadNow => Get();

    public static string WasNotImported => Get();

    public static string RefusedOne => Get();

    public static string RefusedMany => Get();

    public static string NoRowStored => Get();

    public static string RowOne => Get();

    public static string RowMany => Get();

    public static string NotImported => Get();

    public static string DidNotFinish => Get();

    public static string NothingChanged => Get();

    public static string Complete => Get();

    public static string UndoneTitle => Get();

    public static string RecordsFrom => Get();

    public static string FromImportedBy => Get();

    public static string SkippedOne => Get();

    public static string SkippedMany => Get();

    public static string Warnings => Get();

    public static string OpenOrSee => Get();

    public static string OpenFlow => Get();

    public static string SeeEveryImport => Get();

    /// <summary>The text under <paramref name="key"/> in the language of the request.</summary>
    public static string Get([CallerMemberName] string key = "") => Text.Of(Resources, key);
}
