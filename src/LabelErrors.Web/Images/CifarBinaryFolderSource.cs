using LabelErrors.Core.Imaging;
using SixLabors.ImageSharp;

namespace LabelErrors.Web.Images;

/// <summary>CIFAR-10 / CIFAR-100 test images from the binary batch in a configured folder.</summary>
public sealed class CifarBinaryFolderSource : IPixelSource
{
    private readonly CifarBinaryBatch? _batch;

    /// <param name="directory">The configured folder (may be empty: the source is then unavailable).</param>
    /// <param name="fileName"><c>test_batch.bin</c> (CIFAR-10) or <c>test.bin</c> (CIFAR-100).</param>
    /// <param name="archiveFolder">The folder the official archive unpacks to, also looked in.</param>
    /// <param name="labelBytes">1 for CIFAR-10, 2 for CIFAR-100.</param>
    public CifarBinaryFolderSource(string? directory, string fileName, string archiveFolder, int labelBytes)
    {
        if (string.IsNullOrWhiteSpace(directory))
            return;
        var path = new[] { Path.Combine(directory, fileName), Path.Combine(directory, archiveFolder, fileName) }.FirstOrDefault(File.Exists);
        if (path is not null)
            _batch = new CifarBinaryBatch(path, labelBytes);
    }

    public ContentSourceKind Kind => ContentSourceKind.ConfiguredFolder;
    public bool IsAvailable => _batch is not null;

    public Task<Image?> TryLoadAsync(long id, CancellationToken cancellationToken) =>
        Task.FromResult<Image?>(_batch is not null && id >= 0 && id < _batch.Count ? _batch.ReadImage(id) : null);
}
