using Microsoft.AspNetCore.OutputCaching;

namespace LabelErrors.Web.Browse.Caching;

/// <summary>Evicts cached browse pages and in-memory dataset data when the data behind them changes.</summary>
public sealed class BrowsePageCache(IOutputCacheStore store, BrowseDataChanges changes)
{
    /// <summary>A change visible only on one dataset's pages (e.g. a visitor vote on one of its examples).</summary>
    public ValueTask EvictDatasetAsync(string slug, CancellationToken cancellationToken = default) =>
        store.EvictByTagAsync(BrowsePagePaths.DatasetTag(slug), cancellationToken);

    /// <summary>A change that can show on every page (an import, a listed upload: the menu of datasets).</summary>
    public async ValueTask EvictAllAsync(CancellationToken cancellationToken = default)
    {
        changes.Signal();
        await store.EvictByTagAsync(BrowsePagePaths.AllPagesTag, cancellationToken);
    }
}
