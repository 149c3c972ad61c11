using System.Numerics;

namespace LabelErrors.Core.ConfidentLearning.Streaming;

/// <summary>
/// prune_by_noise_rate's selection in one streaming pass: for each given class c and other class j with m[j, c] &gt; 0,
/// the m[j, c] examples of class c with the largest margin p[j] − p[c] (ties: lowest index), kept in bounded heaps
/// (<see cref="LowestKeys{T}"/> over the negated margin, the same keys as <see cref="NoiseRatePruning"/>). Only cells
/// with a non-zero count are stored (sparse per class), so memory is O(K + cells + selected), not O(K²) per worker.
/// </summary>
internal sealed class NoiseRateSelection<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly int[][] _trueClasses;
    private readonly int[][] _capacities;

    /// <param name="pruneCounts">m[j, c]: examples of given class c to flag for true class j.</param>
    public NoiseRateSelection(long[,] pruneCounts, int[] classCounts, int minExamplesPerClass)
    {
        int k = classCounts.Length;
        _trueClasses = new int[k][];
        _capacities = new int[k][];
        var columns = new List<int>();
        var capacities = new List<int>();
        for (int c = 0; c < k; c++)
        {
            columns.Clear();
            capacities.Clear();
            // as NoiseRatePruning: cleanlab skips classes with min_examples_per_class or fewer examples, and writes
            // masks back only for classes of size > 1
            if (classCounts[c] > minExamplesPerClass && classCounts[c] > 1)
            {
                for (int j = 0; j < k; j++)
                {
                    int capacity = j == c ? 0 : (int)Math.Clamp(pruneCounts[j, c], 0, classCounts[c]);
                    if (capacity == 0) continue;
                    columns.Add(j);
                    capacities.Add(capacity);
                }
            }

            _trueClasses[c] = [.. columns];
            _capacities[c] = [.. capacities];
        }
    }

    // per cell, a key no selected example exceeds (+∞ when unknown): see SeedBounds
    private double[][]? _seeds;

    // per cell, the lowest keys of the (row, column) pairs the summaries know (the row's first and second columns):
    // part of the selection, merged with the workers' (null where no row offered)
    private LowestKeys<double>?[][]? _seedSelections;

    public Worker CreateWorker() => new(this);


    /// <summary>Cells whose bound <see cref="SeedBounds"/> could set (diagnostics, tests).</summary>
    internal int SeededCells => _seeds?.Sum(cells => cells.Count(double.IsFinite)) ?? 0;

    /// <summary>
    /// Bounds every cell's selection from the row summaries of pass 1 before the pass: in cell (j, c), the examples
    /// of class c whose argmax or second-largest column is j have the key p[c] − p[j] from their summary; when there
    /// are at least m[j, c] of them, the m-th lowest of those keys bounds the cell's selection (those m examples already rank at least as
    /// well), so the pass offers its heap only rows at or below it — not every row while the heap fills, nor each
    /// of the many that would enter and leave again. The selection is unchanged (keys equal to the bound are still
    /// offered, ties go to the lower index as before). The pairs considered here are kept as part of the selection
    /// (<see cref="Merge"/>), so the pass offers a row only its other columns (<c>seeded1</c>, <c>seeded2</c> of
    /// <see cref="Worker.Offer"/>): every (row, column) pair is offered exactly once.
    /// </summary>
    public void SeedBounds(int[] labels, T[] selfConfidence, T[] first, ushort[] firstClass, T[] second, ushort[] secondClass)
    {
        int k = _trueClasses.Length;
        var heaps = new LowestKeys<double>?[k][];
        for (int c = 0; c < k; c++) heaps[c] = new LowestKeys<double>?[_trueClasses[c].Length];
        for (int i = 0; i < labels.Length; i++)
        {
            int c = labels[i];
            if (_trueClasses[c].Length == 0) continue;
            Consider(i, c, firstClass[i], first[i]);
            if (second.Length > 0) Consider(i, c, secondClass[i], second[i]);
        }

        void Consider(int i, int c, int j, T value)
        {
            if (j == c) return;
            int t = Array.BinarySearch(_trueClasses[c], j);
            if (t < 0) return;
            double key = double.CreateChecked(selfConfidence[i] - value);
            var heap = heaps[c][t] ??= new LowestKeys<double>(_capacities[c][t]);
            if (key <= heap.AdmissionBound) heap.Offer(key, i);
        }

        _seedSelections = heaps;
        _seeds = new double[k][];
        for (int c = 0; c < k; c++)
        {
            _seeds[c] = new double[_trueClasses[c].Length];
            for (int t = 0; t < _seeds[c].Length; t++)
            {
                var heap = heaps[c][t];
                _seeds[c][t] = heap is not null && heap.Count == heap.Capacity ? heap.AdmissionBound : double.PositiveInfinity;
            }
        }
    }

    /// <summary>Indices selected by any cell, ascending, from the partial selections of all workers.</summary>
    public int[] Merge(IReadOnlyList<Worker> workers)
    {
        var selected = new List<int>();
        for (int c = 0; c < _trueClasses.Length; c++)
        {
            for (int t = 0; t < _trueClasses[c].Length; t++)
            {
                var merged = workers[0].Selections[c][t];
                for (int w = 1; w < workers.Count; w++) Add(merged, workers[w].Selections[c][t]);
                if (_seedSelections?[c][t] is { } seeded) Add(merged, seeded);

                foreach (int i in merged.Positions) selected.Add(i);
            }
        }

        selected.Sort();
        return UniqueSorted(selected);
    }

    private static void Add(LowestKeys<double> merged, LowestKeys<double> partial)
    {
        for (int e = 0; e < partial.Count; e++) merged.Offer(partial.Keys[e], partial.Positions[e]);
    }

    private static int[] UniqueSorted(List<int> sorted)
    {
        var unique = new List<int>(sorted.Count);
        foreach (int i in sorted)
        {
            if (unique.Count == 0 || unique[^1] != i) unique.Add(i);
        }

        return [.. unique];
    }

    /// <summary>The partial selections of one worker over the rows it was given.</summary>
    public sealed class Worker
    {
        private readonly int[][] _trueClasses;
        private readonly double[][] _bounds;
        private readonly double[][]? _seeds;
        private readonly float[][] _skipAbove;

        // per given class, the largest of its cells' bounds (+∞ until every cell is bounded), refreshed once per block
        // when the cell holding it was lowered (bounds only fall, so a stale value is larger and only ever lets more
        // rows through): see CanSkipRow
        private readonly double[] _classBounds;
        private readonly bool[] _classBoundsStale;

        // per given class, skipAbove spread over all K columns (−∞ where there is no cell, so no column difference
        // passes): one vector comparison tests 8 columns of a row at once; only for K ≤ DenseClasses (K² floats)
        private readonly float[]?[]? _denseSkipAbove;
        private readonly int[]?[]? _denseCells; // column → cell, per given class

        internal Worker(NoiseRateSelection<T> plan)
        {
            int k = plan._trueClasses.Length;
            _trueClasses = plan._trueClasses;
            _seeds = plan._seeds;
            Selections = new LowestKeys<double>[k][];
            _bounds = new double[k][];
            _skipAbove = new float[k][];
            _classBounds = new double[k];
            _classBoundsStale = new bool[k];
            for (int c = 0; c < k; c++)
            {
                int cells = _trueClasses[c].Length;
                Selections[c] = new LowestKeys<double>[cells];
                _bounds[c] = new double[cells];
                _skipAbove[c] = new float[cells];
                for (int t = 0; t < cells; t++)
                {
                    Selections[c][t] = new LowestKeys<double>(plan._capacities[c][t]);
                    _bounds[c][t] = plan._seeds?[c][t] ?? double.PositiveInfinity;
                    _skipAbove[c][t] = SkipAbove(_bounds[c][t]);
                }

                _classBoundsStale[c] = true;
            }

            RefreshClassBounds();

            if (typeof(T) == typeof(Half) && k <= DenseClasses)
            {
                _denseSkipAbove = new float[k][];
                _denseCells = new int[k][];
                for (int c = 0; c < k; c++)
                {
                    if (_trueClasses[c].Length == 0) continue;
                    var dense = new float[k];
                    Array.Fill(dense, float.NegativeInfinity);
                    var cells = new int[k];
                    for (int t = 0; t < _trueClasses[c].Length; t++)
                    {
                        dense[_trueClasses[c][t]] = _skipAbove[c][t];
                        cells[_trueClasses[c][t]] = t;
                    }

                    _denseSkipAbove[c] = dense;
                    _denseCells[c] = cells;
                }
            }
        }

        /// <summary>Brings the per-class bounds of <see cref="CanSkipRow"/> up to date (once per block: O(cells) at most).</summary>
        public void RefreshClassBounds()
        {
            for (int c = 0; c < _classBounds.Length; c++)
            {
                if (!_classBoundsStale[c]) continue;
                _classBoundsStale[c] = false;
                double max = double.NegativeInfinity;
                foreach (double bound in _bounds[c]) max = Math.Max(max, bound);
                _classBounds[c] = max;
            }
        }

        /// <summary>
        /// True when no cell of the row's given class can take the row's columns other than the two its summary
        /// offered (<see cref="SeedBounds"/>): <paramref name="rowKey"/> is own − (third largest value) in T, widened
        /// to double, which no such column's key p[c] − p[j] undercuts (those columns hold at most the third value and
        /// rounding is monotone); when it exceeds every cell's bound, nothing would be offered, so the row need not be
        /// looked at (nor widened).
        /// </summary>
        public bool CanSkipRow(int label, double rowKey) => rowKey > _classBounds[label];

        /// <summary>Largest K for the dense per-class bounds (K² floats per worker: 4 MB at 1,024 classes).</summary>
        internal const int DenseClasses = 1024;

        /// <summary>
        /// Keys are the element-precision differences widened to double (exact, same order): the heaps then compare
        /// doubles, not float16 (which .NET compares in software), and all precisions share one heap type.
        /// </summary>
        internal LowestKeys<double>[][] Selections { get; }

        /// <summary>
        /// <see cref="Offer"/> for a float16 row, given widened to float: the float difference p[c] − p[j] is tried first,
        /// and only a difference not above the next float16 after the bound is rounded to float16 (rounding is
        /// monotone, so a difference above that value rounds to a key above the bound, which could not enter).
        /// </summary>
        /// <param name="seeded1">A column whose pair with this row <see cref="SeedBounds"/> took (−1: none).</param>
        /// <param name="seeded2">Another such column (−1: none).</param>
        public void OfferWidened(ReadOnlySpan<float> widened, int label, int position, int seeded1 = -1, int seeded2 = -1)
        {
            var trueClasses = _trueClasses[label];
            if (trueClasses.Length == 0) return;
            var bounds = _bounds[label];
            var skipAbove = _skipAbove[label];
            var selections = Selections[label];
            float ownWide = widened[label];
            if (_denseSkipAbove?[label] is { } dense && Vector.IsHardwareAccelerated)
            {
                // the same test as below, 8 columns at a time; the rare columns that pass are offered one by one
                var owns = new Vector<float>(ownWide);
                int j = 0;
                for (; j <= widened.Length - Vector<float>.Count; j += Vector<float>.Count)
                {
                    var skipped = Vector.GreaterThan(owns - new Vector<float>(widened.Slice(j)), new Vector<float>(dense.AsSpan(j)));
                    if (Vector.EqualsAll(skipped, Vector<int>.AllBitsSet)) continue;
                    for (int l = j; l < j + Vector<float>.Count; l++)
                    {
                        if (!(ownWide - widened[l] > dense[l]) && l != seeded1 && l != seeded2) OfferDense(widened, ownWide, l, label, position, bounds, skipAbove, selections, dense);
                    }
                }

                for (; j < widened.Length; j++)
                {
                    if (!(ownWide - widened[j] > dense[j]) && j != seeded1 && j != seeded2) OfferDense(widened, ownWide, j, label, position, bounds, skipAbove, selections, dense);
                }

                return;
            }

            for (int t = 0; t < trueClasses.Length; t++)
            {
                int j = trueClasses[t];
                if (ownWide - widened[j] > skipAbove[t] || j == seeded1 || j == seeded2) continue;
                OfferColumn(widened, ownWide, j, t, position, bounds, skipAbove, selections, dense: null, Seed(label, t), _classBounds, _classBoundsStale, label);
            }
        }

        private void OfferDense(
            ReadOnlySpan<float> widened, float ownWide, int j, int label, int position, double[] bounds, float[] skipAbove, LowestKeys<double>[] selections, float[] dense)
        {
            int t = _denseCells![label]![j];
            OfferColumn(widened, ownWide, j, t, position, bounds, skipAbove, selections, dense, Seed(label, t), _classBounds, _classBoundsStale, label);
        }

        private double Seed(int c, int t) => _seeds?[c][t] ?? double.PositiveInfinity;

        /// <summary>For float16 rows: the float above which a difference rounds to a float16 key above <paramref name="bound"/>.</summary>
        private static float SkipAbove(double bound) => typeof(T) == typeof(Half) ? (float)Half.BitIncrement((Half)bound) : float.PositiveInfinity;

        /// <param name="t">The cell of column <paramref name="j"/> in the given class's sorted true classes.</param>
        private static void OfferColumn(
            ReadOnlySpan<float> widened, float ownWide, int j, int t, int position, double[] bounds, float[] skipAbove, LowestKeys<double>[] selections, float[]? dense, double seed,
            double[] classBounds, bool[] classBoundsStale, int label)
        {
            // p[c] − p[j] in float16 is the float difference of the widened values rounded to float16 (.NET's Half
            // arithmetic), here widened on to double
            double negatedMargin = (double)(Half)(ownWide - widened[j]);
            if (negatedMargin > bounds[t]) return;
            var selection = selections[t];
            selection.Offer(negatedMargin, position);
            double before = bounds[t];
            bounds[t] = seed < selection.AdmissionBound ? seed : selection.AdmissionBound;
            skipAbove[t] = SkipAbove(bounds[t]);
            if (dense is not null) dense[j] = skipAbove[t];
            if (before == classBounds[label]) classBoundsStale[label] = true;
        }

        /// <inheritdoc cref="OfferWidened"/>
        public void Offer(ReadOnlySpan<T> row, int label, int position, int seeded1 = -1, int seeded2 = -1)
        {
            var trueClasses = _trueClasses[label];
            if (trueClasses.Length == 0) return;
            var bounds = _bounds[label];
            var selections = Selections[label];
            T own = row[label];
            for (int t = 0; t < trueClasses.Length; t++)
            {
                // the negated margin -(p[j] - p[c]) equals p[c] - p[j] exactly (round-to-nearest is symmetric);
                // a key equal to the bound may still win on a lower position (blocks come in any order)
                int j = trueClasses[t];
                if (j == seeded1 || j == seeded2) continue;
                double negatedMargin = double.CreateChecked(own - row[j]);
                if (negatedMargin > bounds[t]) continue;
                var selection = selections[t];
                selection.Offer(negatedMargin, position);
                double seed = Seed(label, t), before = bounds[t];
                bounds[t] = seed < selection.AdmissionBound ? seed : selection.AdmissionBound;
                if (before == _classBounds[label]) _classBoundsStale[label] = true;
            }
        }
    }
}
