using System.Numerics;

namespace LabelErrors.Core.ConfidentLearning.Streaming;

/// <summary>
/// The last pass: only the blocks holding selected examples are read. For each selected example (ascending index):
/// whether cleanlab's <c>_reduce_issues</c> drops it (given label is the argmax once 1e-6 is added), its
/// predicted label and its score, computed by the same row functions as the in-memory scores.
/// </summary>
internal static class FlaggedRows
{
    public sealed record Rows<T>(int[] Indices, bool[] PredictedAsGiven, int[] PredictedLabels, double[] Scores);

    public static Rows<T> Read<T>(RowBlocks<T> blocks, int k, int[] labels, int[] indices, ScoreMethod? method, CancellationToken cancellationToken)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var predictedAsGiven = new bool[indices.Length];
        var predicted = new int[indices.Length];
        var scores = new double[indices.Length];
        int blockRows = blocks.BlockRows;
        blocks.Run(
            "flagged rows",
            () => new T[k],
            (terms, first, count, rows) =>
            {
                int m = LowerBound(indices, first);
                for (; m < indices.Length && indices[m] < first + count; m++)
                {
                    int i = indices[m];
                    var row = rows.Slice((i - first) * k, k);
                    predictedAsGiven[m] = ClassPruning.IsPredictedAsGiven(row, labels[i]);
                    predicted[m] = LabelIssues.ArgMax(row);
                    scores[m] = method switch
                    {
                        ScoreMethod.SelfConfidence => double.CreateChecked(row[labels[i]]),
                        ScoreMethod.NormalizedMargin => double.CreateChecked(LabelQuality.NormalizedMarginRow(row, labels[i])),
                        ScoreMethod.ConfidenceWeightedEntropy => LabelQuality.ConfidenceWeightedEntropyRow(row, labels[i], terms),
                        _ => double.NaN,
                    };
                }
            },
            cancellationToken,
            include: b => HasAny(indices, b * blockRows, (b + 1) * blockRows));
        return new Rows<T>(indices, predictedAsGiven, predicted, scores);
    }

    /// <summary>
    /// The same rows from the summaries of pass 1, without reading pred_probs: every ranking but
    /// confidence_weighted_entropy (which needs every value of the row) is a function of the kept values.
    /// </summary>
    public static Rows<T> FromSummaries<T>(RowSummaries<T> summaries, int[] labels, int[] indices, ScoreMethod? method)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (method == ScoreMethod.ConfidenceWeightedEntropy) throw new ArgumentOutOfRangeException(nameof(method), "confidence_weighted_entropy needs the rows.");
        var predictedAsGiven = new bool[indices.Length];
        var predicted = new int[indices.Length];
        var scores = new double[indices.Length];
        for (int m = 0; m < indices.Length; m++)
        {
            int i = indices[m];
            predictedAsGiven[m] = summaries.PredictedAsGiven[i];
            predicted[m] = summaries.FirstClass[i];
            scores[m] = method switch
            {
                ScoreMethod.SelfConfidence => double.CreateChecked(summaries.SelfConfidence[i]),
                ScoreMethod.NormalizedMargin => double.CreateChecked(summaries.NormalizedMargin(i, labels[i])),
                _ => double.NaN,
            };
        }

        return new Rows<T>(indices, predictedAsGiven, predicted, scores);
    }

    internal static bool HasAny(int[] sorted, int start, int end)
    {
        int m = LowerBound(sorted, start);
        return m < sorted.Length && sorted[m] < end;
    }

    /// <summary>First position whose value is at least <paramref name="value"/>.</summary>
    internal static int LowerBound(int[] sorted, int value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            int mid = lo + ((hi - lo) >> 1);
            if (sorted[mid] < value) lo = mid + 1;
            else hi = mid;
        }

        return lo;
    }
}
