using System.Numerics;

namespace LabelErrors.Core.ConfidentLearning.Outliers;

/// <summary>cleanlab 2.9.0's <c>outlier.OutOfDistribution().fit_score(pred_probs=, labels=)</c> with its default parameters.</summary>
public static class OutOfDistribution
{
    /// <summary>
    /// Out-of-distribution score per example (0..1, lower = more atypical): pred_probs adjusted by the per-class
    /// confident thresholds (<c>_subtract_confident_thresholds</c>), then 1 − normalized entropy of each row
    /// (method 'entropy', adjust_pred_probs=True). Computed in the element precision of pred_probs, as numpy does.
    /// Every row is independent once the K thresholds are known, so this could stream in two passes.
    /// </summary>
    public static double[] Scores(ReadOnlySpan<int> labels, PredProbs predProbs)
    {
        InputChecks.Validate(labels, predProbs, allowOneClass: false);
        return predProbs switch
        {
            PredProbs<double> d => LabelQuality.Widen(ScoresCore(labels, d)),
            PredProbs<float> f => LabelQuality.Widen(ScoresCore(labels, f)),
            PredProbs<Half> h => LabelQuality.Widen(ScoresCore(labels, h)),
            _ => throw new NotSupportedException(predProbs.GetType().Name),
        };
    }

    internal static T[] ScoresCore<T>(ReadOnlySpan<int> labels, PredProbs<T> p)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var thresholds = ConfidentThresholds.Compute(labels, p, out _);
        return ScoresWithThresholds(p, thresholds);
    }

    /// <summary>
    /// The scores once the per-class confident thresholds are known (the first pass). Each row is adjusted in a small
    /// buffer, exactly as <c>LabelQuality.SubtractThresholds</c> adjusts the whole matrix, so no N×K copy is made.
    /// </summary>
    internal static T[] ScoresWithThresholds<T>(PredProbs<T> p, T[] thresholds)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int k = p.K;
        var data = p.Array;
        var scores = new T[p.N];
        T maxThreshold = thresholds[0];
        foreach (T t in thresholds) maxThreshold = T.Max(maxThreshold, t);
        T logK = T.CreateChecked(Math.Log(k));
        Parallelism.ForBlocks(p.N, Parallelism.RowBlock, (start, end) =>
        {
            var adjusted = new T[k];
            var terms = new T[k];
            for (int i = start; i < end; i++)
                scores[i] = ScoreRow(data.AsSpan(i * k, k), thresholds, maxThreshold, logK, adjusted, terms);
        });
        return scores;
    }

    /// <summary>One row's score: subtract the thresholds, add their maximum, divide by the row's numpy sum, 1 − normalized entropy.</summary>
    internal static T ScoreRow<T>(ReadOnlySpan<T> row, T[] thresholds, T maxThreshold, T logK, Span<T> adjusted, Span<T> terms)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int k = row.Length;
        for (int c = 0; c < k; c++) adjusted[c] = row[c] - thresholds[c] + maxThreshold;
        T sum = NumpyReductions.Sum<T>(adjusted);
        for (int c = 0; c < k; c++) adjusted[c] /= sum;
        for (int c = 0; c < k; c++)
        {
            // scipy's xlogy has no float32 kernel: it computes in float64 and casts back
            double v = double.CreateChecked(adjusted[c]);
            terms[c] = T.CreateChecked(v == 0 ? 0.0 : v * Math.Log(v));
        }

        T entropy = -NumpyReductions.Sum<T>(terms) / logK;
        return T.One - entropy;
    }
}
