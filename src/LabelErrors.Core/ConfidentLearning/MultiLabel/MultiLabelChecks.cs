namespace LabelErrors.Core.ConfidentLearning.MultiLabel;

/// <summary>
/// The input checks of cleanlab's multi-label entry points (<c>assert_valid_inputs(multi_label=True)</c>), made
/// stricter as the single-label ones are: NaN/infinite values and values outside [0, 1] (±1e-6) are refused.
/// Throws <see cref="ArgumentException"/>.
/// </summary>
internal static class MultiLabelChecks
{
    public static void Validate(MultiLabels labels, PredProbs predProbs)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(predProbs);
        if (labels.Count != predProbs.N)
        {
            throw new ArgumentException($"pred_probs and labels must have the same length ({predProbs.N} rows, {labels.Count} labels).", nameof(labels));
        }

        int highest = labels.MaxClass();
        if (highest < 0) throw new ArgumentException("At least one example must have a label (every label list is empty).", nameof(labels));
        if (highest >= predProbs.K)
        {
            throw new ArgumentException(
                $"pred_probs must have at least {highest + 1} columns, based on the largest class index which appears in labels.", nameof(labels));
        }

        InputChecks.Validate(new int[predProbs.N], predProbs, allowOneClass: true);
    }

    /// <summary>
    /// The scorer's <c>_is_multilabel</c> check: K ≥ 2 and the one-hot matrix holds both 0 and 1 (cleanlab raises
    /// "Labels must be in multi-label format." otherwise).
    /// </summary>
    public static void ValidateScorerLabels(MultiLabels labels, int k)
    {
        if (k < 2 || labels.LabelCount == (long)labels.Count * k)
        {
            throw new ArgumentException("Labels must be in multi-label format: at least 2 classes, and some (example, class) pair without the label.", nameof(labels));
        }
    }
}
