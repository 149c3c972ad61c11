using Microsoft.Extensions.Options;

namespace LabelErrors.Web.Uploads;

/// <summary>
/// Upload files on disk: each upload is staged in <c>{root}/incoming/{random}</c> while it arrives and is validated,
/// then moved to <c>{root}/{share token}</c> when its job is queued, or deleted when it is refused.
/// </summary>
public sealed class UploadStorage(IOptions<UploadOptions> options, IHostEnvironment environment)
{
    private const int CopyBufferBytes = 1 << 16;

    public string Root { get; } = Path.GetFullPath(options.Value.Root, environment.ContentRootPath);

    public UploadOptions Limits => options.Value;

    public string CreateStagingFolder()
    {
        var folder = Path.Combine(Root, "incoming", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>The size limit of a file field, shown on the page and enforced while streaming.</summary>
    public long LimitFor(string field) => field switch
    {
        UploadField.PredProbs => Limits.MaxPredProbsBytes,
        UploadField.Labels => Limits.MaxLabelsBytes,
        UploadField.ClassNames => Limits.MaxClassNamesBytes,
        UploadField.Content => Limits.MaxContentBytes,
        _ => throw new UploadRejectedException(field, $"unknown file field '{field}'"),
    };

    /// <summary>Copies <paramref name="source"/> to the staging folder in small blocks, refusing it as soon as it passes its limit.</summary>
    public async Task<StagedFile> StageAsync(string stagingFolder, string field, string? fileName, Stream source, CancellationToken cancellationToken)
    {
        var limit = LimitFor(field);
        var safeName = Path.GetFileName(fileName ?? "");
        if (safeName.Length == 0)
            safeName = field;
        var path = Path.Combine(stagingFolder, field + Path.GetExtension(safeName).ToLowerInvariant());
        var buffer = new byte[CopyBufferBytes];
        long total = 0;
        await using (var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, CopyBufferBytes, useAsync: true))
        {
            int read;
            while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
            {
                total += read;
                if (total > limit)
                    throw new UploadRejectedException(field, $"{safeName}: larger than the limit of {FormatBytes(limit)}", StatusCodes.Status413PayloadTooLarge);
                await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
        }
        if (total == 0)
            throw new UploadRejectedException(field, $"{safeName}: the file is empty");
        return new StagedFile(field, safeName, path, total);
    }

    /// <summary>Moves a validated staging folder to its permanent place; returns the path relative to the root.</summary>
    public string Commit(string stagingFolder, string shareToken)
    {
        var relative = shareToken;
        Directory.Move(stagingFolder, Path.Combine(Root, relative));
        return relative;
    }

    public string PathOf(string storagePath, string fileName) => Path.Combine(Root, storagePath, fileName);

    public string ContentFolder(string storagePath) => Path.Combine(Root, storagePath, "content");

    public void DeleteFolder(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
                Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open (a download in progress): the folder is left for the next cleanup.
        }
    }

    public void Delete(string storagePath) => DeleteFolder(Path.Combine(Root, storagePath));

    public static string FormatBytes(long bytes) => bytes switch
    {
        >= 1L << 30 when bytes % (1L << 30) == 0 => $"{bytes >> 30} GiB",
        >= 1L << 20 => $"{bytes / (double)(1L << 20):0.#} MiB",
        >= 1L << 10 => $"{bytes / 1024.0:0.#} KiB",
        _ => $"{bytes} bytes",
    };
}
