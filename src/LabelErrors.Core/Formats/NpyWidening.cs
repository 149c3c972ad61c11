using System.Runtime.InteropServices;

namespace LabelErrors.Core.Formats;

/// <summary>Converts raw native-order element bytes of any supported dtype to double or float.</summary>
internal static class NpyWidening
{
    public static void ToDouble(NpyDataType type, ReadOnlySpan<byte> bytes, Span<double> destination)
    {
        switch (type)
        {
            case NpyDataType.Float64: MemoryMarshal.Cast<byte, double>(bytes).CopyTo(destination); break;
            case NpyDataType.Float32: Convert(MemoryMarshal.Cast<byte, float>(bytes), destination, v => v); break;
            case NpyDataType.Float16: Convert(MemoryMarshal.Cast<byte, Half>(bytes), destination, v => (double)v); break;
            case NpyDataType.Bool: Convert(bytes, destination, v => v != 0 ? 1.0 : 0.0); break;
            case NpyDataType.Int8: Convert(MemoryMarshal.Cast<byte, sbyte>(bytes), destination, v => v); break;
            case NpyDataType.Int16: Convert(MemoryMarshal.Cast<byte, short>(bytes), destination, v => v); break;
            case NpyDataType.Int32: Convert(MemoryMarshal.Cast<byte, int>(bytes), destination, v => v); break;
            case NpyDataType.Int64: Convert(MemoryMarshal.Cast<byte, long>(bytes), destination, v => v); break;
            case NpyDataType.UInt8: Convert(bytes, destination, v => v); break;
            case NpyDataType.UInt16: Convert(MemoryMarshal.Cast<byte, ushort>(bytes), destination, v => v); break;
            case NpyDataType.UInt32: Convert(MemoryMarshal.Cast<byte, uint>(bytes), destination, v => v); break;
            case NpyDataType.UInt64: Convert(MemoryMarshal.Cast<byte, ulong>(bytes), destination, v => v); break;
            default: throw new ArgumentOutOfRangeException(nameof(type), type, null);
        }
    }

    public static void ToSingle(NpyDataType type, ReadOnlySpan<byte> bytes, Span<float> destination)
    {
        switch (type)
        {
            case NpyDataType.Float32: MemoryMarshal.Cast<byte, float>(bytes).CopyTo(destination); break;
            case NpyDataType.Float16: Convert(MemoryMarshal.Cast<byte, Half>(bytes), destination, v => (float)v); break;
            case NpyDataType.Float64: Convert(MemoryMarshal.Cast<byte, double>(bytes), destination, v => (float)v); break;
            default:
                var wide = new double[destination.Length];
                ToDouble(type, bytes, wide);
                Convert<double, float>(wide, destination, v => (float)v);
                break;
        }
    }

    private static void Convert<TFrom, TTo>(ReadOnlySpan<TFrom> source, Span<TTo> destination, Func<TFrom, TTo> convert)
    {
        for (var i = 0; i < source.Length; i++)
            destination[i] = convert(source[i]);
    }
}
