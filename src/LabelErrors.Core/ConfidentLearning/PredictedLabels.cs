using System.Numerics;

namespace LabelErrors.Core.ConfidentLearning;

/// <summary>
/// cleanlab's predicted (suggested) label: the argmax of a pred_probs row, the first column on ties (as numpy.argmax).
/// Reads rows in their own precision: through a per-value indexer a 1,000,000 × 100 matrix cost seconds.
/// </summary>
public static class PredictedLabels
{
    public static int[] ArgMax(PredProbs predProbs) => predProbs switch
    {
        PredProbs<float> singles => ArgMax(singles),
        PredProbs<double> doubles => ArgMax(doubles),
        PredProbs<Half> halves => ArgMax(halves),
        _ => throw new NotSupportedException($"pred_probs of {predProbs.Precision} are not supported"),
    };

    public static int ArgMax(PredProbs predProbs, int row) => predProbs switch
    {
        PredProbs<float> singles => ArgMax(singles.Row(row)),
        PredProbs<double> doubles => ArgMax(doubles.Row(row)),
        PredProbs<Half> halves => ArgMax(halves.Row(row)),
        _ => throw new NotSupportedException($"pred_probs of {predProbs.Precision} are not supported"),
    };

    // Rows in parallel blocks; float16 rows are widened to float first (exact and order-preserving, so the same
    // argmax), a vector at a time, instead of converting each value on every comparison.
    private static int[] ArgMax<T>(PredProbs<T> predProbs) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var result = new int[predProbs.N];
        int k = predProbs.K;
        Parallelism.ForBlocks(result.Length, Parallelism.RowBlock, (start, end) =>
        {
            if (predProbs is PredProbs<Half> halves)
            {
                var widened = new float[k];
                for (var i = start; i < end; i++)
                {
                    HalfWidening.ToSingle(halves.Row(i), widened);
                    result[i] = ArgMax<float>(widened);
                }
                return;
            }
            for (var i = start; i < end; i++)
                result[i] = ArgMax(predProbs.Row(i));
        });
        return result;
    }

    // The same argmax the filters use (LabelIssues), so a suggestion never disagrees with predicted_neq_given.
    private static int ArgMax<T>(ReadOnlySpan<T> row) where T : IFloatingPointIeee754<T> => LabelIssues.ArgMax(row);
}
