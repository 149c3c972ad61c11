using System.ComponentModel.DataAnnotations;

namespace LabelErrors.Web.Images;

/// <summary>
/// Where example content comes from beyond the bundle (<c>Content:*</c>): folders a user downloaded the original
/// datasets to, the optional fetch from the study's own site, and the caches.
/// </summary>
public sealed class ContentOptions
{
    public const string Section = "Content";

    /// <summary>The bundled study files; empty = the nearest <c>wwwroot-assets</c> above the app.</summary>
    public string? AssetsDir { get; set; }

    /// <summary>CIFAR-10 binary version (<c>test_batch.bin</c>, or its <c>cifar-10-batches-bin</c> folder).</summary>
    public string? Cifar10Dir { get; set; }

    /// <summary>CIFAR-100 binary version (<c>test.bin</c>, or its <c>cifar-100-binary</c> folder).</summary>
    public string? Cifar100Dir { get; set; }

    /// <summary>QuickDraw <c>numpy_bitmap</c> folder (the 345 <c>&lt;class&gt;.npy</c> files).</summary>
    public string? QuickDrawDir { get; set; }

    /// <summary>ImageNet: the folder holding <c>val/&lt;wnid&gt;/*.JPEG</c> (or the <c>val</c> folder itself).</summary>
    public string? ImageNetDir { get; set; }

    /// <summary>Caltech-256: the <c>256_ObjectCategories</c> folder.</summary>
    public string? Caltech256Dir { get; set; }

    /// <summary>Fetch missing content once from the study's site (the mTurk rows' URLs). Off by default.</summary>
    public bool RemoteFallback { get; set; }

    /// <summary>The only host the fallback may contact (host or host:port).</summary>
    [Required(AllowEmptyStrings = false)]
    public string RemoteHost { get; set; } = "labelerrors.com";

    [Range(1, 120)]
    public int RemoteTimeoutSeconds { get; set; } = 10;

    [Range(1024, 64 * 1024 * 1024)]
    public int RemoteMaxBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>After a failed fetch the same URL is not tried again for this long.</summary>
    [Range(1, 24 * 60)]
    public int RemoteRetryAfterMinutes { get; set; } = 30;

    /// <summary>Disk cache for rendered images and fetched content (e.g. <c>.data/cache</c>); empty = memory only.</summary>
    public string? CacheDir { get; set; }

    /// <summary>Upper bound of the in-memory cache of rendered PNGs.</summary>
    [Range(1, 4096)]
    public int MemoryCacheMegabytes { get; set; } = 128;
}
