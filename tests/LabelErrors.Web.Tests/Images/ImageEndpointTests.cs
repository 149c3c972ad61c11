using System.Net;
using System.Net.Http.Headers;
using LabelErrors.Core.Content;
using LabelErrors.Core.Imaging;
using LabelErrors.Data.Entities;
using LabelErrors.Tests.Shared;
using LabelErrors.Web.Images;
using Microsoft.Extensions.DependencyInjection;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace LabelErrors.Web.Tests.Images;

/// <summary>The image endpoint on the real app and database, with MNIST and CIFAR-10 from the bundle.</summary>
public sealed class ImageEndpointTests : IAsyncLifetime
{
    private ImageSite _site = null!;
    private Dataset _mnist = null!;
    private static readonly Lazy<MnistIdxImages> Mnist = new(() =>
    {
        using var stream = new BundledAssets(Path.Combine(RepositoryPaths.Root, BundledAssets.FolderName)).Open("content/mnist/t10k-images-idx3-ubyte");
        return MnistIdxImages.Read(stream);
    });

    public async Task InitializeAsync()
    {
        _site = await ImageSite.StartAsync();
        _mnist = await _site.AddDatasetAsync("mnist", "MNIST", Modality.Image, 10_000, ImageSite.Digits);
        foreach (var (index, given, guessed) in new[] { (247L, 4, 6), (259L, 6, 0), (321L, 2, 7), (340L, 5, 3), (445L, 6, 0), (449L, 3, 5) })
            await _site.AddExampleAsync(_mnist, index, given, guessed, validated: true, consensus: ConsensusCategory.Correctable);
        await _site.AddExampleAsync(_mnist, 0, 7);
        await _site.AddExampleAsync(_mnist, 12_345, 1); // beyond the published size, but imported: it exists
    }

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Fact]
    public async Task Mnist_0_at_256_is_the_idx_pixels_scaled_crisply()
    {
        using var image = await _site.GetImageAsync("/img/mnist/0.png?size=256");
        ImageSite.SaveForReview(image, "web-mnist-0-256");

        Assert.Equal((256, 256), (image.Width, image.Height));
        var source = Mnist.Value.Pixels(0);
        var distinct = new HashSet<byte>(source.ToArray());
        for (var y = 0; y < 256; y += 7)
        {
            for (var x = 0; x < 256; x += 7)
            {
                var pixel = image[x, y];
                Assert.Equal(pixel.R, pixel.G);
                Assert.Contains(pixel.R, distinct); // nearest-neighbour: only the source's grey levels, no blends
            }
        }
        // The centre of each source pixel's block carries exactly that pixel.
        foreach (var (sx, sy) in new[] { (14, 9), (10, 7), (20, 8), (18, 15), (0, 0) })
            Assert.Equal(source[sy * 28 + sx], image[(int)((sx + 0.5) * 256 / 28), (int)((sy + 0.5) * 256 / 28)].R);
    }

    [Theory]
    [InlineData(64)]
    [InlineData(128)]
    [InlineData(512)]
    public async Task Every_allowed_size_renders_at_that_size(int size)
    {
        using var image = await _site.GetImageAsync($"/img/mnist/247.png?size={size}");
        Assert.Equal((size, size), (image.Width, image.Height));
    }

    [Fact]
    public async Task Cifar10_comes_from_the_bundled_jpegs()
    {
        await _site.AddDatasetAsync("cifar10", "CIFAR-10", Modality.Image, 10_000, ["airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"]);
        using var image = await _site.GetImageAsync("/img/cifar10/0.png?size=128");
        ImageSite.SaveForReview(image, "web-cifar10-0-128");

        Assert.Equal((128, 128), (image.Width, image.Height));
        var colours = new HashSet<Rgb24>();
        for (var y = 0; y < 128; y += 4)
            for (var x = 0; x < 128; x += 4)
                colours.Add(image[x, y]);
        Assert.True(colours.Count > 100, $"a photo has many colours; got {colours.Count}");
        Assert.Equal(image[0, 0], image[3, 3]); // 4 × 4 blocks: nearest-neighbour
    }

    [Fact]
    public async Task Strong_etag_immutable_on_versioned_urls_and_304_on_if_none_match()
    {
        var versioned = await _site.Client.GetAsync(ImageUrls.Example("mnist", 321, 128));
        Assert.Equal(HttpStatusCode.OK, versioned.StatusCode);
        var etag = versioned.Headers.ETag;
        Assert.NotNull(etag);
        Assert.False(etag.IsWeak);
        Assert.Contains("mnist-321-128", etag.Tag);
        Assert.Equal("public, max-age=31536000, immutable", versioned.Headers.CacheControl?.ToString());

        var plain = await _site.Client.GetAsync("/img/mnist/321.png?size=128");
        Assert.Equal(etag, plain.Headers.ETag);
        Assert.DoesNotContain("immutable", plain.Headers.CacheControl?.ToString());
        Assert.NotEqual(etag, (await _site.Client.GetAsync("/img/mnist/321.png?size=64")).Headers.ETag);

        var conditional = new HttpRequestMessage(HttpMethod.Get, ImageUrls.Example("mnist", 321, 128));
        conditional.Headers.IfNoneMatch.Add(etag);
        var notModified = await _site.Client.SendAsync(conditional);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());

        var stale = new HttpRequestMessage(HttpMethod.Get, ImageUrls.Example("mnist", 321, 128));
        stale.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"v0-bundled-mnist-321-128\""));
        Assert.Equal(HttpStatusCode.OK, (await _site.Client.SendAsync(stale)).StatusCode);
    }

    [Theory]
    [InlineData("/img/mnist/0.png?size=100", HttpStatusCode.BadRequest)]
    [InlineData("/img/mnist/0.png?size=abc", HttpStatusCode.BadRequest)]
    [InlineData("/img/mnist/0.png?size=-64", HttpStatusCode.BadRequest)]
    [InlineData("/img/mnist/0.png?size=256&size=64", HttpStatusCode.BadRequest)]
    [InlineData("/img/mnist/abc.png", HttpStatusCode.BadRequest)]
    [InlineData("/img/mnist/-1.png", HttpStatusCode.BadRequest)]
    [InlineData("/img/mnist/1.jpg", HttpStatusCode.BadRequest)]
    [InlineData("/img/mnist/99999999999999999999.png", HttpStatusCode.BadRequest)]
    [InlineData("/img/mnist/..%2F..%2Fetc%2Fpasswd.png", HttpStatusCode.BadRequest)]
    [InlineData("/og/mnist/x.png", HttpStatusCode.BadRequest)]
    [InlineData("/img/nosuchset/0.png", HttpStatusCode.NotFound)]
    [InlineData("/img/..%2Fetc/0.png", HttpStatusCode.NotFound)]
    [InlineData("/img/MNIST/0.png", HttpStatusCode.NotFound)]
    [InlineData("/img/nosuchset/cover.png", HttpStatusCode.NotFound)]
    [InlineData("/img/mnist/10000.png", HttpStatusCode.NotFound)]
    [InlineData("/og/mnist/10000.png", HttpStatusCode.NotFound)]
    [InlineData("/og/nosuchset/1.png", HttpStatusCode.NotFound)]
    public async Task Bad_requests_are_400_and_unknown_ones_404_never_500(string url, HttpStatusCode expected)
    {
        var response = await _site.Client.GetAsync(url);
        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task An_imported_row_beyond_the_published_size_exists()
    {
        var response = await _site.Client.GetAsync("/img/mnist/12345.png");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode); // a placeholder: the bundle has 10,000 images
        Assert.Equal("public, max-age=300", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task The_cover_is_a_mosaic_of_the_validated_errors()
    {
        using var cover = await _site.GetImageAsync("/img/mnist/cover.png");
        ImageSite.SaveForReview(cover, "web-mnist-cover");

        Assert.Equal((CoverMosaic.Width, CoverMosaic.Height), (cover.Width, cover.Height));
        // Six validated errors fill the first six cells; their centres hold digit pixels from the IDX file.
        var tile = CoverMosaic.Tile;
        var gap = CoverMosaic.Gap;
        var ids = new[] { 247, 259, 321, 340, 445, 449 };
        for (var cell = 0; cell < ids.Length; cell++)
        {
            var source = Mnist.Value.Pixels(ids[cell]);
            var (cx, cy) = (gap + cell % CoverMosaic.Columns * (tile + gap), gap + cell / CoverMosaic.Columns * (tile + gap));
            foreach (var (sx, sy) in new[] { (14, 14), (10, 12), (17, 9) })
                Assert.Equal(source[sy * 28 + sx], cover[cx + (int)((sx + 0.5) * tile / 28), cy + (int)((sy + 0.5) * tile / 28)].R);
        }
        // The seventh cell is empty: background.
        Assert.Equal(cover[1, 1], cover[gap + 1 * (tile + gap) + tile / 2, gap + tile + gap + tile / 2]);
    }

    [Fact]
    public async Task The_og_card_is_1200_by_630_with_the_example_in_it()
    {
        using var card = await _site.GetImageAsync("/og/mnist/247.png");
        ImageSite.SaveForReview(card, "web-mnist-og-247");

        Assert.Equal((1200, 630), (card.Width, card.Height));
        var source = Mnist.Value.Pixels(247).ToArray();
        int x0 = (1200 - OgCard.ImageBox) / 2, y0 = OgCard.ImageArea.Y + (OgCard.ImageArea.Height - OgCard.ImageBox) / 2;
        var matched = 0;
        for (var sy = 2; sy < 28; sy += 3)
            for (var sx = 2; sx < 28; sx += 3)
            {
                var pixel = card[x0 + (int)((sx + 0.5) * OgCard.ImageBox / 28), y0 + (int)((sy + 0.5) * OgCard.ImageBox / 28)];
                Assert.Equal(source[sy * 28 + sx], pixel.R);
                matched++;
            }
        Assert.True(matched > 50);
        Assert.Contains(Enumerable.Range(0, 28 * 28).Select(i => source[i]), v => v > 200); // the digit has ink
        Assert.Equal(ConsensusColours.Correctable, card[5, 625]);                           // band colour = consensus
    }

    [Fact]
    public async Task Concurrent_requests_for_a_new_key_render_it_once()
    {
        var cache = _site.App.Services.GetRequiredService<RenderedImageCache>();
        await _site.Client.GetAsync("/img/mnist/1.png?size=64"); // warm the dataset lookup and the decoder
        var before = cache.RenderCount;

        var responses = await Task.WhenAll(Enumerable.Range(0, 24).Select(_ => _site.Client.GetAsync("/img/mnist/4242.png?size=512")));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Single(responses.Select(r => r.Headers.ETag!.Tag).Distinct());
        Assert.Equal(before + 1, cache.RenderCount);
    }
}
