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
        var data = p.Array;
        int width = p.K;
        var lowest = new LowestKeys<T>((int)Math.Min(numIssues, count));
        for (int m = 0; m < count; m++) lowest.Offer(data[(long)members[m] * width + k], m);
        foreach (int m in lowest.Positions) mask[members[m]] = true;
    }

    /// <summary>
    /// Flags, among the examples of given class <paramref name="k"/>, for every other class j the m[j, k]
    /// examples with the largest margin p[j] − p[k] (margin computed in the element precision; ties: lowest
    /// index first, as <c>np.argsort(-margin, kind='stable')</c>). One pass over the class's rows keeps, per j,
    /// the lowest negated margins; a vector test against the per-class admission bounds skips most rows.
    /// </summary>
    public static void PruneByNoiseRate<T>(PredProbs<T> p, int k, int[] members, long[,] pruneCounts, int minExamplesPerClass, bool[] mask)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int count = members.Length;
        if (count <= minExamplesPerClass || count <= 1) return;
        int width = p.K;
        var selections = new LowestKeys<T>[width];
        var bounds = new T[width];
        bool any = false;
        for (int j = 0; j < width; j++)
        {
            long numToPrune = j == k ? 0 : Math.Max(0, Math.Min(pruneCounts[j, k], count));
            selections[j] = new LowestKeys<T>((int)numToPrune);
            bounds[j] = selections[j].AdmissionBound;
            any |= numToPrune > 0;
        }

        if (!any) return;
        var data = p.Array;
        int vectorWidth = Vector.IsHardwareAccelerated && Vector<T>.IsSupported ? Vector<T>.Count : int.MaxValue;
        for (int m = 0; m < count; m++)
        {
            var row = data.AsSpan(members[m] * width, width);
            T own = row[k];
            int j = 0;
            if (width >= vectorWidth)
            {
                var ownVector = new Vector<T>(own);
                for (; j <= width - vectorWidth; j += vectorWidth)
                {
                    // negated margin -(p[j] - p[k]) == p[k] - p[j] exactly (round-to-nearest is symmetric)
                    var negated = ownVector - new Vector<T>(row.Slice(j));
                    if (!Vector.LessThanAny(negated, new Vector<T>(bounds.AsSpan(j)))) continue;
                    for (int l = j; l < j + vectorWidth; l++) Offer(selections, bounds, l, own - row[l], m);
                }
            }

            for (; j < width; j++) Offer(selections, bounds, j, own - row[j], m);
        }

        for (int j = 0; j < width; j++)
        {
            foreach (int m in selections[j].Positions) mask[members[m]] = true;
        }
    }

    private static void Offer<T>(LowestKeys<T>[] selections, T[] bounds, int j, T negatedMargin, int position)
        where T : IFloatingPointIeee754<T>
    {
        if (!(negatedMargin < bounds[j])) return;
        selections[j].Offer(negatedMargin, position);
        bounds[j] = selections[j].AdmissionBound;
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
