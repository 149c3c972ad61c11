using System.Globalization;
using LabelErrors.Data;
using Microsoft.EntityFrameworkCore;

namespace LabelErrors.Web.Review.MultiAnnotator;

/// <summary>
/// The distribution charts of a multi-annotator upload (results page and <c>GET /api/v1/uploads/{token}/consensus-distribution</c>):
/// the database counts the examples per bucket, so a large upload sends ten numbers per chart, not its rows.
/// </summary>
public sealed class ConsensusCharts(IDbContextFactory<LabelErrorsDbContext> contexts)
{
    public const int BucketCount = 10;

    public static IReadOnlyList<string> BucketNames { get; } = Enumerable.Range(0, BucketCount)
        .Select(b => $"{(b / (double)BucketCount).ToString("0.0", CultureInfo.InvariantCulture)}–{((b + 1) / (double)BucketCount).ToString("0.0", CultureInfo.InvariantCulture)}")
        .ToArray();

    public async Task<ConsensusDistribution> DistributionAsync(int datasetId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var examples = db.Examples.AsNoTracking().Where(e => e.DatasetId == datasetId);
        var quality = await examples.Where(e => e.LabelQuality != null)
            .GroupBy(e => e.LabelQuality >= 1.0 ? BucketCount - 1 : (int)Math.Floor(e.LabelQuality!.Value * BucketCount))
            .Select(g => new { Bucket = g.Key, Count = g.LongCount() }).ToListAsync(cancellationToken);
        var agreement = await examples.Where(e => e.AnnotatorAgreement != null)
            .GroupBy(e => e.AnnotatorAgreement >= 1.0 ? BucketCount - 1 : (int)Math.Floor(e.AnnotatorAgreement!.Value * BucketCount))
            .Select(g => new { Bucket = g.Key, Count = g.LongCount() }).ToListAsync(cancellationToken);
        var totals = await examples.GroupBy(e => 1).Select(g => new
        {
            Examples = g.LongCount(),
            Flagged = g.LongCount(e => e.IsClFlagged),
            Unanimous = g.LongCount(e => e.AnnotatorAgreement >= 1.0),
        }).SingleOrDefaultAsync(cancellationToken);
        return new ConsensusDistribution(BucketNames, Fill(quality.Select(q => (q.Bucket, q.Count))), Fill(agreement.Select(a => (a.Bucket, a.Count))),
            totals?.Unanimous ?? 0, totals?.Examples ?? 0, totals?.Flagged ?? 0);
    }

    private static long[] Fill(IEnumerable<(int Bucket, long Count)> counts)
    {
        var buckets = new long[BucketCount];
        foreach (var (bucket, count) in counts)
            buckets[Math.Clamp(bucket, 0, BucketCount - 1)] += count;
        return buckets;
    }
}
