using LabelErrors.Web.Api.Naming;
using LabelErrors.Web.Api.Problems;

namespace LabelErrors.Web.Api;

/// <summary>
/// Every 4xx/5xx under <c>/api/v1</c> is a problem (RFC 9457), not the site's HTML error pages: handlers return typed
/// problems; what goes wrong outside them (a body that does not bind, a missing query value, an exception, a status
/// without a body) is turned into one here.
/// </summary>
public static class ApiErrorHandling
{
    /// <summary>The API's problem details: the request's message for a bad request, the old <c>error</c> member for legacy clients.</summary>
    public static IServiceCollection AddApiProblemDetails(this IServiceCollection services) =>
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            // Binding failures say what could not be read ("Required parameter \"int worst\" was not provided…"); safe to show.
            if (context.Exception is BadHttpRequestException bad)
                problem.Detail ??= bad.Message;
            if (LegacyNaming.IsRequested(context.HttpContext))
                problem.Extensions["error"] = problem.Detail ?? problem.Title;
        });

    /// <summary>Place after the site's own error pages, so that API requests get problems instead.</summary>
    public static IApplicationBuilder UseApiProblemDetails(this IApplicationBuilder app) =>
        app.UseWhen(context => context.Request.Path.StartsWithSegments(ApiEndpoints.Prefix), api =>
        {
            api.UseExceptionHandler(new ExceptionHandlerOptions
            {
                StatusCodeSelector = exception => exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
            });
            api.UseStatusCodePages();
        });
}
