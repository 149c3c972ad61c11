using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace LabelErrors.Core.ConfidentLearning.Streaming;

/// <summary>
/// The three largest values of a row (as a multiset: a value held twice counts twice) and the positions of the first
/// two: <c>First</c> at the first maximum (numpy's argmax), <c>Second</c> at the first maximum of the other columns.
/// One vector pass keeps a per-lane top three (the row's top three are among the lanes' top threes), then at most
/// two scans find the positions. Rows of NaN give unspecified (but in-range) positions: they are refused afterwards.
/// </summary>
internal static class TopThree
{
    public readonly record struct Result<TRow>(TRow First, int FirstClass, TRow Second, int SecondClass, TRow Third);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Result<TRow> Of<TRow>(ReadOnlySpan<TRow> row)
        where TRow : unmanaged, IFloatingPointIeee754<TRow>
    {
        TRow a = TRow.NegativeInfinity, b = TRow.NegativeInfinity, c = TRow.NegativeInfinity;
        int i = 0;
        if (Vector.IsHardwareAccelerated && Vector<TRow>.IsSupported && row.Length >= Vector<TRow>.Count)
        {
            var va = new Vector<TRow>(TRow.NegativeInfinity);
            var vb = va;
            var vc = va;
            for (; i <= row.Length - Vector<TRow>.Count; i += Vector<TRow>.Count)
            {
                // insertion into the sorted lanes a ≥ b ≥ c
                var v = new Vector<TRow>(row.Slice(i));
                var low = Vector.MinNative(va, v);
                va = Vector.MaxNative(va, v);
                var lower = Vector.MinNative(vb, low);
                vb = Vector.MaxNative(vb, low);
                vc = Vector.MaxNative(vc, lower);
            }

            for (int l = 0; l < Vector<TRow>.Count; l++)
            {
                Insert(va[l], ref a, ref b, ref c);
                Insert(vb[l], ref a, ref b, ref c);
                Insert(vc[l], ref a, ref b, ref c);
            }
        }

        for (; i < row.Length; i++) Insert(row[i], ref a, ref b, ref c);

        int first = IndexOf(row, a, skip: -1);
        int second = row.Length > 1 ? IndexOf(row, b, skip: first) : first;
        return new Result<TRow>(a, first, b, second, c);
    }

    /// <summary>
    /// <see cref="Of{TRow}"/> of a float16 row given as its bit patterns, without widening: non-negative finite float16
    /// values order exactly as their bits do (sign clear, then exponent, then mantissa), so the search runs on integers.
    /// Each value is paired with its column as one 32-bit key, value bits above and 0xFFFF − column below: the largest
    /// key is the largest value at its first column (numpy's argmax), the next is the first maximum of the other
    /// columns, the third holds the third value — positions come out of the same search, no scans after it. Returns
    /// false (nothing computed) when a value has its sign bit set (−0 and negatives order wrongly as bits) or is not
    /// finite, and for more than 65,536 columns: the caller then uses <see cref="Of{TRow}"/> on the widened row.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryOfNonNegativeHalves(ReadOnlySpan<ushort> row, out Result<float> result)
    {
        result = default;
        if (row.Length > ushort.MaxValue + 1 || row.Length == 0) return false;
        uint a = 0, b = 0, c = 0; // key 0: value +0 at the last possible column, below any real key but that one
        int i = 0;
        if (Vector512.IsHardwareAccelerated && row.Length >= Vector512<ushort>.Count)
        {
            var va = Vector512<uint>.Zero;
            var vb = va;
            var vc = va;
            ref ushort start = ref MemoryMarshal.GetReference(row);
            // 0xFFFF − column of each lane, for the first 16 and the next 16 values of a 32-value load
            var columnsLow = Vector512.Create((uint)ushort.MaxValue) - Vector512<uint>.Indices;
            var columnsHigh = columnsLow - Vector512.Create(16u);
            var step = Vector512.Create(32u);
            for (; i <= row.Length - Vector512<ushort>.Count; i += Vector512<ushort>.Count)
            {
                var (low, high) = Vector512.Widen(Vector512.LoadUnsafe(ref start, (nuint)i));
                Insert(Vector512.ShiftLeft(low, 16) | columnsLow, ref va, ref vb, ref vc);
                Insert(Vector512.ShiftLeft(high, 16) | columnsHigh, ref va, ref vb, ref vc);
                columnsLow -= step;
                columnsHigh -= step;
            }

            if (i < row.Length)
            {
                // the last 32 values; the lanes already taken become key 0, which no other key is below
                int last = row.Length - Vector512<ushort>.Count;
                var lastLow = Vector512.Create((uint)(ushort.MaxValue - last)) - Vector512<uint>.Indices;
                var lastHigh = lastLow - Vector512.Create(16u);
                var done = Vector512.Create((uint)(ushort.MaxValue - i)); // keys of columns before i have larger column parts
                var (low, high) = Vector512.Widen(Vector512.LoadUnsafe(ref start, (nuint)last));
                Insert((Vector512.ShiftLeft(low, 16) | lastLow) & Vector512.LessThanOrEqual(lastLow, done), ref va, ref vb, ref vc);
                Insert((Vector512.ShiftLeft(high, 16) | lastHigh) & Vector512.LessThanOrEqual(lastHigh, done), ref va, ref vb, ref vc);
                i = row.Length;
            }

            // the lanes' top threes folded in halves down to one lane (each half's three inserted into the other's)
            var (a256, b256, c256) = (va.GetLower(), vb.GetLower(), vc.GetLower());
            Insert(va.GetUpper(), ref a256, ref b256, ref c256);
            Insert(vb.GetUpper(), ref a256, ref b256, ref c256);
            Insert(vc.GetUpper(), ref a256, ref b256, ref c256);
            var (a128, b128, c128) = (a256.GetLower(), b256.GetLower(), c256.GetLower());
            Insert(a256.GetUpper(), ref a128, ref b128, ref c128);
            Insert(b256.GetUpper(), ref a128, ref b128, ref c128);
            Insert(c256.GetUpper(), ref a128, ref b128, ref c128);
            for (int l = 0; l < Vector128<uint>.Count; l++)
            {
                Insert(a128[l], ref a, ref b, ref c);
                if (b128[l] > c) Insert(b128[l], ref a, ref b, ref c);
                if (c128[l] > c) Insert(c128[l], ref a, ref b, ref c);
            }
        }

        for (; i < row.Length; i++) Insert(((uint)row[i] << 16) | (uint)(ushort.MaxValue - i), ref a, ref b, ref c);

        // the sign bit or an all-ones exponent on any value puts the largest key at or above 0x7C00 << 16
        if (a >= 0x7C00u << 16) return false;
        int k = row.Length;
        float Value(uint key) => (float)BitConverter.UInt16BitsToHalf((ushort)(key >> 16));
        int Column(uint key) => ushort.MaxValue - (int)(key & 0xFFFF);
        int first = Column(a);
        if (k == 1)
        {
            result = new Result<float>(Value(a), first, float.NegativeInfinity, first, float.NegativeInfinity);
        }
        else
        {
            result = new Result<float>(Value(a), first, Value(b), Column(b), k >= 3 ? Value(c) : float.NegativeInfinity);
        }

        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Insert(Vector512<uint> v, ref Vector512<uint> a, ref Vector512<uint> b, ref Vector512<uint> c)
    {
        var low = Vector512.Min(a, v);
        a = Vector512.Max(a, v);
        var lower = Vector512.Min(b, low);
        b = Vector512.Max(b, low);
        c = Vector512.Max(c, lower);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Insert(Vector256<uint> v, ref Vector256<uint> a, ref Vector256<uint> b, ref Vector256<uint> c)
    {
        var low = Vector256.Min(a, v);
        a = Vector256.Max(a, v);
        var lower = Vector256.Min(b, low);
        b = Vector256.Max(b, low);
        c = Vector256.Max(c, lower);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Insert(Vector128<uint> v, ref Vector128<uint> a, ref Vector128<uint> b, ref Vector128<uint> c)
    {
        var low = Vector128.Min(a, v);
        a = Vector128.Max(a, v);
        var lower = Vector128.Min(b, low);
        b = Vector128.Max(b, low);
        c = Vector128.Max(c, lower);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Insert(uint v, ref uint a, ref uint b, ref uint c)
    {
        if (v > a)
        {
            c = b;
            b = a;
            a = v;
        }
        else if (v > b)
        {
            c = b;
            b = v;
        }
        else if (v > c)
        {
            c = v;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Insert<TRow>(TRow v, ref TRow a, ref TRow b, ref TRow c)
        where TRow : IFloatingPointIeee754<TRow>
    {
        if (v > a)
        {
            c = b;
            b = a;
            a = v;
        }
        else if (v > b)
        {
            c = b;
            b = v;
        }
        else if (v > c)
        {
            c = v;
        }
    }

    /// <summary>First position other than <paramref name="skip"/> holding <paramref name="value"/> (0, or 1 after skipping 0, when none does: NaN).</summary>
    private static int IndexOf<TRow>(ReadOnlySpan<TRow> row, TRow value, int skip)
        where TRow : unmanaged, IFloatingPointIeee754<TRow>
    {
        int j = 0;
        if (Vector.IsHardwareAccelerated && Vector<TRow>.IsSupported)
        {
            var target = new Vector<TRow>(value);
            for (; j <= row.Length - Vector<TRow>.Count; j += Vector<TRow>.Count)
            {
                if (!Vector.EqualsAny(new Vector<TRow>(row.Slice(j)), target)) continue;
                for (int l = j; l < j + Vector<TRow>.Count; l++)
                {
                    if (row[l] == value && l != skip) return l;
                }
            }
        }

        for (; j < row.Length; j++)
        {
            if (row[j] == value && j != skip) return j;
        }

        return skip == 0 ? 1 : 0;
    }
}
