using System.Numerics;

namespace LabelErrors.Core.ConfidentLearning;

/// <summary>
/// Sums and means bit-identical to numpy 1.24's: <c>np.add.reduce</c> hands its inner loop at most 8192 elements at
/// a time (the iterator's buffer size, contiguous input included), sums each such run pairwise (plain loop below 8
/// elements, 8 interleaved accumulators up to 128, recursive halving above) and adds the run sums in order,
/// accumulating in the element type. One pairwise sum over more than 8192 elements differs in the last bit about half
/// the time (tests/reference/numpy/sums). Threshold comparisons in float32 depend on the last bit of such means.
/// </summary>
internal static class NumpyReductions
{
    private const int BlockSize = 128;

    /// <summary>numpy's reduction buffer: the most elements one inner-loop call sums pairwise.</summary>
    public const int ReduceBufferSize = 8192;

    /// <summary>numpy pairwise sum of <paramref name="n"/> elements starting at <paramref name="start"/> with a stride.</summary>
    public static T PairwiseSum<T>(ReadOnlySpan<T> a, int start, int n, int stride)
        where T : IFloatingPointIeee754<T>
    {
        if (n < 8)
        {
            // numpy starts this loop from -0.0 since 1.25 and from 0.0 in 1.24; both give identical finite sums here.
            T res = T.Zero;
            for (int i = 0; i < n; i++) res += a[start + i * stride];
            return res;
        }

        if (n <= BlockSize)
        {
            T r0 = a[start], r1 = a[start + stride], r2 = a[start + 2 * stride], r3 = a[start + 3 * stride];
            T r4 = a[start + 4 * stride], r5 = a[start + 5 * stride], r6 = a[start + 6 * stride], r7 = a[start + 7 * stride];
            int i;
            for (i = 8; i < n - (n % 8); i += 8)
            {
                int o = start + i * stride;
                r0 += a[o];
                r1 += a[o + stride];
                r2 += a[o + 2 * stride];
                r3 += a[o + 3 * stride];
                r4 += a[o + 4 * stride];
                r5 += a[o + 5 * stride];
                r6 += a[o + 6 * stride];
                r7 += a[o + 7 * stride];
            }

            T res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
            for (; i < n; i++) res += a[start + i * stride];
            return res;
        }

        int n2 = n / 2;
        n2 -= n2 % 8;
        return PairwiseSum(a, start, n2, stride) + PairwiseSum(a, start + n2 * stride, n - n2, stride);
    }

    /// <summary>
    /// <see cref="PairwiseSum{T}(ReadOnlySpan{T}, int, int, int)"/> over values computed on demand (the same
    /// summation tree, so the same bits), for sums over a matrix order that is not its memory order, without a copy.
    /// </summary>
    public static T PairwiseSum<T, TValues>(ref TValues a, int start, int n)
        where T : IFloatingPointIeee754<T>
        where TValues : struct, IIndexedValues<T>
    {
        if (n < 8)
        {
            T res = T.Zero;
            for (int i = 0; i < n; i++) res += a.At(start + i);
            return res;
        }

        if (n <= BlockSize)
        {
            T r0 = a.At(start), r1 = a.At(start + 1), r2 = a.At(start + 2), r3 = a.At(start + 3);
            T r4 = a.At(start + 4), r5 = a.At(start + 5), r6 = a.At(start + 6), r7 = a.At(start + 7);
            int i;
            for (i = 8; i < n - (n % 8); i += 8)
            {
                int o = start + i;
                r0 += a.At(o);
                r1 += a.At(o + 1);
                r2 += a.At(o + 2);
                r3 += a.At(o + 3);
                r4 += a.At(o + 4);
                r5 += a.At(o + 5);
                r6 += a.At(o + 6);
                r7 += a.At(o + 7);
            }

            T res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
            for (; i < n; i++) res += a.At(start + i);
            return res;
        }

        int n2 = n / 2;
        n2 -= n2 % 8;
        return PairwiseSum<T, TValues>(ref a, start, n2) + PairwiseSum<T, TValues>(ref a, start + n2, n - n2);
    }

    public static T PairwiseSum<T>(ReadOnlySpan<T> a)
        where T : IFloatingPointIeee754<T> => PairwiseSum(a, 0, a.Length, 1);

    /// <summary>
    /// <c>np.sum</c> over values in the order numpy meets them in memory (see <see cref="PairwiseSum{T, TValues}"/>):
    /// from the identity 0, one pairwise sum per <see cref="ReduceBufferSize"/> run, added in order.
    /// </summary>
    public static T Sum<T, TValues>(ref TValues a, int n)
        where T : IFloatingPointIeee754<T>
        where TValues : struct, IIndexedValues<T>
    {
        T total = T.Zero;
        for (int start = 0; start < n; start += ReduceBufferSize)
            total += PairwiseSum<T, TValues>(ref a, start, Math.Min(ReduceBufferSize, n - start));
        return total;
    }

    /// <summary><c>np.sum(x)</c> of a whole 1-D array (or one row, for <c>axis=1</c>).</summary>
    public static T Sum<T>(ReadOnlySpan<T> a)
        where T : IFloatingPointIeee754<T>
    {
        if (typeof(T) != typeof(Half))
        {
            T total = T.Zero;
            for (int start = 0; start < a.Length; start += ReduceBufferSize)
                total += PairwiseSum(a, start, Math.Min(ReduceBufferSize, a.Length - start), 1);
            return total;
        }

        // numpy's float16 add loop sums each run pairwise in float32, adds it to the float16 result in float32 and
        // rounds back to float16: once per run of 8192.
        Span<float> widened = stackalloc float[Math.Min(a.Length, 512)];
        if (a.Length > widened.Length) widened = new float[Math.Min(a.Length, ReduceBufferSize)];
        Half result = Half.Zero;
        for (int start = 0; start < a.Length; start += ReduceBufferSize)
        {
            int len = Math.Min(ReduceBufferSize, a.Length - start);
            for (int i = 0; i < len; i++) widened[i] = float.CreateTruncating(a[start + i]);
            result = (Half)((float)result + PairwiseSum<float>(widened[..len]));
        }

        return T.CreateTruncating(result);
    }

    /// <summary>
    /// <c>np.mean(x)</c> of a contiguous 1-D array with numpy's dtype rules: float64 and float32 sum in their own
    /// precision, float16 sums in float32 over casting buffers of 8192 elements; the division by the count is done
    /// in float64 and rounded back to the element type. Returns NaN for an empty array, as numpy does.
    /// </summary>
    public static T Mean<T>(ReadOnlySpan<T> a)
        where T : IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(Half))
        {
            float[] chunk = new float[Math.Min(ReduceBufferSize, Math.Max(a.Length, 1))];
            float total = 0f;
            for (int offset = 0; offset < a.Length; offset += ReduceBufferSize)
            {
                int len = Math.Min(ReduceBufferSize, a.Length - offset);
                for (int i = 0; i < len; i++) chunk[i] = float.CreateChecked(a[offset + i]);
                total += PairwiseSum<float>(chunk.AsSpan(0, len));
            }

            return T.CreateChecked((double)total / a.Length);
        }

        T sum = Sum(a);
        return T.CreateChecked(double.CreateChecked(sum) / a.Length);
    }
}

/// <summary>Values by position, computed on demand (see <see cref="NumpyReductions.PairwiseSum{T, TValues}"/>).</summary>
internal interface IIndexedValues<out T>
{
    T At(int index);
}
