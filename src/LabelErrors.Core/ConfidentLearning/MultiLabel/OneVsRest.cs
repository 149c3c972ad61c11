using System.Numerics;

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

    public static PredProbs<T> PredProbs<T>(PredProbs<T> p, int k)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = p.N, width = p.K;
        var data = p.Data;
        var binary = new T[2 * n];
        for (int i = 0; i < n; i++)
        {
            T value = data[i * width + k];
            binary[2 * i] = T.One - value;
            binary[2 * i + 1] = value;
        }

        return new PredProbs<T>(binary, n, 2);
    }

}
