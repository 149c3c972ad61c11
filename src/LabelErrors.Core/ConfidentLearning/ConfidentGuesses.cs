using System.Numerics;

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

    // rows guessed and then range-scanned while still in the L1/L2 cache
    private const int ScanChunkRows = 32;

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
            Parallelism.ForBlocks(n, Parallelism.RowBlock, (start, end) =>
            {
                for (int i = start; i < end; i++) guesses[i] = GuessRow(data.AsSpan(i * k, k), limits);
                scans[start / Parallelism.RowBlock] = ValueScan.ScanBlock<T>(data.AsSpan(start * k, (end - start) * k));
            });
        }
        else
        {
            var limits = Limits(thresholds);
            Parallelism.ForBlocks(n, Parallelism.RowBlock, (start, end) =>
            {
                var scan = ValueScan.Result.Empty;
                for (int chunk = start; chunk < end; chunk += ScanChunkRows)
                {
                    int chunkEnd = Math.Min(end, chunk + ScanChunkRows);
                    for (int i = chunk; i < chunkEnd; i++) guesses[i] = GuessRow<T>(data.AsSpan(i * k, k), limits);
                    scan = ValueScan.Combine(scan, ValueScan.ScanBlock<T>(data.AsSpan(chunk * k, (chunkEnd - chunk) * k)));
                }

                scans[start / Parallelism.RowBlock] = scan;
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
        if (Vector.IsHardwareAccelerated && Vector<T>.IsSupported && row.Length >= Vector<T>.Count) return GuessRowVectorized(row, limits);
        int confidentCount = 0, firstConfident = -1, argmax = 0;
        T max = row[0];
        for (int c = 0; c < row.Length; c++)
        {
            T v = row[c];
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

    private static int GuessRowVectorized<T>(ReadOnlySpan<T> row, ReadOnlySpan<T> limits)
        where T : IFloatingPointIeee754<T>
    {
        int width = Vector<T>.Count;
        var counts = Vector<T>.Zero;
        var maxima = new Vector<T>(T.NegativeInfinity);
        int c = 0;
        for (; c <= row.Length - width; c += width)
        {
            var v = new Vector<T>(row.Slice(c));
            counts += Vector.ConditionalSelect(Vector.GreaterThanOrEqual(v, new Vector<T>(limits.Slice(c))), Vector<T>.One, Vector<T>.Zero);
            maxima = Vector.Max(maxima, v);
        }

        int confidentCount = int.CreateTruncating(Vector.Sum(counts));
        T max = T.NegativeInfinity;
        for (int l = 0; l < width; l++) max = T.Max(max, maxima[l]);
        for (; c < row.Length; c++)
        {
            if (row[c] >= limits[c]) confidentCount++;
            if (row[c] > max) max = row[c];
        }

        if (confidentCount == 0) return NotConfident;
        if (confidentCount > 1)
        {
            // numpy argmax: the first position holding the maximum
            for (int j = 0; j < row.Length; j++)
            {
                if (row[j] == max) return j;
            }
        }

        for (int j = 0; j < row.Length; j++)
        {
            if (row[j] >= limits[j]) return j;
        }

        return NotConfident;
    }

    /// <summary>The guess for one row when numpy compares in float64 (see <see cref="Float64Limits{T}"/>).</summary>
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
