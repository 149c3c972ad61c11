using LabelErrors.Data;
using LabelErrors.Web.Browse.Caching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace LabelErrors.Web.Browse;

/// <summary>
/// Loads a dataset by its URL slug for the browse pages. Every page of a dataset needs its class names (1,000 for
/// ImageNet) and they only change with an import, so they are kept in memory until <see cref="BrowseDataChanges"/>
/// signals a change or the lookup lifetime ends. Unknown slugs are not remembered (an upload may create one).
/// </summary>
public sealed class DatasetLookup(
    IDbContextFactory<LabelErrorsDbContext> contexts,
    IMemoryCache cache,
    BrowseDataChanges changes,
    IOptions<BrowseCacheOptions> options)
{
    public async Task<BrowseDataset?> FindAsync(string slug, CancellationToken cancellationToken = default)
    {
        var key = (typeof(DatasetLookup), slug);
        if (cache.TryGetValue(key, out BrowseDataset? cached))
            return cached;
        var dataset = await LoadAsync(slug, cancellationToken);
        if (dataset is not null && options.Value.LookupSeconds > 0)
        {
            using var entry = cache.CreateEntry(key);
            entry.Value = dataset;
            entry.AbsoluteExpirationRelativeToNow = options.Value.LookupLifetime;
            entry.AddExpirationToken(changes.Token);
            entry.Size = 1 + dataset.ClassNames.Count;
        }
        return dataset;
    }

    private async Task<BrowseDataset?> LoadAsync(string slug, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var dataset = await db.Datasets.AsNoTracking()
            .Where(d => d.Slug == slug)
            .Select(d => new { d.Id, d.Slug, d.Name, d.Modality, d.TestSetSize })
            .FirstOrDefaultAsync(cancellationToken);
        if (dataset is null)
            return null;
        var classes = await db.Classes.AsNoTracking()
            .Where(c => c.DatasetId == dataset.Id)
            .Select(c => new { c.Index, c.Name })
            .ToDictionaryAsync(c => c.Index, c => c.Name, cancellationToken);
        return new BrowseDataset(dataset.Id, dataset.Slug, dataset.Name, dataset.Modality, dataset.TestSetSize, classes);
    }
}
