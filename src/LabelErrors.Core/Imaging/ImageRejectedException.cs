namespace LabelErrors.Core.Imaging;

/// <summary>An image was refused before or while decoding (unknown format, too large, too slow).</summary>
public sealed class ImageRejectedException(string reason, Exception? inner = null) : Exception(reason, inner);
