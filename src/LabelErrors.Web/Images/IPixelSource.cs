using SixLabors.ImageSharp;

namespace LabelErrors.Web.Images;

/// <summary>One link of a dataset's content chain: gives the example's image, or null when it does not have it.</summary>
public interface IPixelSource
{
    ContentSourceKind Kind { get; }

    /// <summary>Whether this source is set up at all (bundled file present, folder configured and readable).</summary>
    bool IsAvailable { get; }

    Task<Image?> TryLoadAsync(long id, CancellationToken cancellationToken);
}
