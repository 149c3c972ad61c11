using System.Numerics;
using System.Runtime.InteropServices;
using LabelErrors.Core.Formats;
using LabelErrors.Core.Validation;
using Microsoft.Win32.SafeHandles;

namespace LabelErrors.Core.ConfidentLearning.Streaming;

/// <summary>
/// A pred_probs <c>.npy</c> file (float16, float32 or float64, native byte order, C order) read in row blocks with
/// positional reads, so concurrent passes share one handle. Positional reads rather than a memory mapping: pages of a
/// mapping count towards the process's resident set, which would then grow to the file size (the OS page cache
/// still keeps the file in memory between passes when there is room).
/// </summary>
public static class NpyPredProbsFile
{
    /// <summary>Opens <paramref name="path"/>; throws <see cref="LabelErrorsInputException"/> for unsupported files.</summary>
    public static PredProbsSource Open(string path)
    {
        var (header, handle) = NpyMatrixReader.OpenRowMajor(path);
        try
        {
            if (header.Shape[0] > int.MaxValue)
                throw new LabelErrorsInputException(path, $"shape {header.ShapeText} has more than 2^31 - 1 rows");
            return header.DataType switch
            {
                NpyDataType.Float16 => new FileSource<Half>(path, handle, header),
                NpyDataType.Float32 => new FileSource<float>(path, handle, header),
                NpyDataType.Float64 => new FileSource<double>(path, handle, header),
                _ => throw new LabelErrorsInputException(path, $"streaming needs float16, float32 or float64 pred_probs; dtype is '{header.Descr}'"),
            };
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    private sealed class FileSource<T>(string path, SafeFileHandle handle, NpyHeader header)
        : PredProbsSource<T>(header.Shape[0], (int)header.Shape[1])
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        public override ReadOnlySpan<T> ReadRows(int firstRow, int rowCount, Span<T> buffer)
        {
            var values = buffer[..checked(rowCount * K)];
            var bytes = MemoryMarshal.AsBytes(values);
            long offset = header.DataOffset + (long)firstRow * RowBytes;
            int total = 0;
            while (total < bytes.Length)
            {
                int read = RandomAccess.Read(handle, bytes[total..], offset + total);
                if (read == 0) throw new LabelErrorsInputException(path, "file became shorter while it was being read");
                total += read;
            }

            return values;
        }

        internal override void WillRead(int firstRow, int rowCount) =>
            FileReadAhead.Hint(handle, header.DataOffset + (long)firstRow * RowBytes, (long)rowCount * RowBytes);

        protected override void Dispose(bool disposing)
        {
            if (disposing) handle.Dispose();
            base.Dispose(disposing);
        }
    }
}
