using LabelErrors.Web.Uploads;
using LabelErrors.Web.Uploads.MultiLabel;
using Microsoft.Extensions.Options;

namespace LabelErrors.Web.Review.MultiLabel;

/// <summary>Opens a <see cref="MultiLabelReviewSession"/> for a multi-label upload the caller may write to (check <see cref="ReviewAccess.WritableAsync"/> first).</summary>
public sealed class MultiLabelReviewSessions(MultiLabelReviewService decisions, ReviewService log, MultiLabelGallery gallery, IOptions<ReviewOptions> options)
{
    public async Task<MultiLabelReviewSession> OpenAsync(UploadLookup upload, CancellationToken cancellationToken = default)
    {
        var session = new MultiLabelReviewSession(decisions, log, gallery, upload, options.Value.QueueWindow);
        try
        {
            await session.OpenAsync(cancellationToken);
            return session;
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }
}
