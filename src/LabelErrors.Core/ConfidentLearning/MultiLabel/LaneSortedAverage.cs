using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace LabelErrors.Core.ConfidentLearning.MultiLabel;

/// <summary>
/// <see cref="ExponentialMovingAverage.Row"/> of <see cref="Lanes"/> rows at once: row r's per-class scores sit in lane
/// r of K vectors (class c in vector c), a fixed sorting network (Batcher's odd–even merge sort) sorts every lane with
/// branch-free vector compare-exchanges, and the moving average runs down the sorted vectors with the same float64
/// multiplications and additions, lane by lane, as the scalar row (no fused multiply-add). A sorted row is the same
/// ascending sequence whichever correct sort produced it, so the result has the same bits: equal values are
/// interchangeable, and the one pair that compares equal with different bits, −0 and +0, cannot change the average
/// (it is −0 exactly when every score of the row is −0, in any order). Replaces the per-row insertion sort, whose
/// data-dependent branches were about 2 s of CPU for 1,000,000 × 100 (docs/benchmarks.md).
/// </summary>
internal sealed class LaneSortedAverage
{
    /// <summary>Rows per batch: the lanes of a 256-bit vector of float64.</summary>
    public const int Lanes = 4;

    /// <summary>Whether the vector path runs here (otherwise callers use the scalar row).</summary>
    public static bool IsSupported => Vector256.IsHardwareAccelerated;

    private static LaneSortedAverage? _cached;

    private readonly int _k;
    private readonly int[] _pairs; // compare-exchange (pairs[2m], pairs[2m + 1]), first index lower

    private LaneSortedAverage(int k)
    {
        _k = k;
        _pairs = Network(k);
    }

    /// <summary>The network for K classes (built once per K; a run uses one K).</summary>
    public static LaneSortedAverage For(int k)
    {
        var cached = Volatile.Read(ref _cached);
        if (cached is not null && cached._k == k) return cached;
        cached = new LaneSortedAverage(k);
        Volatile.Write(ref _cached, cached);
        return cached;
    }

    /// <summary>
    /// Batcher's odd–even merge sort for the next power of two ≥ <paramref name="k"/>, without the compare-exchanges
    /// that touch a position ≥ k: read those positions as +∞ and every such compare-exchange leaves both in place
    /// (the minimum always goes to the lower position), so the rest sorts k values.
    /// </summary>
    internal static int[] Network(int k)
    {
        int n = 1;
        while (n < k) n <<= 1;
        var pairs = new List<int>();
        for (int p = 1; p < n; p <<= 1)
        {
            for (int step = p; step >= 1; step >>= 1)
            {
                for (int j = step % p; j <= n - 1 - step; j += 2 * step)
                {
                    for (int i = 0; i <= Math.Min(step - 1, n - j - step - 1); i++)
                    {
                        int a = i + j, b = i + j + step;
                        if (a / (2 * p) == b / (2 * p) && b < k)
                        {
                            pairs.Add(a);
                            pairs.Add(b);
                        }
                    }
                }
            }
        }

        return [.. pairs];
    }

    /// <summary>
    /// Sorts each lane of <paramref name="columns"/> (K vectors) ascending and returns each lane's moving average
    /// into <paramref name="result"/> (<see cref="Lanes"/> entries).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Average(Span<double> columns, double alpha, Span<double> result)
    {
        var v = MemoryMarshal.Cast<double, Vector256<double>>(columns)[.._k];
        var pairs = _pairs;
        for (int m = 0; m + 1 < pairs.Length; m += 2)
        {
            ref var a = ref v[pairs[m]];
            ref var b = ref v[pairs[m + 1]];
            var x = a;
            var y = b;
            var swap = Vector256.LessThan(y, x); // strict: equal values (and ±0) stay where they are
            a = Vector256.ConditionalSelect(swap, y, x);
            b = Vector256.ConditionalSelect(swap, x, y);
        }

        var alphas = Vector256.Create(alpha);
        var betas = Vector256.Create(1 - alpha);
        var ema = v[^1];
        for (int j = v.Length - 2; j >= 0; j--) ema = (alphas * v[j]) + (betas * ema);
        ema.CopyTo(result);
    }
}
