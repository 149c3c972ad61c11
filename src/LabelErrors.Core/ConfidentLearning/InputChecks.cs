namespace LabelErrors.Core.ConfidentLearning;

/// <summary>
/// cleanlab 2.9's <c>assert_valid_inputs</c> for the single-label case, made stricter: NaN and infinities are
/// refused (cleanlab lets NaN through, which yields arbitrary results). Throws <see cref="ArgumentException"/>.
/// </summary>
internal static class InputChecks
{
    private const double Tolerance = 1e-6;

    public static void Validate(ReadOnlySpan<int> labels, PredProbs predProbs, bool allowOneClass, bool requireUnitRange = true)
    {
        ArgumentNullException.ThrowIfNull(predProbs);
        if (labels.Length != predProbs.N)
        {
            throw new ArgumentException(
                $"pred_probs and labels must have the same length ({predProbs.N} rows, {labels.Length} labels).", nameof(labels));
        }

        if (labels.Length == 0) throw new ArgumentException("labels must not be empty.", nameof(labels));
        bool seenOther = false;
        int first = labels[0];
        for (int i = 0; i < labels.Length; i++)
        {
            int label = labels[i];
            if (label < 0) throw new ArgumentException($"Labels must be non-negative class indices (label {i} is {label}).", nameof(labels));
            if (label >= predProbs.K)
            {
                throw new ArgumentException(
                    $"pred_probs must have at least {label + 1} columns, based on the largest class index which appears in labels (label {i}).",
                    nameof(labels));
            }

            seenOther |= label != first;
        }

        if (!allowOneClass && !seenOther) throw new ArgumentException("Labels must contain at least 2 classes.", nameof(labels));
        predProbs.EnsureFinite();
        if (requireUnitRange)
        {
            for (int i = 0; i < predProbs.N; i++)
            {
                for (int k = 0; k < predProbs.K; k++)
                {
                    double v = predProbs[i, k];
                    if (v < -Tolerance || v > 1 + Tolerance)
                    {
                        throw new ArgumentException("Values in pred_probs must be between 0 and 1.", nameof(predProbs));
                    }
                }
            }
        }
    }
}
