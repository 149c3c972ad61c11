using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Processing;

namespace LabelErrors.Core.Imaging;

/// <summary>Scales an example's image to the requested size.</summary>
public static class Thumbnail
{
    /// <summary>Images this small (MNIST 28 px, CIFAR 32 px, QuickDraw 28 px) are pixel grids, not photos.</summary>
    public const int TinySide = 64;

    /// <summary>
    /// A new image whose longest side is <paramref name="size"/>, aspect kept. Tiny images are scaled with
    /// nearest-neighbour so their pixels stay crisp squares; photos with Lanczos-3.
    /// </summary>
    public static Image Render(Image source, int size) => Render(source, new Size(size, size));

    /// <summary>A new image that fits inside <paramref name="box"/>, aspect kept, with the same resampler choice.</summary>
    public static Image Render(Image source, Size box)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Math.Min(box.Width, box.Height), 1);
        var tiny = Math.Max(source.Width, source.Height) <= TinySide;
        return source.Clone(RenderConfiguration.Default, x => x.Resize(new ResizeOptions
        {
            Size = box,
            Mode = ResizeMode.Max,
            Sampler = tiny ? KnownResamplers.NearestNeighbor : KnownResamplers.Lanczos3,
        }));
    }
}
