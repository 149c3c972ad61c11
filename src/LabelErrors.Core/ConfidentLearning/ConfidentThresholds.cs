using System.Numerics;
using System.Runtime.CompilerServices;

namespace LabelErrors.Core.ConfidentLearning;

/// <summary>cleanlab's <c>get_confident_thresholds</c>: per class, the mean self-confidence of the examples given that class.</summary>
internal static class ConfidentThresholds
{
    /// <summary>Lower bound that thresholds are clipped to (<c>CONFIDENT_THRESHOLDS_LOWER_BOUND</c>).</summary>
    public const double LowerBound = 2e-6;

    /// <summary>Value used for a class that has no examples (<c>BIG_VALUE</c>): nothing reaches it.</summary>
    public const double MissingClassValue = 2;

    /// <summary>
    /// Thresholds in the element precision (numpy means computed on the element type), clipped from below.
    /// <paramref name="allClassesPresent"/> is false when some class has no example: numpy then builds the
    /// thresholds array from mixed scalars as float64, and the comparisons happen in float64.
    /// </summary>
    public static T[] Compute<T>(ReadOnlySpan<int> labels, PredProbs<T> p, out bool allClassesPresent)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        return FromSelfConfidence(labels, SelfConfidence(labels, p), p.K, out allClassesPresent);
    }

    /// <summary>
    /// <see cref="Compute{T}"/> from the self-confidences pred_probs[i, labels[i]] gathered beforehand (e.g. by a
    /// streaming pass): the same grouping and the same numpy mean, so the thresholds are bit-identical.
    /// </summary>
    public static T[] FromSelfConfidence<T>(ReadOnlySpan<int> labels, T[] selfConfidence, int k, out bool allClassesPresent)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var means = ClassMeans(labels, selfConfidence, k);
        var thresholds = new T[k];
        allClassesPresent = true;
        T bound = T.CreateChecked(LowerBound);
        for (int c = 0; c < k; c++)
        {
            if (T.IsNaN(means[c]))
            {
                allClassesPresent = false;
                thresholds[c] = T.CreateChecked(MissingClassValue);
                continue;
            }

            thresholds[c] = T.Max(means[c], bound);
        }

        return thresholds;
    }

    /// <summary>Per class, the numpy mean of the self-confidences of the examples given that class (NaN for an empty class).</summary>
    public static T[] ClassMeans<T>(ReadOnlySpan<int> labels, T[] selfConfidence, int k)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var values = ValuesByGivenClass(labels, selfConfidence, k);
        var means = new T[k];
        for (int c = 0; c < k; c++) means[c] = values[c].Count == 0 ? T.NaN : NumpyReductions.Mean<T>(values[c].AsSpan());
        return means;
    }

    /// <summary>For each class c, pred_probs[i, c] of the examples i given label c, in index order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // a single call per run over all rows
    private static FixedList<T>[] ValuesByGivenClass<T>(ReadOnlySpan<int> labels, T[] selfConfidence, int k)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var counts = new int[k];
        foreach (int label in labels) counts[label]++;
        var values = new FixedList<T>[k];
        for (int c = 0; c < k; c++) values[c] = new FixedList<T>(counts[c]);
        for (int i = 0; i < labels.Length; i++) values[labels[i]].Add(selfConfidence[i]);
        return values;
    }

    /// <summary>pred_probs[i, labels[i]] for every example, gathered in parallel row blocks (the reads are cache misses).</summary>
    public static T[] SelfConfidence<T>(ReadOnlySpan<int> labels, PredProbs<T> p)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var labelArray = labels.ToArray();
        var data = p.Array;
        int k = p.K;
        var result = new T[labelArray.Length];
        Parallelism.ForBlocks(labelArray.Length, Parallelism.RowBlock, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (start, end) =>
        {
            for (int i = start; i < end; i++) result[i] = data[i * k + labelArray[i]];
        });
        return result;
    }

    private sealed class FixedList<T>(int capacity)
    {
        private readonly T[] _items = new T[capacity];

        public int Count { get; private set; }

        public void Add(T item) => _items[Count++] = item;

        public ReadOnlySpan<T> AsSpan() => _items.AsSpan(0, Count);
    }
}
