using LabelErrors.Web.Components.Layout;

namespace LabelErrors.Web.Endpoints;

public static class ThemeStylesheetEndpoint
{
    /// <summary>
    /// <c>/theme.css</c>: the theme's variables (<see cref="ThemeStylesheet"/>). Pages link it with the text's hash, so
    /// browsers keep it for a year; a request with another hash gets the current text, not cached.
    /// </summary>
    public static IEndpointRouteBuilder MapThemeStylesheet(this IEndpointRouteBuilder app)
    {
        app.MapGet(ThemeStylesheet.Path, (HttpContext http, ThemeStylesheet theme) =>
        {
            http.Response.Headers.CacheControl = http.Request.Query["v"] == theme.Version
                ? "public, max-age=31536000, immutable"
                : "no-cache";
            http.Response.Headers.ETag = $"\"{theme.Version}\"";
            return Results.Text(theme.Css, "text/css; charset=utf-8");
        }).ExcludeFromDescription();
        return app;
    }
}
