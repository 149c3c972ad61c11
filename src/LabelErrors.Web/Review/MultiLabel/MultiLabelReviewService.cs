using LabelErrors.Data;
using LabelErrors.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LabelErrors.Web.Review.MultiLabel;

/// <summary>
/// Review decisions on a multi-label upload's flagged examples: each decision stores the example's decided label set
/// (<see cref="ReviewDecision.Labels"/>) in the same append-only log as multi-class decisions, so the current
/// decision, undo and the log are <see cref="ReviewService"/>'s.
/// </summary>
public sealed class MultiLabelReviewService(IDbContextFactory<LabelErrorsDbContext> contexts, TimeProvider time)
{
    /// <summary>The flagged examples ranked as the gallery ranks them (issue rank, best-first by cleanlab's ranking), read a stretch at a time.</summary>
    public IReviewQueue<MultiLabelQueueItem> Queue(int datasetId) => new MultiLabelReviewQueue(contexts, datasetId);

    public async Task<ReviewDecision> DecideAsync(int datasetId, MultiLabelDecisionInput input, CancellationToken cancellationToken = default)
    {
        if (input.Note is { Length: > ReviewService.MaxNoteLength })
            throw new MultiLabelReviewException($"the note is longer than {ReviewService.MaxNoteLength} characters", "note");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var exampleId = await db.Examples.AsNoTracking()
            .Where(e => e.DatasetId == datasetId && e.StudyIndex == input.StudyIndex)
            .Select(e => (long?)e.Id)
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new MultiLabelReviewException($"there is no example {input.StudyIndex}", "index");
        var classCount = await db.Datasets.Where(d => d.Id == datasetId).Select(d => d.ClassCount).SingleAsync(cancellationToken);
        var (given, suggested) = await SetsAsync(db, datasetId, exampleId, cancellationToken);

        int[]? labels = input.Kind switch
        {
            ReviewDecisionKind.Keep => given,
            ReviewDecisionKind.Accept => suggested,
            ReviewDecisionKind.Relabel => Custom(input.Labels, classCount),
            _ => null,
        };
        if (input.Kind != ReviewDecisionKind.Relabel && input.Labels is not null)
            throw new MultiLabelReviewException("labels is only sent with the decision relabel (keep and accept derive their set)", "labels");
        var decision = new ReviewDecision
        {
            DatasetId = datasetId,
            ExampleId = exampleId,
            StudyIndex = input.StudyIndex,
            Kind = input.Kind,
            Labels = labels,
            Note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim(),
            DecidedAt = time.GetUtcNow(),
        };
        db.ReviewDecisions.Add(decision);
        await db.SaveChangesAsync(cancellationToken);
        return decision;
    }

    /// <summary>What "accept the suggested set for the <paramref name="worst"/> first" would change: undecided flagged examples only, in queue order.</summary>
    public async Task<IReadOnlyList<MultiLabelBulkChange>> PreviewBulkAcceptAsync(int datasetId, int worst, CancellationToken cancellationToken = default)
    {
        if (worst <= 0)
            return [];
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var current = await ReviewService.CurrentAsync(db, datasetId, cancellationToken);
        var decided = current.Keys.ToArray();
        var picked = await db.Examples.AsNoTracking()
            .Where(e => e.DatasetId == datasetId && e.IssueRank != null && !decided.Contains(e.StudyIndex))
            .OrderBy(e => e.IssueRank).Take(worst)
            .Select(e => new { e.Id, e.StudyIndex, e.LabelQuality })
            .ToListAsync(cancellationToken);
        var ids = picked.Select(p => p.Id).ToArray();
        var classes = await db.ExampleClassLabels.AsNoTracking()
            .Where(l => l.DatasetId == datasetId && ids.Contains(l.ExampleId))
            .Select(l => new { l.ExampleId, l.ClassIndex, l.IsGiven, l.Issue })
            .ToListAsync(cancellationToken);
        var byExample = classes.ToLookup(c => c.ExampleId);
        return picked.Select(p => new MultiLabelBulkChange(p.StudyIndex,
                byExample[p.Id].Where(c => c.IsGiven).Select(c => c.ClassIndex).Order().ToList(),
                byExample[p.Id].Where(c => c.IsGiven != (c.Issue != null)).Select(c => c.ClassIndex).Order().ToList(),
                p.LabelQuality))
            .ToList();
    }

    /// <summary>Accepts the suggested set of the previewed examples as one batch (one undo takes it back).</summary>
    public async Task<IReadOnlyList<MultiLabelBulkChange>> BulkAcceptAsync(int datasetId, int worst, string? note = null, CancellationToken cancellationToken = default)
    {
        var changes = await PreviewBulkAcceptAsync(datasetId, worst, cancellationToken);
        if (changes.Count == 0)
            return changes;
        await BulkAcceptBatch.SaveAsync(contexts, time.GetUtcNow(), datasetId, changes.Select(c => c.StudyIndex).ToList(),
            string.IsNullOrWhiteSpace(note) ? $"bulk: accept the suggested labels for the first {worst}" : note.Trim(),
            (decision, i) => decision.Labels = changes[i].Suggested.ToArray(), cancellationToken);
        return changes;
    }

    private static int[] Custom(IReadOnlyList<int>? labels, int classCount)
    {
        if (labels is null)
            throw new MultiLabelReviewException("relabel needs labels: the class ids of the example's set (an empty list for none)", "labels");
        foreach (var label in labels)
        {
            if (label < 0 || label >= classCount)
                throw new MultiLabelReviewException($"labels has the class id {label}; class ids are 0 to {classCount - 1}", "labels");
        }
        return MultiLabelDecisionRule.Normalize(labels);
    }

    private static async Task<(int[] Given, int[] Suggested)> SetsAsync(LabelErrorsDbContext db, int datasetId, long exampleId, CancellationToken cancellationToken)
    {
        var classes = await db.ExampleClassLabels.AsNoTracking()
            .Where(l => l.DatasetId == datasetId && l.ExampleId == exampleId)
            .Select(l => new { l.ClassIndex, l.IsGiven, l.Issue })
            .ToListAsync(cancellationToken);
        return (classes.Where(c => c.IsGiven).Select(c => c.ClassIndex).Order().ToArray(),
            classes.Where(c => c.IsGiven != (c.Issue != null)).Select(c => c.ClassIndex).Order().ToArray());
    }
}
