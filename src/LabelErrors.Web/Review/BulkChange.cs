namespace LabelErrors.Web.Review;

/// <summary>What a bulk "accept the suggestion" would change for one example (the preview) or changed (the result).</summary>
public sealed record BulkChange(long StudyIndex, int GivenLabel, int SuggestedLabel, double? LabelQuality);
