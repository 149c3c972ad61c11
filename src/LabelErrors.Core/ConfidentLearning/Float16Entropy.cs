namespace LabelErrors.Core.ConfidentLearning;

/// <summary>
/// confidence_weighted_entropy of a float16 row as cleanlab 2.9 / numpy 1.24 compute it: scipy's <c>xlogy</c> has no
/// float16 kernel, so numpy picks its <c>ff-&gt;f</c> loop and the entropy (and everything after it) is float32;
/// only the clipped self-confidence stays float16. The float32 result is returned widened (exact).
/// </summary>
internal static class Float16Entropy
{
    private const int StackLimit = 512;

    public static double Row(ReadOnlySpan<Half> row, int label)
    {
        Span<float> terms = row.Length <= StackLimit ? stackalloc float[row.Length] : new float[row.Length];
        for (int c = 0; c < row.Length; c++)
        {
            // the ff->f loop widens to double, calls xlogy and rounds back to float32
            double v = (double)row[c];
            terms[c] = (float)(v == 0 ? 0.0 : v * Math.Log(v));
        }

        // np.log(num_classes) is a float64 scalar; value-based casting makes the division float32
        float entropy = -NumpyReductions.Sum<float>(terms) / (float)Math.Log(row.Length);
        Half selfConfidence = Half.Max(row[label], (Half)1e-6); // np.clip of the float16 column stays float16
        float ratio = entropy / (float)selfConfidence;
        float clipped = MathF.Max(ratio, 1e-6f);
        return NumpyLog.Log(ratio + 1f) / clipped;
    }
}
