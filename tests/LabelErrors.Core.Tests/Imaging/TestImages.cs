using System.Security.Cryptography;
using System.Text;
using LabelErrors.Core.Content;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace LabelErrors.Core.Tests.Imaging;

/// <summary>Helpers for the imaging tests: the repository's bundle, pixel hashes, small files in the study's layouts.</summary>
internal static class TestImages
{
    public static BundledAssets Bundle =>
        BundledAssets.FindFrom(AppContext.BaseDirectory) ?? throw new InvalidOperationException("wwwroot-assets not found above the test binaries");

    /// <summary>Writes the image to TestResults/images so a person can look at what the decoders produce.</summary>
    public static void SaveForReview(Image image, string name)
    {
        var dir = Environment.GetEnvironmentVariable("LABELERRORS_TEST_RESULTS") is { Length: > 0 } fromEnv
            ? fromEnv
            : Path.Combine(Bundle.Root, "..", "TestResults");
        Directory.CreateDirectory(Path.Combine(dir, "images"));
        image.SaveAsPng(Path.Combine(dir, "images", name + ".png"));
    }

    /// <summary>SHA-256 of the pixels (not of an encoding), so the hash only changes when what a person sees changes.</summary>
    public static string PixelHash<TPixel>(Image<TPixel> image) where TPixel : unmanaged, IPixel<TPixel>
    {
        var bytes = new byte[image.Width * image.Height * image.PixelType.BitsPerPixel / 8];
        image.CopyPixelDataTo(bytes);
        var header = Encoding.ASCII.GetBytes($"{image.Width}x{image.Height}:{typeof(TPixel).Name}:");
        return Convert.ToHexString(SHA256.HashData([.. header, .. bytes])).ToLowerInvariant()[..16];
    }

    /// <summary>A .npy file of uint8 rows (N × rowLength) as numpy writes it (v1.0 header padded to 64 bytes).</summary>
    public static void WriteUInt8Npy(string path, byte[][] rows, int rowLength, string descr = "|u1")
    {
        var dict = $"{{'descr': '{descr}', 'fortran_order': False, 'shape': ({rows.Length}, {rowLength}), }}";
        var total = 10 + dict.Length + 1;
        var header = dict + new string(' ', (64 - total % 64) % 64) + "\n";
        using var file = File.Create(path);
        file.Write([0x93, .. "NUMPY"u8, 1, 0, (byte)(header.Length & 0xff), (byte)(header.Length >> 8)]);
        file.Write(Encoding.Latin1.GetBytes(header));
        foreach (var row in rows)
            file.Write(row);
    }
}
