using System.Buffers.Binary;
using System.Runtime.InteropServices;
using LabelErrors.Core.Validation;

namespace LabelErrors.Core.Formats;

/// <summary>Reads the data block of a .npy file into a typed array (native byte order, C order).</summary>
internal static class NpyElementReader
{
    private const int ChunkElements = 1 << 20;

    public static Array Read(Stream stream, NpyHeader header, string displayName)
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
            NpyDataType.Bool => ReadBools(stream, header, n, displayName),
            NpyDataType.Int8 => Read<sbyte>(stream, header, n, displayName),
            NpyDataType.Int16 => Read<short>(stream, header, n, displayName),
            NpyDataType.Int32 => Read<int>(stream, header, n, displayName),
            NpyDataType.Int64 => Read<long>(stream, header, n, displayName),
            NpyDataType.UInt8 => Read<byte>(stream, header, n, displayName),
            NpyDataType.UInt16 => Read<ushort>(stream, header, n, displayName),
            NpyDataType.UInt32 => Read<uint>(stream, header, n, displayName),
            NpyDataType.UInt64 => Read<ulong>(stream, header, n, displayName),
            NpyDataType.Float16 => Read<Half>(stream, header, n, displayName),
            NpyDataType.Float32 => Read<float>(stream, header, n, displayName),
            NpyDataType.Float64 => Read<double>(stream, header, n, displayName),
            _ => throw new ArgumentOutOfRangeException(nameof(header), header.DataType, null),
        };
    }

    private static T[] Read<T>(Stream stream, NpyHeader header, int count, string displayName) where T : unmanaged
    {
        var data = new T[count];
        for (var start = 0; start < count; start += ChunkElements)
        {
            var chunk = data.AsSpan(start, Math.Min(ChunkElements, count - start));
            var bytes = MemoryMarshal.AsBytes(chunk);
            var read = stream.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
            if (read < bytes.Length)
            {
                var have = (long)start * header.ItemSize + read;
                throw new LabelErrorsInputException(displayName,
                    $"file is truncated: shape {header.ShapeText} of {header.Descr} needs {header.DataLength} data bytes, found {have}");
            }
            if (header.NeedsByteSwap)
                SwapInPlace(bytes, header.ItemSize);
        }
        return header.FortranOrder && header.Shape.Count == 2
            ? FortranToC(data, (int)header.Shape[0], (int)header.Shape[1])
            : data;
    }

    private static bool[] ReadBools(Stream stream, NpyHeader header, int count, string displayName)
    {
        var raw = Read<byte>(stream, header, count, displayName);
        var result = new bool[count];
        for (var i = 0; i < count; i++)
            result[i] = raw[i] != 0; // as numpy does: any non-zero byte is True
        return result;
    }

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
