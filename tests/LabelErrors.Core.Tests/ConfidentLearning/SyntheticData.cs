using LabelErrors.Core.ConfidentLearning;

namespace LabelErrors.Core.Tests.ConfidentLearning;

/// <summary>Seeded noisy-label data for tests that must not depend on the shared reference files.</summary>
internal static class SyntheticData
{
    public static (int[] Labels, double[] Probs) Make(int n, int k, int seed, double noise = 0.15)
    {
        var random = new Random(seed);
        var labels = new int[n];
        var probs = new double[n * k];
        for (int i = 0; i < n; i++)
        {
            int truth = random.Next(k);
            labels[i] = random.NextDouble() < noise ? random.Next(k) : truth;
            double sum = 0;
            for (int c = 0; c < k; c++)
            {
                double v = -Math.Log(1 - random.NextDouble()) * (c == truth ? 1 + 6 * random.NextDouble() : 1);
                probs[i * k + c] = v;
                sum += v;
            }

            for (int c = 0; c < k; c++) probs[i * k + c] /= sum;
        }

        return (labels, probs);
    }

    public static PredProbs<double> Double(double[] probs, int k) => PredProbs.FromDouble(probs, probs.Length / k, k);
}
