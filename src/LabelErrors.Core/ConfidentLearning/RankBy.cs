namespace LabelErrors.Core.ConfidentLearning;

/// <summary><c>return_indices_ranked_by</c> of <c>find_label_issues</c>: the label quality score used to order the issues.</summary>
public enum RankBy
{
    SelfConfidence = ScoreMethod.SelfConfidence,
    NormalizedMargin = ScoreMethod.NormalizedMargin,
    ConfidenceWeightedEntropy = ScoreMethod.ConfidenceWeightedEntropy,
}
