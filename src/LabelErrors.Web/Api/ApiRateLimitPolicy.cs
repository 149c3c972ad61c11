using System.Globalization;
using System.Threading.RateLimiting;
using LabelErrors.Web.Uploads;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace LabelErrors.Web.Api;

/// <summary>A fixed window per client over <c>/api/v1</c>; a refused request gets a 429 problem with Retry-After.</summary>
public sealed class ApiRateLimitPolicy(IOptions<ApiOptions> options) : IRateLimiterPolicy<string>
{
    public const string Name = "api";

    public RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
        RateLimitPartition.GetFixedWindowLimiter(ClientKeys.Of(httpContext), _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.RequestsPerMinutePerClient,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => async (context, cancellationToken) =>
    {
        var response = context.HttpContext.Response;
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        await ApiProblems.TooManyRequests(options.Value.RequestsPerMinutePerClient).ExecuteAsync(context.HttpContext);
    };
}
