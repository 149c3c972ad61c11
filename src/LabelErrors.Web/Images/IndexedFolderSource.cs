using LabelErrors.Core.Content;
using LabelErrors.Core.Imaging;
using SixLabors.ImageSharp;

namespace LabelErrors.Web.Images;

/// <summary>
/// ImageNet / Caltech-256 photos from a configured folder, found through the study's bundled index file. The files
/// are the user's, so they are decoded with the safe decoder (size caps, time and memory bounds).
/// </summary>
public sealed class IndexedFolderSource(string? directory, BundledAssets? assets, string indexFile, SafeImageDecoder decoder) : IPixelSource
{
    private readonly Lazy<IndexedImageFolder?> _folder = new(() =>
    {
        if (string.IsNullOrWhiteSpace(directory) || !Directory.Exists(directory) || assets is null || !assets.Exists(indexFile))
            return null;
        using var json = assets.Open(indexFile);
        return new IndexedImageFolder(directory, IndexedImageFolder.ReadIndex(json));
    });

    public ContentSourceKind Kind => ContentSourceKind.ConfiguredFolder;
    public bool IsAvailable => _folder.Value is not null;

    public async Task<Image?> TryLoadAsync(long id, CancellationToken cancellationToken)
    {
        if (_folder.Value?.FindFile(id) is not { } path)
            return null;
        var length = new FileInfo(path).Length;
        if (length > decoder.Limits.MaxFileBytes)
            throw new ImageRejectedException($"{Path.GetFileName(path)} is {length:N0} bytes; the limit is {decoder.Limits.MaxFileBytes:N0}");
        var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        return await decoder.DecodeAsync(bytes, cancellationToken);
    }
}
