using System.Numerics;

namespace LabelErrors.Core.ConfidentLearning;

/// <summary>cleanlab 2.9.0's per-class <c>_prune_by_class</c> and <c>_prune_by_count</c>, with stable ordering of ties.</summary>
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
        var keys = new T[count];
        for (int m = 0; m < count; m++) keys[m] = p.Get(members[m], k);
        foreach (int m in StableOrder.LowestAscending<T>(keys, (int)Math.Min(numIssues, count))) mask[members[m]] = true;
    }

    /// <summary>
    /// Flags, among the examples of given class <paramref name="k"/>, for every other class j the m[j, k]
    /// examples with the largest margin p[j] − p[k] (margin computed in the element precision).
    /// </summary>
    public static void PruneByNoiseRate<T>(PredProbs<T> p, int k, int[] members, long[,] pruneCounts, int minExamplesPerClass, bool[] mask)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int count = members.Length;
        if (count <= minExamplesPerClass || count <= 1) return;
        var negatedMargins = new T[count];
        for (int j = 0; j < p.K; j++)
        {
            long numToPrune = pruneCounts[j, k];
            if (j == k || numToPrune <= 0) continue;
            for (int m = 0; m < count; m++)
            {
                var row = p.Row(members[m]);
                negatedMargins[m] = -(row[j] - row[k]);
            }

            // np.argsort(-margin)[:num2prune]
            foreach (int m in StableOrder.LowestAscending<T>(negatedMargins, (int)Math.Min(numToPrune, count))) mask[members[m]] = true;
        }
    }

    /// <summary>
    /// cleanlab's <c>_reduce_issues</c>: true where the given label is the argmax once 1e-6 is added to its
    /// probability (in the element precision); such examples are never reported.
    /// </summary>
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
