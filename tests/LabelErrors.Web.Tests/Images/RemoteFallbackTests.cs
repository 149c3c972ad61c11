using System.Collections.Concurrent;
using System.Net;
using LabelErrors.Data.Entities;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace LabelErrors.Web.Tests.Images;

/// <summary>
/// The optional fetch from the study's site, against a local server on 127.0.0.1 standing in for it (no real
/// external host is ever contacted).
/// </summary>
public sealed class RemoteFallbackTests : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, int> _hits = new();
    private readonly string _cacheDir = Directory.CreateTempSubdirectory("remote-cache").FullName;
    private WebApplication _origin = null!;
    private string _originBase = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _origin = builder.Build();
        _origin.Use(async (context, next) =>
        {
            _hits.AddOrUpdate(context.Request.Path.Value!, 1, (_, n) => n + 1);
            await next(context);
        });
        _origin.MapGet("/static/imagenet/1.png", () => Results.Bytes(Png(50, 40, new Rgb24(30, 60, 200)), "image/png"));
        _origin.MapGet("/static/imagenet/2.png", () => Results.Text("<html>not an image</html>", "text/html"));
        _origin.MapGet("/static/imagenet/3.png", () => Results.Bytes(new byte[20_000], "image/png"));
        _origin.MapGet("/static/imagenet/4.png", async () => { await Task.Delay(TimeSpan.FromSeconds(5)); return Results.Bytes(Png(8, 8, new Rgb24(1, 1, 1)), "image/png"); });
        _origin.MapGet("/static/imagenet/5.png", () => Results.NotFound());
        _origin.MapGet("/static/amazon/22360.txt", () => Results.Text("Great blender, a bit loud.", "text/plain"));
        await _origin.StartAsync();
        var address = _origin.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        _originBase = address.TrimEnd('/');
    }

    public async Task DisposeAsync()
    {
        await _origin.DisposeAsync();
        Directory.Delete(_cacheDir, recursive: true);
    }

    [Fact]
    public async Task Missing_images_are_fetched_once_from_the_configured_host_only_and_failures_give_placeholders()
    {
        var port = new Uri(_originBase).Port;
        await using var site = await ImageSite.StartAsync(new Dictionary<string, string?>
        {
            ["Content:RemoteFallback"] = "true",
            ["Content:RemoteHost"] = $"127.0.0.1:{port}",
            ["Content:RemoteTimeoutSeconds"] = "1",
            ["Content:RemoteMaxBytes"] = "10000",
            ["Content:CacheDir"] = _cacheDir,
        });
        var imagenet = await site.AddDatasetAsync("imagenet", "ImageNet", Modality.Image, 50_000, ["tench", "goldfish"]);
        for (var i = 1; i <= 5; i++)
            await site.AddExampleAsync(imagenet, i, given: 0, guessed: 1, consensus: ConsensusCategory.Correctable, sourceUrl: $"{_originBase}/static/imagenet/{i}.png");
        // Same server, but named by another host than the configured one: never contacted.
        await site.AddExampleAsync(imagenet, 6, given: 0, guessed: 1, consensus: ConsensusCategory.Correctable, sourceUrl: $"http://localhost:{port}/static/imagenet/1.png");

        using (var fetched = await site.GetImageAsync("/img/imagenet/1.png?size=128"))
        {
            Assert.Equal((128, 102), (fetched.Width, fetched.Height));
            Assert.Equal(new Rgb24(30, 60, 200), fetched[64, 50]);
        }
        var other = await site.Client.GetAsync("/img/imagenet/1.png?size=512");
        Assert.Contains("remote", other.Headers.ETag!.Tag);
        Assert.Equal(1, _hits.GetValueOrDefault("/static/imagenet/1.png"));   // fetched once for both sizes
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(_cacheDir, "remote")));  // and kept on disk

        foreach (var id in new[] { 2, 3, 4, 5, 6 })
        {
            var response = await site.Client.GetAsync($"/img/imagenet/{id}.png?size=64");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("placeholder", response.Headers.ETag!.Tag);
        }
        Assert.Equal(0, _hits.GetValueOrDefault("/static/imagenet/6.png"));
        Assert.Equal(1, _hits.GetValueOrDefault("/static/imagenet/1.png"));

        // A failure is remembered: another size of the wrong-type file does not ask the server again.
        await site.Client.GetAsync("/img/imagenet/2.png?size=128");
        Assert.Equal(1, _hits.GetValueOrDefault("/static/imagenet/2.png"));
    }

    [Fact]
    public async Task The_fallback_is_off_by_default()
    {
        await using var site = await ImageSite.StartAsync();
        var imagenet = await site.AddDatasetAsync("imagenet", "ImageNet", Modality.Image, 50_000, ["tench", "goldfish"]);
        await site.AddExampleAsync(imagenet, 1, given: 0, guessed: 1, consensus: ConsensusCategory.Correctable, sourceUrl: $"{_originBase}/static/imagenet/1.png");

        var response = await site.Client.GetAsync("/img/imagenet/1.png?size=64");

        Assert.Contains("placeholder", response.Headers.ETag!.Tag);
        Assert.Empty(_hits);
    }

    [Fact]
    public async Task Texts_come_from_the_import_then_from_the_study_site()
    {
        var port = new Uri(_originBase).Port;
        await using var site = await ImageSite.StartAsync(new Dictionary<string, string?>
        {
            ["Content:RemoteFallback"] = "true",
            ["Content:RemoteHost"] = $"127.0.0.1:{port}",
        });
        var amazon = await site.AddDatasetAsync("amazon", "Amazon Reviews", Modality.Text, 100_000, ["negative", "neutral", "positive"]);
        await site.AddExampleAsync(amazon, 22360, given: 2, guessed: 1, consensus: ConsensusCategory.NonAgreement, sourceUrl: $"{_originBase}/static/amazon/22360.txt");
        var imdb = await site.AddDatasetAsync("imdb", "IMDB", Modality.Text, 25_000, ["negative", "positive"]);
        await site.AddExampleAsync(imdb, 5, given: 1);
        var contexts = site.App.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<LabelErrors.Data.LabelErrorsDbContext>>();
        await using (var db = await contexts.CreateDbContextAsync())
        {
            var row = db.Examples.Single(e => e.DatasetId == imdb.Id && e.StudyIndex == 5);
            db.Add(new ExampleText { DatasetId = row.DatasetId, ExampleId = row.Id, Text = "A slow film that rewards patience." });
            await db.SaveChangesAsync();
        }
        var texts = site.App.Services.GetRequiredService<LabelErrors.Web.Images.ExampleTextSource>();

        var imported = await texts.GetAsync("imdb", 5, CancellationToken.None);
        var fetched = await texts.GetAsync("amazon", 22360, CancellationToken.None);

        Assert.Equal(new LabelErrors.Web.Images.ExampleContentText("A slow film that rewards patience.", LabelErrors.Web.Images.ContentSourceKind.Bundled), imported);
        Assert.Equal(new LabelErrors.Web.Images.ExampleContentText("Great blender, a bit loud.", LabelErrors.Web.Images.ContentSourceKind.Remote), fetched);
        Assert.Null(await texts.GetAsync("amazon", 1, CancellationToken.None));
        Assert.Equal(1, _hits.GetValueOrDefault("/static/amazon/22360.txt"));
        Assert.Equal(fetched, await texts.GetAsync("amazon", 22360, CancellationToken.None));
        Assert.Equal(1, _hits.GetValueOrDefault("/static/amazon/22360.txt")); // kept after the first fetch
    }

    private static byte[] Png(int width, int height, Rgb24 colour)
    {
        using var image = new Image<Rgb24>(width, height, colour);
        using var buffer = new MemoryStream();
        image.SaveAsPng(buffer);
        return buffer.ToArray();
    }
}
