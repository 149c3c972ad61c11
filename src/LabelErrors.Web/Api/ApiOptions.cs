using System.ComponentModel.DataAnnotations;

namespace LabelErrors.Web.Api;

/// <summary>Settings of the JSON API (<c>Api</c> section).</summary>
public sealed class ApiOptions
{
    public const string Section = "Api";

    /// <summary>Requests per minute one client (remote address) may make to <c>/api/v1</c> (uploads have their own limit).</summary>
    [Range(1, 1_000_000)]
    public int RequestsPerMinutePerClient { get; set; } = 300;

    /// <summary>Largest scoring request (all prediction files together).</summary>
    [Range(1024, 2L * 1024 * 1024 * 1024)]
    public long MaxScoreRequestBytes { get; set; } = 128L * 1024 * 1024;

    /// <summary>Models one scoring request may hold.</summary>
    [Range(1, 100)]
    public int MaxModelsPerScoreRequest { get; set; } = 10;
}
