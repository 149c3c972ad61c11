using System.Numerics;
using System.Runtime.CompilerServices;

namespace LabelErrors.Core.ConfidentLearning;

/// <summary>
/// The per-example step of cleanlab's <c>compute_confident_joint</c>: which classes an example is confidently
/// in (<c>pred_probs &gt;= thresholds - 1e-6</c>, in the element precision) and the resulting true-label guess.
/// </summary>
internal static class ConfidentGuesses
{
    /// <summary>Marks an example that is confident in no class.</summary>
    public const int NotConfident = -1;

    private const double ThresholdSlack = 1e-6;

    /// <summary>
    /// For each example: <see cref="NotConfident"/>, or the guessed true label — the argmax of pred_probs when
    /// more than one class reaches its threshold, else the single class that does (numpy argmax: first maximum).
    /// </summary>
    public static int[] Compute<T>(PredProbs<T> p, T[] thresholds, bool compareInFloat64)
        where T : unmanaged, IFloatingPointIeee754<T>
        => Compute(p, thresholds, compareInFloat64, out _);

    /// <summary>
    /// Same, and in the same pass (rows are scanned while in cache) whether all values are finite and their range,
    /// so input validation costs no extra pass over pred_probs.
    /// </summary>
    public static int[] Compute<T>(PredProbs<T> p, T[] thresholds, bool compareInFloat64, out ValueScan.Result scan)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = p.N, k = p.K;
        var guesses = new int[n];
        var data = p.Array;
        var scans = new ValueScan.Result[Math.Max(1, (n + Parallelism.RowBlock - 1) / Parallelism.RowBlock)];
        scans[0] = ValueScan.Result.Empty;
        if (compareInFloat64)
        {
            var limits = Float64Limits(thresholds);
            Parallelism.ForBlocks(n, Parallelism.RowBlock, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (start, end) =>
            {
                for (int i = start; i < end; i++) guesses[i] = GuessRow(data.AsSpan(i * k, k), limits);
                scans[start / Parallelism.RowBlock] = ValueScan.ScanBlock<T>(data.AsSpan(start * k, (end - start) * k));
            });
        }
        else
        {
            var limits = Limits(thresholds);
            Parallelism.ForBlocks(n, Parallelism.RowBlock, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (start, end) =>
            {
                var totals = new ScanTotals<T>();
                for (int i = start; i < end; i++) guesses[i] = GuessRow(data.AsSpan(i * k, k), limits, ref totals);
                scans[start / Parallelism.RowBlock] = totals.Result;
            });
        }

        scan = scans.Aggregate(ValueScan.Combine);
        return guesses;
    }

    /// <summary><c>thresholds - 1e-6</c> in the element precision.</summary>
    internal static T[] Limits<T>(T[] thresholds)
        where T : IFloatingPointIeee754<T>
    {
        var limits = new T[thresholds.Length];
        T slack = T.CreateChecked(ThresholdSlack);
        for (int c = 0; c < limits.Length; c++) limits[c] = thresholds[c] - slack;
        return limits;
    }

    /// <summary><c>thresholds - 1e-6</c> in float64 (numpy builds thresholds from mixed scalars as a float64 array).</summary>
    internal static double[] Float64Limits<T>(T[] thresholds)
        where T : IFloatingPointIeee754<T>
    {
        var limits = new double[thresholds.Length];
        for (int c = 0; c < limits.Length; c++) limits[c] = double.CreateChecked(thresholds[c]) - ThresholdSlack;
        return limits;
    }

    /// <summary>The guess for one row, thresholds already lowered by the slack (see <see cref="Limits{T}"/>).</summary>
    internal static int GuessRow<T>(ReadOnlySpan<T> row, ReadOnlySpan<T> limits)
        where T : IFloatingPointIeee754<T>
    {
        var unused = new ScanTotals<T>();
        return GuessRow<T, WithoutScan>(row, limits, ref unused);
    }

    /// <summary>The guess for one row, and the row's values added to <paramref name="totals"/> (finiteness and range) in the same reads.</summary>
    internal static int GuessRow<T>(ReadOnlySpan<T> row, ReadOnlySpan<T> limits, ref ScanTotals<T> totals)
        where T : IFloatingPointIeee754<T>
        => GuessRow<T, WithScan>(row, limits, ref totals);

    // TScan is WithScan or WithoutScan: a struct type argument, so the JIT compiles each variant with the other's code removed;
    // the row functions are optimised at once, as the passes calling them (see Parallelism)
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int GuessRow<T, TScan>(ReadOnlySpan<T> row, ReadOnlySpan<T> limits, ref ScanTotals<T> totals)
        where T : IFloatingPointIeee754<T>
        where TScan : struct
    {
        if (Vector.IsHardwareAccelerated && Vector<T>.IsSupported && row.Length >= Vector<T>.Count) return GuessRowVectorized<T, TScan>(row, limits, ref totals);
        int confidentCount = 0, firstConfident = -1, argmax = 0;
        T max = row[0];
        for (int c = 0; c < row.Length; c++)
        {
            T v = row[c];
            if (typeof(TScan) == typeof(WithScan)) totals.Add(v);
            if (v >= limits[c])
            {
                if (confidentCount++ == 0) firstConfident = c;
            }

            if (v > max)
            {
                max = v;
                argmax = c;
            }
        }

        return confidentCount == 0 ? NotConfident : confidentCount > 1 ? argmax : firstConfident;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int GuessRowVectorized<T, TScan>(ReadOnlySpan<T> row, ReadOnlySpan<T> limits, ref ScanTotals<T> totals)
        where T : IFloatingPointIeee754<T>
        where TScan : struct
    {
        int width = Vector<T>.Count;
        var counts = Vector<T>.Zero;
        var maxima = new Vector<T>(T.NegativeInfinity);
        var minima = new Vector<T>(T.PositiveInfinity);
        var numbers = Vector<T>.AllBitsSet;
        int c = 0;
        for (; c <= row.Length - width; c += width)
        {
            var v = new Vector<T>(row.Slice(c));
            counts += Vector.ConditionalSelect(Vector.GreaterThanOrEqual(v, new Vector<T>(limits.Slice(c))), Vector<T>.One, Vector<T>.Zero);
            // the native maximum (no NaN propagation) is enough: a NaN row is refused by the scan, and for numbers the
            // value found equals the maximum, which is all the position search below needs
            maxima = Vector.MaxNative(maxima, v);
            if (typeof(TScan) == typeof(WithScan))
            {
                minima = Vector.MinNative(minima, v);
                numbers &= Vector.Equals(v, v); // all bits clear in the lanes of a NaN
            }
        }

        int confidentCount = int.CreateTruncating(Vector.Sum(counts));
        T max = T.NegativeInfinity;
        for (int l = 0; l < width; l++) max = T.Max(max, maxima[l]);
        if (typeof(TScan) == typeof(WithScan)) totals.Add(minima, maxima, numbers);
        for (int t = c; t < row.Length; t++)
        {
            if (typeof(TScan) == typeof(WithScan)) totals.Add(row[t]);
            if (row[t] >= limits[t]) confidentCount++;
            if (row[t] > max) max = row[t];
        }

        if (confidentCount == 0) return NotConfident;
        // numpy argmax (the first position holding the maximum) when several classes are confident, else the single
        // confident class; both searched a vector at a time, then within the vector that holds it
        return confidentCount > 1 ? FirstEqual(row, max) : FirstAtLeast(row, limits);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int FirstEqual<T>(ReadOnlySpan<T> row, T value)
        where T : IFloatingPointIeee754<T>
    {
        int width = Vector<T>.Count;
        var target = new Vector<T>(value);
        int j = 0;
        while (j <= row.Length - width && !Vector.EqualsAny(new Vector<T>(row.Slice(j)), target)) j += width;
        for (; j < row.Length; j++)
        {
            if (row[j] == value) return j;
        }

        return NotConfident;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int FirstAtLeast<T>(ReadOnlySpan<T> row, ReadOnlySpan<T> limits)
        where T : IFloatingPointIeee754<T>
    {
        int width = Vector<T>.Count;
        int j = 0;
        while (j <= row.Length - width && !Vector.GreaterThanOrEqualAny(new Vector<T>(row.Slice(j)), new Vector<T>(limits.Slice(j)))) j += width;
        for (; j < row.Length; j++)
        {
            if (row[j] >= limits[j]) return j;
        }

        return NotConfident;
    }

    private struct WithScan;

    private struct WithoutScan;

    /// <summary>The guess for one row when numpy compares in float64 (see <see cref="Float64Limits{T}"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static int GuessRow<T>(ReadOnlySpan<T> row, double[] limits)
        where T : IFloatingPointIeee754<T>
    {
        int confidentCount = 0, firstConfident = -1, argmax = 0;
        T max = row[0];
        for (int c = 0; c < row.Length; c++)
        {
            T v = row[c];
            if (double.CreateChecked(v) >= limits[c])
            {
                if (confidentCount++ == 0) firstConfident = c;
            }

            if (v > max)
            {
                max = v;
                argmax = c;
            }
        }

        return confidentCount == 0 ? NotConfident : confidentCount > 1 ? argmax : firstConfident;
    }
}
