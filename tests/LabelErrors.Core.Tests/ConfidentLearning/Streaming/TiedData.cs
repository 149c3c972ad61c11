using LabelErrors.Core.ConfidentLearning;

namespace LabelErrors.Core.Tests.ConfidentLearning.Streaming;

/// <summary>
/// Seeded noisy-label sets full of ties, where the stable tie rule decides the selection: duplicated rows (same
/// label, same probabilities), one-hot rows (margins exactly ±1 and 0) and optionally a class that never occurs
/// (thresholds then compare in float64).
/// </summary>
internal static class TiedData
{
    public static (int[] Labels, PredProbs PredProbs) Make(int n, int k, int seed, FloatPrecision precision, bool missingClass = false)
    {
        var (labels, probs) = SyntheticData.Make(n, k, seed, noise: 0.25);
        var random = new Random(seed + 1);
        int usedClasses = missingClass ? k - 1 : k;
        for (int i = 0; i < n; i++) labels[i] %= usedClasses;
        for (int i = 0; i < n; i++)
        {
            double draw = random.NextDouble();
            if (draw < 0.1)
            {
                // one-hot, sometimes at the given label, sometimes elsewhere
                var row = probs.AsSpan(i * k, k);
                row.Clear();
                row[random.NextDouble() < 0.5 ? labels[i] : random.Next(k)] = 1;
            }
            else if (draw < 0.3 && i > 0)
            {
                // a copy of an earlier row and its label
                int source = random.Next(i);
                probs.AsSpan(source * k, k).CopyTo(probs.AsSpan(i * k, k));
                labels[i] = labels[source];
            }
        }

        PredProbs p = precision switch
        {
            FloatPrecision.Float64 => PredProbs.FromDouble(probs, n, k),
            FloatPrecision.Float32 => PredProbs.FromSingle(probs.Select(v => (float)v).ToArray(), n, k),
            _ => PredProbs.FromHalf(probs.Select(v => (Half)v).ToArray(), n, k),
        };
        return (labels, p);
    }
}
