using System.Runtime.CompilerServices;

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
        ValidateLabels(labels, predProbs, allowOneClass);
        var scan = predProbs switch
        {
            PredProbs<double> d => ValueScan.Scan(d.Array),
            PredProbs<float> f => ValueScan.Scan(f.Array),
            PredProbs<Half> h => ValueScan.Scan(h.Array),
            _ => throw new NotSupportedException(predProbs.GetType().Name),
        };
        ValidateValues(scan, predProbs, requireUnitRange);
    }

    /// <summary>Throws unless the scanned values are finite (and within [0, 1] up to 1e-6 when required).</summary>
    public static void ValidateValues(ValueScan.Result scan, PredProbs predProbs, bool requireUnitRange = true)
    {
        if (!scan.AllFinite) predProbs.EnsureFinite(); // throws with the position
        ValidateRange(scan, requireUnitRange);
    }

    /// <summary>Throws unless the scanned values lie within [0, 1] up to 1e-6 (when required).</summary>
    public static void ValidateRange(ValueScan.Result scan, bool requireUnitRange = true)
    {
        if (requireUnitRange && (scan.Min < -Tolerance || scan.Max > 1 + Tolerance))
        {
            throw new ArgumentException("Values in pred_probs must be between 0 and 1.", "predProbs");
        }
    }

    /// <summary>Checks the labels (count, range, number of classes), not the pred_probs values.</summary>
    public static void ValidateLabels(ReadOnlySpan<int> labels, PredProbs predProbs, bool allowOneClass)
    {
        ArgumentNullException.ThrowIfNull(predProbs);
        ValidateLabels(labels, predProbs.N, predProbs.K, allowOneClass);
    }

    /// <summary>Checks the labels against an N×K pred_probs matrix given by its shape (e.g. one read from a file).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // a single call per run over all labels
    public static void ValidateLabels(ReadOnlySpan<int> labels, long n, int k, bool allowOneClass)
    {
        if (labels.Length != n)
        {
            throw new ArgumentException(
                $"pred_probs and labels must have the same length ({n} rows, {labels.Length} labels).", nameof(labels));
        }

        if (labels.Length == 0) throw new ArgumentException("labels must not be empty.", nameof(labels));
        bool seenOther = false;
        int first = labels[0];
        for (int i = 0; i < labels.Length; i++)
        {
            int label = labels[i];
            if (label < 0) throw new ArgumentException($"Labels must be non-negative class indices (label {i} is {label}).", nameof(labels));
            if (label >= k)
            {
                throw new ArgumentException(
                    $"pred_probs must have at least {label + 1} columns, based on the largest class index which appears in labels (label {i}).",
                    nameof(labels));
            }

            seenOther |= label != first;
        }

        if (!allowOneClass && !seenOther) throw new ArgumentException("Labels must contain at least 2 classes.", nameof(labels));
    }
}
