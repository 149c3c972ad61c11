namespace LabelErrors.Web.Review;

/// <summary>One flagged example in the review queue (worst label quality first).</summary>
public sealed record ReviewItem(
    long ExampleId, long StudyIndex, int GivenLabel, int? SuggestedLabel, double? LabelQuality, double? NormalizedMargin, int? IssueRank) : IQueuedExample;
