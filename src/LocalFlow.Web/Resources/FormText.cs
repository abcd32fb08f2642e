using System.Resources;
using System.Runtime.CompilerServices;

namespace LocalFlow.Web.Resources;

/// <summary>The words of the shared form, table and banner helpers: the date input's fields and errors, a select's empty choice, a table's download link, the success banner. In FormText.resx (English) and FormText.cy.resx (Welsh).</summary>
public static class FormText
{
    private static readonly ResourceManager Resources = new(typeof(FormText));

    public static string Choose => Get();

    public static string Day => Get();

    public static string Month => Get();

    public static string Year => Get();

    public static string DateFormat => Get();

    public static string DateNotFuture => Get();

    public static string DownloadTable => Get();

    public static string Success => Get();

    public static string DownloadWhat => Get();

    public static string Previous => Get();

    public static string Next => Get();

    public static string PageHidden => Get();

    public static string PageNumber => Get();

    /// <summary>The text under <paramref name="key"/> in the language of the request.</summary>
    public static string Get([CallerMemberName] string key = "") => Text.Of(Resources, key);
}
