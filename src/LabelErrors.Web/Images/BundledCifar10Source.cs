using LabelErrors.Core.Content;
using LabelErrors.Core.Imaging;
using SixLabors.ImageSharp;

namespace LabelErrors.Web.Images;

/// <summary>CIFAR-10 test images from the bundled JPEG archive, read into memory on first use (3 MB).</summary>
public sealed class BundledCifar10Source(BundledAssets? assets) : IPixelSource
{
    public const string ArchiveFile = "content/cifar10/cifar10_test_jpg.tar.gz";
    public const string IndexFile = "content/cifar10/test_index_to_filename.json";
    private readonly Lazy<Cifar10JpegArchive?> _archive = new(() =>
    {
        if (assets is null || !assets.Exists(ArchiveFile) || !assets.Exists(IndexFile))
            return null;
        using var tar = assets.Open(ArchiveFile);
        using var index = assets.Open(IndexFile);
        return Cifar10JpegArchive.Read(tar, index);
    });

    public ContentSourceKind Kind => ContentSourceKind.Bundled;
    public bool IsAvailable => assets?.Exists(ArchiveFile) == true && assets.Exists(IndexFile);

    // The bundled JPEGs are our own files (32 × 32), not user input: decoded directly.
    public Task<Image?> TryLoadAsync(long id, CancellationToken cancellationToken) =>
        Task.FromResult<Image?>(_archive.Value?.Decode(id));
}
