using BenchmarkDotNet.Attributes;
using LabelErrors.Core.Content;
using LabelErrors.Core.Imaging;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace LabelErrors.Benchmarks;

/// <summary>
/// What a cache miss of the image endpoint costs: the source pixels are in memory (the bundled files are read once
/// per process), so a cold render is pixels → resize → PNG.
/// </summary>
[MemoryDiagnoser]
public class ColdRenderBenchmarks
{
    private MnistIdxImages _mnist = null!;
    private Cifar10JpegArchive _cifar = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        var assets = BundledAssets.FindFrom(AppContext.BaseDirectory) ?? throw new InvalidOperationException("wwwroot-assets not found");
        using (var idx = assets.Open("content/mnist/t10k-images-idx3-ubyte"))
            _mnist = MnistIdxImages.Read(idx);
        using var tar = assets.Open("content/cifar10/cifar10_test_jpg.tar.gz");
        using var index = assets.Open("content/cifar10/test_index_to_filename.json");
        _cifar = Cifar10JpegArchive.Read(tar, index);
    }

    // A different example each call, as cache misses are.
    private int NextId() => _next = (_next + 1) % 10_000;

    [Benchmark(Baseline = true, Description = "MNIST 28x28 -> 256 px PNG")]
    public byte[] Mnist256()
    {
        using var source = _mnist.ToImage(NextId());
        using var thumbnail = Thumbnail.Render(source, 256);
        return PngBytes.Encode(thumbnail);
    }

    [Benchmark(Description = "MNIST 28x28 -> 512 px PNG")]
    public byte[] Mnist512()
    {
        using var source = _mnist.ToImage(NextId());
        using var thumbnail = Thumbnail.Render(source, 512);
        return PngBytes.Encode(thumbnail);
    }

    [Benchmark(Description = "CIFAR-10 JPEG 32x32 -> 256 px PNG")]
    public byte[] Cifar256()
    {
        using var source = _cifar.Decode(NextId())!;
        using var thumbnail = Thumbnail.Render(source, 256);
        return PngBytes.Encode(thumbnail);
    }

    [Benchmark(Description = "og card 1200x630 (MNIST, no text)")]
    public byte[] OgCardMnist()
    {
        using var source = _mnist.ToImage(NextId());
        using var card = OgCard.Render(source, new Rgb24(200, 40, 40));
        return PngBytes.Encode(card);
    }
}
