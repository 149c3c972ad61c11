using System.Globalization;
using System.Threading.RateLimiting;
using LabelErrors.Web.Uploads;
using Microsoft.AspNetCore.RateLimiting;

namespace LabelErrors.Web.Api.RateLimiting;

/// <summary>
/// The app's one per-client limit: a fixed one-minute window per client (remote address) with no queue. A refused
/// request gets a 429 problem naming what was limited, with Retry-After. <see cref="Partition"/> is also used where
/// requests do not pass the HTTP middleware (uploads made over the Blazor circuit), so both paths count alike.
/// </summary>
public sealed class PerClientRateLimitPolicy(string name, string what, int permitsPerMinute) : IRateLimiterPolicy<string>
{
    /// <summary>The policy name endpoints refer to (<c>RequireRateLimiting</c>).</summary>
    public string Name { get; } = name;

    public int PermitsPerMinute { get; } = permitsPerMinute;

    /// <summary>What a permit is, in the refusal message: "API requests", "uploads", "votes".</summary>
    public string What { get; } = what;

    public RateLimitPartition<string> GetPartition(HttpContext httpContext) => Partition(ClientKeys.Of(httpContext));

    public RateLimitPartition<string> Partition(string clientKey) =>
        RateLimitPartition.GetFixedWindowLimiter(clientKey, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = PermitsPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => async (context, _) =>
    {
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        await ApiProblems.TooManyRequests(What, PermitsPerMinute).ExecuteAsync(context.HttpContext);
    };
}
