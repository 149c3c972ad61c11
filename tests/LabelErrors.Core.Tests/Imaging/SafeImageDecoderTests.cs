using LabelErrors.Core.Imaging;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace LabelErrors.Core.Tests.Imaging;

public sealed class SafeImageDecoderTests
{
    private static byte[] Png(int width, int height)
    {
        using var image = new Image<Rgb24>(width, height, new Rgb24(1, 2, 3));
        using var buffer = new MemoryStream();
        image.SaveAsPng(buffer);
        return buffer.ToArray();
    }

    [Fact]
    public async Task A_small_image_decodes()
    {
        using var image = await new SafeImageDecoder().DecodeAsync(Png(40, 30), CancellationToken.None);
        Assert.Equal((40, 30), (image.Width, image.Height));
        Assert.Equal(new Rgb24(1, 2, 3), image[39, 29]);
    }

    [Fact]
    public async Task Images_above_the_size_cap_are_refused_before_decoding()
    {
        var decoder = new SafeImageDecoder(new ImageDecodeLimits(MaxSide: 1000, MaxPixels: 200_000));
        var wide = await Assert.ThrowsAsync<ImageRejectedException>(() => decoder.DecodeAsync(Png(1001, 2), CancellationToken.None));
        Assert.Contains("1001 × 2", wide.Message);
        await Assert.ThrowsAsync<ImageRejectedException>(() => decoder.DecodeAsync(Png(500, 500), CancellationToken.None));
    }

    [Fact]
    public async Task Bytes_that_are_not_an_image_are_refused()
    {
        await Assert.ThrowsAsync<ImageRejectedException>(() => new SafeImageDecoder().DecodeAsync("not an image at all"u8.ToArray(), CancellationToken.None));
        var truncated = Png(64, 64)[..40];
        await Assert.ThrowsAnyAsync<Exception>(() => new SafeImageDecoder().DecodeAsync(truncated, CancellationToken.None));
    }

    [Fact]
    public void A_header_that_claims_a_huge_image_is_refused_by_identify_alone()
    {
        // A PNG whose IHDR says 50,000 × 50,000: identify reads only the header, nothing is allocated.
        var png = Png(1, 1);
        png[16] = 0; png[17] = 0; png[18] = 0xC3; png[19] = 0x50; // width 50,000
        png[20] = 0; png[21] = 0; png[22] = 0xC3; png[23] = 0x50; // height 50,000
        Assert.Throws<ImageRejectedException>(() => new SafeImageDecoder().Inspect(png));
    }
}
