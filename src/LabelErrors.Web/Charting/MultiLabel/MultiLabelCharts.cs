using LabelErrors.Data;
using LabelErrors.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LabelErrors.Web.Charting.MultiLabel;

/// <summary>
/// The data behind a multi-label upload's charts (the /charts page and <c>GET /api/v1/uploads/{token}/charts</c>):
/// per class, how many examples have it flagged as "label wrong" and as "label missing"; and the examples' label
/// quality scores in <see cref="Bins"/> equal bins over [0, 1], flagged and not flagged apart. Both are aggregated by
/// PostgreSQL (a 1M-example upload sends back K + 2 × Bins rows).
/// </summary>
public sealed class MultiLabelCharts(IDbContextFactory<LabelErrorsDbContext> contexts)
{
    public const int Bins = 20;

    /// <summary>The charts of the multi-label upload with this slug; null when there is none.</summary>
    public async Task<MultiLabelChartSet?> LoadAsync(string slug, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var dataset = await db.Datasets.AsNoTracking()
            .Where(d => d.Slug == slug && d.Upload != null && d.Upload.Task == UploadTask.MultiLabel)
            .Select(d => new { d.Id, d.Slug, d.Name, d.ClassCount })
            .FirstOrDefaultAsync(cancellationToken);
        if (dataset is null)
            return null;
        return await LoadAsync(db, dataset.Id, dataset.Slug, dataset.Name, dataset.ClassCount, cancellationToken);
    }

    /// <summary>The charts of a multi-label upload's dataset.</summary>
    public async Task<MultiLabelChartSet> LoadAsync(Dataset dataset, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await LoadAsync(db, dataset.Id, dataset.Slug, dataset.Name, dataset.ClassCount, cancellationToken);
    }

    private static async Task<MultiLabelChartSet> LoadAsync(LabelErrorsDbContext db, int datasetId, string slug, string name, int classCount, CancellationToken cancellationToken)
    {
        var names = await db.Classes.AsNoTracking().Where(c => c.DatasetId == datasetId).ToDictionaryAsync(c => c.Index, c => c.Name, cancellationToken);
        var pairs = await db.ExampleClassLabels.AsNoTracking()
            .Where(l => l.DatasetId == datasetId && l.Issue != null)
            .GroupBy(l => new { l.ClassIndex, Issue = l.Issue!.Value })
            .Select(g => new { g.Key.ClassIndex, g.Key.Issue, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var classes = Enumerable.Range(0, classCount)
            .Select(c => new ClassIssueCounts(c, names.GetValueOrDefault(c) ?? $"class {c}",
                pairs.Where(p => p.ClassIndex == c && p.Issue == MultiLabelIssueKind.LabelWrong).Sum(p => p.Count),
                pairs.Where(p => p.ClassIndex == c && p.Issue == MultiLabelIssueKind.LabelMissing).Sum(p => p.Count)))
            .ToList();

        // floor(q × Bins), with q = 1 folded into the last bin; examples without a score are left out.
        var binned = await db.Examples.AsNoTracking()
            .Where(e => e.DatasetId == datasetId && e.LabelQuality != null)
            .GroupBy(e => new { Bin = Math.Min(Math.Floor(e.LabelQuality!.Value * Bins), Bins - 1), Flagged = e.IssueRank != null })
            .Select(g => new { g.Key.Bin, g.Key.Flagged, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var quality = Enumerable.Range(0, Bins)
            .Select(b => new QualityBin((double)b / Bins, (double)(b + 1) / Bins,
                binned.Where(x => (int)Math.Max(0, x.Bin) == b && x.Flagged).Sum(x => x.Count),
                binned.Where(x => (int)Math.Max(0, x.Bin) == b && !x.Flagged).Sum(x => x.Count)))
            .ToList();
        var examples = await db.Examples.CountAsync(e => e.DatasetId == datasetId, cancellationToken);
        var flagged = await db.Examples.CountAsync(e => e.DatasetId == datasetId && e.IssueRank != null, cancellationToken);
        return new MultiLabelChartSet(slug, name, examples, flagged, classes, quality);
    }
}
