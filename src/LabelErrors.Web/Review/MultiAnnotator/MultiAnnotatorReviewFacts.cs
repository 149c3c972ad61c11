using LabelErrors.Data;
using LabelErrors.Web.Uploads.Annotators;
using Microsoft.EntityFrameworkCore;

namespace LabelErrors.Web.Review.MultiAnnotator;

/// <summary>Reads one example's <see cref="ReviewConsensusFacts"/> for the review page (the votes are the permalink's query).</summary>
public sealed class MultiAnnotatorReviewFacts(IDbContextFactory<LabelErrorsDbContext> contexts, AnnotatorQueries annotators)
{
    public async Task<ReviewConsensusFacts> ForAsync(int datasetId, long studyIndex, CancellationToken cancellationToken = default)
    {
        var votes = await annotators.VotesAsync(datasetId, studyIndex, cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var example = await db.Examples.AsNoTracking()
            .Where(e => e.DatasetId == datasetId && e.StudyIndex == studyIndex)
            .Select(e => new { e.AnnotatorAgreement, e.NumAnnotations })
            .SingleOrDefaultAsync(cancellationToken);
        return new ReviewConsensusFacts(votes, example?.AnnotatorAgreement, example?.NumAnnotations ?? votes.Count);
    }
}
