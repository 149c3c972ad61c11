using System.Numerics;

namespace LabelErrors.Core.ConfidentLearning.MultiLabel;

/// <summary>
/// The multi-label score of one example without the N×K per-class matrix: without adjust_pred_probs each class's
/// single-label score depends on that example's row only (its [1 − p, p] pair and binary label), so rows can be scored
/// and aggregated independently (in parallel, or block by block from a file). Same row functions, same bits as
/// <see cref="MultiLabelQuality.ScoresPerClass"/>.
/// </summary>
internal static class MultiLabelRowScore
{
    /// <summary>Per-class scores of one row into <paramref name="perClass"/> (the row's length).</summary>
    public static void PerClass<T>(ReadOnlySpan<T> row, ReadOnlySpan<int> labelIds, ScoreMethod method, Span<double> perClass)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (method == ScoreMethod.SelfConfidence)
        {
            // the score of the binary label: p when the example has the class, 1 − p (in T, as numpy) when not
            for (int c = 0; c < row.Length; c++) perClass[c] = double.CreateChecked(T.One - row[c]);
            foreach (int id in labelIds) perClass[id] = double.CreateChecked(row[id]);
            return;
        }

        Span<T> pair = stackalloc T[2];
        Span<T> terms = stackalloc T[2];
        int next = 0; // labelIds are ascending
        for (int c = 0; c < row.Length; c++)
        {
            int label = 0;
            if (next < labelIds.Length && labelIds[next] == c)
            {
                label = 1;
                next++;
            }

            pair[0] = T.One - row[c];
            pair[1] = row[c];
            perClass[c] = method switch
            {
                ScoreMethod.SelfConfidence => double.CreateChecked(pair[label]),
                ScoreMethod.NormalizedMargin => double.CreateChecked(LabelQuality.NormalizedMarginRow<T>(pair, label)),
                ScoreMethod.ConfidenceWeightedEntropy => LabelQuality.ConfidenceWeightedEntropyRow<T>(pair, label, terms),
                _ => throw new ArgumentOutOfRangeException(nameof(method)),
            };
        }
    }

    /// <summary>The aggregated (exponential moving average) score of rows [start, end) of a row-major block.</summary>
    public static void Aggregate<T>(ReadOnlySpan<T> rows, int firstRow, int rowCount, int k, MultiLabels labels, ScoreMethod method, double alpha, double[] result)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Span<double> perClass = k <= 256 ? stackalloc double[k] : new double[k];
        Span<double> scratch = k <= 256 ? stackalloc double[k] : new double[k];
        int r = 0;
        if (LaneSortedAverage.IsSupported && k > 1 && rowCount >= LaneSortedAverage.Lanes)
        {
            if (!(alpha >= 0 && alpha <= 1)) throw new ArgumentOutOfRangeException(nameof(alpha), $"alpha must be in the interval [0, 1], got {alpha}.");
            var network = LaneSortedAverage.For(k);
            const int lanes = LaneSortedAverage.Lanes;
            var columns = new double[k * lanes]; // class c of lane l at c·lanes + l
            for (; r + lanes <= rowCount; r += lanes)
            {
                for (int l = 0; l < lanes; l++)
                {
                    PerClass(rows.Slice((r + l) * k, k), labels[firstRow + r + l], method, perClass);
                    for (int c = 0; c < k; c++) columns[(c * lanes) + l] = perClass[c];
                }

                network.Average(columns, alpha, result.AsSpan(firstRow + r, lanes));
            }
        }

        for (; r < rowCount; r++)
        {
            int i = firstRow + r;
            PerClass(rows.Slice(r * k, k), labels[i], method, perClass);
            result[i] = ExponentialMovingAverage.Row(perClass, alpha, scratch);
        }
    }
}
