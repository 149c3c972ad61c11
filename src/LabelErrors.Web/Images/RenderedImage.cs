namespace LabelErrors.Web.Images;

/// <summary>A PNG ready to send, its strong ETag, and whether it is the real content (placeholders are not cached for long).</summary>
public sealed record RenderedImage(byte[] Png, string ETag, bool IsPlaceholder)
{
    /// <summary>Bytes this entry costs in the memory cache (the PNG plus bookkeeping).</summary>
    public long CacheSize => Png.LongLength + 256;
}
