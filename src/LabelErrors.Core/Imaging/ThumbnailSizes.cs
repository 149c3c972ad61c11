namespace LabelErrors.Core.Imaging;

/// <summary>The sizes the image endpoint renders (longest side in pixels); a fixed set keeps the cache bounded.</summary>
public static class ThumbnailSizes
{
    public const int Default = 256;
    public static IReadOnlyList<int> Allowed { get; } = [64, 128, 256, 512];

    public static bool IsAllowed(int size) => Allowed.Contains(size);
}
