using LabelErrors.Web.Review;
using LabelErrors.Web.Uploads;
using Microsoft.Extensions.Options;

namespace LabelErrors.Web.Api.RateLimiting;

/// <summary>
/// The per-client limits of <c>/api/v1</c>, each a <see cref="PerClientRateLimitPolicy"/> whose permits come from an
/// options class validated at start (<c>Api:RequestsPerMinutePerClient</c>, <c>Uploads:UploadsPerMinutePerClient</c>,
/// <c>Review:VotesPerMinutePerClient</c>); nothing reads the raw configuration.
/// </summary>
public sealed class PerClientRateLimits(IOptions<ApiOptions> api, IOptions<UploadOptions> uploads, IOptions<ReviewOptions> review)
{
    // Names are constants so endpoints can be mapped without reading the options (validated when the host starts).
    public const string ApiPolicy = "api";
    public const string UploadsPolicy = "uploads";
    public const string VotesPolicy = "visitor-votes";

    /// <summary>The dataset, example, corrected and score endpoints.</summary>
    public PerClientRateLimitPolicy Api { get; } = new(ApiPolicy, "API requests", api.Value.RequestsPerMinutePerClient);

    /// <summary><c>POST /api/v1/uploads</c> and the upload page.</summary>
    public PerClientRateLimitPolicy Uploads { get; } = new(UploadsPolicy, "uploads", uploads.Value.UploadsPerMinutePerClient);

    /// <summary>Visitors' votes and reports.</summary>
    public PerClientRateLimitPolicy Votes { get; } = new(VotesPolicy, "votes", review.Value.VotesPerMinutePerClient);

    public IEnumerable<PerClientRateLimitPolicy> All => [Api, Uploads, Votes];
}
