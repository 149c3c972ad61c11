using System.Threading.RateLimiting;
using LabelErrors.Web.Jobs;
using Microsoft.AspNetCore.RateLimiting;

namespace LabelErrors.Web.Uploads;

public static class UploadServiceCollectionExtensions
{
    /// <summary>Uploads, their storage and rate limit, and the analysis job queue with its hosted workers.</summary>
    public static IServiceCollection AddLabelErrorsUploads(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<UploadOptions>().Bind(configuration.GetSection(UploadOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<JobOptions>().Bind(configuration.GetSection(JobOptions.Section)).ValidateDataAnnotations().ValidateOnStart();

        services.AddHttpContextAccessor();
        services.AddSingleton<UploadStorage>();
        services.AddSingleton<UploadService>();
        services.AddSingleton<UploadQueries>();
        services.AddSingleton<PageUploadRateLimiter>();
        services.AddSingleton<JobSignal>();
        services.AddSingleton<JobProgressFeed>();
        services.AddSingleton<AnalysisJobQueue>();
        services.AddSingleton<AnalysisRunner>();
        services.AddSingleton<ResultWriter>();
        JobRetryPipeline.Register(services, configuration);
        services.AddSingleton<JobDatabaseSteps>();
        services.AddHostedService<AnalysisWorkerService>();

        var perMinute = configuration.GetSection(UploadOptions.Section).GetValue<int?>(nameof(UploadOptions.UploadsPerMinutePerClient))
            ?? new UploadOptions().UploadsPerMinutePerClient;
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, cancellationToken) =>
                new ValueTask(context.HttpContext.Response.WriteAsJsonAsync(
                    new { error = $"too many uploads; at most {perMinute} per minute", field = "" }, cancellationToken));
            limiter.AddPolicy(UploadEndpoints.RateLimitPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                ClientKeys.Of(context),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
        return services;
    }
}
