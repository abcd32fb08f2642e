using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalFlow.Web.Pages;

/// <summary>Errors in plain English or Welsh: a helpful 404, a clear 403, and an apology for anything else.</summary>
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public int Code { get; private set; }

    /// <summary>For 413: the largest file the page takes, in bytes, when known.</summary>
    public long? UploadLimit { get; private set; }

    public string Title => Code switch
    {
        404 => Resources.CommonText.NotFoundTitle,
        403 => Resources.CommonText.CannotOpenTitle,
        400 => Resources.CommonText.BadRequestTitle,
        413 => Resources.CommonText.TooBigTitle,
        429 => Resources.CommonText.TooManyTitle,
        _ => Resources.CommonText.ServiceProblemTitle,
    };

    /// <summary>The GOV.UK file upload message: "The selected file must be smaller than 200 MB".</summary>
    public string TooBig => UploadLimit is long bytes
        ? Resources.Text.Format(Resources.CommonText.TooBigLimit, (bytes / (1024 * 1024)).ToString(System.Globalization.CultureInfo.CurrentCulture))
        : Resources.CommonText.TooBigText;

    // No handler parameters: nothing is bound, so a re-executed POST whose form is too large or broken is never read.
    public void OnGet() => Set();

    public void OnPost() => Set();

    private void Set()
    {
        Code = RouteData.Values["code"] is string code && int.TryParse(code, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var c) ? c : 500;
        // An upload found too large while it was read (sent without a length) is a 413, not a fault of the service.
        var failed = HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>();
        if (Code == 500 && Infrastructure.UploadLimit.IsTooLarge(failed?.Error))
        {
            Code = 413;
        }
        if (Code == 413)
        {
            UploadLimit = HttpContext.Items[Infrastructure.UploadLimit.ItemKey] as long?;
            if (UploadLimit is null && failed?.Endpoint?.Metadata.GetMetadata<Infrastructure.FileSizeLimitAttribute>() is { } stated)
            {
                UploadLimit = stated.Bytes;
            }
        }
        Response.StatusCode = Code;
    }
}
