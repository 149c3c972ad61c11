using LabelErrors.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace LabelErrors.Web.Images;

/// <summary>
/// Which datasets and examples exist, from the database. Dataset rows are cached briefly (every image request asks),
/// example rows are read only when rendering.
/// </summary>
public sealed class ImageCatalogue(IDbContextFactory<LabelErrorsDbContext> contexts, IMemoryCache cache)
{
    private static readonly TimeSpan DatasetLifetime = TimeSpan.FromSeconds(30);

    public async Task<DatasetImageInfo?> FindDatasetAsync(string slug, CancellationToken cancellationToken)
    {
        var key = "image-catalogue:" + slug;
        if (cache.TryGetValue(key, out DatasetImageInfo? known))
            return known;

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Datasets.AsNoTracking().Where(d => d.Slug == slug)
            .Select(d => new { d.Id, d.Slug, d.Name, d.Modality, d.TestSetSize })
            .SingleOrDefaultAsync(cancellationToken);
        DatasetImageInfo? info = null;
        if (row is not null)
        {
            var classes = await db.Classes.AsNoTracking().Where(c => c.DatasetId == row.Id).ToDictionaryAsync(c => c.Index, c => c.Name, cancellationToken);
            info = new DatasetImageInfo(row.Id, row.Slug, row.Name, row.Modality, row.TestSetSize, classes);
        }
        cache.Set(key, info, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = DatasetLifetime, Size = 1 });
        return info;
    }

    /// <summary>
    /// Whether the id names an example: inside the published test set, or a row the import created (uploads and
    /// sets whose size is unknown have rows only).
    /// </summary>
    public async Task<bool> ExampleExistsAsync(DatasetImageInfo dataset, long id, CancellationToken cancellationToken)
    {
        if (id >= 0 && id < dataset.TestSetSize)
            return true;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Examples.AnyAsync(e => e.DatasetId == dataset.Id && e.StudyIndex == id, cancellationToken);
    }

    public async Task<ExampleImageInfo> FindExampleAsync(DatasetImageInfo dataset, long id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Examples.AsNoTracking().Where(e => e.DatasetId == dataset.Id && e.StudyIndex == id)
            .Select(e => new { e.GivenLabel, e.GuessedLabel, e.Consensus, SourceUrl = e.Votes == null ? null : e.Votes.SourceUrl })
            .FirstOrDefaultAsync(cancellationToken);
        return row is null
            ? new ExampleImageInfo(id, null, null, null, null)
            : new ExampleImageInfo(id, row.GivenLabel, row.GuessedLabel, row.Consensus?.ToString(), row.SourceUrl);
    }

    /// <summary>The dataset's validated errors for its cover, spread over the test set (every k-th by index).</summary>
    public async Task<IReadOnlyList<ExampleImageInfo>> CoverExamplesAsync(DatasetImageInfo dataset, int count, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Examples.AsNoTracking().Where(e => e.DatasetId == dataset.Id && e.IsValidatedError)
            .OrderBy(e => e.StudyIndex)
            .Select(e => new ExampleImageInfo(e.StudyIndex, e.GivenLabel, e.GuessedLabel, null, e.Votes == null ? null : e.Votes.SourceUrl))
            .ToListAsync(cancellationToken);
        if (rows.Count <= count)
            return rows;
        var step = (double)rows.Count / count;
        return Enumerable.Range(0, count).Select(i => rows[(int)(i * step)]).ToList();
    }
}
