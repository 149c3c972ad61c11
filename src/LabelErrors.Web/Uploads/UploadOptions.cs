using System.ComponentModel.DataAnnotations;

namespace LabelErrors.Web.Uploads;

/// <summary>Limits and storage of user uploads (section <c>Uploads</c>).</summary>
public sealed class UploadOptions
{
    public const string Section = "Uploads";

    /// <summary>Folder of the uploaded files; relative paths are resolved against the app's content root.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Root { get; set; } = ".data/uploads";

    [Range(1, long.MaxValue)]
    public long MaxPredProbsBytes { get; set; } = 2L << 30;

    [Range(1, long.MaxValue)]
    public long MaxLabelsBytes { get; set; } = 256L << 20;

    [Range(1, long.MaxValue)]
    public long MaxClassNamesBytes { get; set; } = 16L << 20;

    /// <summary>The content zip (or text CSV) as uploaded.</summary>
    [Range(1, long.MaxValue)]
    public long MaxContentBytes { get; set; } = 1L << 30;

    /// <summary>Zip bombs: the sum of the entries' real (decompressed) sizes may not exceed this.</summary>
    [Range(1, long.MaxValue)]
    public long MaxContentUncompressedBytes { get; set; } = 4L << 30;

    [Range(1, int.MaxValue)]
    public int MaxZipEntries { get; set; } = 2_000_000;

    /// <summary>Largest image accepted in a content zip, in pixels per side (decoding is refused beyond it).</summary>
    [Range(1, 65_535)]
    public int MaxImageSide { get; set; } = 4096;

    /// <summary>Uploads per client per minute (ASP.NET Core rate limiter, fixed window).</summary>
    [Range(1, int.MaxValue)]
    public int UploadsPerMinutePerClient { get; set; } = 10;

    /// <summary>Jobs one client may have queued or running at once.</summary>
    [Range(1, int.MaxValue)]
    public int MaxQueuedJobsPerClient { get; set; } = 3;

    public long MaxRequestBytes => MaxPredProbsBytes + MaxLabelsBytes + MaxClassNamesBytes + MaxContentBytes + (1 << 20);
}
