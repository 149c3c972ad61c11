using System.Numerics;
using LabelErrors.Core.ConfidentLearning;

namespace LabelErrors.Web.Jobs;

/// <summary>
/// Each example's suggested label, cleanlab's predicted label: the argmax of its pred_probs row, the first column on
/// ties (as numpy.argmax, and as the CLI's PredictedLabels). Reads the matrix in its own precision, row by row: on a
/// 1,000,000 × 100 upload the per-value indexer it replaces cost seconds.
/// </summary>
public static class SuggestedLabels
{
    public static int[] ArgMax(PredProbs predProbs) => predProbs switch
    {
        PredProbs<float> singles => ArgMax(singles),
        PredProbs<double> doubles => ArgMax(doubles),
        PredProbs<Half> halves => ArgMax(halves),
        _ => throw new NotSupportedException($"pred_probs of {predProbs.Precision} are not supported"),
    };

    private static int[] ArgMax<T>(PredProbs<T> predProbs) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var result = new int[predProbs.N];
        for (var i = 0; i < result.Length; i++)
        {
            var row = predProbs.Row(i);
            var best = 0;
            for (var c = 1; c < row.Length; c++)
            {
                if (row[c] > row[best])
                    best = c;
            }
            result[i] = best;
        }
        return result;
    }
}
