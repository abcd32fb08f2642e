using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalFlow.Web.Pages;

/// <summary>Errors in plain English: a helpful 404, a clear 403, and an apology for anything else.</summary>
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public int Code { get; private set; }

    public string Title => Code switch
    {
        404 => "Page not found",
        403 => "You cannot open this page",
        400 => "Sorry, there is a problem with the request",
        _ => "Sorry, there is a problem with the service",
    };

    public void OnGet(int? code) => Set(code);

    public void OnPost(int? code) => Set(code);

    private void Set(int? code)
    {
        Code = code ?? 500;
        Response.StatusCode = Code;
    }
}
