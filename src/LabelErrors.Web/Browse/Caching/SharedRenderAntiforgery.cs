using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;

namespace LabelErrors.Web.Browse.Caching;

/// <summary>
/// Wraps the framework's antiforgery service. Blazor hands every prerendered interactive page an antiforgery token
/// (and sets its cookie); a page whose HTML is shared between visitors must carry neither, so for those renders
/// (<see cref="BrowsePageCachePolicy.IsSharedRender"/>) no token is issued. The browse pages post no forms; every API
/// the site calls opts out of antiforgery, and pages that need a token (uploads, review) are never shared renders.
/// </summary>
public sealed class SharedRenderAntiforgery(IAntiforgery inner, IOptions<AntiforgeryOptions> options) : IAntiforgery
{
    public AntiforgeryTokenSet GetAndStoreTokens(HttpContext httpContext) =>
        BrowsePageCachePolicy.IsSharedRender(httpContext) ? NoTokens() : inner.GetAndStoreTokens(httpContext);

    public AntiforgeryTokenSet GetTokens(HttpContext httpContext) =>
        BrowsePageCachePolicy.IsSharedRender(httpContext) ? NoTokens() : inner.GetTokens(httpContext);

    public Task<bool> IsRequestValidAsync(HttpContext httpContext) => inner.IsRequestValidAsync(httpContext);

    public Task ValidateRequestAsync(HttpContext httpContext) => inner.ValidateRequestAsync(httpContext);

    public void SetCookieTokenAndHeader(HttpContext httpContext) => inner.SetCookieTokenAndHeader(httpContext);

    // Blazor treats a token set without a request token as "no antiforgery token" (the circuit gets null). The field
    // and header names stay, for callers that read them.
    private AntiforgeryTokenSet NoTokens() =>
        new(null, null, options.Value.FormFieldName, options.Value.HeaderName);
}
