using LabelErrors.Core.Content;
using LabelErrors.Core.Imaging;
using LabelErrors.Web.Uploads;
using Microsoft.Extensions.Options;

namespace LabelErrors.Web.Images;

/// <summary>
/// The local part of each dataset's content chain, in order: bundled files, then the folder the user configured.
/// (The remote fallback and the placeholder come after, in <see cref="ImageRenderService"/>.)
/// </summary>
public sealed class PixelSourceRegistry
{
    public const string ImageNetIndex = "label-errors/dataset_indexing/imagenet_val_set_index_to_filepath.json";
    public const string Caltech256Index = "label-errors/dataset_indexing/caltech256_index_to_filename.json";

    private readonly Dictionary<string, IReadOnlyList<IPixelSource>> _chains;
    private readonly UploadStorage _uploads;
    private readonly SafeImageDecoder _decoder;

    public PixelSourceRegistry(IOptions<ContentOptions> options, SafeImageDecoder decoder, UploadStorage uploads, ILogger<PixelSourceRegistry> logger)
    {
        _uploads = uploads;
        _decoder = decoder;
        var o = options.Value;
        Assets = string.IsNullOrWhiteSpace(o.AssetsDir) ? BundledAssets.FindFrom(AppContext.BaseDirectory) : new BundledAssets(o.AssetsDir);
        _chains = new Dictionary<string, IReadOnlyList<IPixelSource>>(StringComparer.Ordinal)
        {
            ["mnist"] = [new BundledMnistSource(Assets)],
            ["cifar10"] = [new BundledCifar10Source(Assets), new CifarBinaryFolderSource(o.Cifar10Dir, "test_batch.bin", "cifar-10-batches-bin", labelBytes: 1)],
            ["cifar100"] = [new CifarBinaryFolderSource(o.Cifar100Dir, "test.bin", "cifar-100-binary", labelBytes: 2)],
            ["quickdraw"] = [new QuickDrawFolderSource(o.QuickDrawDir, logger)],
            ["imagenet"] = [new IndexedFolderSource(o.ImageNetDir, Assets, ImageNetIndex, decoder)],
            ["caltech256"] = [new IndexedFolderSource(o.Caltech256Dir, Assets, Caltech256Index, decoder)],
        };
    }

    public BundledAssets? Assets { get; }

    /// <summary>The dataset's local sources; empty for sets without pixels here (texts, audio, uploads without images).</summary>
    public IReadOnlyList<IPixelSource> For(string slug) =>
        _chains.TryGetValue(slug, out var chain) ? chain
        : UploadPixelSource.TokenOf(slug) is { } token ? [new UploadPixelSource(_uploads.ContentFolder(token), _decoder)]
        : [];
}
