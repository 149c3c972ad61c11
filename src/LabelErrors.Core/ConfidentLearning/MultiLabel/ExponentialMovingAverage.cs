namespace LabelErrors.Core.ConfidentLearning.MultiLabel;

/// <summary>
/// cleanlab's default multi-label aggregator <c>exponential_moving_average(s, alpha=0.8)</c>: each row's per-class
/// scores sorted descending, then <c>ema = alpha · s_j + (1 − alpha) · ema</c> from the largest to the smallest, so
/// the lowest class scores weigh most. Computed in float64 with numpy's operation order (no fused multiply-add).
/// </summary>
public static class ExponentialMovingAverage
{
    /// <summary>The alpha cleanlab's multi-label functions pass (<c>aggregator_kwargs={"method": ..., "alpha": 0.8}</c>).</summary>
    public const double DefaultAlpha = 0.8;

    /// <summary>Aggregates one row of per-class scores (<paramref name="scratch"/>: the row's length).</summary>
    public static double Row(ReadOnlySpan<double> scores, double alpha, Span<double> scratch)
    {
        if (!(alpha >= 0 && alpha <= 1)) throw new ArgumentOutOfRangeException(nameof(alpha), $"alpha must be in the interval [0, 1], got {alpha}.");
        scores.CopyTo(scratch);
        scratch = scratch[..scores.Length];
        scratch.Sort();
        double beta = 1 - alpha;
        double ema = scratch[^1];
        for (int j = scratch.Length - 2; j >= 0; j--) ema = (alpha * scratch[j]) + (beta * ema);
        return ema;
    }

    /// <summary>alpha when cleanlab is given none: 2 / (K + 1).</summary>
    public static double AlphaFor(int k) => 2.0 / (k + 1);
}
