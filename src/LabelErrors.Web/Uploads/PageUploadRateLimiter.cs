using System.Threading.RateLimiting;
using LabelErrors.Web.Api.RateLimiting;

namespace LabelErrors.Web.Uploads;

/// <summary>
/// The per-client upload rate limit for uploads made on the <c>/upload</c> page, which arrive over the Blazor circuit
/// and so never pass the HTTP rate-limiting middleware that guards <c>POST /api/v1/uploads</c>. Same policy, own counters.
/// </summary>
public sealed class PageUploadRateLimiter(PerClientRateLimits limits) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(limits.Uploads.Partition);

    /// <summary>Throws a 429 rejection when the client has used up its uploads for this minute.</summary>
    public void Acquire(string clientKey)
    {
        using var lease = _limiter.AttemptAcquire(clientKey);
        if (!lease.IsAcquired)
            throw new UploadRejectedException("", $"too many uploads; at most {limits.Uploads.PermitsPerMinute} per minute",
                StatusCodes.Status429TooManyRequests);
    }

    public void Dispose() => _limiter.Dispose();
}
