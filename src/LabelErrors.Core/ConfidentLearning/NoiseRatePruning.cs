using System.Numerics;
using System.Runtime.CompilerServices;

namespace LabelErrors.Core.ConfidentLearning;

/// <summary>
/// prune_by_noise_rate for all classes in one sequential pass over pred_probs: for each given class k and other
/// class j, the m[j, k] examples of class k with the largest margin p[j] − p[k] (ties: lowest index, as
/// <c>np.argsort(-margin, kind='stable')</c>). Rows are split into one contiguous block per thread; each block
/// keeps its own lowest (negated margin, index) pairs and the blocks are merged exactly (the selection does not
/// depend on the order of offers), so the result does not depend on the thread count.
/// </summary>
internal static class NoiseRatePruning
{
    private const int MinBlockRows = 1 << 15;

    /// <summary>
    /// Above this many classes the dense per-block K×K heaps and bounds (≈ 12 bytes × K² per block: 2.4 GB at
    /// K = 10,000 on two threads) give way to the sparse selection of the streaming path, which stores only the cells
    /// with something to select. Tests lower it to compare both on the same data.
    /// </summary>
    internal static int DenseMaxClasses { get; set; } = 1024;

    public static bool[] Run<T>(ReadOnlySpan<int> labels, PredProbs<T> p, long[,] pruneCounts, int minExamplesPerClass)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = p.N, k = p.K;
        if (k > DenseMaxClasses) return RunSparse(labels.ToArray(), p, pruneCounts, minExamplesPerClass);
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
        int blocks = Math.Clamp(n / MinBlockRows, 1, Math.Max(1, Parallelism.MaxDegree));
        int blockRows = (n + blocks - 1) / blocks;
        var perBlock = new LowestKeys<T>?[blocks][][];
        Parallelism.For(blocks, b =>
        {
            int start = b * blockRows;
            perBlock[b] = ScanBlock(p, labelArray, start, Math.Min(n, start + blockRows), capacity);
        });

        var mask = new bool[n];
        for (int c = 0; c < k; c++)
        {
            for (int j = 0; j < k; j++)
            {
                if (capacity[c][j] == 0) continue;
                var merged = perBlock[0][c][j]!;
                for (int b = 1; b < blocks; b++)
                {
                    var selection = perBlock[b][c][j]!;
                    for (int e = 0; e < selection.Count; e++) merged.Offer(selection.Keys[e], selection.Positions[e]);
                }

                foreach (int i in merged.Positions) mask[i] = true;
            }
        }

        return mask;
    }

    private static bool[] RunSparse<T>(int[] labels, PredProbs<T> p, long[,] pruneCounts, int minExamplesPerClass)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int k = p.K;
        var classCounts = new int[k];
        foreach (int label in labels) classCounts[label]++;
        var plan = new Streaming.NoiseRateSelection<T>(pruneCounts, classCounts, minExamplesPerClass);
        var source = new Streaming.InMemoryPredProbsSource<T>(p);
        var blocks = new Streaming.RowBlocks<T>(source, new Streaming.StreamingOptions { MaxDegreeOfParallelism = Parallelism.MaxDegree }, passes: 1);
        var workers = blocks.Run(
            "selection",
            plan.CreateWorker,
            (worker, first, count, rows) =>
            {
                for (int r = 0; r < count; r++) worker.Offer(rows.Slice(r * k, k), labels[first + r], first + r);
            },
            CancellationToken.None);
        var mask = new bool[p.N];
        foreach (int i in plan.Merge(workers)) mask[i] = true;
        return mask;
    }

    // one call per thread and run: without this the loop would run as tier-0/OSR code (no tier-up after 2 calls)
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
