namespace LabelErrors.Core.ConfidentLearning;

/// <summary>Label quality score of cleanlab's <c>rank.get_label_quality_scores</c> (lower = more likely a label issue).</summary>
public enum ScoreMethod
{
    /// <summary>pred_probs[i, label].</summary>
    SelfConfidence,

    /// <summary>(pred_probs[i, label] − max over other classes + 1) / 2.</summary>
    NormalizedMargin,

    /// <summary>log(1 + h/sc) / clip(h/sc) with h the normalised entropy and sc the self-confidence.</summary>
    ConfidenceWeightedEntropy,
}
