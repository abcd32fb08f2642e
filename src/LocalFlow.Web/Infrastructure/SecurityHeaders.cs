namespace LocalFlow.Web.Infrastructure;

/// <summary>
/// Headers that keep pages from being framed, sniffed or fed scripts from elsewhere, and keep every page and API
/// answer (anything an endpoint made, so personal data) out of browser and proxy caches: <c>Cache-Control: no-store</c>.
/// Static files (stylesheets, scripts, fonts) may still be cached.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var h = context.Response.Headers;
        context.Response.OnStarting(() =>
        {
            if (context.GetEndpoint() is not null)
            {
                context.Response.Headers.CacheControl = "no-store";
            }
            return Task.CompletedTask;
        });
        h["X-Content-Type-Options"] = "nosniff";
        h["X-Frame-Options"] = "DENY";
        h["Referrer-Policy"] = "same-origin";
        h["Content-Security-Policy"] = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
        return next(context);
    }
}

/// <summary>A user with a one-time password must choose their own before doing anything else.</summary>
public sealed class MustChangePassword(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.User.HasClaim(c => c.Type == Security.LocalFlowClaims.MustChangePassword)
            && !context.Request.Path.StartsWithSegments("/Account/ChangePassword")
            && !context.Request.Path.StartsWithSegments("/SignOut")
            && !context.Request.Path.StartsWithSegments("/Error"))
        {
            if (context.Request.Path.StartsWithSegments("/api"))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            }
            context.Response.Redirect("/Account/ChangePassword");
            return Task.CompletedTask;
        }
        return next(context);
    }
}
