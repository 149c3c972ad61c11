using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.PixelFormats;

namespace LabelErrors.Core.Imaging;

/// <summary>
/// PNG encoding tuned for serving: grey images stay 8-bit grey, and a fast compression level (rendering is on the
/// request path once per key). Grey images here are upscaled digits and drawings: flat runs that deflate well
/// without row filters, and skipping the adaptive filter search makes encoding about 4× cheaper.
/// </summary>
public static class PngBytes
{
    private static readonly PngEncoder Grey = new() { ColorType = PngColorType.Grayscale, BitDepth = PngBitDepth.Bit8, CompressionLevel = PngCompressionLevel.Level3, FilterMethod = PngFilterMethod.None };
    private static readonly PngEncoder Colour = new() { ColorType = PngColorType.Rgb, BitDepth = PngBitDepth.Bit8, CompressionLevel = PngCompressionLevel.Level3 };

    public static byte[] Encode(Image image)
    {
        using var buffer = new MemoryStream();
        image.Save(buffer, image is Image<L8> ? Grey : Colour);
        return buffer.ToArray();
    }
}
