using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace LabelErrors.Core.Imaging;

/// <summary>
/// The CIFAR "binary version" record layout: label byte(s) (1 for CIFAR-10; coarse then fine for CIFAR-100), then
/// 1024 red, 1024 green and 1024 blue bytes of a 32 × 32 image, row by row. Records are fixed-size, so one image is
/// read with a single positioned read, without loading the batch.
/// </summary>
public sealed class CifarBinaryBatch(string path, int labelBytes)
{
    public const int Side = 32;
    private const int Plane = Side * Side;

    public string Path { get; } = path;
    public int LabelBytes { get; } = labelBytes is 1 or 2 ? labelBytes : throw new ArgumentOutOfRangeException(nameof(labelBytes), "CIFAR records have 1 or 2 label bytes");
    public int RecordLength => LabelBytes + 3 * Plane;

    /// <summary>Number of whole records in the file.</summary>
    public long Count => new FileInfo(Path).Length / RecordLength;

    /// <summary>The last label byte of the record: the CIFAR-10 label, or CIFAR-100's fine label.</summary>
    public int ReadLabel(long index) => ReadRecord(index)[LabelBytes - 1];

    public Image<Rgb24> ReadImage(long index)
    {
        var record = ReadRecord(index);
        var planes = record.AsSpan(LabelBytes);
        var interleaved = new byte[3 * Plane];
        for (var i = 0; i < Plane; i++)
        {
            interleaved[3 * i] = planes[i];
            interleaved[3 * i + 1] = planes[Plane + i];
            interleaved[3 * i + 2] = planes[2 * Plane + i];
        }
        return Image.LoadPixelData<Rgb24>(RenderConfiguration.Default, interleaved, Side, Side);
    }

    private byte[] ReadRecord(long index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        using var handle = File.OpenHandle(Path);
        var record = new byte[RecordLength];
        var read = RandomAccess.Read(handle, record, checked(index * RecordLength));
        if (read != RecordLength)
            throw new ArgumentOutOfRangeException(nameof(index), $"record {index} is past the end of {Path}");
        return record;
    }
}
