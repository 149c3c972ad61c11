using LabelErrors.Core.Imaging;
using LabelErrors.Web.Images;
using SixLabors.ImageSharp;

namespace LabelErrors.Web.Uploads;

/// <summary>
/// The images of an upload (extracted and checked at upload time into <c>{uploads root}/{token}/content/{index}.ext</c>)
/// as a link of the image endpoint's content chain, so uploads are rendered and thumbnailed like the study's sets.
/// </summary>
public sealed class UploadPixelSource(string contentFolder, SafeImageDecoder decoder) : IPixelSource
{
    public ContentSourceKind Kind => ContentSourceKind.ConfiguredFolder;

    public bool IsAvailable => Directory.Exists(contentFolder);

    public async Task<Image?> TryLoadAsync(long id, CancellationToken cancellationToken)
    {
        if (id < 0)
            return null;
        foreach (var extension in ZipContentValidator.ImageExtensions)
        {
            var path = Path.Combine(contentFolder, id.ToString(System.Globalization.CultureInfo.InvariantCulture) + extension);
            if (File.Exists(path))
                return await decoder.DecodeAsync(await File.ReadAllBytesAsync(path, cancellationToken), cancellationToken);
        }
        return null;
    }

    /// <summary>The share token of an upload's slug (see <see cref="ShareTokens.Slug"/>); its files live under the token.</summary>
    public static string? TokenOf(string slug) => ShareTokens.TokenOfSlug(slug);
}
