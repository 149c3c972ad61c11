namespace LabelErrors.Benchmarks;

/// <summary>
/// Seeded noisy-label data in the spirit of reference/generate.py's make_synthetic: a skewed class prior, ~10%
/// labels flipped, float32 rows with mass concentrated on the true class (exponential variates, normalised).
/// </summary>
internal static class SyntheticPredProbs
{
    public static (int[] Labels, float[] Probs) Make(int n, int k, int seed)
    {
        var random = new Random(seed);
        var cumulative = CumulativePrior(k, random.NextDouble);

        var labels = new int[n];
        var probs = new float[(long)n * k];
        var row = new double[k];
        for (int i = 0; i < n; i++)
        {
            int truth = Math.Min(k - 1, Array.BinarySearch(cumulative, random.NextDouble()) is var b && b < 0 ? ~b : b);
            int confusable = (truth + 1 + random.Next(3)) % k;
            labels[i] = random.NextDouble() < 0.1 ? (random.NextDouble() < 0.7 ? confusable : random.Next(k)) : truth;
            double sum = 0;
            for (int c = 0; c < k; c++)
            {
                double scale = c == truth ? 2 + 20 * random.NextDouble() : c == confusable ? 2 : 0.1;
                row[c] = -Math.Log(1 - random.NextDouble()) * scale;
                sum += row[c];
            }

            for (int c = 0; c < k; c++) probs[(long)i * k + c] = (float)(0.999 * row[c] / sum + 0.001 / k);
        }

        return (labels, probs);
    }

    /// <summary>A skewed class prior (weights 0.5–1.5) as a cumulative distribution, drawn from <paramref name="nextDouble"/>.</summary>
    internal static double[] CumulativePrior(int k, Func<double> nextDouble)
    {
        var prior = new double[k];
        double total = 0;
        for (int c = 0; c < k; c++) total += prior[c] = 0.5 + nextDouble();
        var cumulative = new double[k];
        double running = 0;
        for (int c = 0; c < k; c++) cumulative[c] = running += prior[c] / total;
        return cumulative;
    }
}
