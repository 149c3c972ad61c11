namespace LabelErrors.Web.Review;

/// <summary>
/// Names the label-quality score an upload was ranked by (its <c>rank_by</c>, cleanlab's name) with what it measures,
/// for the review's "why flagged" line: the stored label quality is that method's score, not always self-confidence.
/// </summary>
public static class ScoreMethodText
{
    public const string SelfConfidence = "self_confidence";
    public const string NormalizedMargin = "normalized_margin";
    public const string ConfidenceWeightedEntropy = "confidence_weighted_entropy";

    public static string Describe(string rankBy) => rankBy switch
    {
        SelfConfidence => "self_confidence (the probability of the given label)",
        NormalizedMargin => "normalized_margin (the given label's probability minus the largest other's, rescaled to 0–1)",
        ConfidenceWeightedEntropy => "confidence_weighted_entropy (the prediction's normalised entropy over the given label's probability, mapped to 0–1)",
        _ => rankBy,
    };
}
