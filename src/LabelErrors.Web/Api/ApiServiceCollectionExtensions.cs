using LabelErrors.Web.Corrections;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace LabelErrors.Web.Api;

public static class ApiServiceCollectionExtensions
{
    /// <summary>The JSON API: problem details, its rate limit, the OpenAPI document and the correction/scoring services.</summary>
    public static IServiceCollection AddLabelErrorsApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ApiOptions>().Bind(configuration.GetSection(ApiOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddProblemDetails();
        services.AddSingleton<ApiRateLimitPolicy>();
        services.AddRateLimiter(limiter => limiter.AddPolicy<string, ApiRateLimitPolicy>(ApiRateLimitPolicy.Name));
        services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "LabelErrors API",
                Version = "v1",
                Description = "The study's datasets, examples (same filters and sort as the gallery), corrected test sets, model scoring and uploads.",
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
