using LabelErrors.Core.Content;
using LabelErrors.Core.Imaging;
using SixLabors.ImageSharp;

namespace LabelErrors.Web.Images;

/// <summary>MNIST test images from the bundled IDX file, read into memory on first use.</summary>
public sealed class BundledMnistSource(BundledAssets? assets) : IPixelSource
{
    public const string ImagesFile = "content/mnist/t10k-images-idx3-ubyte";
    private readonly Lazy<MnistIdxImages?> _images = new(() =>
    {
        if (assets is null || !assets.Exists(ImagesFile))
            return null;
        using var stream = assets.Open(ImagesFile);
        return MnistIdxImages.Read(stream);
    });

    public ContentSourceKind Kind => ContentSourceKind.Bundled;
    public bool IsAvailable => assets?.Exists(ImagesFile) == true;

    public Task<Image?> TryLoadAsync(long id, CancellationToken cancellationToken) =>
        Task.FromResult<Image?>(_images.Value is { } idx && id >= 0 && id < idx.Count ? idx.ToImage((int)id) : null);
}
