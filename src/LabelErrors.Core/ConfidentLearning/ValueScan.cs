using System.Numerics;

namespace LabelErrors.Core.ConfidentLearning;

/// <summary>One vectorised, parallel pass over pred_probs: are all values finite, and their minimum and maximum.</summary>
internal static class ValueScan
{
    public readonly record struct Result(bool AllFinite, double Min, double Max)
    {
        public static Result Empty => new(true, double.PositiveInfinity, double.NegativeInfinity);
    }

    public static Result Combine(Result a, Result b) => new(a.AllFinite && b.AllFinite, Math.Min(a.Min, b.Min), Math.Max(a.Max, b.Max));

    public static Result Scan<T>(T[] data)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        const int block = 1 << 20;
        int blocks = (data.Length + block - 1) / block;
        var partial = new Result[Math.Max(blocks, 1)];
        partial[0] = Result.Empty;
        Parallelism.For(blocks, b =>
        {
            int start = b * block;
            partial[b] = ScanBlock<T>(data.AsSpan(start, Math.Min(block, data.Length - start)));
        });

        return partial.Aggregate(Combine);
    }

    public static Result ScanBlock<T>(ReadOnlySpan<T> span)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(Half)) return ScanHalves(System.Runtime.InteropServices.MemoryMarshal.Cast<T, Half>(span));
        bool finite = true;
        T min = T.PositiveInfinity, max = T.NegativeInfinity;
        int i = 0;
        if (Vector.IsHardwareAccelerated && Vector<T>.IsSupported && span.Length >= Vector<T>.Count)
        {
            var vmin = new Vector<T>(T.PositiveInfinity);
            var vmax = new Vector<T>(T.NegativeInfinity);
            for (; i <= span.Length - Vector<T>.Count; i += Vector<T>.Count)
            {
                var v = new Vector<T>(span.Slice(i));
                var d = v - v; // NaN for NaN and ±∞
                finite &= Vector.EqualsAll(d, d);
                // native minimum and maximum: NaN lanes are already caught by the finiteness test
                vmin = Vector.MinNative(vmin, v);
                vmax = Vector.MaxNative(vmax, v);
            }

            for (int l = 0; l < Vector<T>.Count; l++)
            {
                min = T.Min(min, vmin[l]);
                max = T.Max(max, vmax[l]);
            }
        }

        for (; i < span.Length; i++)
        {
            T v = span[i];
            finite &= T.IsFinite(v);
            if (v < min) min = v;
            if (v > max) max = v;
        }

        return new Result(finite, double.CreateChecked(min), double.CreateChecked(max));
    }

    /// <summary>
    /// float16 has no vector type: the values are widened to float (exact, so the same finiteness, minimum and
    /// maximum) a chunk at a time and scanned there, instead of converting each value for every comparison.
    /// </summary>
    private static Result ScanHalves(ReadOnlySpan<Half> span)
    {
        const int chunk = 4096;
        Span<float> widened = stackalloc float[Math.Min(chunk, span.Length)];
        var result = Result.Empty;
        for (int start = 0; start < span.Length; start += chunk)
        {
            int length = Math.Min(chunk, span.Length - start);
            HalfWidening.ToSingle(span.Slice(start, length), widened);
            result = Combine(result, ScanBlock<float>(widened[..length]));
        }

        return result;
    }
}
