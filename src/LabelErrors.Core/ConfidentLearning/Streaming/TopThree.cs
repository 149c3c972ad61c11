using System.Numerics;
using System.Runtime.CompilerServices;

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
