using Microsoft.AspNetCore.Antiforgery;

namespace LocalFlow.Web.Api;

/// <summary>
/// The HTTP API under /api. Conventions every capability follows (docs/api.md): JSON in camelCase with enums
/// as strings; one MapXxxApi() per capability in this folder; every endpoint names a policy (deny by default);
/// reads of personal data are audited exactly as on the pages; errors are RFC 9457 problem details;
/// unsafe methods (POST, PUT, PATCH, DELETE) need the antiforgery token in the RequestVerificationToken header.
/// </summary>
public static class LocalFlowApi
{
    public static IEndpointRouteBuilder MapLocalFlowApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").AddEndpointFilter(Antiforgery).WithTags("LocalFlow");
        api.MapGet("/antiforgery", (HttpContext ctx, IAntiforgery af) =>
        {
            var tokens = af.GetAndStoreTokens(ctx);
            return Results.Ok(new { headerName = tokens.HeaderName, token = tokens.RequestToken });
        }).RequireAuthorization(Security.Policies.SignedIn).WithSummary("A token to send in the RequestVerificationToken header with POST, PUT, PATCH and DELETE requests.");
        api.MapReferenceApi();
        api.MapPeopleApi();
        api.MapFlowApi();
        api.MapAuditApi();
        api.MapDemandApi();
        api.MapConditionsApi();
        return app;
    }

    // Cookie-authenticated APIs must not be callable cross-site: check the antiforgery token on unsafe methods.
    private static async ValueTask<object?> Antiforgery(EndpointFilterInvocationContext ctx, EndpointFilterDelegate next)
    {
        var http = ctx.HttpContext;
        if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method) && !HttpMethods.IsOptions(http.Request.Method))
        {
            var af = http.RequestServices.GetRequiredService<IAntiforgery>();
            if (!await af.IsRequestValidAsync(http))
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Missing or invalid antiforgery token", detail: "Get a token from GET /api/antiforgery and send it in the RequestVerificationToken header.");
            }
        }
        return await next(ctx);
    }
}
