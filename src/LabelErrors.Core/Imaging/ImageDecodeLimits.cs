namespace LabelErrors.Core.Imaging;

/// <summary>
/// Bounds for decoding images that come from outside the study's bundle (configured folders, remote files, uploads):
/// crafted images have been reported against ImageSharp, so dimensions are checked before any pixel is decoded.
/// </summary>
public sealed record ImageDecodeLimits(int MaxSide = 4096, long MaxPixels = 16_000_000, long MaxFileBytes = 32 * 1024 * 1024, int AllocationLimitMegabytes = 256, TimeSpan? Timeout = null)
{
    public static ImageDecodeLimits Default { get; } = new();

    public TimeSpan DecodeTimeout => Timeout ?? TimeSpan.FromSeconds(10);
}
