using System.Diagnostics;
using System.Text;
using Microsoft.AspNetCore.Diagnostics;

namespace LocalFlow.Web.Infrastructure;

/// <summary>
/// Logs that hold no personal data (issue 14, item 16; docs/operations.md): message templates with named properties
/// holding ids, counts, states and route templates, never a person's name, words, date of birth, address, search
/// text, a query string, a file's name or an exception's message (which may quote a record). ASP.NET Core's own
/// request lines (which hold the path and query string) and its unhandled-exception line (which holds the message)
/// are turned off and replaced by <see cref="RequestLog"/> and <see cref="FailureLog"/>.
/// LoggingTests (tests/LocalFlow.Web.Tests/Trust) proves it with marker strings at Debug level.
/// </summary>
public static class SafeLogging
{
    /// <summary>Categories whose lines hold what our logs must not: each is replaced by one of ours.</summary>
    private static readonly string[] Replaced =
    [
        // "Request starting HTTP/1.1 GET http://host/Flow/People?q=..." and "Request finished ..." (RequestLog instead)
        "Microsoft.AspNetCore.Hosting.Diagnostics",
        // "An unhandled exception has occurred while executing the request." with the exception's message (FailureLog instead)
        "Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddleware",
        // "Executing RedirectResult, redirecting to /...?q=..." (the destination may carry search text)
        "Microsoft.AspNetCore.Mvc.Infrastructure.RedirectResultExecutor",
        "Microsoft.AspNetCore.Mvc.Infrastructure.LocalRedirectResultExecutor",
    ];

    /// <summary>Turns off the categories <see cref="RequestLog"/> and <see cref="FailureLog"/> replace, and registers <see cref="FailureLog"/>.</summary>
    public static void Configure(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        foreach (var category in Replaced)
        {
            builder.Logging.AddFilter(category, LogLevel.None);
        }
        builder.Services.AddExceptionHandler<FailureLog>();
    }

    /// <summary>
    /// What went wrong, without the exception's message: each exception's type (outermost first, then its inner
    /// ones), a database's SQL state or a socket's error when there is one, and where it was thrown (the stack trace
    /// holds method names only).
    /// </summary>
    public static string Describe(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var text = new StringBuilder();
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (text.Length > 0)
            {
                text.Append("\n ---> ");
            }
            text.Append(e.GetType().FullName);
            // codes that say what happened and hold no record: a database's SQL state, a socket's error
            switch (e)
            {
                case System.Data.Common.DbException { SqlState: { Length: > 0 } state }:
                    text.Append(" (SQL state ").Append(state).Append(')');
                    break;
                case System.Net.Sockets.SocketException socket:
                    text.Append(" (").Append(socket.SocketErrorCode).Append(')');
                    break;
            }
            var trace = new StackTrace(e, fNeedFileInfo: true).ToString().TrimEnd();
            if (trace.Length > 0)
            {
                text.Append('\n').Append(trace);
            }
        }
        return text.ToString();
    }
}

/// <summary>
/// One line per request: its method, the route template it matched (so "/Flow/Person/{id}", never the path or the
/// query string), its status and how long it took. Used first in the pipeline, with <see cref="RememberRoute"/> after
/// routing (so that a request the error pages answer is logged under the route it asked for).
/// </summary>
public sealed partial class RequestLog(RequestDelegate next, ILogger<RequestLog> log)
{
    private static readonly object RouteKey = new();

    public async Task InvokeAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(http);
        }
        finally
        {
            Answered(log, http.Request.Method, RouteOf(http), http.Response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    /// <summary>Keeps the route the request matched first (before any error page's), for its log line.</summary>
    public static Task RememberRoute(HttpContext http, RequestDelegate next)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(next);
        http.Items.TryAdd(RouteKey, http.GetEndpoint() switch
        {
            RouteEndpoint route => "/" + route.RoutePattern.RawText?.TrimStart('/'),
            { DisplayName: { } name } => name,
            _ => "-",
        });
        return next(http);
    }

    /// <summary>The route template the request matched (a page's route, an API's pattern), or "-" for none.</summary>
    internal static string RouteOf(HttpContext http) => http.Items.TryGetValue(RouteKey, out var route) && route is string r ? r : "-";

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} {Route} answered {Status} in {Milliseconds:0.0} ms")]
    private static partial void Answered(ILogger log, string method, string route, int status, double milliseconds);
}

/// <summary>
/// Logs an unhandled exception of a request (ASP.NET Core's own line would hold its message) as its type, where it
/// was thrown and the route, then lets the error page answer (docs/operations.md).
/// </summary>
public sealed partial class FailureLog(ILogger<FailureLog> log) : IExceptionHandler
{
    public ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        ArgumentNullException.ThrowIfNull(exception);
        Failed(log, httpContext.Request.Method, RequestLog.RouteOf(httpContext), SafeLogging.Describe(exception));
        return ValueTask.FromResult(false);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Method} {Route} failed: {Failure}")]
    private static partial void Failed(ILogger log, string method, string route, string failure);
}
