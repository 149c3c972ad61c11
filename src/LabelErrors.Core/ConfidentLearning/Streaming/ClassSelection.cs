using System.Numerics;

namespace LabelErrors.Core.ConfidentLearning.Streaming;

/// <summary>
/// prune_by_class without a pass over pred_probs: its key p[i, given label] is the self-confidence the first pass
/// already gathered, so per given class the count − m[c, c] lowest self-confidences (ties: lowest index) are kept in
/// a bounded heap, as <see cref="ClassPruning.PruneByClass"/> does over the class's rows. Memory: O(selected).
/// </summary>
internal static class ClassSelection
{
    /// <summary>The flagged indices, ascending.</summary>
    public static int[] Select<T>(T[] selfConfidence, int[] labels, int[] classCounts, long[,] pruneCounts, int minExamplesPerClass)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int k = classCounts.Length;
        var heaps = new LowestKeys<T>?[k];
        for (int c = 0; c < k; c++)
        {
            int count = classCounts[c];
            // cleanlab's conditions, as in ClassPruning.PruneByClass
            if (count <= minExamplesPerClass || count <= 1) continue;
            long numIssues = count - pruneCounts[c, c];
            if (numIssues < 1) continue;
            heaps[c] = new LowestKeys<T>((int)Math.Min(numIssues, count));
        }

        for (int i = 0; i < labels.Length; i++)
        {
            var heap = heaps[labels[i]];
            // offered in ascending index order, so a key equal to the bound never enters (the kept one has a lower index)
            if (heap is not null && selfConfidence[i] < heap.AdmissionBound) heap.Offer(selfConfidence[i], i);
        }

        var selected = new List<int>();
        foreach (var heap in heaps)
        {
            if (heap is null) continue;
            foreach (int i in heap.Positions) selected.Add(i);
        }

        selected.Sort();
        return [.. selected];
    }
}
