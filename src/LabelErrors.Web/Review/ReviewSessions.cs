using LabelErrors.Web.Uploads;

namespace LabelErrors.Web.Review;

/// <summary>Opens a <see cref="ReviewSession"/> for an upload the caller may write to (check <see cref="ReviewAccess.WritableAsync"/> first).</summary>
public sealed class ReviewSessions(ReviewService decisions, PredictedClasses predicted, MultiAnnotator.MultiAnnotatorReviewFacts consensusFacts)
{
    public async Task<ReviewSession> OpenAsync(UploadLookup upload, CancellationToken cancellationToken = default)
    {
        var session = new ReviewSession(decisions, predicted, upload) { ConsensusFacts = consensusFacts };
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
