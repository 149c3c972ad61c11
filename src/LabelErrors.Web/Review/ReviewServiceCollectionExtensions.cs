using System.Threading.RateLimiting;
using LabelErrors.Web.Review.Visitors;
using LabelErrors.Web.Uploads;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LabelErrors.Web.Review;

public static class ReviewServiceCollectionExtensions
{
    /// <summary>Review decisions, cleaned-label exports, visitors' votes and their per-client rate limit.</summary>
    public static IServiceCollection AddLabelErrorsReview(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ReviewOptions>().Bind(configuration.GetSection(ReviewOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddMemoryCache();
        services.AddSingleton<ReviewService>();
        services.AddSingleton<ReviewAccess>();
        services.AddSingleton<CleanedLabels>();
        services.AddSingleton<DecisionLog>();
        services.AddSingleton<PredictedClasses>();
        services.AddSingleton<VisitorVoteService>();

        var perMinute = configuration.GetSection(ReviewOptions.Section).GetValue<int?>(nameof(ReviewOptions.VotesPerMinutePerClient))
            ?? new ReviewOptions().VotesPerMinutePerClient;
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(ReviewEndpoints.VotesRateLimitPolicy, new VoteRateLimitPolicy(perMinute));
        });
        return services;
    }

    // A policy of its own so its 429 message is about votes (the global OnRejected speaks of uploads).
    private sealed class VoteRateLimitPolicy(int perMinute) : IRateLimiterPolicy<string>
    {
        public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = (context, cancellationToken) =>
            new ValueTask(context.HttpContext.Response.WriteAsJsonAsync(new { error = $"too many votes; at most {perMinute} per minute" }, cancellationToken));

        public RateLimitPartition<string> GetPartition(HttpContext httpContext) => RateLimitPartition.GetFixedWindowLimiter(
            ClientKeys.Of(httpContext),
            _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
    }
}
