using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace LabelErrors.Web.Images;

/// <summary>
/// Rendered PNGs by key: a size-bounded memory cache, an optional disk cache, and single-flight rendering so a key
/// requested by many clients at once is rendered exactly once.
/// </summary>
public sealed class RenderedImageCache : IDisposable
{
    private readonly MemoryCache _memory;
    private readonly ConcurrentDictionary<string, Lazy<Task<RenderedImage>>> _inFlight = new(StringComparer.Ordinal);
    private readonly string? _diskDir;
    private readonly ILogger<RenderedImageCache> _logger;
    private long _renders;

    public RenderedImageCache(IOptions<ContentOptions> options, ILogger<RenderedImageCache> logger)
    {
        _logger = logger;
        _memory = new MemoryCache(new MemoryCacheOptions { SizeLimit = options.Value.MemoryCacheMegabytes * 1024L * 1024L, CompactionPercentage = 0.25 });
        if (!string.IsNullOrWhiteSpace(options.Value.CacheDir))
            _diskDir = Path.Combine(Path.GetFullPath(options.Value.CacheDir), "render", "v" + ImageUrls.Version);
    }

    /// <summary>How many times a render function actually ran (for tests of the single-flight behaviour).</summary>
    public long RenderCount => Interlocked.Read(ref _renders);

    public bool TryGet(string key, out RenderedImage? image) => _memory.TryGetValue(key, out image);

    public Task<RenderedImage> GetOrRenderAsync(string key, Func<CancellationToken, Task<RenderedImage>> render)
    {
        if (_memory.TryGetValue(key, out RenderedImage? hit) && hit is not null)
            return Task.FromResult(hit);

        // The render is not tied to the first caller's request: if that client goes away, the others still get it.
        var lazy = _inFlight.GetOrAdd(key, k => new Lazy<Task<RenderedImage>>(() => RenderOnceAsync(k, render)));
        return lazy.Value;
    }

    private async Task<RenderedImage> RenderOnceAsync(string key, Func<CancellationToken, Task<RenderedImage>> render)
    {
        try
        {
            var image = await ReadDiskAsync(key).ConfigureAwait(false);
            if (image is null)
            {
                Interlocked.Increment(ref _renders);
                image = await Task.Run(() => render(CancellationToken.None)).ConfigureAwait(false);
                if (!image.IsPlaceholder)
                    await WriteDiskAsync(key, image).ConfigureAwait(false);
            }
            var entry = new MemoryCacheEntryOptions { Size = image.CacheSize };
            if (image.IsPlaceholder)
                entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(5); // configured content may appear later
            _memory.Set(key, image, entry);
            return image;
        }
        finally
        {
            _inFlight.TryRemove(key, out _);
        }
    }

    private string? DiskPath(string key) =>
        _diskDir is null ? null : Path.Combine(_diskDir, Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..32].ToLowerInvariant() + ".png");

    private async Task<RenderedImage?> ReadDiskAsync(string key)
    {
        if (DiskPath(key) is not { } path || !File.Exists(path) || !File.Exists(path + ".etag"))
            return null;
        try
        {
            var etag = await File.ReadAllTextAsync(path + ".etag").ConfigureAwait(false);
            return new RenderedImage(await File.ReadAllBytesAsync(path).ConfigureAwait(false), etag, IsPlaceholder: false);
        }
        catch (IOException ex)
        {
            _logger.LogWarning("Disk cache entry {Path} unreadable, rendering again: {Reason}", path, ex.Message);
            return null;
        }
    }

    private async Task WriteDiskAsync(string key, RenderedImage image)
    {
        if (DiskPath(key) is not { } path)
            return;
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            // Write-then-rename so a reader never sees half a file.
            var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
            await File.WriteAllBytesAsync(temp, image.Png).ConfigureAwait(false);
            File.Move(temp, path, overwrite: true);
            await File.WriteAllTextAsync(path + ".etag", image.ETag).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            _logger.LogWarning("Could not write the disk cache at {Path}: {Reason}", path, ex.Message);
        }
    }

    public void Dispose() => _memory.Dispose();
}
