namespace LabelErrors.Web.Browse.Caching;

/// <summary>
/// Gives a cached page's <c>blazor-enhanced-nav: allow</c> header back in the case the framework wrote it. The output
/// cache stores response headers and serves this one as <c>Allow</c> (its entry formatter interns common strings
/// case-insensitively, and "Allow" is a header name it knows); blazor.web.js compares the value case-sensitively and
/// turns every enhanced navigation to a cached page into a second, full page load (a key pressed meanwhile was lost).
/// </summary>
public static class EnhancedNavigationHeaderCase
{
    private const string Header = "blazor-enhanced-nav";

    /// <summary>Before <c>UseOutputCache</c>: the fix applies to responses served from the cache too.</summary>
    public static IApplicationBuilder UseEnhancedNavigationHeaderCase(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            // Only enhanced navigations read the header (blazor.web.js's fetch asks for it in Accept).
            if (context.Request.Headers.Accept.ToString().Contains("blazor-enhanced-nav", StringComparison.Ordinal))
                context.Response.OnStarting(static state => Fix((HttpResponse)state), context.Response);
            return next(context);
        });

    private static Task Fix(HttpResponse response)
    {
        if (response.Headers.TryGetValue(Header, out var value) && string.Equals(value, "allow", StringComparison.OrdinalIgnoreCase))
            response.Headers[Header] = "allow";
        return Task.CompletedTask;
    }
}
