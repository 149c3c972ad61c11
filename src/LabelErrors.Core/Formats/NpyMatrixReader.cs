using System.Buffers;
using System.Runtime.InteropServices;
using LabelErrors.Core.Validation;
using Microsoft.Win32.SafeHandles;

namespace LabelErrors.Core.Formats;

/// <summary>
/// Reads a 2-D C-order .npy matrix in blocks of rows straight from the file, so that an algorithm can make
/// several passes over a matrix larger than memory. Reads are positional (no shared file position),
/// so one reader can serve concurrent passes. Supported: little-endian (or single-byte) numeric dtypes, C order.
/// </summary>
public sealed class NpyMatrixReader : IDisposable
{
    private readonly SafeFileHandle _handle;
    private readonly int _rowBytes;

    private NpyMatrixReader(string displayName, SafeFileHandle handle, NpyHeader header)
    {
        DisplayName = displayName;
        _handle = handle;
        Header = header;
        Rows = header.Shape[0];
        Columns = checked((int)header.Shape[1]);
        _rowBytes = checked(Columns * header.ItemSize);
    }

    public string DisplayName { get; }

    public NpyHeader Header { get; }

    public long Rows { get; }

    public int Columns { get; }

    public static NpyMatrixReader Open(string path)
    {
        var (header, handle) = OpenRowMajor(path);
        return new NpyMatrixReader(path, handle, header);
    }

    /// <summary>
    /// Reads and checks the header of a 2-D pred_probs .npy that is to be read in blocks of rows (C order, native byte
    /// order, not truncated) and opens the file for positional reads; the caller owns the handle. Shared by every
    /// reader that streams such a file, so they accept and refuse the same files with the same messages.
    /// </summary>
    internal static (NpyHeader Header, SafeFileHandle Handle) OpenRowMajor(string path)
    {
        NpyHeader header;
        using (var stream = FileErrors.OpenRead(path))
            header = NpyHeader.Read(stream, path);

        InputValidator.RequirePredProbsShape(path, header.Shape);
        if (header.FortranOrder)
            throw new LabelErrorsInputException(path, "streaming needs a C-order (row-major) array; this one is Fortran order (np.ascontiguousarray fixes it)");
        if (header.NeedsByteSwap)
            throw new LabelErrorsInputException(path, $"streaming needs native byte order; dtype '{header.Descr}' is not (astype('<{header.Descr[1..]}') fixes it)");
        if (header.Shape[1] > int.MaxValue / header.ItemSize)
            throw new LabelErrorsInputException(path, $"shape {header.ShapeText} has too many columns");

        var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.RandomAccess);
        try
        {
            var available = RandomAccess.GetLength(handle) - header.DataOffset;
            if (available < header.DataLength)
                throw new LabelErrorsInputException(path,
                    $"file is truncated: shape {header.ShapeText} of {header.Descr} needs {header.DataLength} data bytes, found {Math.Max(0, available)}");
            return (header, handle);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Reads as many whole rows starting at <paramref name="firstRow"/> as fit in <paramref name="destination"/>
    /// (row-major, widened to double). Returns the number of rows read (0 at the end).
    /// </summary>
    public int ReadRows(long firstRow, Span<double> destination) => ReadRowsCore(firstRow, destination);

    /// <summary>Like <see cref="ReadRows(long, Span{double})"/> but into float (f8 data is rounded).</summary>
    public int ReadRows(long firstRow, Span<float> destination) => ReadRowsCore(firstRow, destination);

    /// <summary>Enumerates the matrix in blocks of up to <paramref name="rowsPerBlock"/> rows; the buffer is reused between blocks.</summary>
    public IEnumerable<NpyRowBlock> EnumerateBlocks(int rowsPerBlock, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rowsPerBlock, 1);
        var buffer = new double[checked(rowsPerBlock * Columns)];
        for (long row = 0; row < Rows;)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var count = ReadRows(row, buffer);
            yield return new NpyRowBlock(row, count, Columns, buffer);
            row += count;
        }
    }

    private int ReadRowsCore<T>(long firstRow, Span<T> destination) where T : unmanaged
    {
        ArgumentOutOfRangeException.ThrowIfNegative(firstRow);
        if (firstRow >= Rows)
            return 0;
        var rowCount = (int)Math.Min(destination.Length / Columns, Rows - firstRow);
        if (rowCount == 0)
            throw new ArgumentException($"destination must hold at least one row ({Columns} values)", nameof(destination));

        var byteCount = rowCount * _rowBytes;
        var rented = ArrayPool<byte>.Shared.Rent(byteCount);
        try
        {
            var bytes = rented.AsSpan(0, byteCount);
            var offset = Header.DataOffset + firstRow * _rowBytes;
            var total = 0;
            while (total < byteCount)
            {
                var read = RandomAccess.Read(_handle, bytes[total..], offset + total);
                if (read == 0)
                    throw new LabelErrorsInputException(DisplayName, "file became shorter while it was being read");
                total += read;
            }
            Widen(bytes, destination[..(rowCount * Columns)]);
            return rowCount;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private void Widen<T>(ReadOnlySpan<byte> bytes, Span<T> destination) where T : unmanaged
    {
        if (typeof(T) == typeof(double))
            NpyWidening.ToDouble(Header.DataType, bytes, MemoryMarshal.Cast<T, double>(destination));
        else
            NpyWidening.ToSingle(Header.DataType, bytes, MemoryMarshal.Cast<T, float>(destination));
    }

    public void Dispose() => _handle.Dispose();
}
