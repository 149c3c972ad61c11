using LabelErrors.Data.Entities;
using LabelErrors.Web.Uploads;

namespace LabelErrors.Web.Review;

/// <summary>
/// Who may do what with an upload's review: anyone with the share link reads the cleaned labels and the log (like the
/// issues CSV); only the owner key records or undoes decisions.
/// </summary>
public sealed class ReviewAccess(UploadQueries uploads)
{
    /// <summary>
    /// The upload when its analysis succeeded (there is then a queue to review), else null. A multi-label upload's
    /// review decides label sets (<see cref="MultiLabel.MultiLabelReviewService"/>).
    /// </summary>
    public async Task<UploadLookup?> ReadableAsync(string token, CancellationToken cancellationToken = default)
    {
        var upload = await uploads.FindAsync(token, cancellationToken);
        return upload is { Job.State: AnalysisJobState.Succeeded, Dataset.Upload: not null } ? upload : null;
    }

    /// <summary>The upload when <paramref name="ownerKey"/> is its owner key, else null.</summary>
    public async Task<UploadLookup?> WritableAsync(string token, string? ownerKey, CancellationToken cancellationToken = default)
    {
        var upload = await ReadableAsync(token, cancellationToken);
        return upload?.Dataset.Upload is { } info && ShareTokens.Matches(ownerKey, info.OwnerKeyHash) ? upload : null;
    }
}
