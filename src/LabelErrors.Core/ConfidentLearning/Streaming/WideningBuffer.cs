using System.Numerics;
using System.Runtime.InteropServices;

namespace LabelErrors.Core.ConfidentLearning.Streaming;

/// <summary>
/// A worker's float copy of its current float16 block. .NET has no vector support for Half, so hot loops work on
/// the widened values; widening is exact and keeps the order, so comparisons give the same answers.
/// </summary>
internal class WideningBuffer
{
    private float[] _values = [];

    public ReadOnlySpan<float> Widen<T>(ReadOnlySpan<T> rows)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) != typeof(Half)) throw new InvalidOperationException("Only float16 blocks are widened.");
        if (_values.Length < rows.Length) _values = new float[rows.Length];
        var values = _values.AsSpan(0, rows.Length);
        HalfWidening.ToSingle(MemoryMarshal.Cast<T, Half>(rows), values);
        return values;
    }
}
