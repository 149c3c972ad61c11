using System.Buffers.Binary;
using System.IO.Compression;
using LabelErrors.Core.Imaging;
using SixLabors.ImageSharp.PixelFormats;

namespace LabelErrors.Core.Tests.Imaging;

public sealed class MnistIdxImagesTests
{
    private static readonly Lazy<MnistIdxImages> Bundled = new(() =>
    {
        using var stream = TestImages.Bundle.Open("content/mnist/t10k-images-idx3-ubyte");
        return MnistIdxImages.Read(stream);
    });

    [Fact]
    public void The_bundled_test_set_has_10000_images_of_28_by_28()
    {
        Assert.Equal(10_000, Bundled.Value.Count);
        Assert.Equal(28, Bundled.Value.Rows);
        Assert.Equal(28, Bundled.Value.Columns);
    }

    [Fact]
    public void Test_index_0_is_a_7_and_its_pixels_are_the_idx_bytes()
    {
        // Read the raw .gz independently: header 16 bytes, then image 0's 784 bytes.
        var raw = new byte[16 + 784];
        using (var gz = new GZipStream(File.OpenRead(Path.Combine(TestImages.Bundle.Root, "content/mnist/t10k-images-idx3-ubyte.gz")), CompressionMode.Decompress))
            gz.ReadExactly(raw);
        var labels = TestImages.Bundle.ReadAllBytes("content/mnist/t10k-labels-idx1-ubyte");
        Assert.Equal(7, labels[8]);

        using var image = Bundled.Value.ToImage(0);
        Assert.Equal(28, image.Width);
        foreach (var (x, y) in new[] { (0, 0), (10, 7), (14, 9), (20, 8), (18, 15), (12, 22), (27, 27) })
            Assert.Equal(raw[16 + y * 28 + x], image[x, y].PackedValue);
        // A 7: ink along the top bar and down the stroke, none in the corners.
        Assert.Equal(0, image[0, 0].PackedValue);
        Assert.True(Enumerable.Range(6, 14).Count(x => image[x, 8].PackedValue > 128) >= 8, "the 7's top bar");
    }

    [Fact]
    public void Golden_pixels_of_image_0_at_256_px()
    {
        using var image = Bundled.Value.ToImage(0);
        using var thumb = (SixLabors.ImageSharp.Image<L8>)Thumbnail.Render(image, 256);
        TestImages.SaveForReview(thumb, "mnist-0-256");
        Assert.Equal("c83c810e3a0a1922", TestImages.PixelHash(thumb));
    }

    [Fact]
    public void A_small_idx_file_reads_exactly_and_bad_files_are_refused()
    {
        var bytes = new byte[16 + 2 * 6];
        BinaryPrimitives.WriteInt32BigEndian(bytes, 0x803);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4), 2);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(8), 2);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(12), 3);
        for (var i = 0; i < 12; i++)
            bytes[16 + i] = (byte)(i * 20);

        var idx = MnistIdxImages.Read(new MemoryStream(bytes));
        Assert.Equal(2, idx.Count);
        Assert.Equal(new byte[] { 120, 140, 160, 180, 200, 220 }, idx.Pixels(1).ToArray());
        using var second = idx.ToImage(1);
        Assert.Equal((3, 2), (second.Width, second.Height));
        Assert.Equal(180, second[0, 1].PackedValue);
        Assert.Throws<ArgumentOutOfRangeException>(() => idx.Pixels(2).ToArray());

        Assert.Throws<InvalidDataException>(() => MnistIdxImages.Read(new MemoryStream(bytes[..20])));
        bytes[3] = 0x01; // IDX1 (labels), not images
        Assert.Throws<InvalidDataException>(() => MnistIdxImages.Read(new MemoryStream(bytes)));
    }
}
