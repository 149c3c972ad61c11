using System.Numerics;
using System.Runtime.CompilerServices;

namespace LabelErrors.Core.ConfidentLearning;

/// <summary>cleanlab 2.9.0's per-class <c>_prune_by_class</c> and <c>_reduce_issues</c>, with stable ordering of ties.</summary>
internal static class ClassPruning
{
    /// <summary>Indices of the examples of each given class, ascending.</summary>
    public static int[][] IndicesByClass(ReadOnlySpan<int> labels, int k)
    {
        var counts = new int[k];
        foreach (int label in labels) counts[label]++;
        var result = new int[k][];
        for (int c = 0; c < k; c++) result[c] = new int[counts[c]];
        var filled = new int[k];
        for (int i = 0; i < labels.Length; i++) result[labels[i]][filled[labels[i]]++] = i;
        return result;
    }

    /// <summary>
    /// Flags, among the examples <paramref name="members"/> of given class <paramref name="k"/>, the
    /// count − m[k, k] with the lowest p[k]. cleanlab only writes a class's mask back when the class has more
    /// than one example; that quirk is kept.
    /// </summary>
    public static void PruneByClass<T>(PredProbs<T> p, int k, int[] members, long[,] pruneCounts, int minExamplesPerClass, bool[] mask)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int count = members.Length;
        if (count <= minExamplesPerClass || count <= 1) return;
        long numIssues = count - pruneCounts[k, k];
        if (numIssues < 1) return;
        var data = p.Array;
        int width = p.K;
        var lowest = new LowestKeys<T>((int)Math.Min(numIssues, count));
        for (int m = 0; m < count; m++) lowest.Offer(data[(long)members[m] * width + k], m);
        foreach (int m in lowest.Positions) mask[members[m]] = true;
    }

    /// <summary>
    /// cleanlab's <c>_reduce_issues</c>: true where the given label is the argmax once 1e-6 is added to its
    /// probability (in the element precision); such examples are never reported.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool IsPredictedAsGiven<T>(ReadOnlySpan<T> row, int label)
        where T : IFloatingPointIeee754<T>
    {
        T boosted = row[label] + T.CreateChecked(1e-6);
        for (int c = 0; c < row.Length; c++)
        {
            T v = c == label ? boosted : row[c];
            if (v > boosted) return false;
            if (c < label && v == boosted) return false; // argmax returns the first maximum
        }

        return true;
    }
}
