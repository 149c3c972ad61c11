using System.Runtime.InteropServices;
using LabelErrors.Core.Validation;
using LabelErrors.Core.ConfidentLearning;

namespace LabelErrors.Core.Formats;

/// <summary>
/// Reads a Fortran-order (column-major) N×K float .npy straight into the row-major matrix the algorithms use: the file
/// is read in blocks and each value is written to its row-major place, so nothing holds a transposed second copy of a
/// matrix that may be gigabytes (the generic element reader transposes a whole loaded copy). Precision is kept as
/// the core keeps it (f2, f4, f8). Other dtypes and non-native byte order return null: the caller uses the generic reader.
/// </summary>
internal static class FortranOrderPredProbs
{
    private const int BlockBytes = 1 << 20;

    /// <summary>The matrix, or null when this reader does not handle the file's dtype (the caller falls back).</summary>
    public static PredProbs? TryRead(Stream stream, NpyHeader header, string displayName)
    {
        if (!header.FortranOrder || header.Shape.Count != 2 || header.NeedsByteSwap)
            return null;
        InputValidator.RequirePredProbsShape(displayName, header.Shape);
        int rows = checked((int)header.Shape[0]), columns = checked((int)header.Shape[1]);
        stream.Position = header.DataOffset;
        return header.DataType switch
        {
            NpyDataType.Float32 => PredProbs.FromSingle(Read<float>(stream, header, rows, columns, displayName), rows, columns),
            NpyDataType.Float64 => PredProbs.FromDouble(Read<double>(stream, header, rows, columns, displayName), rows, columns),
            NpyDataType.Float16 => PredProbs.FromHalf(Read<Half>(stream, header, rows, columns, displayName), rows, columns),
            _ => null,
        };
    }

    private static T[] Read<T>(Stream stream, NpyHeader header, int rows, int columns, string displayName) where T : unmanaged
    {
        var available = stream.Length - header.DataOffset;
        if (available < header.DataLength)
            throw new LabelErrorsInputException(displayName,
                $"file is truncated: shape {header.ShapeText} of {header.Descr} needs {header.DataLength} data bytes, found {Math.Max(0, available)}");

        var matrix = new T[checked(rows * columns)];
        var block = new byte[BlockBytes - BlockBytes % header.ItemSize];
        // The file walks down each column: element (row, column) is the (column·rows + row)-th value.
        int row = 0, column = 0;
        for (var remaining = header.DataLength; remaining > 0;)
        {
            var count = (int)Math.Min(block.Length, remaining);
            stream.ReadExactly(block, 0, count);
            remaining -= count;
            foreach (var value in MemoryMarshal.Cast<byte, T>(block.AsSpan(0, count)))
            {
                matrix[row * columns + column] = value;
                if (++row == rows)
                {
                    row = 0;
                    column++;
                }
            }
        }
        return matrix;
    }
}
