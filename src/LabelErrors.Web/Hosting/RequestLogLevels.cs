using Serilog.Events;

namespace LabelErrors.Web.Hosting;

/// <summary>
/// The level of the one-line request log: images and static framework files are requested dozens of times per page
/// view, so they log at Debug (writing every one at Information would cost more than serving them from cache).
/// </summary>
internal static class RequestLogLevels
{
    private static readonly string[] QuietPrefixes = ["/img/", "/og/", "/_framework/", "/_content/", "/_blazor"];

    public static LogEventLevel For(HttpContext context, double elapsedMilliseconds, Exception? exception)
    {
        if (exception is not null || context.Response.StatusCode >= StatusCodes.Status500InternalServerError)
            return LogEventLevel.Error;
        var path = context.Request.Path.Value ?? "";
        return QuietPrefixes.Any(prefix => path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            ? LogEventLevel.Debug
            : LogEventLevel.Information;
    }
}
