using LabelErrors.Web.Uploads;
using Microsoft.Extensions.Options;

namespace LabelErrors.Web.Review;

/// <summary>Opens a <see cref="ReviewSession"/> for an upload the caller may write to (check <see cref="ReviewAccess.WritableAsync"/> first).</summary>
public sealed class ReviewSessions(
    ReviewService decisions, PredictedClasses predicted, MultiAnnotator.MultiAnnotatorReviewFacts consensusFacts, IOptions<ReviewOptions> options)
{
    public async Task<ReviewSession> OpenAsync(UploadLookup upload, CancellationToken cancellationToken = default)
    {
        var session = new ReviewSession(decisions, predicted, upload, options.Value.QueueWindow) { ConsensusFacts = consensusFacts };
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
