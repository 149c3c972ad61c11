using System.Numerics;
using System.Runtime.InteropServices;

namespace LabelErrors.Core.Formats;

/// <summary>Converts raw native-order element bytes of any supported dtype to double or float.</summary>
internal static class NpyWidening
{
    public static void ToDouble(NpyDataType type, ReadOnlySpan<byte> bytes, Span<double> destination) =>
        Convert(type, bytes, destination);

    public static void ToSingle(NpyDataType type, ReadOnlySpan<byte> bytes, Span<float> destination) =>
        Convert(type, bytes, destination);

    private static void Convert<TTo>(NpyDataType type, ReadOnlySpan<byte> bytes, Span<TTo> destination)
        where TTo : unmanaged, INumberBase<TTo>
    {
        switch (type)
        {
            case NpyDataType.Bool:
                for (var i = 0; i < destination.Length; i++)
                    destination[i] = bytes[i] != 0 ? TTo.One : TTo.Zero;
                break;
            case NpyDataType.Int8: Convert<sbyte, TTo>(bytes, destination); break;
            case NpyDataType.Int16: Convert<short, TTo>(bytes, destination); break;
            case NpyDataType.Int32: Convert<int, TTo>(bytes, destination); break;
            case NpyDataType.Int64: Convert<long, TTo>(bytes, destination); break;
            case NpyDataType.UInt8: Convert<byte, TTo>(bytes, destination); break;
            case NpyDataType.UInt16: Convert<ushort, TTo>(bytes, destination); break;
            case NpyDataType.UInt32: Convert<uint, TTo>(bytes, destination); break;
            case NpyDataType.UInt64: Convert<ulong, TTo>(bytes, destination); break;
            case NpyDataType.Float16: Convert<Half, TTo>(bytes, destination); break;
            case NpyDataType.Float32: Convert<float, TTo>(bytes, destination); break;
            case NpyDataType.Float64: Convert<double, TTo>(bytes, destination); break;
            default: throw new ArgumentOutOfRangeException(nameof(type), type, null);
        }
    }

    // Generic over value types, so the JIT emits one tight loop per (source, target) pair.
    private static void Convert<TFrom, TTo>(ReadOnlySpan<byte> bytes, Span<TTo> destination)
        where TFrom : unmanaged, INumberBase<TFrom>
        where TTo : unmanaged, INumberBase<TTo>
    {
        var source = MemoryMarshal.Cast<byte, TFrom>(bytes);
        if (typeof(TFrom) == typeof(TTo))
        {
            MemoryMarshal.Cast<TFrom, TTo>(source).CopyTo(destination);
            return;
        }
        for (var i = 0; i < source.Length; i++)
            destination[i] = TTo.CreateTruncating(source[i]);
    }
}
