using System.Formats.Tar;
using System.IO.Compression;
using System.Text.Json;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace LabelErrors.Core.Imaging;

/// <summary>
/// The bundled CIFAR-10 test set as JPEG files in a tar.gz, addressed by the study's index through
/// <c>test_index_to_filename.json</c> (index → "test/cat/0000.jpg"). The archive is small (3 MB), so it is read
/// once into memory and every lookup afterwards is a dictionary hit.
/// </summary>
public sealed class Cifar10JpegArchive
{
    private readonly IReadOnlyList<string> _indexToFile;
    private readonly Dictionary<string, byte[]> _files;

    private Cifar10JpegArchive(IReadOnlyList<string> indexToFile, Dictionary<string, byte[]> files)
    {
        _indexToFile = indexToFile;
        _files = files;
    }

    public int Count => _indexToFile.Count;

    /// <param name="tarGz">The gzip-compressed tar (its entries named like the index file's values).</param>
    /// <param name="indexJson">A JSON array of file names, position = study index.</param>
    public static Cifar10JpegArchive Read(Stream tarGz, Stream indexJson)
    {
        var index = JsonSerializer.Deserialize<string[]>(indexJson) ?? throw new InvalidDataException("the CIFAR-10 index file is not a JSON array of names");
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        using var gzip = new GZipStream(tarGz, CompressionMode.Decompress, leaveOpen: true);
        using var tar = new TarReader(gzip);
        while (tar.GetNextEntry() is { } entry)
        {
            if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile) || entry.DataStream is null)
                continue;
            using var buffer = new MemoryStream((int)entry.Length);
            entry.DataStream.CopyTo(buffer);
            files[Normalise(entry.Name)] = buffer.ToArray();
        }
        return new Cifar10JpegArchive(index, files);
    }

    /// <summary>The JPEG bytes of the example, or null when the index is out of range or its file is missing.</summary>
    public byte[]? GetJpeg(long index) =>
        index >= 0 && index < _indexToFile.Count && _files.TryGetValue(Normalise(_indexToFile[(int)index]), out var bytes) ? bytes : null;

    public Image<Rgb24>? Decode(long index) => GetJpeg(index) is { } jpeg ? Image.Load<Rgb24>(RenderConfiguration.Default, jpeg) : null;

    private static string Normalise(string name) => name.StartsWith("./", StringComparison.Ordinal) ? name[2..] : name;
}
