using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalFlow.Web.Pages;

/// <summary>Errors in plain English or Welsh: a helpful 404, a clear 403, and an apology for anything else.</summary>
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public int Code { get; private set; }

    public string Title => Code switch
    {
        404 => Resources.CommonText.NotFoundTitle,
        403 => Resources.CommonText.CannotOpenTitle,
        400 => Resources.CommonText.BadRequestTitle,
        _ => Resources.CommonText.ServiceProblemTitle,
    };

    public void OnGet(int? code) => Set(code);

    public void OnPost(int? code) => Set(code);

    private void Set(int? code)
    {
        Code = code ?? 500;
        Response.StatusCode = Code;
    }
}
