using System.Numerics;

namespace LabelErrors.Core.ConfidentLearning.MultiLabel;

/// <summary>cleanlab 2.9.0's <c>multilabel_classification.rank</c>: label quality scores of multi-label data.</summary>
public static class MultiLabelQuality
{
    /// <summary>
    /// <c>get_label_quality_scores_per_class(labels, pred_probs, method=, adjust_pred_probs=)</c>: an N×K row-major
    /// array; entry (i, k) is the single-label score of example i's binary label for class k against [1 − p, p],
    /// computed in the element precision (float32 for confidence_weighted_entropy of float16, as numpy does) and
    /// stored as float64, as cleanlab's <c>np.zeros</c> result is.
    /// </summary>
    public static double[] ScoresPerClass(MultiLabels labels, PredProbs predProbs, ScoreMethod method = ScoreMethod.SelfConfidence, bool adjustPredProbs = false)
    {
        MultiLabelChecks.Validate(labels, predProbs);
        CheckMethod(method, adjustPredProbs);
        return predProbs switch
        {
            PredProbs<double> d => PerClass(labels, d, method, adjustPredProbs),
            PredProbs<float> f => PerClass(labels, f, method, adjustPredProbs),
            PredProbs<Half> h => PerClass(labels, h, method, adjustPredProbs),
            _ => throw new NotSupportedException(predProbs.GetType().Name),
        };
    }

    /// <summary>
    /// Row <paramref name="row"/> of <see cref="ScoresPerClass"/> (without adjust_pred_probs) into
    /// <paramref name="perClass"/> (K entries), computed from that row alone: the same bits, without the N×K matrix.
    /// Inputs are assumed valid (checked once by the caller with <see cref="ScoresPerClass"/>'s checks).
    /// </summary>
    public static void ScoresPerClassOfRow(MultiLabels labels, PredProbs predProbs, int row, ScoreMethod method, Span<double> perClass)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(predProbs);
        CheckMethod(method, adjustPredProbs: false);
        int k = predProbs.K;
        switch (predProbs)
        {
            case PredProbs<double> d: MultiLabelRowScore.PerClass<double>(d.Array.AsSpan(row * k, k), labels[row], method, perClass); break;
            case PredProbs<float> f: MultiLabelRowScore.PerClass<float>(f.Array.AsSpan(row * k, k), labels[row], method, perClass); break;
            case PredProbs<Half> h: MultiLabelRowScore.PerClass<Half>(h.Array.AsSpan(row * k, k), labels[row], method, perClass); break;
            default: throw new NotSupportedException(predProbs.GetType().Name);
        }
    }

    /// <summary>
    /// <c>get_label_quality_scores(labels, pred_probs, method=, adjust_pred_probs=)</c> with the default aggregator
    /// (exponential moving average, alpha 0.8): one float64 score per example, lower = more likely a label issue.
    /// </summary>
    public static double[] Scores(
        MultiLabels labels,
        PredProbs predProbs,
        ScoreMethod method = ScoreMethod.SelfConfidence,
        bool adjustPredProbs = false,
        double alpha = ExponentialMovingAverage.DefaultAlpha)
    {
        MultiLabelChecks.ValidateScorerLabels(labels, predProbs.K); // the scorer's strict check (not in the per-class function)
        if (adjustPredProbs)
        {
            // the adjustment needs each class's thresholds over all rows first: per-class matrix
            return Aggregate(ScoresPerClass(labels, predProbs, method, adjustPredProbs), predProbs.N, predProbs.K, alpha);
        }

        MultiLabelChecks.Validate(labels, predProbs);
        CheckMethod(method, adjustPredProbs);
        return predProbs switch
        {
            PredProbs<double> d => RowLocal(labels, d, method, alpha),
            PredProbs<float> f => RowLocal(labels, f, method, alpha),
            PredProbs<Half> h => RowLocal(labels, h, method, alpha),
            _ => throw new NotSupportedException(predProbs.GetType().Name),
        };
    }

    /// <summary>Aggregated scores row by row (no N×K matrix), in parallel row blocks.</summary>
    internal static double[] RowLocal<T>(MultiLabels labels, PredProbs<T> p, ScoreMethod method, double alpha)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var result = new double[p.N];
        var data = p.Array;
        int k = p.K;
        Parallelism.ForBlocks(p.N, Parallelism.RowBlock, (start, end) =>
            MultiLabelRowScore.Aggregate<T>(data.AsSpan(start * k, (end - start) * k), start, end - start, k, labels, method, alpha, result));
        return result;
    }

    internal static void CheckMethod(ScoreMethod method, bool adjustPredProbs)
    {
        if (!Enum.IsDefined(method)) throw new ArgumentOutOfRangeException(nameof(method), $"Invalid method name: {method}");
        if (adjustPredProbs && method == ScoreMethod.ConfidenceWeightedEntropy)
        {
            throw new ArgumentException("adjust_pred_probs is not currently supported for confidence_weighted_entropy.", nameof(adjustPredProbs));
        }
    }

    /// <summary>The exponential moving average of each row of an N×K row-major array.</summary>
    internal static double[] Aggregate(double[] perClass, int n, int k, double alpha)
    {
        var result = new double[n];
        Parallelism.ForBlocks(n, Parallelism.RowBlock, (start, end) =>
        {
            var scratch = new double[k];
            for (int i = start; i < end; i++) result[i] = ExponentialMovingAverage.Row(perClass.AsSpan(i * k, k), alpha, scratch);
        });
        return result;
    }

    internal static double[] PerClass<T>(MultiLabels labels, PredProbs<T> p, ScoreMethod method, bool adjustPredProbs)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = p.N, k = p.K;
        var byClass = labels.ExamplesByClass(k);
        var result = new double[n * k];
        for (int c = 0; c < k; c++)
        {
            var binaryLabels = OneVsRest.Labels(n, byClass[c]);
            var scores = LabelQuality.ScoresCore(binaryLabels, OneVsRest.PredProbs(p, c), method, adjustPredProbs);
            for (int i = 0; i < n; i++) result[i * k + c] = scores[i];
        }

        return result;
    }
}
