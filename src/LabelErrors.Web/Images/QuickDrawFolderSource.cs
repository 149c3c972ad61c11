using LabelErrors.Core.Imaging;
using SixLabors.ImageSharp;

namespace LabelErrors.Web.Images;

/// <summary>QuickDraw drawings from a configured numpy_bitmap folder; the headers are read once, on first use.</summary>
public sealed class QuickDrawFolderSource(string? directory, ILogger logger) : IPixelSource
{
    private readonly Lazy<QuickDrawFolder?> _folder = new(() =>
    {
        if (string.IsNullOrWhiteSpace(directory) || !Directory.Exists(directory))
            return null;
        try
        {
            return QuickDrawFolder.Open(directory);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException or LabelErrors.Core.Validation.LabelErrorsInputException)
        {
            logger.LogWarning("Content:QuickDrawDir {Directory} is not usable: {Reason}", directory, ex.Message);
            return null;
        }
    });

    public ContentSourceKind Kind => ContentSourceKind.ConfiguredFolder;
    public bool IsAvailable => _folder.Value is not null;

    public Task<Image?> TryLoadAsync(long id, CancellationToken cancellationToken) =>
        Task.FromResult<Image?>(_folder.Value is { } folder && id >= 0 && id < folder.Index.Total ? folder.ToImage(id) : null);
}
