using System.Numerics;
using System.Runtime.CompilerServices;

namespace LabelErrors.Core.ConfidentLearning.MultiLabel;

/// <summary>
/// cleanlab's one-vs-rest reduction for class k: binary labels (1 = the example has class k) and the two-column
/// pred_probs <c>stack_complement(pred_probs[:, k])</c> = [1 − p, p], computed in the element type as numpy does.
/// </summary>
internal static class OneVsRest
{
    public static int[] Labels(int n, int[] examplesWithClass)
    {
        var labels = new int[n];
        foreach (int i in examplesWithClass) labels[i] = 1;
        return labels;
    }

    /// <summary>Classes gathered per pass over the matrix (memory: 2N values per class of the group).</summary>
    public const int GroupSize = 8;

    public static PredProbs<T> PredProbs<T>(PredProbs<T> p, int k)
        where T : unmanaged, IFloatingPointIeee754<T> => PredProbs(p, k, 1)[0];

    /// <summary>The binary pred_probs of classes first .. first + count − 1, gathered in one pass over the rows.</summary>
    public static PredProbs<T>[] PredProbs<T>(PredProbs<T> p, int first, int count)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = p.N, width = p.K;
        var data = p.Array;
        var binaries = new T[count][];
        for (int m = 0; m < count; m++) binaries[m] = new T[2 * n];
        Parallelism.ForBlocks(n, Parallelism.RowBlock, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (start, end) =>
        {
            for (int i = start; i < end; i++)
            {
                var row = data.AsSpan(i * width + first, count);
                for (int m = 0; m < row.Length; m++)
                {
                    var binary = binaries[m];
                    binary[2 * i] = T.One - row[m];
                    binary[2 * i + 1] = row[m];
                }
            }
        });

        var result = new PredProbs<T>[count];
        for (int m = 0; m < count; m++) result[m] = new PredProbs<T>(binaries[m], n, 2);
        return result;
    }
}
