using System.Numerics;

namespace LabelErrors.Core.ConfidentLearning.Outliers;

/// <summary>
/// Datalab's <c>outlier</c> issue from pred_probs alone (cleanlab 2.9.0 <c>OutlierIssueManager</c> without features or
/// a kNN graph): the <see cref="OutOfDistribution"/> scores, and an example is an outlier issue when its score is
/// below <c>threshold × median(scores)</c>, threshold 0.13 by default (<c>DEFAULT_THRESHOLDS["pred_probs"]</c>).
/// </summary>
public static class OutlierIssues
{
    /// <summary>Datalab's default threshold for the pred_probs path.</summary>
    public const double DefaultThreshold = 0.13;

    public static OutlierIssuesResult Find(ReadOnlySpan<int> labels, PredProbs predProbs, double threshold = DefaultThreshold)
    {
        if (!(threshold >= 0)) throw new ArgumentOutOfRangeException(nameof(threshold), $"threshold must be non-negative, but got {threshold}.");
        InputChecks.Validate(labels, predProbs, allowOneClass: false);
        return predProbs switch
        {
            PredProbs<double> d => Flag(OutOfDistribution.ScoresCore(labels, d), threshold),
            PredProbs<float> f => Flag(OutOfDistribution.ScoresCore(labels, f), threshold),
            PredProbs<Half> h => Flag(OutOfDistribution.HalfScores(labels, h), threshold), // float32 scores, as numpy's
            _ => throw new NotSupportedException(predProbs.GetType().Name),
        };
    }

    /// <summary>Flags the scores below threshold × median, in the scores' own type <typeparamref name="T"/>.</summary>
    internal static OutlierIssuesResult Flag<T>(T[] scores, double threshold)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        double issueThreshold = threshold * double.CreateChecked(Median(scores));
        // numpy compares a float32 array with a Python float in float32 (the threshold is rounded first)
        T bound = T.CreateChecked(issueThreshold);
        var isOutlier = new bool[scores.Length];
        for (int i = 0; i < scores.Length; i++) isOutlier[i] = scores[i] < bound;
        return new OutlierIssuesResult(LabelQuality.Widen(scores), isOutlier, issueThreshold);
    }

    /// <summary><c>np.median</c>: the middle value, or the mean of the two middle values (summed in the element type, then halved).</summary>
    private static T Median<T>(T[] values)
        where T : IFloatingPointIeee754<T>
    {
        var sorted = (T[])values.Clone();
        Array.Sort(sorted);
        int n = sorted.Length;
        return n % 2 == 1 ? sorted[n / 2] : NumpyReductions.Mean<T>(sorted.AsSpan(n / 2 - 1, 2));
    }
}
