namespace LabelErrors.Core.ConfidentLearning;

/// <summary>The <c>filter_by</c> methods of cleanlab 2.9.0's <c>filter.find_label_issues</c>.</summary>
public enum FilterBy
{
    /// <summary>Per given class k and true class j, flag the C[k, j] examples with the largest margin p[j] − p[k] (default).</summary>
    PruneByNoiseRate,

    /// <summary>Per given class k, flag the examples with the lowest p[k], as many as the off-diagonal counts of row k.</summary>
    PruneByClass,

    /// <summary>Flagged by both <see cref="PruneByNoiseRate"/> and <see cref="PruneByClass"/>.</summary>
    Both,

    /// <summary>The off-diagonal examples of the confident joint.</summary>
    ConfidentLearning,

    /// <summary>argmax(pred_probs) differs from the given label.</summary>
    PredictedNeqGiven,

    /// <summary>The num_label_issues examples with the lowest normalized margin.</summary>
    LowNormalizedMargin,

    /// <summary>The num_label_issues examples with the lowest self-confidence.</summary>
    LowSelfConfidence,
}
