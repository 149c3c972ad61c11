using System.Buffers.Binary;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace LabelErrors.Core.Imaging;

/// <summary>
/// An IDX3 image file as MNIST ships it: big-endian header (magic 0x00000803, count, rows, columns), then one
/// unsigned byte per pixel, row by row, image after image. Kept whole in memory (7.8 MB for the test set).
/// </summary>
public sealed class MnistIdxImages
{
    private const int Magic = 0x00000803;
    private const int HeaderLength = 16;
    private readonly byte[] _pixels;

    private MnistIdxImages(byte[] pixels, int count, int rows, int columns)
    {
        _pixels = pixels;
        Count = count;
        Rows = rows;
        Columns = columns;
    }

    public int Count { get; }
    public int Rows { get; }
    public int Columns { get; }

    /// <exception cref="InvalidDataException">Not an IDX3 unsigned-byte file, or truncated.</exception>
    public static MnistIdxImages Read(Stream stream)
    {
        Span<byte> header = stackalloc byte[HeaderLength];
        stream.ReadExactly(header);
        var magic = BinaryPrimitives.ReadInt32BigEndian(header);
        if (magic != Magic)
            throw new InvalidDataException($"not an IDX3 unsigned-byte image file (magic 0x{magic:x8}, expected 0x{Magic:x8})");
        var count = BinaryPrimitives.ReadInt32BigEndian(header[4..]);
        var rows = BinaryPrimitives.ReadInt32BigEndian(header[8..]);
        var columns = BinaryPrimitives.ReadInt32BigEndian(header[12..]);
        if (count < 0 || rows is <= 0 or > 4096 || columns is <= 0 or > 4096)
            throw new InvalidDataException($"implausible IDX3 dimensions {count} × {rows} × {columns}");

        var pixels = GC.AllocateUninitializedArray<byte>(checked(count * rows * columns));
        try
        {
            stream.ReadExactly(pixels);
        }
        catch (EndOfStreamException)
        {
            throw new InvalidDataException($"IDX3 file is truncated: the header announces {count} images of {rows} × {columns}");
        }
        return new MnistIdxImages(pixels, count, rows, columns);
    }

    /// <summary>The raw grey bytes of one image (0 = black background, 255 = ink), row by row.</summary>
    public ReadOnlySpan<byte> Pixels(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        var length = Rows * Columns;
        return _pixels.AsSpan(index * length, length);
    }

    public Image<L8> ToImage(int index) => Image.LoadPixelData<L8>(RenderConfiguration.Default, Pixels(index), Columns, Rows);
}
