using LabelErrors.Web.Api.Naming;
using LabelErrors.Web.Api.RateLimiting;
using LabelErrors.Web.Review;
using LabelErrors.Web.Review.Visitors;
using LabelErrors.Web.Uploads;
using LabelErrors.Web.Uploads.Annotators;
using Scalar.AspNetCore;

namespace LabelErrors.Web.Api;

public static class ApiEndpoints
{
    public const string Prefix = "/api/v1";

    /// <summary>
    /// The whole JSON API under one <c>/api/v1</c> group, a sub-group per resource (datasets, examples, corrected,
    /// scores, uploads, review, votes) with its tag and per-client limit; the OpenAPI document at
    /// <c>/openapi/v1.json</c>, the interactive reference at <c>/scalar/v1</c> (bundled script, no CDN fonts: works
    /// offline) and a problem-details 404 for unknown API paths instead of the HTML not-found page.
    /// </summary>
    public static IEndpointRouteBuilder MapLabelErrorsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(Prefix).DisableAntiforgery();

        api.MapGroup("/datasets").WithTags("Datasets").RequireRateLimiting(PerClientRateLimits.ApiPolicy)
            .MapDatasetEndpoints();
        api.MapGroup("/datasets/{dataset}/examples").WithTags("Examples").RequireRateLimiting(PerClientRateLimits.ApiPolicy)
            .MapExampleEndpoints();
        api.MapGroup("/datasets/{dataset}/corrected").WithTags("Corrected").RequireRateLimiting(PerClientRateLimits.ApiPolicy)
            .MapCorrectedEndpoints();
        api.MapGroup("/datasets/{dataset}/scores").WithTags("Scores").RequireRateLimiting(PerClientRateLimits.ApiPolicy)
            .MapScoreEndpoints();
        // These three answered snake_case before this release; LegacyNamingFilter still does on request.
        api.MapGroup("/uploads").WithTags("Uploads").AddEndpointFilter<LegacyNamingFilter>()
            .MapUploadEndpoints(PerClientRateLimits.UploadsPolicy)
            .MapAnnotatorEndpoints();
        api.MapGroup("/uploads/{token}").WithTags("Review").AddEndpointFilter<LegacyNamingFilter>()
            .MapReviewEndpoints();
        api.MapGroup("/uploads/{token}").WithTags("Uploads").RequireRateLimiting(PerClientRateLimits.ApiPolicy)
            .MapUploadResultEndpoints();
        api.MapGroup("/datasets/{dataset}/examples/{index:long}").WithTags("Votes").RequireRateLimiting(PerClientRateLimits.VotesPolicy)
            .AddEndpointFilter<LegacyNamingFilter>()
            .MapVoteEndpoints();

        api.Map("/{**rest}", (HttpContext context) => ApiProblems.NoSuchEndpoint(context.Request.Path))
            .ExcludeFromDescription();

        app.MapOpenApi();
        app.MapScalarApiReference(options => options
            .WithTitle("LabelErrors API")
            .DisableDefaultFonts()
            .DisableTelemetry());
        return app;
    }
}
