using System.Numerics;

namespace LabelErrors.Core.ConfidentLearning;

/// <summary>
/// <c>_subtract_confident_thresholds</c> when a class has no example and pred_probs are float32/float16: cleanlab
/// builds the thresholds from the element-typed class means and the Python int 2 (<c>BIG_VALUE</c>), so numpy makes
/// the thresholds array float64, clips it in float64, and the adjusted pred_probs (and every score of them) are float64.
/// </summary>
internal static class MissingClassAdjustment
{
    /// <summary>True when the adjusted pred_probs of this input are float64 although the input is not.</summary>
    public static bool Applies<T>(ReadOnlySpan<int> labels, int k)
    {
        if (typeof(T) == typeof(double)) return false;
        var seen = new bool[k];
        int distinct = 0;
        foreach (int label in labels)
        {
            if (!seen[label])
            {
                seen[label] = true;
                distinct++;
            }
        }

        return distinct < k;
    }

    /// <summary>The float64 adjusted pred_probs: thresholds from the element-typed means, subtraction in float64.</summary>
    public static PredProbs<double> Subtract<T>(ReadOnlySpan<int> labels, PredProbs<T> p)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var means = ConfidentThresholds.ClassMeans(labels, ConfidentThresholds.SelfConfidence(labels, p), p.K);
        var thresholds = new double[p.K];
        for (int c = 0; c < thresholds.Length; c++)
        {
            thresholds[c] = T.IsNaN(means[c])
                ? ConfidentThresholds.MissingClassValue
                : Math.Max(double.CreateChecked(means[c]), ConfidentThresholds.LowerBound);
        }

        var widened = new double[p.Data.Length];
        var data = p.Data;
        for (int i = 0; i < widened.Length; i++) widened[i] = double.CreateChecked(data[i]);
        return LabelQuality.SubtractThresholds(new PredProbs<double>(widened, p.N, p.K), thresholds);
    }
}
