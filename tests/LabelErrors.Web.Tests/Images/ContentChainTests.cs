using System.Net;
using System.Text;
using LabelErrors.Data.Entities;
using LabelErrors.Web.Images;
using Microsoft.Extensions.DependencyInjection;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace LabelErrors.Web.Tests.Images;

/// <summary>Configured folders, placeholders and the disk cache: the content chain beyond the bundle.</summary>
public sealed class ContentChainTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("content").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Missing_content_gives_a_placeholder_with_a_warning_once_per_dataset()
    {
        await using var site = await ImageSite.StartAsync();
        var imagenet = await site.AddDatasetAsync("imagenet", "ImageNet", Modality.Image, 50_000, ["tench", "goldfish", "great white shark"]);
        await site.AddExampleAsync(imagenet, 7, given: 1, guessed: 2, validated: true, consensus: ConsensusCategory.Correctable);

        var response = await site.Client.GetAsync("/img/imagenet/7.png?size=256");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("public, max-age=300", response.Headers.CacheControl?.ToString());
        Assert.Contains("placeholder", response.Headers.ETag!.Tag);
        using var placeholder = Image.Load<Rgb24>(await response.Content.ReadAsByteArrayAsync());
        ImageSite.SaveForReview(placeholder, "web-placeholder-imagenet-7");
        Assert.Equal((256, 256), (placeholder.Width, placeholder.Height));
        Assert.True(DistinctColours(placeholder) > 10, "the placeholder has a pattern and text, it is not blank");

        Assert.Equal(HttpStatusCode.OK, (await site.Client.GetAsync("/img/imagenet/8.png?size=64")).StatusCode);
        Assert.True(site.App.Services.GetRequiredService<MissingContentLog>().HasWarned("imagenet"));

        // The cover of a set without pixels is generated; so is its og card's picture.
        using var cover = await site.GetImageAsync("/img/imagenet/cover.png");
        ImageSite.SaveForReview(cover, "web-cover-imagenet-generated");
        Assert.True(DistinctColours(cover) > 10);
        using var card = await site.GetImageAsync("/og/imagenet/7.png");
        Assert.Equal((1200, 630), (card.Width, card.Height));
    }

    [Fact]
    public async Task Text_sets_get_a_generated_cover_and_their_og_card_shows_it()
    {
        await using var site = await ImageSite.StartAsync();
        var imdb = await site.AddDatasetAsync("imdb", "IMDB", Modality.Text, 25_000, ["negative", "positive"]);
        await site.AddExampleAsync(imdb, 3, given: 0, guessed: 1, validated: true, consensus: ConsensusCategory.Correctable);

        using var cover = await site.GetImageAsync("/img/imdb/cover.png");
        ImageSite.SaveForReview(cover, "web-cover-imdb");
        Assert.True(DistinctColours(cover) > 10);
        using var card = await site.GetImageAsync("/og/imdb/3.png");
        ImageSite.SaveForReview(card, "web-og-imdb-3");
        Assert.Equal((1200, 630), (card.Width, card.Height));
    }

    [Fact]
    public async Task QuickDraw_and_cifar100_come_from_configured_folders()
    {
        var quickdraw = Directory.CreateDirectory(Path.Combine(_dir, "numpy_bitmap")).FullName;
        byte[] Drawing(int column) { var r = new byte[784]; for (var y = 0; y < 28; y++) r[y * 28 + column] = 255; return r; }
        WriteUInt8Npy(Path.Combine(quickdraw, "apple.npy"), [Drawing(3), Drawing(4)]);
        WriteUInt8Npy(Path.Combine(quickdraw, "banana.npy"), [Drawing(20)]);

        var cifar100 = Directory.CreateDirectory(Path.Combine(_dir, "cifar-100-binary")).FullName;
        using (var file = File.Create(Path.Combine(cifar100, "test.bin")))
            for (var r = 0; r < 2; r++)
            {
                file.Write([7, (byte)r]);
                file.Write(Enumerable.Repeat((byte)(r == 0 ? 250 : 5), 1024).ToArray());
                file.Write(Enumerable.Repeat((byte)100, 1024).ToArray());
                file.Write(Enumerable.Repeat((byte)(r == 0 ? 5 : 250), 1024).ToArray());
            }

        await using var site = await ImageSite.StartAsync(new Dictionary<string, string?>
        {
            ["Content:QuickDrawDir"] = quickdraw,
            ["Content:Cifar100Dir"] = _dir, // the folder the archive unpacks into is found too
        });
        await site.AddDatasetAsync("quickdraw", "QuickDraw", Modality.Image, 3, ["apple", "banana"]);
        await site.AddDatasetAsync("cifar100", "CIFAR-100", Modality.Image, 2, ["apple", "aquarium_fish"]);

        using var banana = await site.GetImageAsync("/img/quickdraw/2.png?size=64");   // global 2 = banana row 0
        ImageSite.SaveForReview(banana, "web-quickdraw-2");
        Assert.Equal(new Rgb24(0, 0, 0), banana[(int)(20.5 * 64 / 28), 30]);           // the stroke, inverted: dark
        Assert.Equal(new Rgb24(255, 255, 255), banana[(int)(3.5 * 64 / 28), 30]);      // background: white
        using var apple = await site.GetImageAsync("/img/quickdraw/1.png?size=64");    // apple row 1: column 4
        Assert.Equal(new Rgb24(0, 0, 0), apple[(int)(4.5 * 64 / 28), 10]);

        using var second = await site.GetImageAsync("/img/cifar100/1.png?size=64");
        Assert.Equal(new Rgb24(5, 100, 250), second[32, 32]);
    }

    [Fact]
    public async Task A_caltech_folder_serves_its_files_but_not_through_a_link_that_leaves_it()
    {
        // The study's index names "001.ak47/001_0001.jpg", "001.ak47/001_0002.jpg", …; in this folder 001.ak47 is a
        // link to a folder elsewhere, while 002.american-flag is a real folder.
        var root = Directory.CreateDirectory(Path.Combine(_dir, "256_ObjectCategories")).FullName;
        var elsewhere = Directory.CreateDirectory(Path.Combine(_dir, "elsewhere")).FullName;
        using (var red = new Image<Rgb24>(40, 30, new Rgb24(220, 20, 20)))
            red.SaveAsJpeg(Path.Combine(elsewhere, "001_0001.jpg"));
        Directory.CreateSymbolicLink(Path.Combine(root, "001.ak47"), elsewhere);
        var flagIndex = await FirstIndexStartingWithAsync("label-errors/dataset_indexing/caltech256_index_to_filename.json", "002.american-flag/");
        Directory.CreateDirectory(Path.Combine(root, "002.american-flag"));
        using (var green = new Image<Rgb24>(80, 40, new Rgb24(20, 200, 20)))
            green.SaveAsPng(Path.Combine(root, flagIndex.Path));

        await using var site = await ImageSite.StartAsync(new Dictionary<string, string?> { ["Content:Caltech256Dir"] = root });
        await site.AddDatasetAsync("caltech256", "Caltech-256", Modality.Image, 30_607, ["ak47", "american-flag"]);

        var linked = await site.Client.GetAsync("/img/caltech256/0.png?size=64");
        Assert.Equal(HttpStatusCode.OK, linked.StatusCode);
        Assert.Contains("placeholder", linked.Headers.ETag!.Tag); // refused: the file is outside the folder

        using var flag = await site.GetImageAsync($"/img/caltech256/{flagIndex.Index}.png?size=128");
        Assert.Equal((128, 64), (flag.Width, flag.Height));   // aspect kept
        Assert.Equal(new Rgb24(20, 200, 20), flag[64, 32]);
    }

    [Fact]
    public async Task Rendered_images_are_kept_in_the_disk_cache_and_served_from_it_after_a_restart()
    {
        var cacheDir = Path.Combine(_dir, "cache");
        var settings = new Dictionary<string, string?> { ["Content:CacheDir"] = cacheDir };
        await using var first = await ImageSite.StartAsync(settings);
        await first.AddDatasetAsync("mnist", "MNIST", Modality.Image, 10_000, ImageSite.Digits);
        var original = await (await first.Client.GetAsync("/img/mnist/5.png?size=128")).Content.ReadAsByteArrayAsync();
        Assert.Single(Directory.GetFiles(Path.Combine(cacheDir, "render", "v" + ImageUrls.Version), "*.png"));

        // A second app on the same database and cache folder reads the file instead of rendering.
        await using var second = new LabelErrors.Tests.Shared.LabelErrorsAppFactory(first.Database.ConnectionString, settings: settings);
        var client = second.CreateClient();
        var again = await client.GetAsync("/img/mnist/5.png?size=128");
        Assert.Equal(original, await again.Content.ReadAsByteArrayAsync());
        Assert.Equal(0, second.Services.GetRequiredService<RenderedImageCache>().RenderCount);
    }

    private static async Task<(long Index, string Path)> FirstIndexStartingWithAsync(string indexFile, string prefix)
    {
        var assets = new LabelErrors.Core.Content.BundledAssets(Path.Combine(LabelErrors.Tests.Shared.RepositoryPaths.Root, "wwwroot-assets"));
        await using var json = assets.Open(indexFile);
        var paths = await System.Text.Json.JsonSerializer.DeserializeAsync<string[]>(json);
        var index = Array.FindIndex(paths!, p => p.StartsWith(prefix, StringComparison.Ordinal));
        return (index, paths![index]);
    }

    private static int DistinctColours(Image<Rgb24> image)
    {
        var colours = new HashSet<Rgb24>();
        for (var y = 0; y < image.Height; y += 3)
            for (var x = 0; x < image.Width; x += 3)
                colours.Add(image[x, y]);
        return colours.Count;
    }

    private static void WriteUInt8Npy(string path, byte[][] rows)
    {
        var dict = $"{{'descr': '|u1', 'fortran_order': False, 'shape': ({rows.Length}, 784), }}";
        var total = 10 + dict.Length + 1;
        var header = dict + new string(' ', (64 - total % 64) % 64) + "\n";
        using var file = File.Create(path);
        file.Write([0x93, .. "NUMPY"u8, 1, 0, (byte)(header.Length & 0xff), (byte)(header.Length >> 8)]);
        file.Write(Encoding.Latin1.GetBytes(header));
        foreach (var row in rows)
            file.Write(row);
    }
}
