using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Memory;
using SixLabors.ImageSharp.PixelFormats;

namespace LabelErrors.Core.Imaging;

/// <summary>
/// Decodes untrusted image bytes: identify first (header only), refuse anything above the limits, then decode on a
/// worker thread with an allocation cap and a timeout. The caller's thread never runs the decoder.
/// </summary>
public sealed class SafeImageDecoder
{
    private readonly ImageDecodeLimits _limits;
    private readonly Configuration _configuration;
    private readonly SemaphoreSlim _slots;

    public SafeImageDecoder(ImageDecodeLimits? limits = null, int? maxConcurrentDecodes = null)
    {
        _limits = limits ?? ImageDecodeLimits.Default;
        _configuration = Configuration.Default.Clone();
        _configuration.MemoryAllocator = MemoryAllocator.Create(new MemoryAllocatorOptions { AllocationLimitMegabytes = _limits.AllocationLimitMegabytes });
        _slots = new SemaphoreSlim(maxConcurrentDecodes ?? Math.Max(1, Environment.ProcessorCount));
    }

    public ImageDecodeLimits Limits => _limits;

    /// <summary>Width and height from the header alone, or a rejection when the format is unknown or the size too large.</summary>
    public Size Inspect(byte[] bytes)
    {
        if (bytes.LongLength > _limits.MaxFileBytes)
            throw new ImageRejectedException($"the file is {bytes.LongLength:N0} bytes; the limit is {_limits.MaxFileBytes:N0}");
        IImageInfo? info;
        try
        {
            info = Image.Identify(_configuration, bytes, out _);
        }
        catch (Exception ex) when (ex is ImageFormatException or InvalidMemoryOperationException or NotSupportedException)
        {
            throw new ImageRejectedException($"not a readable image: {ex.Message}", ex);
        }
        if (info is null)
            throw new ImageRejectedException("not an image in a supported format (JPEG, PNG, GIF, BMP, TGA, WebP, TIFF)");
        if (info.Width <= 0 || info.Height <= 0 || info.Width > _limits.MaxSide || info.Height > _limits.MaxSide
            || (long)info.Width * info.Height > _limits.MaxPixels)
            throw new ImageRejectedException($"the image is {info.Width} × {info.Height}; the limit is {_limits.MaxSide} px a side and {_limits.MaxPixels:N0} pixels");
        return new Size(info.Width, info.Height);
    }

    public async Task<Image<Rgb24>> DecodeAsync(byte[] bytes, CancellationToken cancellationToken)
    {
        Inspect(bytes);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_limits.DecodeTimeout);
        await _slots.WaitAsync(timeout.Token).ConfigureAwait(false);
        try
        {
            return await Task.Run(async () =>
            {
                using var stream = new MemoryStream(bytes, writable: false);
                return await Image.LoadAsync<Rgb24>(_configuration, stream, timeout.Token).ConfigureAwait(false);
            }, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ImageRejectedException($"decoding took longer than {_limits.DecodeTimeout.TotalSeconds:0.#} s");
        }
        catch (Exception ex) when (ex is ImageFormatException or InvalidMemoryOperationException or UnknownImageFormatException)
        {
            throw new ImageRejectedException($"the image could not be decoded: {ex.Message}", ex);
        }
        finally
        {
            _slots.Release();
        }
    }
}
