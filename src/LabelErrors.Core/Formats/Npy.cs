using System.Runtime.InteropServices;
using System.Text;
using LabelErrors.Core.Validation;
using LabelErrors.Core.ConfidentLearning;

namespace LabelErrors.Core.Formats;

/// <summary>
/// Reading and writing numpy .npy files. Only numeric and bool dtypes are read; object arrays are
/// refused because loading them means unpickling. Errors are <see cref="LabelErrorsInputException"/>.
/// </summary>
public static class Npy
{
    public static NpyArray Load(string path)
    {
        using var stream = FileErrors.OpenRead(path);
        return Load(stream, path);
    }

    public static NpyArray Load(Stream stream, string displayName)
    {
        var header = NpyHeader.Read(stream, displayName);
        var data = NpyElementReader.Read(stream, header, displayName);
        return new NpyArray(displayName, header, data);
    }

    /// <summary>Async <see cref="Load(Stream, string)"/> for streams that only read asynchronously (browser uploads).</summary>
    public static async Task<NpyArray> LoadAsync(Stream stream, string displayName, CancellationToken cancellationToken = default)
    {
        var header = await NpyHeader.ReadAsync(stream, displayName, cancellationToken);
        var data = await NpyElementReader.ReadAsync(stream, header, displayName, cancellationToken);
        return new NpyArray(displayName, header, data);
    }

    /// <summary>Reads a 1-D array of class labels (integers, bools, or floats holding exact integers).</summary>
    public static int[] ReadLabels(string path) => ToLabels(Load(path));

    public static int[] ReadLabels(Stream stream, string displayName) => ToLabels(Load(stream, displayName));

    /// <summary>Converts a loaded array to labels; rows in errors are 0-based example indices.</summary>
    public static int[] ToLabels(NpyArray array)
    {
        InputValidator.RequireLabelsShape(array.DisplayName, array.Shape);
        return LabelArrayConversion.ToLabels(array);
    }

    /// <summary>Reads a 2-D N×K array of predicted probabilities, keeping f2/f4/f8 precision (integers become double).</summary>
    public static PredProbs ReadPredProbs(string path)
    {
        using var stream = FileErrors.OpenRead(path);
        return ReadPredProbs(stream, path);
    }

    public static PredProbs ReadPredProbs(Stream stream, string displayName)
    {
        // A Fortran-order float matrix goes straight into row-major order, never holding a transposed second copy.
        if (stream.CanSeek && stream.Position == 0)
        {
            var header = NpyHeader.Read(stream, displayName);
            if (FortranOrderPredProbs.TryRead(stream, header, displayName) is { } columnMajor)
                return columnMajor;
            stream.Position = 0;
        }
        return ToPredProbs(Load(stream, displayName));
    }

    public static PredProbs ToPredProbs(NpyArray array)
    {
        InputValidator.RequirePredProbsShape(array.DisplayName, array.Shape);
        int rows = (int)array.Shape[0], columns = (int)array.Shape[1];
        return array.DataType switch
        {
            NpyDataType.Float64 => PredProbs.FromDouble(array.GetData<double>(), rows, columns),
            NpyDataType.Float32 => PredProbs.FromSingle(array.GetData<float>(), rows, columns),
            NpyDataType.Float16 => PredProbs.FromHalf(array.GetData<Half>(), rows, columns),
            _ => PredProbs.FromDouble(array.ToDoubleArray(), rows, columns),
        };
    }

    public static void Write(string path, ReadOnlySpan<long> data, params ReadOnlySpan<long> shape)
    {
        using var stream = File.Create(path);
        Write(stream, data, shape);
    }

    public static void Write(string path, ReadOnlySpan<double> data, params ReadOnlySpan<long> shape)
    {
        using var stream = File.Create(path);
        Write(stream, data, shape);
    }

    public static void Write(string path, ReadOnlySpan<float> data, params ReadOnlySpan<long> shape)
    {
        using var stream = File.Create(path);
        Write(stream, data, shape);
    }

    public static void Write(string path, ReadOnlySpan<Half> data, params ReadOnlySpan<long> shape)
    {
        using var stream = File.Create(path);
        Write(stream, data, shape);
    }

    /// <summary>Writes a float16 array (1-D or 2-D, C order).</summary>
    public static void Write(Stream stream, ReadOnlySpan<Half> data, params ReadOnlySpan<long> shape) => WriteCore(stream, data, "<f2", shape);

    /// <summary>
    /// Writes only the header of a little-endian C-order array of <paramref name="descr"/> ('&lt;f2', '&lt;f4', '&lt;f8' or '&lt;i8');
    /// the caller then writes the elements in row-major order, e.g. in chunks for arrays larger than memory.
    /// </summary>
    public static void WriteHeader(Stream stream, string descr, params ReadOnlySpan<long> shape)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (descr is not ("<f2" or "<f4" or "<f8" or "<i8"))
            throw new ArgumentException($"descr '{descr}' is not written by this method", nameof(descr));
        if (shape.Length is not (1 or 2))
            throw new ArgumentException("only 1-D and 2-D arrays are written", nameof(shape));
        stream.Write(HeaderBytes(descr, shape));
    }

    /// <summary>Writes an int64 array (1-D or 2-D, C order).</summary>
    public static void Write(Stream stream, ReadOnlySpan<long> data, params ReadOnlySpan<long> shape) => WriteCore(stream, data, "<i8", shape);

    /// <summary>Writes a float64 array (1-D or 2-D, C order).</summary>
    public static void Write(Stream stream, ReadOnlySpan<double> data, params ReadOnlySpan<long> shape) => WriteCore(stream, data, "<f8", shape);

    /// <summary>Writes a float32 array (1-D or 2-D, C order).</summary>
    public static void Write(Stream stream, ReadOnlySpan<float> data, params ReadOnlySpan<long> shape) => WriteCore(stream, data, "<f4", shape);

    private static void WriteCore<T>(Stream stream, ReadOnlySpan<T> data, string descr, ReadOnlySpan<long> shape) where T : unmanaged
    {
        if (shape.Length is not (1 or 2))
            throw new ArgumentException("only 1-D and 2-D arrays are written", nameof(shape));
        long count = 1;
        foreach (var d in shape)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(d, nameof(shape));
            count = checked(count * d);
        }
        if (count != data.Length)
            throw new ArgumentException($"shape holds {count} elements but data has {data.Length}", nameof(data));

        stream.Write(HeaderBytes(descr, shape));

        var bytes = MemoryMarshal.AsBytes(data);
        if (BitConverter.IsLittleEndian)
        {
            stream.Write(bytes);
            return;
        }
        var buffer = bytes.ToArray();
        NpyElementReader.SwapInPlace(buffer, Marshal.SizeOf<T>());
        stream.Write(buffer);
    }

    private static byte[] HeaderBytes(string descr, ReadOnlySpan<long> shape)
    {
        var shapeText = shape.Length == 1 ? $"({shape[0]},)" : $"({shape[0]}, {shape[1]})";
        var dict = $"{{'descr': '{descr}', 'fortran_order': False, 'shape': {shapeText}, }}";
        // As numpy does: pad with spaces and end with '\n' so that the data starts on a 64-byte boundary.
        const int preambleLength = 10; // magic (6) + version (2) + header length (2)
        var total = preambleLength + dict.Length + 1;
        var padded = dict + new string(' ', (64 - total % 64) % 64) + "\n";
        var header = new byte[preambleLength + padded.Length];
        header[0] = 0x93;
        "NUMPY"u8.CopyTo(header.AsSpan(1));
        header[6] = 1;
        header[7] = 0;
        header[8] = (byte)(padded.Length & 0xFF);
        header[9] = (byte)(padded.Length >> 8);
        Encoding.Latin1.GetBytes(padded, header.AsSpan(preambleLength));
        return header;
    }
}
