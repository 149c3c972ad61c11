using LabelErrors.Web.Api.RateLimiting;
using LabelErrors.Web.Corrections;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace LabelErrors.Web.Api;

public static class ApiServiceCollectionExtensions
{
    /// <summary>The JSON API: problem details, the per-client rate limits, the OpenAPI document and the correction/scoring services.</summary>
    public static IServiceCollection AddLabelErrorsApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ApiOptions>().Bind(configuration.GetSection(ApiOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddApiProblemDetails();
        services.AddSingleton<PerClientRateLimits>();
        services.AddOptions<RateLimiterOptions>().Configure<PerClientRateLimits>((limiter, limits) =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            foreach (var policy in limits.All)
                limiter.AddPolicy(policy.Name, policy);
        });
        services.AddRateLimiter(_ => { });
        services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "LabelErrors API",
                Version = "v1",
                Description = ApiDocumentation.Description,
            };
            return Task.CompletedTask;
        }));

        services.AddSingleton<CorrectedTestSets>();
        services.AddSingleton<StudyModelPredictions>();
        services.AddSingleton<ScoreReports>();
        services.AddSingleton<Charting.DatasetCharts>();
        return services;
    }
}
