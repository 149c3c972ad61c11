using System.Numerics;

namespace LabelErrors.Core.ConfidentLearning;

/// <summary>
/// The per-example step of cleanlab's <c>compute_confident_joint</c>: which classes an example is confidently
/// in (<c>pred_probs &gt;= thresholds - 1e-6</c>, in the element precision) and the resulting true-label guess.
/// </summary>
internal static class ConfidentGuesses
{
    /// <summary>Marks an example that is confident in no class.</summary>
    public const int NotConfident = -1;

    private const double ThresholdSlack = 1e-6;

    /// <summary>
    /// For each example: <see cref="NotConfident"/>, or the guessed true label — the argmax of pred_probs when
    /// more than one class reaches its threshold, else the single class that does (numpy argmax: first maximum).
    /// </summary>
    public static int[] Compute<T>(PredProbs<T> p, T[] thresholds, bool compareInFloat64)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = p.N, k = p.K;
        var guesses = new int[n];
        var data = p.Data;
        if (compareInFloat64)
        {
            var limits = new double[k];
            for (int c = 0; c < k; c++) limits[c] = double.CreateChecked(thresholds[c]) - ThresholdSlack;
            for (int i = 0; i < n; i++) guesses[i] = GuessRow(data.Slice(i * k, k), limits);
        }
        else
        {
            var limits = new T[k];
            T slack = T.CreateChecked(ThresholdSlack);
            for (int c = 0; c < k; c++) limits[c] = thresholds[c] - slack;
            for (int i = 0; i < n; i++) guesses[i] = GuessRow(data.Slice(i * k, k), limits);
        }

        return guesses;
    }

    private static int GuessRow<T>(ReadOnlySpan<T> row, T[] limits)
        where T : IFloatingPointIeee754<T>
    {
        int confidentCount = 0, firstConfident = -1, argmax = 0;
        T max = row[0];
        for (int c = 0; c < row.Length; c++)
        {
            T v = row[c];
            if (v >= limits[c])
            {
                if (confidentCount++ == 0) firstConfident = c;
            }

            if (v > max)
            {
                max = v;
                argmax = c;
            }
        }

        return confidentCount == 0 ? NotConfident : confidentCount > 1 ? argmax : firstConfident;
    }

    private static int GuessRow<T>(ReadOnlySpan<T> row, double[] limits)
        where T : IFloatingPointIeee754<T>
    {
        int confidentCount = 0, firstConfident = -1, argmax = 0;
        T max = row[0];
        for (int c = 0; c < row.Length; c++)
        {
            T v = row[c];
            if (double.CreateChecked(v) >= limits[c])
            {
                if (confidentCount++ == 0) firstConfident = c;
            }

            if (v > max)
            {
                max = v;
                argmax = c;
            }
        }

        return confidentCount == 0 ? NotConfident : confidentCount > 1 ? argmax : firstConfident;
    }
}
