using LabelErrors.Data;
using LabelErrors.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LabelErrors.Web.Review;

/// <summary>
/// Review decisions on an uploaded dataset's flagged examples. Every decision is one INSERT committed before the call
/// returns (nothing is kept only in memory), undo marks rows undone instead of deleting them, so the log is complete.
/// </summary>
public sealed class ReviewService(IDbContextFactory<LabelErrorsDbContext> contexts, TimeProvider time)
{
    public const int MaxNoteLength = 1000;

    /// <summary>The flagged examples, worst label quality first (ties by issue rank, then index), read a stretch at a time.</summary>
    public IReviewQueue<ReviewItem> Queue(int datasetId) => new FlaggedReviewQueue(contexts, datasetId);

    /// <summary>Each decided example's current decision (its latest one not undone), by study index.</summary>
    public async Task<IReadOnlyDictionary<long, ReviewDecision>> CurrentAsync(int datasetId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await CurrentAsync(db, datasetId, cancellationToken);
    }

    internal static async Task<Dictionary<long, ReviewDecision>> CurrentAsync(LabelErrorsDbContext db, int datasetId, CancellationToken cancellationToken)
    {
        var current = new Dictionary<long, ReviewDecision>();
        var rows = db.ReviewDecisions.AsNoTracking()
            .Where(d => d.DatasetId == datasetId && d.UndoneAt == null)
            .OrderBy(d => d.Id)
            .AsAsyncEnumerable();
        await foreach (var decision in rows.WithCancellation(cancellationToken))
            current[decision.StudyIndex] = decision;
        return current;
    }

    public async Task<ReviewDecision> DecideAsync(int datasetId, DecisionInput input, CancellationToken cancellationToken = default)
    {
        if (input.Note is { Length: > MaxNoteLength })
            throw new ReviewException($"the note is longer than {MaxNoteLength} characters");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var example = await db.Examples.AsNoTracking()
            .Where(e => e.DatasetId == datasetId && e.StudyIndex == input.StudyIndex)
            .Select(e => new { e.Id, e.GivenLabel, Suggested = e.GuessedLabel ?? e.PredictedLabel })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new ReviewException($"there is no example {input.StudyIndex}");
        var classCount = await db.Datasets.Where(d => d.Id == datasetId).Select(d => d.ClassCount).SingleAsync(cancellationToken);

        int? label = input.Kind switch
        {
            ReviewDecisionKind.Keep => example.GivenLabel,
            ReviewDecisionKind.Accept => example.Suggested ?? throw new ReviewException($"example {input.StudyIndex} has no suggested label"),
            ReviewDecisionKind.Relabel => input.Label is { } l && l >= 0 && l < classCount
                ? l
                : throw new ReviewException($"relabel needs a class between 0 and {classCount - 1}"),
            _ => null,
        };
        var decision = new ReviewDecision
        {
            DatasetId = datasetId,
            ExampleId = example.Id,
            StudyIndex = input.StudyIndex,
            Kind = input.Kind,
            Label = label,
            Note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim(),
            DecidedAt = time.GetUtcNow(),
        };
        db.ReviewDecisions.Add(decision);
        await db.SaveChangesAsync(cancellationToken);
        return decision;
    }

    /// <summary>
    /// Undoes the latest decision still in force (a whole bulk action when it was one); the example's previous
    /// decision, if any, counts again. Returns the study indices whose decision changed (empty when nothing to undo).
    /// </summary>
    public async Task<IReadOnlyList<long>> UndoLastAsync(int datasetId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var last = await db.ReviewDecisions.AsNoTracking()
            .Where(d => d.DatasetId == datasetId && d.UndoneAt == null)
            .OrderByDescending(d => d.Id)
            .Select(d => new { d.Id, d.BatchId, d.StudyIndex })
            .FirstOrDefaultAsync(cancellationToken);
        if (last is null)
            return [];
        var now = time.GetUtcNow();
        var undone = db.ReviewDecisions.Where(d => d.DatasetId == datasetId && d.UndoneAt == null);
        undone = last.BatchId is { } batch ? undone.Where(d => d.BatchId == batch) : undone.Where(d => d.Id == last.Id);
        var indices = await undone.Select(d => d.StudyIndex).ToListAsync(cancellationToken);
        await undone.ExecuteUpdateAsync(s => s.SetProperty(d => d.UndoneAt, now), cancellationToken);
        return indices;
    }

    /// <summary>What "accept the suggestion for the <paramref name="worst"/> worst" would change: undecided flagged examples only.</summary>
    public async Task<IReadOnlyList<BulkChange>> PreviewBulkAcceptAsync(int datasetId, int worst, CancellationToken cancellationToken = default)
    {
        if (worst <= 0)
            return [];
        var current = await CurrentAsync(datasetId, cancellationToken);
        var queue = Queue(datasetId);
        var changes = new List<BulkChange>();
        // The queue a window at a time from its start, until enough undecided examples with a suggestion are found.
        var window = Math.Clamp(worst, 100, 5_000);
        ReviewItem? after = null;
        while (changes.Count < worst)
        {
            var items = await queue.AfterAsync(after, window, cancellationToken);
            changes.AddRange(items
                .Where(i => i.SuggestedLabel is not null && !current.ContainsKey(i.StudyIndex))
                .Take(worst - changes.Count)
                .Select(i => new BulkChange(i.StudyIndex, i.GivenLabel, i.SuggestedLabel!.Value, i.LabelQuality)));
            if (items.Count < window)
                break;
            after = items[^1];
        }
        return changes;
    }

    /// <summary>Accepts the suggestion for the previewed examples as one batch (one undo takes it back).</summary>
    public async Task<IReadOnlyList<BulkChange>> BulkAcceptAsync(int datasetId, int worst, string? note = null, CancellationToken cancellationToken = default)
    {
        var changes = await PreviewBulkAcceptAsync(datasetId, worst, cancellationToken);
        if (changes.Count == 0)
            return changes;
        await BulkAcceptBatch.SaveAsync(contexts, time.GetUtcNow(), datasetId, changes.Select(c => c.StudyIndex).ToList(),
            string.IsNullOrWhiteSpace(note) ? $"bulk: accept the suggestion for the {worst} worst" : note.Trim(),
            (decision, i) => decision.Label = changes[i].SuggestedLabel, cancellationToken);
        return changes;
    }

    /// <summary>The example's text, for text uploads (null otherwise).</summary>
    public async Task<string?> TextAsync(int datasetId, long studyIndex, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Examples.AsNoTracking()
            .Where(e => e.DatasetId == datasetId && e.StudyIndex == studyIndex && e.Text != null)
            .Select(e => e.Text!.Text)
            .FirstOrDefaultAsync(cancellationToken);
    }
}
