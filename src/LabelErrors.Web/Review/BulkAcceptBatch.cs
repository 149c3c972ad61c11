using LabelErrors.Data;
using LabelErrors.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LabelErrors.Web.Review;

/// <summary>
/// Stores a bulk accept: one "accept" decision per example, all with one batch id and one time, so that one undo takes
/// them all back. What each decision holds (a label, a label set) is filled in by the caller.
/// </summary>
internal static class BulkAcceptBatch
{
    public static async Task SaveAsync(IDbContextFactory<LabelErrorsDbContext> contexts, DateTimeOffset now, int datasetId,
        IReadOnlyList<long> studyIndices, string note, Action<ReviewDecision, int> fill, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var indices = studyIndices.ToArray();
        var ids = await db.Examples.AsNoTracking()
            .Where(e => e.DatasetId == datasetId && indices.Contains(e.StudyIndex))
            .ToDictionaryAsync(e => e.StudyIndex, e => e.Id, cancellationToken);
        var batch = Guid.NewGuid();
        db.ReviewDecisions.AddRange(indices.Select((studyIndex, i) =>
        {
            var decision = new ReviewDecision
            {
                DatasetId = datasetId,
                ExampleId = ids[studyIndex],
                StudyIndex = studyIndex,
                Kind = ReviewDecisionKind.Accept,
                Note = note,
                DecidedAt = now,
                BatchId = batch,
            };
            fill(decision, i);
            return decision;
        }));
        await db.SaveChangesAsync(cancellationToken);
    }
}
