using System.Security.Cryptography;
using System.Text;
using LabelErrors.Core.Imaging;
using LabelErrors.Data.Entities;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SkiaSharp;

namespace LabelErrors.Web.Images;

/// <summary>
/// Renders every picture of the app (example images, covers, link-preview cards) from the content chain:
/// bundled → configured folder → remote fallback (optional) → placeholder. Results go through the cache.
/// </summary>
public sealed class ImageRenderService(
    ImageCatalogue catalogue,
    PixelSourceRegistry sources,
    RemoteContentFetcher remote,
    SafeImageDecoder decoder,
    RenderedImageCache cache,
    MissingContentLog missing,
    ILogger<ImageRenderService> logger)
{
    private const int CoverTiles = CoverMosaic.Columns * CoverMosaic.Rows;
    private static readonly Rgb24 CoverBackground = new(0x26, 0x32, 0x38);

    public Task<RenderedImage> ExampleAsync(DatasetImageInfo dataset, long id, int size) =>
        cache.GetOrRenderAsync($"img/{dataset.Slug}/{id}/{size}", ct => RenderExampleAsync(dataset, id, size, ct));

    public Task<RenderedImage> OgCardAsync(DatasetImageInfo dataset, long id) =>
        cache.GetOrRenderAsync($"og/{dataset.Slug}/{id}", ct => RenderOgCardAsync(dataset, id, ct));

    public async Task<RenderedImage> CoverAsync(DatasetImageInfo dataset, CancellationToken cancellationToken)
    {
        // The tiles' ids are part of the key, so a re-import with other validated errors gives a new cover.
        var examples = await catalogue.CoverExamplesAsync(dataset, CoverTiles, cancellationToken);
        var signature = Hash(string.Join(",", examples.Select(e => e.StudyIndex)));
        return await cache.GetOrRenderAsync($"cover/{dataset.Slug}/{signature}", ct => RenderCoverAsync(dataset, examples, signature, ct));
    }

    private async Task<RenderedImage> RenderExampleAsync(DatasetImageInfo dataset, long id, int size, CancellationToken cancellationToken)
    {
        var example = new Lazy<Task<ExampleImageInfo>>(() => catalogue.FindExampleAsync(dataset, id, cancellationToken));
        var (image, kind) = await LoadAsync(dataset, id, example, cancellationToken);
        using (image)
        {
            if (image is null)
            {
                var info = await example.Value;
                using var placeholder = GeneratedImages.Placeholder(size, info.GivenLabel is null ? null : dataset.ClassName(info.GivenLabel), info.GuessedLabel is null ? null : dataset.ClassName(info.GuessedLabel));
                return new RenderedImage(PngBytes.Encode(placeholder), ETag(kind, dataset.Slug, id.ToString(), size.ToString()), IsPlaceholder: true);
            }
            using var thumbnail = Thumbnail.Render(image, size);
            return new RenderedImage(PngBytes.Encode(thumbnail), ETag(kind, dataset.Slug, id.ToString(), size.ToString()), IsPlaceholder: false);
        }
    }

    private async Task<RenderedImage> RenderOgCardAsync(DatasetImageInfo dataset, long id, CancellationToken cancellationToken)
    {
        var info = await catalogue.FindExampleAsync(dataset, id, cancellationToken);
        var example = new Lazy<Task<ExampleImageInfo>>(() => Task.FromResult(info));
        Image? picture;
        ContentSourceKind kind;
        if (dataset.Modality == Modality.Image)
        {
            (picture, kind) = await LoadAsync(dataset, id, example, cancellationToken);
            picture ??= GeneratedImages.Placeholder(512, info.GivenLabel is null ? null : dataset.ClassName(info.GivenLabel), info.GuessedLabel is null ? null : dataset.ClassName(info.GuessedLabel));
        }
        else
        {
            // Text and audio sets show their dataset's cover on the card.
            var cover = await CoverAsync(dataset, cancellationToken);
            picture = Image.Load<Rgb24>(cover.Png);
            kind = ContentSourceKind.Bundled;
        }

        using (picture)
        {
            var band = ConsensusColours.For(info.Consensus);
            using var heading = SkiaPainter.PaintTransparent(1120, 56, canvas =>
                SkiaPainter.Text(canvas, $"LabelErrors  ·  {dataset.Name}  #{id}", 0, 40, 34, SKColors.White, 1120, bold: true));
            using var caption = SkiaPainter.Paint(1120, 56, SkiaPainter.ToSkia(band), canvas =>
                SkiaPainter.Text(canvas, Caption(dataset, info), 0, 40, 32, SKColors.White, 1120));
            using var card = OgCard.Render(picture, band, caption, heading);
            return new RenderedImage(PngBytes.Encode(card), ETag(kind, dataset.Slug, id.ToString(), "og"), IsPlaceholder: false);
        }
    }

    private async Task<RenderedImage> RenderCoverAsync(DatasetImageInfo dataset, IReadOnlyList<ExampleImageInfo> examples, string signature, CancellationToken cancellationToken)
    {
        var tiles = new List<Image>();
        try
        {
            if (dataset.Modality == Modality.Image)
            {
                foreach (var example in examples)
                {
                    var (image, _) = await LoadAsync(dataset, example.StudyIndex, new Lazy<Task<ExampleImageInfo>>(() => Task.FromResult(example)), cancellationToken);
                    if (image is not null)
                        tiles.Add(image);
                }
            }
            if (tiles.Count == 0)
            {
                // No pixels here (a text or audio set, or images not bundled): a generated cover.
                using var generated = GeneratedImages.Cover(dataset.Name, dataset.Modality, dataset.ClassNames.OrderBy(c => c.Key).Select(c => c.Value).ToList(), examples.Count);
                return new RenderedImage(PngBytes.Encode(generated), ETag(ContentSourceKind.Placeholder, dataset.Slug, "cover", signature), IsPlaceholder: false);
            }
            using var mosaic = CoverMosaic.Render(tiles, CoverBackground);
            return new RenderedImage(PngBytes.Encode(mosaic), ETag(ContentSourceKind.Bundled, dataset.Slug, "cover", signature), IsPlaceholder: false);
        }
        finally
        {
            foreach (var tile in tiles)
                tile.Dispose();
        }
    }

    /// <summary>The example's pixels from the first link of the chain that has them, or null (→ placeholder).</summary>
    private async Task<(Image? Image, ContentSourceKind Kind)> LoadAsync(DatasetImageInfo dataset, long id, Lazy<Task<ExampleImageInfo>> example, CancellationToken cancellationToken)
    {
        foreach (var source in sources.For(dataset.Slug))
        {
            try
            {
                if (source.IsAvailable && await source.TryLoadAsync(id, cancellationToken) is { } image)
                    return (image, source.Kind);
            }
            catch (Exception ex) when (ex is ImageRejectedException or IOException or UnauthorizedAccessException or InvalidDataException)
            {
                logger.LogWarning("{Dataset} #{Id}: {Source} content refused: {Reason}", dataset.Slug, id, source.Kind, ex.Message);
            }
        }

        if (remote.Enabled && dataset.Modality == Modality.Image)
        {
            var info = await example.Value;
            if (await remote.TryFetchAsync(info.SourceUrl, "image/", cancellationToken) is { } bytes)
            {
                try
                {
                    return (await decoder.DecodeAsync(bytes, cancellationToken), ContentSourceKind.Remote);
                }
                catch (ImageRejectedException ex)
                {
                    logger.LogWarning("{Dataset} #{Id}: fetched content refused: {Reason}", dataset.Slug, id, ex.Message);
                }
            }
        }

        if (dataset.Modality == Modality.Image)
            missing.Report(dataset.Slug, $"Configure Content:{ConfigurationHint(dataset.Slug)} or turn on Content:RemoteFallback.");
        return (null, ContentSourceKind.Placeholder);
    }

    private static string Caption(DatasetImageInfo dataset, ExampleImageInfo info)
    {
        if (info.GivenLabel is null)
            return "Not checked by Mechanical Turk workers";
        var text = $"given: {dataset.ClassName(info.GivenLabel)}";
        if (info.GuessedLabel is not null)
            text += $"   ·   guessed: {dataset.ClassName(info.GuessedLabel)}";
        return info.Consensus switch
        {
            "Correctable" => text + "   ·   workers agree: mislabelled",
            "NotAnError" => text + "   ·   workers agree: label is right",
            "MultiLabel" => text + "   ·   both labels apply",
            "Neither" => text + "   ·   neither label applies",
            "NonAgreement" => text + "   ·   workers disagree",
            _ => text,
        };
    }

    private static string ConfigurationHint(string slug) => slug switch
    {
        "cifar10" => "Cifar10Dir",
        "cifar100" => "Cifar100Dir",
        "quickdraw" => "QuickDrawDir",
        "imagenet" => "ImageNetDir",
        "caltech256" => "Caltech256Dir",
        _ => "the dataset's folder",
    };

    /// <summary>Strong ETag: render version + where the content came from + the dataset, id and size.</summary>
    private static string ETag(ContentSourceKind kind, string dataset, string id, string variant) =>
        $"\"v{ImageUrls.Version}-{kind.ToString().ToLowerInvariant()}-{dataset}-{id}-{variant}\"";

    private static string Hash(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..12].ToLowerInvariant();
}
