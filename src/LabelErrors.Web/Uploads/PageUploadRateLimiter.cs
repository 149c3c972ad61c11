using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace LabelErrors.Web.Uploads;

/// <summary>
/// The per-client upload rate limit for uploads made on the <c>/upload</c> page, which arrive over the Blazor circuit
/// and so never pass the HTTP rate-limiting middleware that guards <c>POST /api/v1/uploads</c>. Same window and limit.
/// </summary>
public sealed class PageUploadRateLimiter(IOptions<UploadOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(client =>
        RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.UploadsPerMinutePerClient,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));

    /// <summary>Throws a 429 rejection when the client has used up its uploads for this minute.</summary>
    public void Acquire(string clientKey)
    {
        using var lease = _limiter.AttemptAcquire(clientKey);
        if (!lease.IsAcquired)
            throw new UploadRejectedException("", $"too many uploads; at most {options.Value.UploadsPerMinutePerClient} per minute",
                StatusCodes.Status429TooManyRequests);
    }

    public void Dispose() => _limiter.Dispose();
}
