using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace LocalFlow.Web.Infrastructure;

/// <summary>
/// The largest file a page takes, as it tells the user (for example 200 MB for a flow import); the request itself may
/// be a little larger (the form around the file). Shown in the "file too big" message.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class FileSizeLimitAttribute(long bytes) : Attribute
{
    public long Bytes { get; } = bytes;
}

/// <summary>
/// Refuses an upload larger than its page takes before any of it is read: 413, which the status code pages show as the
/// GOV.UK message "The selected file must be smaller than N MB" (Pages/Error), never a 500. The limit is the smallest
/// of the page's request size limit, its form limit and the server's own. A body sent without a length is stopped
/// by those limits while it is read, and the error page gives the same message.
/// </summary>
public sealed class UploadLimit(RequestDelegate next, IOptions<FormOptions> forms)
{
    /// <summary>Where the limit that was exceeded is left for the error page (bytes, as the page states it).</summary>
    public const string ItemKey = "localflow:upload-limit";

    public Task InvokeAsync(HttpContext context)
    {
        // The error page that shows the refusal runs with the same request: it reads no form, so let it through.
        var showingError = context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null
            || context.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>() is not null;
        if (!showingError && context.Request.ContentLength is long length && context.GetEndpoint() is { } endpoint
            && Limit(context, endpoint, forms.Value) is long limit && length > limit)
        {
            context.Items[ItemKey] = Stated(endpoint, limit);
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return Task.CompletedTask;
        }
        return next(context);
    }

    /// <summary>The limit the page states (<see cref="FileSizeLimitAttribute"/>), else the request limit.</summary>
    public static long Stated(Endpoint? endpoint, long limit) => endpoint?.Metadata.GetMetadata<FileSizeLimitAttribute>()?.Bytes ?? limit;

    private static long? Limit(HttpContext context, Endpoint endpoint, FormOptions forms)
    {
        long? limit = context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
        if (endpoint.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize is long page)
        {
            limit = page;
        }
        if (context.Request.HasFormContentType)
        {
            var form = endpoint.Metadata.GetMetadata<IFormOptionsMetadata>()?.MultipartBodyLengthLimit ?? forms.MultipartBodyLengthLimit;
            limit = limit is long l ? Math.Min(l, form) : form;
        }
        return limit;
    }

    /// <summary>Whether an exception is a request body found too large while it was read (a body sent without a length).</summary>
    public static bool IsTooLarge(Exception? error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }
                || (e is InvalidDataException && e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
        }
        return false;
    }
}
