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
        var adjusted = LabelQuality.SubtractConfidentThresholds(labels, p);
        int k = p.K;
        var data = adjusted.Array;
        var scores = new T[p.N];
        T logK = T.CreateChecked(Math.Log(k));
        Parallelism.ForBlocks(p.N, Parallelism.RowBlock, (start, end) =>
        {
            var terms = new T[k];
            for (int i = start; i < end; i++)
            {
                var row = data.AsSpan(i * k, k);
                for (int c = 0; c < k; c++)
                {
                    // scipy's xlogy has no float32 kernel: it computes in float64 and casts back
                    double v = double.CreateChecked(row[c]);
                    terms[c] = T.CreateChecked(v == 0 ? 0.0 : v * Math.Log(v));
                }

                T entropy = -NumpyReductions.Sum<T>(terms) / logK;
                scores[i] = T.One - entropy;
            }
        });
        return scores;
    }
}
