using LabelErrors.Data;
using LabelErrors.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LabelErrors.Web.Review;

/// <summary>
/// The review queue of a multi-class or multi-annotator upload: its flagged examples, worst label quality first (ties
/// by issue rank, then index; a missing quality or rank last). The partial index (dataset_id, is_cl_flagged,
/// label_quality) WHERE is_cl_flagged gives the order and a position's start, so a stretch is an index range with
/// ties sorted within one quality (Incremental Sort); a key over COALESCE(label_quality, …) would be held by no index.
/// The order is walked in two runs: the examples with a label quality, then (none in an upload, whose job writes
/// every example's quality) those without.
/// </summary>
internal sealed class FlaggedReviewQueue(IDbContextFactory<LabelErrorsDbContext> contexts, int datasetId) : IReviewQueue<ReviewItem>
{
    public async Task<int> CountAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await Flagged(db).CountAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ReviewItem>> AfterAsync(ReviewItem? after, int take, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var items = new List<ReviewItem>(take);
        if (after is not { LabelQuality: null })
        {
            var rated = Flagged(db).Where(e => e.LabelQuality != null);
            if (after is { LabelQuality: { } quality })
            {
                var (rank, index) = (RankOf(after), after.StudyIndex);
                rated = rated.Where(e => e.LabelQuality >= quality && EF.Functions.GreaterThan(
                    ValueTuple.Create(e.LabelQuality!.Value, e.IssueRank ?? int.MaxValue, e.StudyIndex), ValueTuple.Create(quality, rank, index)));
            }
            items.AddRange(await Select(rated.OrderBy(e => e.LabelQuality).ThenBy(e => e.IssueRank ?? int.MaxValue).ThenBy(e => e.StudyIndex))
                .Take(take).ToListAsync(cancellationToken));
        }
        if (items.Count < take)
        {
            var unrated = Flagged(db).Where(e => e.LabelQuality == null);
            if (after is { LabelQuality: null })
            {
                var (rank, index) = (RankOf(after), after.StudyIndex);
                unrated = unrated.Where(e => EF.Functions.GreaterThan(ValueTuple.Create(e.IssueRank ?? int.MaxValue, e.StudyIndex), ValueTuple.Create(rank, index)));
            }
            items.AddRange(await Select(unrated.OrderBy(e => e.IssueRank ?? int.MaxValue).ThenBy(e => e.StudyIndex))
                .Take(take - items.Count).ToListAsync(cancellationToken));
        }
        return items;
    }

    public async Task<IReadOnlyList<ReviewItem>> BeforeAsync(ReviewItem? before, int take, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var items = new List<ReviewItem>(take);
        if (before is null or { LabelQuality: null })
        {
            var unrated = Flagged(db).Where(e => e.LabelQuality == null);
            if (before is not null)
            {
                var (rank, index) = (RankOf(before), before.StudyIndex);
                unrated = unrated.Where(e => EF.Functions.LessThan(ValueTuple.Create(e.IssueRank ?? int.MaxValue, e.StudyIndex), ValueTuple.Create(rank, index)));
            }
            items.AddRange(await Select(unrated.OrderByDescending(e => e.IssueRank ?? int.MaxValue).ThenByDescending(e => e.StudyIndex))
                .Take(take).ToListAsync(cancellationToken));
        }
        if (items.Count < take)
        {
            var rated = Flagged(db).Where(e => e.LabelQuality != null);
            if (before is { LabelQuality: { } quality })
            {
                var (rank, index) = (RankOf(before), before.StudyIndex);
                rated = rated.Where(e => e.LabelQuality <= quality && EF.Functions.LessThan(
                    ValueTuple.Create(e.LabelQuality!.Value, e.IssueRank ?? int.MaxValue, e.StudyIndex), ValueTuple.Create(quality, rank, index)));
            }
            items.AddRange(await Select(rated.OrderByDescending(e => e.LabelQuality).ThenByDescending(e => e.IssueRank ?? int.MaxValue).ThenByDescending(e => e.StudyIndex))
                .Take(take - items.Count).ToListAsync(cancellationToken));
        }
        items.Reverse();
        return items;
    }

    public async Task<int> CountBeforeAsync(ReviewItem item, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rated = Flagged(db).Where(e => e.LabelQuality != null);
        var (rank, index) = (RankOf(item), item.StudyIndex);
        if (item.LabelQuality is not { } quality)
        {
            return await rated.CountAsync(cancellationToken) + await Flagged(db)
                .Where(e => e.LabelQuality == null && EF.Functions.LessThan(ValueTuple.Create(e.IssueRank ?? int.MaxValue, e.StudyIndex), ValueTuple.Create(rank, index)))
                .CountAsync(cancellationToken);
        }
        // Two counts: the lower qualities are read from the index alone; only the item's own quality needs the rows.
        return await rated.Where(e => e.LabelQuality < quality).CountAsync(cancellationToken) + await rated
            .Where(e => e.LabelQuality == quality && EF.Functions.LessThan(ValueTuple.Create(e.IssueRank ?? int.MaxValue, e.StudyIndex), ValueTuple.Create(rank, index)))
            .CountAsync(cancellationToken);
    }

    public async Task<ReviewItem?> FirstOfAsync(IReadOnlyCollection<long> studyIndices, CancellationToken cancellationToken)
    {
        var indices = studyIndices.ToArray();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // PostgreSQL's order (NULL and NaN after every number), as the stretches are read.
        return await Select(Flagged(db).Where(e => indices.Contains(e.StudyIndex))
                .OrderBy(e => e.LabelQuality).ThenBy(e => e.IssueRank ?? int.MaxValue).ThenBy(e => e.StudyIndex))
            .FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<int> CountOfAsync(IReadOnlyCollection<long> studyIndices, CancellationToken cancellationToken)
    {
        if (studyIndices.Count == 0)
            return 0;
        var indices = studyIndices.ToArray();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await Flagged(db).CountAsync(e => indices.Contains(e.StudyIndex), cancellationToken);
    }

    private IQueryable<Example> Flagged(LabelErrorsDbContext db) =>
        db.Examples.AsNoTracking().Where(e => e.DatasetId == datasetId && e.IsClFlagged);

    private static int RankOf(ReviewItem item) => item.IssueRank ?? int.MaxValue;

    private static IQueryable<ReviewItem> Select(IQueryable<Example> examples) =>
        examples.Select(e => new ReviewItem(e.Id, e.StudyIndex, e.GivenLabel, e.GuessedLabel ?? e.PredictedLabel, e.LabelQuality, e.NormalizedMargin, e.IssueRank));
}
