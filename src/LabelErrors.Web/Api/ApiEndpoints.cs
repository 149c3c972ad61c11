using Scalar.AspNetCore;

namespace LabelErrors.Web.Api;

public static class ApiEndpoints
{
    public const string Prefix = "/api/v1";

    /// <summary>
    /// <c>/api/v1/datasets…</c> (rate limited per client), the OpenAPI document at <c>/openapi/v1.json</c>, the
    /// interactive reference at <c>/scalar/v1</c> (bundled script, no CDN fonts: works offline) and a problem-details
    /// 404 for unknown API paths instead of the HTML not-found page.
    /// </summary>
    public static IEndpointRouteBuilder MapLabelErrorsApi(this IEndpointRouteBuilder app)
    {
        var datasets = app.MapGroup($"{Prefix}/datasets")
            .WithTags("Datasets")
            .RequireRateLimiting(ApiRateLimitPolicy.Name)
            .DisableAntiforgery();
        datasets.MapDatasetEndpoints();
        datasets.MapExampleEndpoints();
        datasets.MapCorrectedEndpoints();
        datasets.MapScoreEndpoints();

        app.MapOpenApi();
        app.MapScalarApiReference(options => options
            .WithTitle("LabelErrors API")
            .DisableDefaultFonts()
            .DisableTelemetry());

        app.Map($"{Prefix}/{{**rest}}", (HttpContext context) => ApiProblems.NoSuchEndpoint(context.Request.Path))
            .ExcludeFromDescription();
        return app;
    }
}
