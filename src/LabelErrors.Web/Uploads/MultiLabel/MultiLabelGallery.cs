using LabelErrors.Data;
using LabelErrors.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LabelErrors.Web.Uploads.MultiLabel;

/// <summary>
/// The gallery, permalink and API reads of a multi-label upload: pages of a <see cref="MultiLabelView"/>, one example
/// with its classes, an example's previous/next in a view. Every query starts from the dataset (dataset_id leads every
/// key of examples and example_class_labels).
/// </summary>
public sealed class MultiLabelGallery(IDbContextFactory<LabelErrorsDbContext> contexts)
{
    private const int SnippetLength = 240;

    public async Task<MultiLabelPage> SearchAsync(int datasetId, MultiLabelView view, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var filtered = Filter(db, datasetId, view);
        var total = await filtered.CountAsync(cancellationToken);
        var rows = await Order(filtered, view).Skip((view.Page - 1) * MultiLabelView.PageSize).Take(MultiLabelView.PageSize)
            .Select(e => new { e.Id, e.StudyIndex, e.LabelQuality, e.IssueRank })
            .ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).ToArray();
        var classes = await ClassesAsync(db, datasetId, ids, cancellationToken);
        var snippets = await db.ExampleTexts.AsNoTracking().Where(t => t.DatasetId == datasetId && ids.Contains(t.ExampleId))
            .Select(t => new { t.ExampleId, Snippet = t.Text.Substring(0, SnippetLength) })
            .ToDictionaryAsync(t => t.ExampleId, t => t.Snippet, cancellationToken);
        var examples = rows.Select(r => new MultiLabelExample(r.StudyIndex, r.LabelQuality, r.IssueRank, snippets.GetValueOrDefault(r.Id),
            classes.GetValueOrDefault(r.Id) ?? [])).ToList();
        return new MultiLabelPage(examples, total, view.Page);
    }

    /// <summary>One example (by its index in the upload) with its classes; null when there is none.</summary>
    public async Task<MultiLabelExample?> FindAsync(int datasetId, long studyIndex, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Examples.AsNoTracking().Where(e => e.DatasetId == datasetId && e.StudyIndex == studyIndex)
            .Select(e => new { e.Id, e.StudyIndex, e.LabelQuality, e.IssueRank }).SingleOrDefaultAsync(cancellationToken);
        if (row is null)
            return null;
        var classes = await ClassesAsync(db, datasetId, [row.Id], cancellationToken);
        return new MultiLabelExample(row.StudyIndex, row.LabelQuality, row.IssueRank, null, classes.GetValueOrDefault(row.Id) ?? []);
    }

    /// <summary>The examples before and after <paramref name="studyIndex"/> in the view's order (null at either end or when it is not in the view).</summary>
    public async Task<(long? Previous, long? Next)> NeighboursAsync(int datasetId, MultiLabelView view, long studyIndex, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var filtered = Filter(db, datasetId, view);
        var current = await filtered.Where(e => e.StudyIndex == studyIndex)
            .Select(e => new { e.IssueRank, Quality = e.LabelQuality ?? double.MaxValue }).SingleOrDefaultAsync(cancellationToken);
        if (current is null)
            return (null, null);
        if (!view.AllExamples)
        {
            var rank = current.IssueRank!.Value;
            var previous = await filtered.Where(e => e.IssueRank < rank).OrderByDescending(e => e.IssueRank).Select(e => (long?)e.StudyIndex).FirstOrDefaultAsync(cancellationToken);
            var next = await filtered.Where(e => e.IssueRank > rank).OrderBy(e => e.IssueRank).Select(e => (long?)e.StudyIndex).FirstOrDefaultAsync(cancellationToken);
            return (previous, next);
        }
        var q = current.Quality;
        var before = await filtered.Where(e => (e.LabelQuality ?? double.MaxValue) < q || ((e.LabelQuality ?? double.MaxValue) == q && e.StudyIndex < studyIndex))
            .OrderByDescending(e => e.LabelQuality ?? double.MaxValue).ThenByDescending(e => e.StudyIndex).Select(e => (long?)e.StudyIndex).FirstOrDefaultAsync(cancellationToken);
        var after = await filtered.Where(e => (e.LabelQuality ?? double.MaxValue) > q || ((e.LabelQuality ?? double.MaxValue) == q && e.StudyIndex > studyIndex))
            .OrderBy(e => e.LabelQuality ?? double.MaxValue).ThenBy(e => e.StudyIndex).Select(e => (long?)e.StudyIndex).FirstOrDefaultAsync(cancellationToken);
        return (before, after);
    }

    /// <summary>How many examples have each kind of flagged class (for the filter's labels).</summary>
    public async Task<IReadOnlyDictionary<MultiLabelIssueKind, int>> IssueCountsAsync(int datasetId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var counts = await db.ExampleClassLabels.AsNoTracking().Where(l => l.DatasetId == datasetId && l.Issue != null)
            .GroupBy(l => l.Issue!.Value).Select(g => new { Kind = g.Key, Examples = g.Select(l => l.ExampleId).Distinct().Count() })
            .ToListAsync(cancellationToken);
        return counts.ToDictionary(c => c.Kind, c => c.Examples);
    }

    private static IQueryable<Example> Filter(LabelErrorsDbContext db, int datasetId, MultiLabelView view)
    {
        var examples = db.Examples.AsNoTracking().Where(e => e.DatasetId == datasetId);
        if (!view.AllExamples)
            examples = examples.Where(e => e.IssueRank != null);
        var classIndex = view.ClassIndex;
        var issue = view.Issue;
        if (classIndex is not null || issue is not null)
        {
            // A class filter alone: the class is given or flagged (in the given or the suggested set); with a kind, that kind.
            examples = examples.Where(e => db.ExampleClassLabels.Any(l => l.DatasetId == datasetId && l.ExampleId == e.Id
                && (classIndex == null || l.ClassIndex == classIndex)
                && (issue == null ? (l.IsGiven || l.Issue != null) : l.Issue == issue)));
        }
        return examples;
    }

    private static IQueryable<Example> Order(IQueryable<Example> examples, MultiLabelView view) => view.AllExamples
        ? examples.OrderBy(e => e.LabelQuality ?? double.MaxValue).ThenBy(e => e.StudyIndex)
        : examples.OrderBy(e => e.IssueRank);

    private static async Task<Dictionary<long, List<MultiLabelClass>>> ClassesAsync(LabelErrorsDbContext db, int datasetId, long[] exampleIds, CancellationToken cancellationToken)
    {
        var rows = await db.ExampleClassLabels.AsNoTracking().Where(l => l.DatasetId == datasetId && exampleIds.Contains(l.ExampleId))
            .OrderBy(l => l.ExampleId).ThenBy(l => l.ClassIndex)
            .ToListAsync(cancellationToken);
        return rows.GroupBy(l => l.ExampleId).ToDictionary(g => g.Key,
            g => g.Select(l => new MultiLabelClass(l.ClassIndex, l.IsGiven, l.Probability, l.Quality, l.Issue)).ToList());
    }
}
