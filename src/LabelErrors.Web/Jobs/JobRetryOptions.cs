using System.ComponentModel.DataAnnotations;

namespace LabelErrors.Web.Jobs;

/// <summary>
/// How the analysis jobs retry a database step that failed transiently (section <c>Jobs:Retry</c>; see
/// docs/failures.md). Delays grow exponentially from <see cref="BaseDelay"/>, capped at <see cref="MaxDelay"/>, with
/// jitter so that workers that lost the database together do not come back together.
/// </summary>
public sealed class JobRetryOptions : IValidatableObject
{
    public const string Section = "Jobs:Retry";

    /// <summary>Retries after the first try; 0 turns retrying off (a failure fails the job at once).</summary>
    [Range(0, 100)]
    public int MaxRetries { get; set; } = 10;

    /// <summary>The delay before the first retry (the exponential's base).</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00")]
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>No retry waits longer than this.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Randomises each delay (Polly's decorrelated jitter); off only to make delays predictable.</summary>
    public bool UseJitter { get; set; } = true;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (BaseDelay > MaxDelay)
            yield return new ValidationResult($"{nameof(BaseDelay)} ({BaseDelay}) must not exceed {nameof(MaxDelay)} ({MaxDelay})", [nameof(BaseDelay)]);
    }
}
