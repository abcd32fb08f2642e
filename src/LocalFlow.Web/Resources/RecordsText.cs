using System.Resources;
using System.Runtime.CompilerServices;

namespace LocalFlow.Web.Resources;

/// <summary>A person's records across agencies (for the locality team) and subject access: everything held about a person, and erasing them. In RecordsText.resx (English) and RecordsText.cy.resx (Welsh).</summary>
public static class RecordsText
{
    private static readonly ResourceManager Resources = new(typeof(RecordsText));

    public static string Title => Get();

    public static string BackTo => Get();

    public static string Caption => Get();

    public static string NotWorkWith => Get();

    public static string SayWhy => Get();

    public static string ReasonLabel => Get();

    public static string ReasonHint => Get();

    public static string SeeRecords => Get();

    public static string EveryView => Get();

    public static string YouWorkWith => Get();

    public static string ReasonToday => Get();

    public static string SharedRecords => Get();

    public static string Records => Get();

    public static string CostDone => Get();

    public static string CostMattered => Get();

    public static string Timeline => Get();

    public static string CumulativeCost => Get();

    public static string SayWhyError => Get();

    public static string ReasonTooLong => Get();

    public static string HeldAbout => Get();

    public static string Erased => Get();

    public static string ErasedBody => Get();

    public static string Removed => Get();

    public static string PersonOnly => Get();

    public static string Backups => Get();

    public static string SubjectAccess => Get();

    public static string MadeOn => Get();

    public static string Download => Get();

    public static string DownloadLink => Get();

    public static string NoneHeld => Get();

    public static string RowsOne => Get();

    public static string RowsMany => Get();

    public static string EraseHeading => Get();

    public static string EraseText => Get();

    public static string EraseReason => Get();

    public static string EraseReasonHint => Get();

    public static string EraseButton => Get();

    /// <summary>The text under <paramref name="key"/> in the language of the request.</summary>
    public static string Get([CallerMemberName] string key = "") => Text.Of(Resources, key);
}
