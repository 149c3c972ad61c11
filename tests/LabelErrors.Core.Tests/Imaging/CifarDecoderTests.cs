using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using LabelErrors.Core.Imaging;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace LabelErrors.Core.Tests.Imaging;

public sealed class CifarDecoderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("cifar").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void A_binary_batch_written_here_decodes_to_its_planes(int labelBytes)
    {
        // Three records; record r has label 10 + r and pixel i = (R: i % 256, G: r * 50, B: 255 - i % 256).
        var path = Path.Combine(_dir, "test_batch.bin");
        using (var file = File.Create(path))
        {
            for (var r = 0; r < 3; r++)
            {
                if (labelBytes == 2)
                    file.WriteByte(99); // CIFAR-100's coarse label comes first
                file.WriteByte((byte)(10 + r));
                for (var i = 0; i < 1024; i++) file.WriteByte((byte)(i % 256));
                for (var i = 0; i < 1024; i++) file.WriteByte((byte)(r * 50));
                for (var i = 0; i < 1024; i++) file.WriteByte((byte)(255 - i % 256));
            }
        }

        var batch = new CifarBinaryBatch(path, labelBytes);
        Assert.Equal(3, batch.Count);
        Assert.Equal(12, batch.ReadLabel(2));
        using var image = batch.ReadImage(2);
        Assert.Equal((32, 32), (image.Width, image.Height));
        Assert.Equal(new Rgb24(0, 100, 255), image[0, 0]);
        Assert.Equal(new Rgb24(37, 100, 218), image[5, 1]);   // i = 37
        Assert.Equal(new Rgb24(255, 100, 0), image[31, 7]);   // i = 255
        Assert.Throws<ArgumentOutOfRangeException>(() => batch.ReadImage(3));
    }

    [Fact]
    public void A_jpeg_archive_maps_study_indices_to_its_files()
    {
        // Lossless content inside the archive so the pixels can be compared exactly (ImageSharp sniffs the format).
        using var red = new Image<Rgb24>(32, 32, new Rgb24(200, 10, 10));
        using var blue = new Image<Rgb24>(32, 32, new Rgb24(10, 10, 200));
        var tarGz = new MemoryStream();
        using (var gzip = new GZipStream(tarGz, CompressionLevel.Fastest, leaveOpen: true))
        using (var tar = new TarWriter(gzip))
        {
            foreach (var (name, image) in new[] { ("test/cat/0000.jpg", red), ("test/ship/0000.jpg", blue) })
            {
                var png = new MemoryStream();
                image.SaveAsPng(png);
                png.Position = 0;
                tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = png });
            }
        }
        tarGz.Position = 0;
        var index = new MemoryStream(Encoding.UTF8.GetBytes("""["test/ship/0000.jpg", "test/cat/0000.jpg", "test/dog/0000.jpg"]"""));

        var archive = Cifar10JpegArchive.Read(tarGz, index);

        Assert.Equal(3, archive.Count);
        using (var first = archive.Decode(0)!)
            Assert.Equal(new Rgb24(10, 10, 200), first[16, 16]);
        using (var second = archive.Decode(1)!)
            Assert.Equal(new Rgb24(200, 10, 10), second[3, 30]);
        Assert.Null(archive.GetJpeg(2));   // listed in the index, missing from the archive
        Assert.Null(archive.GetJpeg(3));
        Assert.Null(archive.GetJpeg(-1));
    }

    [Fact]
    public void The_bundled_archive_decodes_test_index_0_a_cat()
    {
        using var tarGz = TestImages.Bundle.Open("content/cifar10/cifar10_test_jpg.tar.gz");
        using var index = TestImages.Bundle.Open("content/cifar10/test_index_to_filename.json");
        var archive = Cifar10JpegArchive.Read(tarGz, index);

        Assert.Equal(10_000, archive.Count);
        using var cat = archive.Decode(0)!;
        Assert.Equal((32, 32), (cat.Width, cat.Height));
        Assert.Equal("b430514a8ed2c7ca", TestImages.PixelHash(cat));
        using var thumb = Thumbnail.Render(cat, 256);
        TestImages.SaveForReview(thumb, "cifar10-0-256");
    }
}
