using LabelErrors.Data;
using LabelErrors.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LabelErrors.Web.Review.MultiLabel;

/// <summary>
/// The review queue of a multi-label upload: its ranked examples in the gallery's issue-rank order, read by keyset on
/// the partial index (dataset_id, issue_rank) WHERE issue_rank IS NOT NULL (ranks are distinct in an upload; the
/// study index only makes the order total).
/// </summary>
internal sealed class MultiLabelReviewQueue(IDbContextFactory<LabelErrorsDbContext> contexts, int datasetId) : IReviewQueue<MultiLabelQueueItem>
{
    public async Task<int> CountAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await Ranked(db).CountAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<MultiLabelQueueItem>> AfterAsync(MultiLabelQueueItem? after, int take, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var ranked = Ranked(db);
        if (after is not null)
        {
            var (rank, index) = (after.IssueRank, after.StudyIndex);
            ranked = ranked.Where(e => e.IssueRank >= rank
                && EF.Functions.GreaterThan(ValueTuple.Create(e.IssueRank!.Value, e.StudyIndex), ValueTuple.Create(rank, index)));
        }
        return await Select(ranked.OrderBy(e => e.IssueRank).ThenBy(e => e.StudyIndex)).Take(take).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<MultiLabelQueueItem>> BeforeAsync(MultiLabelQueueItem? before, int take, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var ranked = Ranked(db);
        if (before is not null)
        {
            var (rank, index) = (before.IssueRank, before.StudyIndex);
            ranked = ranked.Where(e => e.IssueRank <= rank
                && EF.Functions.LessThan(ValueTuple.Create(e.IssueRank!.Value, e.StudyIndex), ValueTuple.Create(rank, index)));
        }
        var items = await Select(ranked.OrderByDescending(e => e.IssueRank).ThenByDescending(e => e.StudyIndex)).Take(take).ToListAsync(cancellationToken);
        items.Reverse();
        return items;
    }

    public async Task<int> CountBeforeAsync(MultiLabelQueueItem item, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var (rank, index) = (item.IssueRank, item.StudyIndex);
        // Two counts: the lower ranks are read from the index alone; only the item's own rank needs the rows.
        return await Ranked(db).CountAsync(e => e.IssueRank < rank, cancellationToken)
            + await Ranked(db).CountAsync(e => e.IssueRank == rank && e.StudyIndex < index, cancellationToken);
    }

    public async Task<MultiLabelQueueItem?> FirstOfAsync(IReadOnlyCollection<long> studyIndices, CancellationToken cancellationToken)
    {
        var indices = studyIndices.ToArray();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await Select(Ranked(db).Where(e => indices.Contains(e.StudyIndex)).OrderBy(e => e.IssueRank).ThenBy(e => e.StudyIndex))
            .FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<int> CountOfAsync(IReadOnlyCollection<long> studyIndices, CancellationToken cancellationToken)
    {
        if (studyIndices.Count == 0)
            return 0;
        var indices = studyIndices.ToArray();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await Ranked(db).CountAsync(e => indices.Contains(e.StudyIndex), cancellationToken);
    }

    private IQueryable<Example> Ranked(LabelErrorsDbContext db) =>
        db.Examples.AsNoTracking().Where(e => e.DatasetId == datasetId && e.IssueRank != null);

    private static IQueryable<MultiLabelQueueItem> Select(IQueryable<Example> examples) =>
        examples.Select(e => new MultiLabelQueueItem(e.StudyIndex, e.IssueRank!.Value, e.LabelQuality));
}
