using Microsoft.AspNetCore.Antiforgery;

namespace LabelErrors.Web.Browse.Caching;

/// <summary>
/// Wraps the framework's antiforgery service. Blazor hands every prerendered interactive page an antiforgery token
/// (and sets its cookie); a page whose HTML is shared between visitors must carry neither, so for those renders
/// (<see cref="BrowsePageCachePolicy.IsSharedRender"/>) no token is issued. The browse pages post no forms; every API
/// the site calls opts out of antiforgery, and pages that need a token (uploads, review) are never shared renders.
/// </summary>
public sealed class SharedRenderAntiforgery(IAntiforgery inner) : IAntiforgery
{
    public AntiforgeryTokenSet GetAndStoreTokens(HttpContext httpContext) =>
        BrowsePageCachePolicy.IsSharedRender(httpContext) ? NoTokens(httpContext) : inner.GetAndStoreTokens(httpContext);

    public AntiforgeryTokenSet GetTokens(HttpContext httpContext) =>
        BrowsePageCachePolicy.IsSharedRender(httpContext) ? NoTokens(httpContext) : inner.GetTokens(httpContext);

    public Task<bool> IsRequestValidAsync(HttpContext httpContext) => inner.IsRequestValidAsync(httpContext);

    public Task ValidateRequestAsync(HttpContext httpContext) => inner.ValidateRequestAsync(httpContext);

    public void SetCookieTokenAndHeader(HttpContext httpContext) => inner.SetCookieTokenAndHeader(httpContext);

    // The field and header names are kept so callers that read them still work; the tokens are absent.
    private AntiforgeryTokenSet NoTokens(HttpContext httpContext)
    {
        var options = httpContext.RequestServices.GetService<Microsoft.Extensions.Options.IOptions<AntiforgeryOptions>>()?.Value;
        return new AntiforgeryTokenSet(null, null, options?.FormFieldName ?? "__RequestVerificationToken", options?.HeaderName);
    }
}
