using System.Numerics;

namespace LabelErrors.Core.ConfidentLearning;

/// <summary>
/// prune_by_noise_rate for all classes in one sequential pass over pred_probs: for each given class k and other
/// class j, the m[j, k] examples of class k with the largest margin p[j] − p[k] (ties: lowest index, as
/// <c>np.argsort(-margin, kind='stable')</c>). Rows are split into fixed blocks; each block keeps its own lowest
/// negated margins and the blocks are merged in row order, so the result does not depend on the thread count.
/// </summary>
internal static class NoiseRatePruning
{
    private const int BlockRows = 1 << 17;

    public static bool[] Run<T>(ReadOnlySpan<int> labels, PredProbs<T> p, long[,] pruneCounts, int minExamplesPerClass)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = p.N, k = p.K;
        var classCounts = new int[k];
        foreach (int label in labels) classCounts[label]++;
        // capacity[c][j]: how many examples of given class c to flag for true class j (cleanlab skips classes
        // with min_examples_per_class or fewer examples, and writes masks back only for classes of size > 1)
        var capacity = new int[k][];
        for (int c = 0; c < k; c++)
        {
            capacity[c] = new int[k];
            if (classCounts[c] <= minExamplesPerClass || classCounts[c] <= 1) continue;
            for (int j = 0; j < k; j++)
            {
                if (j != c) capacity[c][j] = (int)Math.Clamp(pruneCounts[j, c], 0, classCounts[c]);
            }
        }

        var labelArray = labels.ToArray();
        int blocks = (n + BlockRows - 1) / BlockRows;
        var perBlock = new LowestKeys<T>?[blocks][][];
        Parallelism.For(blocks, b =>
        {
            int start = b * BlockRows;
            perBlock[b] = ScanBlock(p, labelArray, start, Math.Min(n, start + BlockRows), capacity);
        });

        var mask = new bool[n];
        for (int c = 0; c < k; c++)
        {
            for (int j = 0; j < k; j++)
            {
                if (capacity[c][j] == 0) continue;
                var merged = new LowestKeys<T>(capacity[c][j]);
                foreach (var block in perBlock)
                {
                    if (block[c]?[j] is not { } selection) continue;
                    var positions = selection.Positions.ToArray();
                    var keys = selection.Keys.ToArray();
                    Array.Sort(positions, keys);
                    for (int e = 0; e < positions.Length; e++) merged.Offer(keys[e], positions[e]);
                }

                foreach (int i in merged.Positions) mask[i] = true;
            }
        }

        return mask;
    }

    private static LowestKeys<T>?[][] ScanBlock<T>(PredProbs<T> p, int[] labels, int start, int end, int[][] capacity)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int k = p.K;
        var selections = new LowestKeys<T>?[k][];
        var bounds = new T[k][];
        for (int c = 0; c < k; c++)
        {
            selections[c] = new LowestKeys<T>?[k];
            bounds[c] = new T[k];
            for (int j = 0; j < k; j++)
            {
                if (capacity[c][j] > 0) selections[c][j] = new LowestKeys<T>(capacity[c][j]);
                bounds[c][j] = capacity[c][j] > 0 ? T.PositiveInfinity : T.NegativeInfinity;
            }
        }

        var data = p.Array;
        int vectorWidth = Vector.IsHardwareAccelerated && Vector<T>.IsSupported ? Vector<T>.Count : int.MaxValue;
        for (int i = start; i < end; i++)
        {
            int c = labels[i];
            var classBounds = bounds[c];
            var classSelections = selections[c];
            var row = data.AsSpan(i * k, k);
            T own = row[c];
            int j = 0;
            if (k >= vectorWidth)
            {
                var ownVector = new Vector<T>(own);
                for (; j <= k - vectorWidth; j += vectorWidth)
                {
                    // the negated margin -(p[j] - p[c]) equals p[c] - p[j] exactly (round-to-nearest is symmetric)
                    var negated = ownVector - new Vector<T>(row.Slice(j));
                    if (!Vector.LessThanAny(negated, new Vector<T>(classBounds.AsSpan(j)))) continue;
                    for (int l = j; l < j + vectorWidth; l++) Offer(classSelections, classBounds, l, own - row[l], i);
                }
            }

            for (; j < k; j++) Offer(classSelections, classBounds, j, own - row[j], i);
        }

        return selections;
    }

    private static void Offer<T>(LowestKeys<T>?[] selections, T[] bounds, int j, T negatedMargin, int position)
        where T : IFloatingPointIeee754<T>
    {
        if (!(negatedMargin < bounds[j])) return;
        var selection = selections[j]!;
        selection.Offer(negatedMargin, position);
        bounds[j] = selection.AdmissionBound;
    }
}
