namespace LabelErrors.Core.ConfidentLearning;

/// <summary>cleanlab 2.9.0's <c>count.estimate_latent</c> with its defaults (py_method='cnt', converge_latent_estimates=False).</summary>
public static class Latent
{
    private const double TinyValue = 1e-100;
    private const double ClippingLowerBound = 1e-6;
    private const double MaxNoiseRate = 0.9999;

    /// <summary><c>estimate_latent(confident_joint, labels)</c>.</summary>
    public static LatentEstimates Estimate(long[,] confidentJoint, ReadOnlySpan<int> labels)
    {
        ArgumentNullException.ThrowIfNull(confidentJoint);
        int k = confidentJoint.GetLength(0);
        var labelCounts = ConfidentJoint.LabelCounts(labels, k);
        var ps = new double[k];
        for (int c = 0; c < k; c++) ps[c] = labelCounts[c] / (double)labels.Length;

        var givenCounts = new double[k];
        var trueCounts = new double[k];
        for (int i = 0; i < k; i++)
        {
            for (int j = 0; j < k; j++)
            {
                givenCounts[i] += confidentJoint[i, j];
                trueCounts[j] += confidentJoint[i, j];
            }
        }

        var noise = new double[k, k];
        var inverse = new double[k, k];
        for (int i = 0; i < k; i++)
        {
            for (int j = 0; j < k; j++)
            {
                noise[i, j] = confidentJoint[i, j] / Math.Max(trueCounts[j], TinyValue);
                inverse[i, j] = confidentJoint[j, i] / Math.Max(givenCounts[j], TinyValue);
            }
        }

        var py = new double[k];
        for (int c = 0; c < k; c++) py[c] = inverse[c, c] / Math.Max(noise[c, c], TinyValue) * ps[c];
        py = ClipValues(py, ClippingLowerBound, 1.0, newSum: 1.0);
        return new LatentEstimates(py, ClipNoiseRates(noise), ClipNoiseRates(inverse));
    }

    /// <summary><c>clip_noise_rates</c>: off-diagonal rates to [0, 0.9999], then every column normalised to sum 1.</summary>
    internal static double[,] ClipNoiseRates(double[,] matrix)
    {
        int k = matrix.GetLength(0);
        var clipped = new double[k, k];
        for (int i = 0; i < k; i++)
        {
            for (int j = 0; j < k; j++) clipped[i, j] = i == j ? matrix[i, j] : Math.Clamp(matrix[i, j], 0, MaxNoiseRate);
        }

        var columnSums = new double[k];
        var column = new double[k];
        for (int j = 0; j < k; j++)
        {
            for (int i = 0; i < k; i++) column[i] = clipped[i, j];
            columnSums[j] = Math.Max(NumpyReductions.Sum<double>(column), TinyValue);
        }

        for (int i = 0; i < k; i++)
        {
            for (int j = 0; j < k; j++) clipped[i, j] /= columnSums[j];
        }

        return clipped;
    }

    /// <summary><c>clip_values(x, low, high, new_sum)</c>.</summary>
    internal static double[] ClipValues(double[] x, double low, double high, double newSum)
    {
        var clipped = new double[x.Length];
        for (int i = 0; i < x.Length; i++) clipped[i] = Math.Clamp(x[i], low, high);
        double sum = Math.Max(NumpyReductions.Sum<double>(clipped), TinyValue);
        for (int i = 0; i < x.Length; i++) clipped[i] = clipped[i] * newSum / sum;
        return clipped;
    }
}
