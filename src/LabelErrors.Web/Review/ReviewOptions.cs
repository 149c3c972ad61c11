using System.ComponentModel.DataAnnotations;

namespace LabelErrors.Web.Review;

/// <summary>Abuse limits on visitors' votes and reports, and the review queue's window (<c>Review</c> section).</summary>
public sealed class ReviewOptions
{
    public const string Section = "Review";

    /// <summary>Votes and reports one client (remote address) may send per minute; more get 429.</summary>
    [Range(1, 100_000)]
    public int VotesPerMinutePerClient { get; set; } = 30;

    /// <summary>Flagged examples a review session reads at a time as the reviewer moves (it holds at most twice this).</summary>
    [Range(2, 10_000)]
    public int QueueWindow { get; set; } = 100;
}
