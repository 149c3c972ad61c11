using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using LabelErrors.Core.Validation;

namespace LabelErrors.Core.Formats;

/// <summary>
/// Reads the data block of a .npy file into a typed array (native byte order, C order). The sync and async
/// paths fill the array in whole-element chunks and share the finishing steps (byte swap, bools, Fortran order).
/// </summary>
internal static class NpyElementReader
{
    private const int ChunkElements = 1 << 20;

    public static Array Read(Stream stream, NpyHeader header, string displayName)
    {
        var data = Allocate(header, displayName);
        var count = data.Length;
        for (var start = 0; start < count; start += ChunkElements)
        {
            var bytes = ElementBytes(data, header.DataType, start, Math.Min(ChunkElements, count - start));
            var read = stream.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
            if (read < bytes.Length)
                throw Truncated(header, displayName, (long)start * header.ItemSize + read);
        }
        return Finish(data, header);
    }

    public static async Task<Array> ReadAsync(Stream stream, NpyHeader header, string displayName, CancellationToken cancellationToken)
    {
        var data = Allocate(header, displayName);
        var count = data.Length;
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkElements * header.ItemSize);
        try
        {
            for (var start = 0; start < count; start += ChunkElements)
            {
                var elements = Math.Min(ChunkElements, count - start);
                var length = elements * header.ItemSize;
                var read = await stream.ReadAtLeastAsync(buffer.AsMemory(0, length), length, throwOnEndOfStream: false, cancellationToken);
                if (read < length)
                    throw Truncated(header, displayName, (long)start * header.ItemSize + read);
                buffer.AsSpan(0, length).CopyTo(ElementBytes(data, header.DataType, start, elements));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        return Finish(data, header);
    }

    /// <summary>A typed array for the dtype; bools are first read as bytes (see <see cref="Finish"/>).</summary>
    private static Array Allocate(NpyHeader header, string displayName)
    {
        var count = header.ElementCount;
        if (count > Array.MaxLength)
            throw new LabelErrorsInputException(displayName,
                $"shape {header.ShapeText} has too many elements to load at once; use NpyMatrixReader to stream it");
        if (header.FortranOrder && header.Shape.Count > 2)
            throw new LabelErrorsInputException(displayName,
                $"Fortran-order arrays with {header.Shape.Count} dimensions are not supported (only 1-D and 2-D)");

        var n = (int)count;
        return header.DataType switch
        {
            NpyDataType.Bool or NpyDataType.UInt8 => new byte[n],
            NpyDataType.Int8 => new sbyte[n],
            NpyDataType.Int16 => new short[n],
            NpyDataType.Int32 => new int[n],
            NpyDataType.Int64 => new long[n],
            NpyDataType.UInt16 => new ushort[n],
            NpyDataType.UInt32 => new uint[n],
            NpyDataType.UInt64 => new ulong[n],
            NpyDataType.Float16 => new Half[n],
            NpyDataType.Float32 => new float[n],
            NpyDataType.Float64 => new double[n],
            _ => throw new ArgumentOutOfRangeException(nameof(header), header.DataType, null),
        };
    }

    // Switch on the dtype, not the array's runtime type: the CLR lets a ushort[] pass as short[], etc.
    private static Span<byte> ElementBytes(Array data, NpyDataType type, int start, int count) => type switch
    {
        NpyDataType.Bool or NpyDataType.UInt8 => ((byte[])data).AsSpan(start, count),
        NpyDataType.Int8 => MemoryMarshal.AsBytes(((sbyte[])data).AsSpan(start, count)),
        NpyDataType.Int16 => MemoryMarshal.AsBytes(((short[])data).AsSpan(start, count)),
        NpyDataType.Int32 => MemoryMarshal.AsBytes(((int[])data).AsSpan(start, count)),
        NpyDataType.Int64 => MemoryMarshal.AsBytes(((long[])data).AsSpan(start, count)),
        NpyDataType.UInt16 => MemoryMarshal.AsBytes(((ushort[])data).AsSpan(start, count)),
        NpyDataType.UInt32 => MemoryMarshal.AsBytes(((uint[])data).AsSpan(start, count)),
        NpyDataType.UInt64 => MemoryMarshal.AsBytes(((ulong[])data).AsSpan(start, count)),
        NpyDataType.Float16 => MemoryMarshal.AsBytes(((Half[])data).AsSpan(start, count)),
        NpyDataType.Float32 => MemoryMarshal.AsBytes(((float[])data).AsSpan(start, count)),
        NpyDataType.Float64 => MemoryMarshal.AsBytes(((double[])data).AsSpan(start, count)),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    private static Array Finish(Array data, NpyHeader header)
    {
        if (header.NeedsByteSwap)
        {
            for (var start = 0; start < data.Length; start += ChunkElements)
                SwapInPlace(ElementBytes(data, header.DataType, start, Math.Min(ChunkElements, data.Length - start)), header.ItemSize);
        }

        if (header.DataType == NpyDataType.Bool)
            data = Array.ConvertAll((byte[])data, b => b != 0); // as numpy does: any non-zero byte is True

        if (!header.FortranOrder || header.Shape.Count != 2)
            return data;
        int rows = (int)header.Shape[0], columns = (int)header.Shape[1];
        return header.DataType switch
        {
            NpyDataType.Bool => FortranToC((bool[])data, rows, columns),
            NpyDataType.UInt8 => FortranToC((byte[])data, rows, columns),
            NpyDataType.Int8 => FortranToC((sbyte[])data, rows, columns),
            NpyDataType.Int16 => FortranToC((short[])data, rows, columns),
            NpyDataType.Int32 => FortranToC((int[])data, rows, columns),
            NpyDataType.Int64 => FortranToC((long[])data, rows, columns),
            NpyDataType.UInt16 => FortranToC((ushort[])data, rows, columns),
            NpyDataType.UInt32 => FortranToC((uint[])data, rows, columns),
            NpyDataType.UInt64 => FortranToC((ulong[])data, rows, columns),
            NpyDataType.Float16 => FortranToC((Half[])data, rows, columns),
            NpyDataType.Float32 => FortranToC((float[])data, rows, columns),
            _ => FortranToC((double[])data, rows, columns),
        };
    }

    private static LabelErrorsInputException Truncated(NpyHeader header, string displayName, long found) =>
        new(displayName, $"file is truncated: shape {header.ShapeText} of {header.Descr} needs {header.DataLength} data bytes, found {found}");

    internal static void SwapInPlace(Span<byte> bytes, int itemSize)
    {
        switch (itemSize)
        {
            case 2:
                var u16 = MemoryMarshal.Cast<byte, ushort>(bytes);
                BinaryPrimitives.ReverseEndianness(u16, u16);
                break;
            case 4:
                var u32 = MemoryMarshal.Cast<byte, uint>(bytes);
                BinaryPrimitives.ReverseEndianness(u32, u32);
                break;
            case 8:
                var u64 = MemoryMarshal.Cast<byte, ulong>(bytes);
                BinaryPrimitives.ReverseEndianness(u64, u64);
                break;
        }
    }

    // Fortran order stores element (r, c) at c * rows + r.
    private static T[] FortranToC<T>(T[] columnMajor, int rows, int columns)
    {
        var rowMajor = new T[columnMajor.Length];
        for (var c = 0; c < columns; c++)
        {
            var column = columnMajor.AsSpan(c * rows, rows);
            for (var r = 0; r < rows; r++)
                rowMajor[r * columns + c] = column[r];
        }
        return rowMajor;
    }
}
