using LabelErrors.Core.Formats;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace LabelErrors.Core.Imaging;

/// <summary>
/// A folder of QuickDraw <c>numpy_bitmap</c> files (<c>&lt;class&gt;.npy</c>, uint8, N × 784). Only the headers are
/// read up front (for the per-class counts); a drawing is one positioned 784-byte read.
/// </summary>
public sealed class QuickDrawFolder
{
    public const int Side = 28;
    private const int RowLength = Side * Side;
    private readonly IReadOnlyList<ClassFile> _files;

    private QuickDrawFolder(IReadOnlyList<ClassFile> files)
    {
        _files = files;
        Index = new QuickDrawIndex(files.Select(f => f.Rows).ToArray());
    }

    public QuickDrawIndex Index { get; }

    /// <summary>Class names in label order (file names without .npy, sorted by ordinal comparison as Python's sorted()).</summary>
    public IReadOnlyList<string> ClassNames => _files.Select(f => Path.GetFileNameWithoutExtension(f.Path)).ToArray();

    /// <exception cref="InvalidDataException">A file is not a uint8 N × 784 array.</exception>
    public static QuickDrawFolder Open(string directory)
    {
        var files = new List<ClassFile>();
        foreach (var path in Directory.EnumerateFiles(directory, "*.npy").Order(StringComparer.Ordinal))
        {
            using var stream = File.OpenRead(path);
            var header = NpyHeader.Read(stream, Path.GetFileName(path));
            if (header.DataType != NpyDataType.UInt8 || header.FortranOrder || header.Shape.Count != 2 || header.Shape[1] != RowLength)
                throw new InvalidDataException($"{Path.GetFileName(path)} is not a QuickDraw numpy_bitmap file (uint8, N × {RowLength}, C order); it is {header.Descr} {header.ShapeText}");
            files.Add(new ClassFile(path, header.Shape[0], header.DataOffset));
        }
        return new QuickDrawFolder(files);
    }

    /// <summary>The raw 784 bytes of the drawing (0 = background, 255 = stroke).</summary>
    public byte[] ReadPixels(long globalIndex)
    {
        var (classIndex, row) = Index.Locate(globalIndex);
        var file = _files[classIndex];
        var pixels = new byte[RowLength];
        using var handle = File.OpenHandle(file.Path);
        if (RandomAccess.Read(handle, pixels, file.DataOffset + row * RowLength) != RowLength)
            throw new InvalidDataException($"{Path.GetFileName(file.Path)} is shorter than its header says");
        return pixels;
    }

    /// <summary>The drawing as the study shows it: dark strokes on white (the bitmap inverted).</summary>
    public Image<L8> ToImage(long globalIndex)
    {
        var pixels = ReadPixels(globalIndex);
        for (var i = 0; i < pixels.Length; i++)
            pixels[i] = (byte)(255 - pixels[i]);
        return Image.LoadPixelData<L8>(RenderConfiguration.Default, pixels, Side, Side);
    }

    private sealed record ClassFile(string Path, long Rows, long DataOffset);
}
